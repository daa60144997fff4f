"""The admin for production, as static files for its own origin.

``python -m newsroom.redaksi.export DEST --forge gitea --forge-url
https://git.example --repo lkks/warta --app-id CLIENT_ID`` copies the admin
page, our scripts and the vendored Decap into DEST and writes ``redaksi.json``
for the Gitea/Forgejo backend: editors log in with their forge account, each
save is a commit that the publishing path builds. deploy/nginx-redaksi.conf
serves DEST.
"""

import argparse
import json
import os
import shutil
import sys

from ..site_settings import load
from .config import forge_backend, page_data, site_stylesheet
from .server import ADMIN


def export(destination: str, settings: dict, backend: dict, site_url: str) -> None:
    if os.path.exists(destination):
        shutil.rmtree(destination)
    shutil.copytree(ADMIN, destination)
    shutil.copyfile(site_stylesheet(settings), os.path.join(destination, "site.css"))
    prefix = os.path.basename(os.path.normpath(settings["PATH"]))
    data = page_data(settings, prefix, site_url, backend)
    with open(os.path.join(destination, "redaksi.json"), "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsroom.redaksi.export")
    parser.add_argument("destination")
    parser.add_argument("--settings", default="publishconf.py")
    parser.add_argument("--forge", choices=("gitea", "forgejo"), default="gitea")
    parser.add_argument("--forge-url", required=True)
    parser.add_argument("--repo", required=True, help="owner/name")
    parser.add_argument("--app-id", required=True, help="the OAuth2 client ID")
    parser.add_argument("--branch", default="main")
    args = parser.parse_args(argv)
    settings = load(args.settings)
    try:
        backend = forge_backend(
            args.forge, args.forge_url, args.repo, args.app_id, args.branch
        )
    except ValueError as error:
        print(f"GALAT: {error}", file=sys.stderr)
        return 2
    export(args.destination, settings, backend, settings.get("SITEURL") or "/")
    print(f"Admin redaksi ditulis ke {args.destination}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
