"""The admin's files: the vendored Decap CMS as recorded, the Indonesian locale
complete, the configuration made from the registry and the editorial settings."""

import hashlib
import json
import re
import subprocess

from newsroom.redaksi.config import admin_config, summary_limit
from newsroom.site_settings import load, registry_of
from tests.real_parts import NODE, needs_node
from tests.sitebuild import CONFIG, ROOT

ADMIN = ROOT / "newsroom" / "redaksi" / "admin"
VENDOR = ADMIN / "vendor" / "decap-cms"


def manifest():
    return json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))


def test_vendored_decap_is_the_recorded_release():
    recorded = manifest()
    assert (recorded["package"], recorded["version"]) == ("decap-cms", "3.16.3")
    assert recorded["integrity"] == (
        "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUK"
        "zav6+z0oIpwUYhUJDYtYw=="
    )
    files = sorted(p.name for p in VENDOR.iterdir() if p.name != "MANIFEST.json")
    assert files == sorted(recorded["sha256"])
    for name, digest in recorded["sha256"].items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert not [name for name in files if name.endswith(".map")]


def test_every_chunk_decap_loads_is_vendored():
    """Lazy chunks and WebAssembly load from beside decap-cms.js: all present."""
    bundle = (VENDOR / "decap-cms.js").read_text(encoding="utf-8")
    wasm = set(re.findall(r"[0-9a-f]{20}\.wasm", bundle))
    for chunk in (VENDOR).glob("*.decap-cms.js"):
        wasm |= set(re.findall(r"[0-9a-f]{20}\.wasm", chunk.read_text("utf-8")))
    assert wasm
    for name in wasm:
        assert (VENDOR / name).is_file(), name


def test_the_page_loads_only_its_own_files():
    page = (ADMIN / "index.html").read_text(encoding="utf-8")
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources
    for source in sources:
        assert "//" not in source, source
        assert not source.startswith("/"), source
        assert (ADMIN / source).is_file(), source
    assert "<script>" not in page  # no inline script: script-src 'self'


@needs_node
def test_the_indonesian_locale_translates_every_string():
    """Every key of Decap's English locale (read from the vendored bundle)."""
    bundle = (VENDOR / "decap-cms.js").read_text(encoding="utf-8")
    end = bundle.index(
        'currentEntries:"%{smart_count} entry |||| %{smart_count} entries"}}}'
    )
    start = bundle.rindex("={auth:{", 0, end)
    english = bundle[start + 1 : end] + 'currentEntries:""}}}'
    script = f"""
const en = ({english});
const id = require({json.dumps(str(ADMIN / "locale-id.js"))});
const leaves = (o, p = "") => Object.entries(o).flatMap(([k, v]) =>
  typeof v === "object" ? leaves(v, p + k + ".") : [[p + k, v]]);
const ours = new Map(leaves(id));
console.log(JSON.stringify({{
  english: leaves(en).length,
  missing: leaves(en).map(([k]) => k).filter((k) => !ours.get(k)),
  extra: [...ours.keys()].filter((k) => !leaves(en).some(([e]) => e === k)),
}}));
"""
    done = subprocess.run([NODE, "-e", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["english"] > 240
    assert result["missing"] == []
    assert result["extra"] == []


def test_the_form_offers_the_registry_and_checks_the_summary_limit():
    settings = load(str(CONFIG))
    config = admin_config(settings, "content", "http://127.0.0.1:8000")
    assert config["locale"] == "id"
    assert config["backend"] == {**config["backend"], "name": "proxy",
                                 "proxy_url": "/api/v1"}  # fmt: skip
    releases, pages = config["collections"]
    assert (releases["label"], pages["label"]) == ("Rilis", "Halaman")
    assert releases["folder"] == "content/berita"
    assert releases["media_folder"] == "/content/images"
    fields = {field["name"]: field for field in releases["fields"]}
    names = [info.name for info in registry_of(settings).regencies]
    assert [option["value"] for option in fields["regencies"]["options"]] == names
    assert len(names) == 13
    assert summary_limit(settings) == 300  # the editorial plugin's default
    settings = {**settings, "EDITORIAL_SUMMARY_MAX_CHARS": 120}
    config = admin_config(settings, "content", "http://127.0.0.1:8000")
    fields = {field["name"]: field for field in config["collections"][0]["fields"]}
    pattern = re.compile(fields["summary"]["pattern"][0])
    assert pattern.match("a" * 120)
    assert not pattern.match("a" * 121)
    assert "120 karakter" in fields["summary"]["pattern"][1]
    assert "WITA" in fields["date"]["label"]
    source = re.compile(fields["source"]["pattern"][0])
    for good in (
        "",
        "diskominfomc.kalselprov.go.id",
        "https://kalselprov.go.id/x",
        "MC Kalsel",
        "Humas Pemprov: rilis",
        "HTTPS://kalselprov.go.id",
    ):
        assert source.match(good), good
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "ftp://x.id",
        "//penyerang.example",
        "https://kalselprov.go.id@penyerang.example",
        "mailto:humas@kalselprov.go.id",
    ):
        assert not source.match(bad), bad  # fmt: skip
