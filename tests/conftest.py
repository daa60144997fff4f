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
