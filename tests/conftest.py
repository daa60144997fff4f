import pytest

from tests.sitebuild import CONTENT, PUBLISH_CONFIG, build


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory):
    """The bundled content built once with the development settings."""
    output = tmp_path_factory.mktemp("bundled")
    build(CONTENT, output)
    return output


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The bundled content built with the production settings."""
    output = tmp_path_factory.mktemp("published")
    build(CONTENT, output, PUBLISH_CONFIG, SITEURL="https://example.test")
    return output


@pytest.fixture(autouse=True)
def _real_part_present(request):
    """``tests.real_parts.needs``: under CI=true, a missing program fails."""
    marker = request.node.get_closest_marker("needs_real_part")
    if marker and marker.args[0]:
        pytest.fail(marker.args[0])
