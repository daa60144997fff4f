"""A throwaway project for the redaksi tests: content, a git repository, a server."""

import http.client
import json
import shutil
import subprocess
import threading
from pathlib import Path

from tests.sitebuild import CONFIG, CONTENT, FIXTURES

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Redaksi Uji",
    "GIT_AUTHOR_EMAIL": "redaksi@example.test",
    "GIT_COMMITTER_NAME": "Redaksi Uji",
    "GIT_COMMITTER_EMAIL": "redaksi@example.test",
}
REDAKSI_FIXTURES = FIXTURES / "redaksi"


def git(project: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(project), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def make_project(root: Path) -> Path:
    """The bundled content plus the redaksi fixtures, committed in a new repository.

    Beside ``content/`` sit what must never be served: ``pelicanconf.py``,
    ``.git/`` and a secret inside ``content/`` itself.
    """
    project = root / "proyek"
    shutil.copytree(CONTENT, project / "content")
    shutil.copytree(REDAKSI_FIXTURES / "berita", project / "content" / "berita",
                    dirs_exist_ok=True)  # fmt: skip
    shutil.copy(CONFIG, project / "pelicanconf.py")
    (project / "content" / ".env").write_text("RAHASIA=1\n", encoding="utf-8")
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", "--all")
    git(project, "-c", "user.name=Uji", "-c", "user.email=uji@example.test",
        "commit", "--quiet", "-m", "awal")  # fmt: skip
    return project


class RunningServer:
    """``make redaksi`` in a thread, on a free loopback port."""

    def __init__(self, project: Path, commit: bool = False):
        from newsroom.redaksi.__main__ import build_server

        self.project = project
        self.server = build_server(
            str(CONFIG), str(project / "content"), port=0, commit=commit
        )
        self.port = self.server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), data

    def call(self, action, params=None, origin=None, headers=None):
        """``(status, decoded JSON)`` of one proxy API call."""
        body = json.dumps({"action": action, "params": params or {}}).encode()
        sent = {"Content-Type": "application/json", "Origin": origin or self.origin}
        sent.update(headers or {})
        status, _, data = self.request("POST", "/api/v1", body, sent)
        return status, json.loads(data)
