"""Name spellings: comparing romanizations, the gazetteer of known names, and corpus learning.

``compare.py`` reduces a spelling to keys that romanizations of one name share; ``gazetteer.py``
loads the bundled and user name lists and finds their variants in a text; ``variants.py`` groups
the spellings of an article and picks the one to keep (used by the ``name_variants`` cleaner);
``corpus.py`` is ``newsclean names learn``.
"""
