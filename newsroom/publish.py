"""Publish the site safely: ``python -m newsroom.publish`` (``make publish``).

    python -m newsroom.publish --input content --output /srv/www [--cache cache]
        [--settings publishconf.py] [--siteurl URL] [--lock-timeout S]
        [-- PELICAN OPTIONS]
    python -m newsroom.publish --rollback --output /srv/www
    python -m newsroom.publish --clean [--preview] --output FOLDER
    python -m newsroom.publish --preview --output pratinjau   (before make html)

A publish refuses, before building, an output folder it must not replace
(``publishing.folders``), a missing or empty INPUTDIR and a WARTA_SITEURL that
is not an address (``publishing.source``). Then, holding ``OUTPUTDIR.lock``
(``publishing.lock``) for the build and the swap, it removes leftovers of
earlier runs that are provably its own (``publishing.siblings``), builds
into a fresh ``.OUTPUT.baru-XXXX/situs`` beside the output, refuses a build
without a release or with a broken internal link, leaves the live site
alone when nothing changed, and otherwise swaps the build in atomically
(``newsroom.swap``), keeping the replaced site as ``OUTPUTDIR.lama`` until
the next publish (``--rollback`` swaps it back).
The live folder is only ever touched by that one exchange.
"""

import argparse
import ctypes
import ctypes.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from pelican.settings import read_settings

from . import websub
from .linkcheck import check_links
from .publishing import folders, siblings, source
from .publishing.compare import same_site
from .publishing.lock import PublishLock, lock_timeout
from .publishing.messages import Refusal, system_reason
from .swap import delete_detached, swap_into_place

PUBLISH_SETTINGS = os.path.join(folders.PROJECT, "publishconf.py")
LINKS_SHOWN = 20
PR_SET_PDEATHSIG = 1
CHILD_GRACE = 10.0  # seconds Pelican gets to stop after Ctrl-C
LOW_SPACE = 4 * 1024 * 1024  # bytes left: a failed build ran out of space


