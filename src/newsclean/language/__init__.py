"""Which language an article is in.

``detect.py`` scores langdetect's profiles over every n-gram of the text (deterministic, no random
draws); an unsure text is decided by langdetect's own detector. ``model.py`` holds the scoring
model.
"""

from __future__ import annotations

from newsclean.language.detect import detect_language

__all__ = ["detect_language"]
