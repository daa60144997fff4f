"""Production settings (``make publish``): absolute URLs for feeds and sharing.

SITEURL comes from the environment variable ``WARTA_SITEURL``; without it the
documented placeholder below is used (README.md, "Settings").
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("WARTA_SITEURL", "https://warta.lkks-kalsel.or.id").rstrip("/")
RELATIVE_URLS = False
# WebSub: feeds name this hub, and make publish tells it of changed feeds.
SYNDICATION_WEBSUB_HUB = os.environ.get("WARTA_WEBSUB_HUB", "")
# make publish (newsroom/publish.py) builds into a fresh folder beside the
# published one and swaps it in; Pelican must never empty a folder itself.
DELETE_OUTPUT_DIRECTORY = False

# Never the editor's preview: no draft or embargoed release is written.
PREVIEW_DRAFTS = False
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
EDITORIAL_KEEP_SERVING = False
EDITORIAL_WAIT_FOR_FIX = False
SEARCH_INDEX = True
