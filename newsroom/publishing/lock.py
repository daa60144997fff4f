"""One publish at a time per output folder: ``flock`` on ``OUTPUTDIR.lock``.

The lock is held for the whole build and swap. A second run waits up to
``PUBLISH_LOCK_TIMEOUT`` seconds (default below), then gives up with a
message. The lock file is removed on release; a waiting run that then holds
a removed file's lock notices (another inode at the path) and locks again.
"""

import errno
import fcntl
import os
import stat
import time
from collections.abc import Callable

from .messages import Refusal, system_reason

DEFAULT_TIMEOUT = 300.0  # seconds; a cold publish of 10,000 releases takes ~65 s
POLL = 0.1


def lock_timeout(value: str | None) -> float:
    if value is None or not str(value).strip():
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also NaN
        raise Refusal("lock_timeout_invalid", "PUBLISH_LOCK_TIMEOUT", value=value)
    return seconds


class PublishLock:
    def __init__(self, output: str, timeout: float, on_wait: Callable[[], None]):
        self.output = output
        self.path = f"{output}.lock"
        self.timeout = timeout
        self.on_wait = on_wait
        self._descriptor: int | None = None

    def __enter__(self) -> "PublishLock":
        deadline = time.monotonic() + self.timeout
        waiting = False
        while True:
            descriptor = self._open()
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                if not waiting:
                    self.on_wait()
                    waiting = True
                if time.monotonic() >= deadline:
                    raise Refusal(
                        "lock_timeout",
                        f"OUTPUTDIR={self.output}",
                        path=self.output,
                        lock=self.path,
                        seconds=f"{self.timeout:g}",
                    ) from None
                time.sleep(POLL)
                continue
            if self._still_at_path(descriptor):
                self._descriptor = descriptor
                return self
            os.close(descriptor)  # released and removed meanwhile: lock anew

    def _open(self) -> int:
        """The lock file: ours are always empty; a file with data in it
        belongs to someone else and is neither locked nor removed."""
        flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
        existed = os.path.lexists(self.path)
        try:
            descriptor = os.open(self.path, flags, 0o644)
        except OSError as error:
            if existed:  # a file in the way of the lock
                raise Refusal(
                    "lock_unusable", self.path, path=self.path, error=error.strerror
                ) from error
            raise Refusal(  # nothing there: the folder refuses new files
                "lock_create",
                self.path,
                path=self.path,
                parent=os.path.dirname(self.path),
                reason=system_reason(error),
            ) from error
        if (
            not stat.S_ISREG(os.fstat(descriptor).st_mode)
            or os.fstat(descriptor).st_size
        ):
            os.close(descriptor)
            raise Refusal(
                "lock_unusable",
                self.path,
                path=self.path,
                error="bukan berkas kunci kosong",
            )
        return descriptor

    def _still_at_path(self, descriptor: int) -> bool:
        try:
            at_path = os.stat(self.path, follow_symlinks=False)
        except FileNotFoundError:
            return False
        held = os.fstat(descriptor)
        return (held.st_dev, held.st_ino) == (at_path.st_dev, at_path.st_ino)

    def __exit__(self, *exception) -> None:
        descriptor, self._descriptor = self._descriptor, None
        try:
            os.unlink(self.path)  # still ours: nobody else holds it now
        except OSError as error:
            if error.errno != errno.ENOENT:
                raise
        finally:
            os.close(descriptor)
