"""Editorial recognises some of Pelican's English log records by their text
(plugins/editorial/pelican_log.py): each must still be logged, word for word,
by the installed Pelican, or an unreadable release could go unexplained."""

from pathlib import Path

import pelican
import pytest

from editorial.pelican_log import EXPLAINED
from newsroom.strict_pelican import CANNOT_LOAD_PLUGIN

SOURCE = "\n".join(
    path.read_text(encoding="utf-8")
    for path in Path(pelican.__file__).parent.rglob("*.py")
    if "tests" not in path.parts
)


@pytest.mark.parametrize("message", [*EXPLAINED, CANNOT_LOAD_PLUGIN])
def test_pelican_still_logs_the_message(message):
    assert repr(message)[1:-1] in SOURCE or message in SOURCE, message
