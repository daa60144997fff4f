"""``make redaksi``: ``python -m newsroom.redaksi [--port N] [--commit]``."""

import argparse
import logging
import os
import sys

from ..site_settings import load
from .api import ProxyApi, Saving
from .commit import repository_of
from .config import local_backend, page_data, site_stylesheet
from .paths import ContentFolder
from .server import RedaksiServer
from .store import ContentStore

DEFAULT_PORT = 8001


def build_server(settings_file, content, port=DEFAULT_PORT, commit=False,
                 preview_url=None, check=True) -> RedaksiServer:  # fmt: skip
    settings = load(settings_file, content)
    folder = ContentFolder.at(settings["PATH"])
    repository = None
    if commit:
        repository = repository_of(folder.root)
        if repository is None:
            raise SystemExit(
                f"GALAT {folder.root}: bukan bagian dari repositori git; "
                "jalankan tanpa REDAKSI_COMMIT=1 atau buat repositorinya (git init)."
            )
    preview = preview_url or settings.get("LOCAL_SITEURL", "http://127.0.0.1:8000")
    saving = Saving(os.path.abspath(settings_file), repository, check)
    api = ProxyApi(ContentStore(folder), saving, os.path.dirname(folder.root))
    data = page_data(settings, folder.prefix, preview, local_backend())
    return RedaksiServer(("127.0.0.1", port), api, data, site_stylesheet(settings))


def main(argv=None) -> int:
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="python -m newsroom.redaksi")
    parser.add_argument("--settings", default=env("CONFFILE", "pelicanconf.py"))
    parser.add_argument("--content", default=env("INPUTDIR"))
    parser.add_argument(
        "--port", type=int, default=int(env("REDAKSI_PORT") or DEFAULT_PORT)
    )
    parser.add_argument("--commit", action="store_true",
                        default=env("REDAKSI_COMMIT", "") not in ("", "0"))  # fmt: skip
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        server = build_server(args.settings, args.content, args.port, args.commit)
    except OSError as error:
        message = (
            f"GALAT: port {args.port} tidak dapat dipakai ({error}); "
            "pilih port lain: make redaksi REDAKSI_PORT=8002"
        )
        print(message, file=sys.stderr)
        return 1
    port = server.server_address[1]
    print(f"Redaksi siap: buka http://127.0.0.1:{port}/admin/ di peramban.", flush=True)
    if args.commit:
        print("Setiap simpanan dicatat sebagai commit git.", flush=True)
    print("Hentikan dengan Ctrl+C.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
