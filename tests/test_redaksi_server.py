"""``make redaksi``'s server: what it refuses, and Decap's proxy API (no browser)."""

import base64
import json
import os

import pytest

from tests.redaksi_project import GIT_IDENTITY, RunningServer, git, make_project
from tests.sitebuild import CONFIG, ROOT

NEW_RELEASE = (
    "Title: Rapat Koordinasi LKS\n"
    "Slug: rapat-koordinasi-lks\n"
    "Date: 2026-01-20 10:00\n"
    "Regencies: Tapin\n"
    "Status: draft\n"
    "\n"
    "Rapat koordinasi lembaga kesejahteraan sosial di Rantau, Tapin.\n"
)
NEW_PATH = "content/berita/2026/rapat-koordinasi-lks.md"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


@pytest.fixture
def server(project):
    running = RunningServer(project)
    yield running
    running.close()


def persist(server, path, raw, assets=(), **kwargs):
    return server.call(
        "persistEntry",
        {
            "dataFiles": [{"path": path, "raw": raw, "slug": "x"}],
            "assets": list(assets),
            "options": {"commitMessage": "Redaksi: Rilis baru"},
        },
        **kwargs,
    )


def tree(project):
    return sorted(
        str(path.relative_to(project))
        for path in project.rglob("*")
        if ".git" not in path.parts
    )


# The four refusals of issue 17 -------------------------------------------


def test_refuses_git_config(server, project):
    config = (project / ".git" / "config").read_bytes()
    for path in (".git/config", "content/.git/config", "content/.env"):
        status, answer = server.call("getEntry", {"path": path})
        assert status == 403
        assert "berkas tersembunyi" in answer["error"]
    status, answer = persist(server, ".git/config", "[alias]\n x = !touch pwned\n")
    assert status == 403
    assert (project / ".git" / "config").read_bytes() == config


def test_refuses_pelicanconf(server, project):
    before = (project / "pelicanconf.py").read_text()
    status, answer = server.call("getEntry", {"path": "pelicanconf.py"})
    assert status == 403
    assert answer["error"] == (
        "alamat “pelicanconf.py” tidak diizinkan: redaksi hanya membaca "
        "berkas di dalam folder content/."
    )
    assert "SITENAME" not in json.dumps(answer)
    status, _ = persist(server, "pelicanconf.py", "import os\n")
    assert status == 403
    assert (project / "pelicanconf.py").read_text() == before


@pytest.mark.parametrize(
    "path",
    [
        "content/../pelicanconf.py",
        "content/berita/../../pelicanconf.py",
        "../content/berita/2025/x.md",
        "content/berita/./2025/x.md",
        "/etc/passwd",
        "content//berita/x.md",
    ],
)
def test_refuses_dot_dot_paths(server, project, path):
    before = tree(project)
    status, answer = server.call("getEntry", {"path": path})
    assert status in (400, 403)
    assert "tidak diizinkan" in answer["error"]
    status, _ = persist(server, path, NEW_RELEASE)
    assert status in (400, 403)
    assert tree(project) == before


def test_refuses_a_foreign_or_missing_origin(server, project):
    before = tree(project)
    for origin in (
        "http://penyerang.example",
        "null",
        f"http://127.0.0.1:{server.port + 1}",
    ):
        status, answer = persist(server, NEW_PATH, NEW_RELEASE, origin=origin)
        assert status == 403
        assert answer["error"] == (
            f"permintaan dari asal “{origin}” ditolak: hanya halaman redaksi "
            "sendiri yang boleh menyimpan."
        )
    body = json.dumps({"action": "getEntry", "params": {"path": NEW_PATH}})
    status, _, data = server.request(
        "POST", "/api/v1", body, {"Content-Type": "application/json"}
    )
    assert status == 403
    assert "tanpa Origin" in json.loads(data)["error"]
    assert tree(project) == before


# Their siblings ------------------------------------------------------------


def test_refuses_a_foreign_host(server):
    """DNS rebinding: a page of another name that resolves to 127.0.0.1."""
    status, _, data = server.request(
        "GET", "/admin/", headers={"Host": f"penyerang.example:{server.port}"}
    )
    assert status == 421
    assert "penyerang.example" in json.loads(data)["error"]
    status, _ = server.call(
        "info", headers={"Host": f"penyerang.example:{server.port}"}
    )
    assert status == 421


def test_refuses_json_sent_as_a_form(server):
    body = json.dumps({"action": "info"})
    status, _, _ = server.request(
        "POST", "/api/v1", body,
        {"Content-Type": "text/plain", "Origin": server.origin},
    )  # fmt: skip
    assert status == 415


