import pytest


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Evidence files of each test go to its own folders, never to the installation's."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
