"""newsclean: turn scraped news articles into canonical plain-text articles with metadata.

>>> from newsclean import clean
>>> article = clean("NEXT NEWS")
>>> article.text, [r.cleaner for r in article.removed]
('', ['navigation'])
"""

from __future__ import annotations

__version__ = "0.1.0"

from newsclean.clean import clean
from newsclean.pipeline import Cleaner, Pipeline, default_pipeline
from newsclean.records import Article, Fix, Removal

__all__ = [
    "Article",
    "Cleaner",
    "Fix",
    "Pipeline",
    "Removal",
    "__version__",
    "clean",
    "default_pipeline",
]