def test_refuses_symlinks(server, project):
    outside = project / "rahasia.md"
    outside.write_text("Title: rahasia\n\nrahasia\n", encoding="utf-8")
    (project / "content" / "berita" / "tautan.md").symlink_to(outside)
    (project / "content" / "berita" / "luar").symlink_to(project)
    status, answer = server.call("getEntry", {"path": "content/berita/tautan.md"})
    assert status == 403
    assert "tautan simbolik" in answer["error"]
    status, _ = persist(server, "content/berita/luar/baru.md", NEW_RELEASE)
    assert status == 403
    assert not (project / "baru.md").exists()
    status, listing = server.call(
        "entriesByFolder", {"folder": "content/berita", "extension": "md", "depth": 3}
    )
    assert status == 200
    assert all("tautan" not in e["file"]["path"] for e in listing)
    assert all("/luar/" not in e["file"]["path"] for e in listing)


@pytest.mark.parametrize(
    "path",
    [
        "content/berita/2026/skrip.py",
        "content/theme.md",
        "content/pages/sub/halaman.md",
        "content/images/gambar.svg",
        "content/images/2026/foto.png",
    ],
)
def test_writes_only_releases_pages_and_images(server, project, path):
    before = tree(project)
    status, answer = persist(server, path, NEW_RELEASE)
    assert status == 403
    assert "tidak boleh ditulis dari redaksi" in answer["error"]
    assert tree(project) == before


def test_refuses_an_image_that_is_not_one(server, project):
    fake = {"path": "content/images/foto.png", "encoding": "base64",
            "content": base64.b64encode(b"<svg onload=alert(1)>").decode()}  # fmt: skip
    status, answer = server.call("persistMedia", {"asset": fake})
    assert status == 422
    assert "bukan gambar .png yang sah" in answer["error"]
    assert not (project / "content" / "images" / "foto.png").exists()


# The proxy API, as Decap uses it ------------------------------------------


def test_lists_reads_and_writes_releases(server, project):
    status, info = server.call("info")
    assert (status, info["publish_modes"], info["type"]) == (
        200,
        ["simple"],
        "local_fs",
    )
    status, entries = server.call(
        "entriesByFolder", {"folder": "content/berita", "extension": "md", "depth": 2}
    )
    assert status == 200
    paths = [entry["file"]["path"] for entry in entries]
    assert "content/berita/2024/alias-tanbu.md" in paths
    source = (project / "content/berita/2024/alias-tanbu.md").read_text()
    assert entries[paths.index("content/berita/2024/alias-tanbu.md")]["data"] == source

    image = {"path": "content/images/rapat.png", "encoding": "base64",
             "content": base64.b64encode(PNG).decode()}  # fmt: skip
    status, answer = persist(server, NEW_PATH, NEW_RELEASE, assets=[image])
    assert status == 200, answer
    assert (project / NEW_PATH).read_bytes() == NEW_RELEASE.encode()
    assert (project / "content/images/rapat.png").read_bytes() == PNG
    assert not list(project.rglob(".redaksi-*"))  # no temporary file left
    status, entry = server.call("getEntry", {"path": NEW_PATH})
    assert entry["data"] == NEW_RELEASE
    status, media = server.call("getMedia", {"mediaFolder": "content/images"})
    assert [m["path"] for m in media] == ["content/images/rapat.png"]
    assert base64.b64decode(media[0]["content"]) == PNG
    status, verdict = server.call("verdict")
    assert verdict == {"path": NEW_PATH, "warnings": []}


def test_a_save_the_build_would_reject_is_undone_with_the_reason(server, project):
    broken = NEW_RELEASE.replace("Regencies: Tapin", "Regencies: Tanah Bambu")
    status, answer = persist(server, NEW_PATH, broken)
    assert status == 422
    assert answer["error"].startswith(
        "situs tidak akan dibangun dengan berkas ini; tidak ada yang disimpan.\n"
        f"GALAT {NEW_PATH}:4: “Tanah Bambu” di baris Regencies: bukan nama "
        "kabupaten/kota yang dikenal."
    )
    assert not (project / NEW_PATH).exists()
    assert not (project / "content/berita/2026").exists()

    existing = project / "content/berita/2024/alias-tanbu.md"
    before = existing.read_bytes()
    untitled = "Title:\n" + before.decode().split("\n", 1)[1]
    status, answer = persist(server, "content/berita/2024/alias-tanbu.md", untitled)
    assert status == 422
    assert "alias-tanbu.md:1: judul berita kosong atau tidak ada." in answer["error"]
    assert existing.read_bytes() == before


def test_a_new_date_moves_the_release_to_its_year(server, project):
    old = "content/berita/2024/alias-tanbu.md"
    raw = (project / old).read_text().replace("2024-06-12", "2025-06-12")
    status, answer = server.call("persistEntry", {
        "dataFiles": [{"path": old, "newPath": "content/berita/2025/alias-tanbu.md",
                       "raw": raw, "slug": "alias-tanbu"}],
        "assets": [], "options": {}})  # fmt: skip
    assert status == 200, answer
    assert not (project / old).exists()
    assert (project / "content/berita/2025/alias-tanbu.md").read_text() == raw


