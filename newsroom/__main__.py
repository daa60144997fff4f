"""python -m newsroom new|import — the editor commands of the Makefile.

Arguments fall back to environment variables of the same name, so that
``make new TITLE="…" REGENCIES="…"`` passes titles with quotes intact.
"""

import argparse
import contextlib
import logging
import os
import sys

from editorial.checker import check_content
from editorial.problems import ERROR

from . import new_release, scraped_release
from .release_file import SymlinkedFolder, release_path, write_new
from .site_settings import load


def show(problems, root=None) -> None:
    root = root or os.getcwd()
    for problem in problems:
        print(problem.render(root), file=sys.stderr)


def command_new(args, settings) -> int:
    path, problems = new_release.create(settings, args.title, args.regencies)
    show(problems)
    if path is None:
        return 1
    print(path)
    return 0


def command_import(args, settings) -> int:
    source = args.file
    try:
        with open(source, encoding="utf-8") as scraped:
            text = scraped.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"GALAT {source}: berkas tidak dapat dibaca ({error}).", file=sys.stderr)
        return 1
    result = scraped_release.parse_scraped(
        text,
        source,
        settings,
        date=args.date,
        category=args.category,
        tags=args.tags,
        author=args.author,
    )
    problems = list(result.problems)
    if result.release is None:
        show(problems)
        return 1
    path = release_path(settings["PATH"], settings["ARTICLE_PATHS"][0], result.release)
    try:
        write_new(path, result.release, settings["PATH"])
    except SymlinkedFolder as refused:
        show(problems)
        print(f"GALAT {path}: {refused.message}\n    Perbaikan: {refused.hint}",
              file=sys.stderr)  # fmt: skip
        return 1
    except FileExistsError:
        show(problems)
        message = f"GALAT {path}: berkas sudah ada; impor tidak menimpanya."
        print(message, file=sys.stderr)
        return 1
    # The same checks as every build, over the whole content folder: they
    # catch what only the site as a whole shows (a duplicate URL).
    logging.disable(logging.CRITICAL)
    try:
        found = check_content(args.settings, settings["PATH"])
    finally:
        logging.disable(logging.NOTSET)
    mine = [p for p in found if os.path.abspath(p.path) == os.path.abspath(path)]
    problems += mine
    show(problems)
    if any(p.severity == ERROR for p in mine):
        os.remove(path)
        with contextlib.suppress(OSError):  # the year folder, if we made it
            os.rmdir(os.path.dirname(path))
        print("Impor dibatalkan: perbaiki galat di atas lalu ulangi.", file=sys.stderr)
        return 1
    print(path)
    return 0


def parser() -> argparse.ArgumentParser:
    env = os.environ.get
    main = argparse.ArgumentParser(prog="python -m newsroom")
    main.add_argument("--settings", default=env("CONFFILE", "pelicanconf.py"))
    main.add_argument("--content", default=env("INPUTDIR"))
    commands = main.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="a new release (draft)")
    new.add_argument("--title", default=env("TITLE", ""))
    new.add_argument("--regencies", default=env("REGENCIES", ""))
    imported = commands.add_parser("import", help="import a scraped release")
    imported.add_argument("--file", default=env("FILE", ""))
    imported.add_argument("--date", default=env("DATE") or None)
    imported.add_argument("--category", default=env("CATEGORY") or None)
    imported.add_argument("--tags", default=env("TAGS") or None)
    imported.add_argument("--author", default=env("AUTHOR_CREDIT") or None)
    return main


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    settings = load(args.settings, args.content)
    if args.command == "new":
        return command_new(args, settings)
    if not args.file:
        print("GALAT: sebutkan berkasnya: make import FILE=rilis.txt", file=sys.stderr)
        return 2
    return command_import(args, settings)


if __name__ == "__main__":
    sys.exit(main())
