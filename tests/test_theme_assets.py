"""Fingerprinted copies of the theme's CSS/JS: a new file each time (never
written through a link into another folder) and, in place, no copy of an
older version left beside the current one."""

import os

from theme_assets import write_fingerprinted_copies


class _Pelican:
    def __init__(self, output, names):
        self.output_path = str(output)
        self.settings = {"THEME_STATIC_DIR": "theme", "THEME_ASSET_NAMES": names}


def test_copies_are_new_files_and_older_versions_go(tmp_path):
    live = tmp_path / "live"
    live.mkdir()
    (live / "style.0123456789.css").write_text("old", encoding="utf-8")
    css = tmp_path / "output" / "theme" / "css"
    css.mkdir(parents=True)
    (css / "style.css").write_text("new", encoding="utf-8")
    os.link(live / "style.0123456789.css", css / "style.0123456789.css")
    (css / "style.abcdefabcd.css").write_text("older", encoding="utf-8")
    os.link(live / "style.0123456789.css", css / "style.ffffffffff.css")

    names = {"css/style.css": "css/style.0123456789.css"}
    write_fingerprinted_copies(_Pelican(tmp_path / "output", names))

    assert (css / "style.0123456789.css").read_text(encoding="utf-8") == "new"
    assert (live / "style.0123456789.css").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in css.iterdir()) == [
        "style.0123456789.css",
        "style.css",
    ]
    assert (live / "style.0123456789.css").exists()  # unlinking spares the other
