"""newsclean: turn scraped news articles into canonical plain-text articles with metadata.

>>> from newsclean import clean
>>> article = clean("NEXT NEWS")
>>> article.text, [r.cleaner for r in article.removed]
('', ['navigation'])
"""

from __future__ import annotations

from newsclean.caches import reset_caches
from newsclean.cleaners import default_pipeline
from newsclean.cleaning import clean
from newsclean.pipeline import Cleaner, Pipeline
from newsclean.records import Article, Fix, Reject, Removal, __version__

__all__ = [
    "Article",
    "Cleaner",
    "Fix",
    "Pipeline",
    "Reject",
    "Removal",
    "__version__",
    "clean",
    "default_pipeline",
    "reset_caches",
]