def _parse(argv):
    argv = list(sys.argv[1:] if argv is None else argv)
    pelican_options = []
    if "--" in argv:
        at = argv.index("--")
        argv, pelican_options = argv[:at], argv[at + 1 :]
    parser = argparse.ArgumentParser(prog="python -m newsroom.publish")
    parser.add_argument("--input")
    parser.add_argument("--output")
    parser.add_argument("--cache")
    parser.add_argument("--settings", default=PUBLISH_SETTINGS)
    parser.add_argument("--siteurl", help="default: SITEURL of the settings")
    parser.add_argument(
        "--lock-timeout", default=os.environ.get("PUBLISH_LOCK_TIMEOUT")
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--rollback", action="store_true")
    mode.add_argument("--clean", action="store_true")
    parser.add_argument("--preview", action="store_true")
    args = parser.parse_args(argv)
    args.pelican_options = pelican_options
    return args


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _waiting(output: str) -> Callable[[], None]:
    return lambda: _say(
        f"Menunggu penerbitan lain ke {output} selesai (kunci {output}.lock) …"
    )


def _die_with_parent() -> None:
    """In the Pelican child: a killed publish takes its build down with it."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    prctl = getattr(libc, "prctl", None)  # Linux only
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _pelican(args, source_dir: str, site: str, output: str, siteurl: str) -> int:
    overrides = [
        f"SITEURL={json.dumps(siteurl)}",
        f"PREVIOUS_OUTPUT_PATH={json.dumps(output)}",
    ]
    if args.cache:
        cache = os.path.abspath(args.cache)
        overrides += [
            "CACHE_CONTENT=true",
            "LOAD_CONTENT_CACHE=true",
            'CONTENT_CACHING_LAYER="reader"',
            f"CACHE_PATH={json.dumps(cache)}",
        ]
    command = [
        *(sys.executable, "-m", "newsroom.strict_pelican", source_dir, "-o", site),
        *("-s", args.settings, *args.pelican_options, "-e", *overrides),
    ]
    with subprocess.Popen(command, preexec_fn=_die_with_parent) as child:
        try:
            return child.wait()
        except KeyboardInterrupt:
            # Ctrl-C reached Pelican too: let it stop before the workspace
            # it writes into is removed.
            try:
                child.wait(timeout=CHILD_GRACE)
            except subprocess.TimeoutExpired:
                child.kill()
            raise


def _free_bytes(path: str) -> int:
    return shutil.disk_usage(path).free


def _usable_cache(cache: str) -> bool:
    """The reader cache is only an optimisation: a CACHEDIR that cannot be
    written is skipped with a warning, not a failed publish."""
    try:
        os.makedirs(cache, exist_ok=True)
        with tempfile.TemporaryFile(dir=cache) as probe:
            probe.write(b"0")
    except OSError as error:
        _say(
            f"PERINGATAN: CACHEDIR “{cache}” tidak dapat ditulis "
            f"({system_reason(error)}); situs dibangun tanpa cache (lebih lambat). "
            "Perbaikan: beri hak tulis pada folder itu atau pilih CACHEDIR lain."
        )
        return False
    return True


def _output(args, kind: str, source_dir: str | None = None) -> str:
    return folders.output_folder(
        args.output,
        kind=kind,
        input_dir=source_dir or (args.input and os.path.abspath(args.input)),
        cache_dir=args.cache and os.path.abspath(args.cache),
        setting="PREVIEWDIR" if kind == folders.PREVIEW else "OUTPUTDIR",
    )


def publish(args, after_build=None, build=None) -> int:
    """``after_build(site)`` runs between the build and its checks, and
    ``build`` replaces Pelican (same arguments as ``_pelican``): hooks for
    the tests, which thereby run every other step for real."""
    build = build or _pelican
    source_dir = source.input_folder(args.input, os.getcwd())
    output = _output(args, folders.PUBLISH, source_dir)
    settings = read_settings(args.settings, override={"PATH": source_dir})
    siteurl = source.check_siteurl(args.siteurl or settings.get("SITEURL", ""))
    source.check_releases(source_dir, settings)
    timeout = lock_timeout(args.lock_timeout)
    cache_dir = args.cache and os.path.abspath(args.cache)
    if cache_dir and not _usable_cache(cache_dir):
        args.cache = None
    guarded = {"INPUTDIR": source_dir, "CACHEDIR": cache_dir}
    workspace, replaced, went_live = None, False, False
    try:
        with PublishLock(output, timeout, _waiting(output)):
            subject = f"OUTPUTDIR={args.output}"
            folders.check_existing(output, folders.PUBLISH, "OUTPUTDIR", subject)
            folders.check_previous(
                siblings.previous_of(output), guarded, folders.PROJECT
            )
            siblings.remove_leftovers(output, list(guarded.values()), folders.PROJECT)
            workspace = siblings.new_workspace(output)
            site = os.path.join(workspace, siblings.BUILD)
            if build(args, source_dir, site, output, siteurl) != 0:
                _say(f"Situs publik di {output} tidak diubah.")
                if _free_bytes(workspace) < LOW_SPACE:
                    _say(str(Refusal("no_space", path=os.path.dirname(output))))
                return 1
            if after_build:
                after_build(Path(site))
            _check_build(site, source_dir, settings, siteurl, subject)
            if same_site(site, output):
                print(
                    f"Tidak ada perubahan: {output} sudah berisi situs yang sama; "
                    "tidak ditukar."
                )
                return 0
            hub = settings.get("SYNDICATION_WEBSUB_HUB")
            feeds = websub.changed_feeds(site, output, settings) if hub else []
            # Ctrl-C waits until the exchange and keeping the previous site
            # are both done: the live site is never left half-handled.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                replaced = _go_live(site, output, workspace)
            finally:
                went_live = True
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            _notify_hub(hub, feeds, siteurl)
            return 0
    except KeyboardInterrupt:
        if not went_live:
            raise
        _say(
            f"PERINGATAN: penerbitan dihentikan (Ctrl-C) setelah situs baru "
            f"tayang di {output}; hub WebSub mungkin belum diberi tahu."
        )
        return 130
    finally:
        _cleanup(workspace, replaced)


def _notify_hub(hub: str | None, feeds: list[str], siteurl: str) -> None:
    """After the swap: the hub hears of every feed this publish changed."""
    if not (hub and feeds):
        return
    problems = websub.notify(hub, [f"{siteurl}/{feed}" for feed in feeds])
    if problems:
        _say(
            f"PERINGATAN: hub WebSub {hub} tidak dapat diberi tahu "
            f"({len(problems)} dari {len(feeds)} umpan; pertama: {problems[0]}). "
            "Situs sudah terbit; pelanggan umpan tetap mengambilnya pada "
            "jadwal mereka sendiri."
        )
    else:
        print(f"WebSub: {len(feeds)} umpan yang berubah diberitahukan ke {hub}.")


def _check_build(site: str, source_dir: str, settings, siteurl: str, subject) -> None:
    """The new build may go live: it has a release, no preview address, no
    broken internal link. Marks it as a publish."""
    source.check_built_releases(site, source_dir, settings)
    source.check_no_local_address(site, settings.get("LOCAL_SITEURL"))
    folders.write_marker(site, folders.PUBLISH)
    broken, _checked = check_links(site, [siteurl])
    if broken:
        links = "\n".join(f"      {link}" for link in broken[:LINKS_SHOWN])
        if len(broken) > LINKS_SHOWN:
            links += f"\n      … dan {len(broken) - LINKS_SHOWN} lagi"
        raise Refusal("broken_links", subject, count=len(broken), links=links)


def _go_live(site: str, output: str, workspace: str) -> bool:
    """The one step that changes the live site. True when a previous site
    was replaced (it is kept as OUTPUTDIR.lama, the one before in
    ``workspace``)."""
    if not swap_into_place(site, output):
        print(f"Diterbitkan: {output}")
        return False
    previous = siblings.previous_of(output)
    try:
        siblings.keep_previous(site, output, workspace)
    except OSError as error:
        _say(
            f"PERINGATAN: situs baru sudah tayang di {output}, tetapi terbitan "
            f"sebelumnya tidak dapat disimpan sebagai {previous} "
            f"({error.strerror}); make rollback tidak tersedia kali ini."
        )
        return True
    print(
        f"Diterbitkan: {output} (terbitan sebelumnya disimpan di {previous}; "
        f"kembalikan dengan make rollback OUTPUTDIR={output})"
    )
    return True


def _cleanup(workspace: str | None, detached: bool) -> None:
    if workspace is None or not os.path.lexists(workspace):
        return
    if detached:  # holds the site kept before: large, deleted in the background
        delete_detached([workspace])
    else:
        shutil.rmtree(workspace, ignore_errors=True)


def rollback(args) -> int:
    output = _output(args, folders.PUBLISH)
    previous = siblings.previous_of(output)
    with PublishLock(output, lock_timeout(args.lock_timeout), _waiting(output)):
        guarded = {
            "INPUTDIR": args.input and os.path.abspath(args.input),
            "CACHEDIR": args.cache and os.path.abspath(args.cache),
        }
        folders.check_previous(previous, guarded, folders.PROJECT)
        if not os.path.isdir(previous) or not os.listdir(previous):
            raise Refusal(
                "nothing_to_restore", f"OUTPUTDIR={args.output}", path=previous
            )
        exchanged = swap_into_place(previous, output)
    if exchanged:
        print(
            f"Dipulihkan: {output} kembali berisi terbitan sebelumnya; yang tadi "
            f"tayang kini di {previous} (make rollback lagi untuk membatalkan)."
        )
    else:  # after make clean: nothing was live
        print(
            f"Dipulihkan: {output} kembali berisi terbitan sebelumnya. Sebelumnya "
            f"tidak ada situs yang tayang di {output}, jadi tidak ada yang "
            f"disimpan di {previous}; make rollback lagi tidak dapat membatalkan "
            "ini (hapus dengan make clean)."
        )
    return 0


def clean(args) -> int:
    kind = folders.PREVIEW if args.preview else folders.PUBLISH
    output = _output(args, kind)
    if not os.path.lexists(output):
        return 0
    with PublishLock(output, lock_timeout(args.lock_timeout), _waiting(output)):
        setting = "PREVIEWDIR" if args.preview else "OUTPUTDIR"
        folders.check_existing(output, kind, setting, f"{setting}={args.output}")
        shutil.rmtree(output)
    print(f"Dihapus: {output}")
    return 0


def prepare_preview(args) -> int:
    """Before a preview build: refuse a published or foreign folder, mark ours."""
    source_dir = source.input_folder(args.input, os.getcwd())
    output = _output(args, folders.PREVIEW, source_dir)
    os.makedirs(output, exist_ok=True)
    folders.write_marker(output, folders.PREVIEW)
    return 0


def main(argv=None, after_build=None, build=None) -> int:
    args = _parse(argv)
    try:
        if args.rollback:
            return rollback(args)
        if args.clean:
            return clean(args)
        if args.preview:
            return prepare_preview(args)
        return publish(args, after_build, build)
    except KeyboardInterrupt:
        if args.rollback or args.clean or args.preview:
            _say("Dibatalkan (Ctrl-C).")
        else:
            where = args.output if args.output and args.output.strip() else ""
            _say(str(Refusal("cancelled", path=where)))
        return 130
    except (Refusal, OSError) as problem:
        if isinstance(problem, OSError):
            problem = Refusal(
                "system", error=system_reason(problem), path=problem.filename or ""
            )
        _say(str(problem))
        if not (args.rollback or args.clean or args.preview):
            where = f" di {args.output}" if args.output and args.output.strip() else ""
            _say(f"Situs publik{where} tidak diubah.")
        return 1


if __name__ == "__main__":
    sys.exit(main())
