"""Render a build's pages on every core: the pages are shared round-robin
between this process and forked children, each writing its own share.

Rendering a page reads the finished content and writes one file; all it
hands back is a short line of text (``render(job)`` returns it: the page
writer reports the page's fingerprint and whether it was rendered or taken
over), so a forked child (which sees the same objects) can do it. Children
report each page as they finish it through a pipe, and this process takes
every follow-up step itself (``done(job, text)``: signals, records) as the
reports arrive, so the rest of the build sees the same sequence of events
as when rendering serially, only sooner. A failure in a child stops the
build with the child's traceback.
"""

import contextlib
import json
import os
import signal
import traceback
from collections.abc import Callable, Sequence


class RenderFailed(RuntimeError):
    pass


def _child(jobs: Sequence, render: Callable, fd: int) -> None:
    """Render ``jobs``, reporting each index; never returns."""
    status = 0
    try:
        with os.fdopen(fd, "w", buffering=1, encoding="utf-8") as report:
            try:
                for index, job in enumerate(jobs):
                    text = render(job) or ""
                    report.write(f"{index} {text}\n")
            except BaseException:
                report.write("E" + json.dumps(traceback.format_exc()) + "\n")
                status = 1
    finally:
        os._exit(status)


class _Child:
    def __init__(self, pid: int, fd: int, jobs: Sequence):
        self.pid, self.fd, self.jobs = pid, fd, jobs
        self.buffer = b""
        self.error: str | None = None
        self.finished = 0

    def _lines(self, data: bytes, done: Callable) -> None:
        *lines, self.buffer = (self.buffer + data).split(b"\n")
        for line in lines:
            if line.startswith(b"E"):
                self.error = json.loads(line[1:])
            else:
                index, text = line.decode("utf-8").split(" ", 1)
                done(self.jobs[int(index)], text)
                self.finished += 1

    def poll(self, done: Callable) -> None:
        try:
            data = os.read(self.fd, 65536)
        except BlockingIOError:
            return
        self._lines(data, done)

    def wait(self, done: Callable) -> None:
        os.set_blocking(self.fd, True)
        while data := os.read(self.fd, 65536):
            self._lines(data, done)
        os.close(self.fd)
        _, status = os.waitpid(self.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if self.error or code != 0 or self.finished != len(self.jobs):
            raise RenderFailed(
                self.error or f"a render worker stopped (exit status {code})"
            )

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)


def render_all(jobs: Sequence, render: Callable, done: Callable, workers: int) -> None:
    """``render(job)`` every job, here and in ``workers - 1`` forked children;
    ``done(job, text)`` runs here, in this process, once per job, with the
    one-line text ``render`` returned (``""`` for None)."""
    if workers < 2 or len(jobs) < 2:
        for job in jobs:
            done(job, render(job) or "")
        return
    shares = [jobs[number::workers] for number in range(workers)]
    children: list[_Child] = []
    try:
        for share in shares[1:]:
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_fd)
                _child(share, render, write_fd)
            os.close(write_fd)
            os.set_blocking(read_fd, False)
            children.append(_Child(pid, read_fd, share))
        for job in shares[0]:
            done(job, render(job) or "")
            for child in children:
                child.poll(done)
        for child in children:
            child.wait(done)
    except BaseException:
        for child in children:
            child.kill()
        raise
