"""How much newsclean remembers between calls, in one place.

Answers that depend on a text alone are kept in bounded caches (``functools.lru_cache``): the
same blocks are seen again on every pass of the chain, boilerplate recurs across a site's
articles, and names and words recur across a corpus. The bounds keep a long run's memory flat:
the caches fill within the first few hundred articles, and from then on a run of a million
articles takes what a run of a thousand takes (``bench/throughput.py`` measures it). Caches only
save time; no answer depends on what is remembered.
"""

#: Block and line texts (a paragraph each): a few articles' worth, and the boilerplate between.
TEXTS = 1 << 11
#: Single spellings (names, capitalized words) and their readings.
NAMES = 1 << 13
#: Words and three-letter windows scored by language identification.
WORDS = 1 << 15
#: Short stretches of text around characters that mojibake is made of, searched for it.
STRETCHES = 1 << 13
#: N-grams, and three-character windows, of the few texts langdetect's answer decides (see
#: ``langdetect_replica``; each n-gram's entry holds a probability per language).
UNSURE_GRAMS = 1 << 12