def test_commits_exactly_the_files_it_wrote(project, monkeypatch):
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)
    (project / "content" / "berita" / "2025" / "lain.md").write_text("belum\n")
    (project / "catatan.txt").write_text("staged, not the editor's\n")
    git(project, "add", "catatan.txt")
    running = RunningServer(project, commit=True)
    try:
        status, answer = persist(running, NEW_PATH, NEW_RELEASE)
    finally:
        running.close()
    assert status == 200, answer
    subject = git(project, "log", "-1", "--format=%s").strip()
    assert subject == "Redaksi: Rilis baru “Rapat Koordinasi LKS”"
    assert git(project, "show", "--name-only", "--format=", "HEAD").split() == [
        NEW_PATH
    ]
    status = git(project, "status", "--porcelain").splitlines()
    assert "A  catatan.txt" in status
    assert "?? content/berita/2025/lain.md" in status


def test_serves_the_admin_with_its_own_policy(server):
    status, headers, page = server.request("GET", "/admin/")
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-eval'" in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Robots-Tag"] == "noindex, nofollow"
    assert b'<meta name="robots" content="noindex, nofollow">' in page
    for path in ("/admin/../pelicanconf.py", "/admin/.htaccess", "/pelicanconf.py"):
        status, _, _ = server.request("GET", path)
        assert status in (404, 302)
    status, _, data = server.request("GET", "/admin/redaksi.json")
    config = json.loads(data)["config"]
    regencies = config["collections"][0]["fields"][4]
    assert regencies["name"] == "regencies"
    assert len(regencies["options"]) == 13


def test_deletes_only_what_it_may_write(server, project):
    status, _ = server.call("deleteFiles", {"paths": ["pelicanconf.py"]})
    assert status == 403
    assert (project / "pelicanconf.py").exists()
    status, _ = server.call(
        "deleteFiles", {"paths": ["content/berita/2024/alias-tanbu.md"]}
    )
    assert status == 200
    assert not (project / "content/berita/2024/alias-tanbu.md").exists()


def test_make_redaksi_as_an_operator_runs_it(project):
    """The make target: loopback only, says where to go, stops cleanly."""
    import signal
    import subprocess

    from tests.test_nginx import free_port

    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "redaksi", f"REDAKSI_PORT={port}",
         f"INPUTDIR={project / 'content'}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        ready = f"Redaksi siap: buka http://127.0.0.1:{port}/admin/ di peramban.\n"
        lines = iter(process.stdout.readline, "")
        assert ready in lines  # after make's own lines (a venv bootstrap), if any
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/admin/", headers={"Host": f"127.0.0.1:{port}"})
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)


def test_commit_mode_needs_a_repository(tmp_path):
    from newsroom.redaksi.__main__ import build_server

    content = tmp_path / "content"
    content.mkdir()
    with pytest.raises(SystemExit) as stopped:
        build_server(str(CONFIG), str(content), port=0, commit=True)
    assert "bukan bagian dari repositori git" in str(stopped.value)


@pytest.mark.parametrize(
    ("action", "params"),
    [
        ("entriesByFolder", {"folder": "content/berita", "depth": "dalam"}),
        ("entriesByFiles", {"files": ["content/berita/2024/alias-tanbu.md"]}),
        ("persistEntry", {"dataFiles": "bukan daftar"}),
        ("getEntry", {"path": ["content", "berita"]}),
        ("deleteFiles", {"paths": ["content/berita/2024"]}),
    ],
)
def test_a_malformed_request_gets_a_message_not_a_dropped_connection(
    server, project, action, params
):
    (project / "content/berita/2024/folder.md").mkdir()
    status, answer = server.call(action, params)
    assert 400 <= status < 600
    assert answer["error"]


def test_a_folder_named_like_a_release_is_not_deleted(server, project):
    (project / "content/berita/2024/folder.md").mkdir()
    status, answer = server.call(
        "deleteFiles", {"paths": ["content/berita/2024/folder.md"]}
    )
    assert status == 500
    assert answer["error"].startswith("berkas tidak dapat dibaca atau ditulis")
    assert (project / "content/berita/2024/folder.md").is_dir()


def test_a_check_that_crashes_leaves_nothing_written(server, project, monkeypatch):
    from newsroom.redaksi import api

    def crash(*args):
        raise RuntimeError("pelican crashed")

    monkeypatch.setattr(api, "check_saved", crash)
    before = tree(project)
    status, answer = persist(server, NEW_PATH, NEW_RELEASE)
    assert status == 500
    assert answer["error"] == (
        "galat di server redaksi; minta operator melihat terminalnya."
    )
    assert tree(project) == before
