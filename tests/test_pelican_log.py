"""Editorial recognises some of Pelican's English log records by their text
(plugins/editorial/pelican_log.py): each must still be logged, word for word,
by the installed Pelican, or an unreadable release could go unexplained."""

from pathlib import Path

import pelican
import pytest

from editorial.pelican_log import EXPLAINED

SOURCE = "\n".join(
    path.read_text(encoding="utf-8")
    for path in Path(pelican.__file__).parent.glob("*.py")
)


@pytest.mark.parametrize("message", EXPLAINED)
def test_pelican_still_logs_the_message(message):
    assert repr(message)[1:-1] in SOURCE or message in SOURCE, message
