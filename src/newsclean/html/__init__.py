"""From an HTML page to text and metadata, before the cleaner chain.

``decode.py`` turns bytes into text (byte-order mark, UTF-8, the declared charset);
``page_meta.py`` reads what the page declares (meta tags, JSON-LD, title), ``dates.py`` the
publication timestamp with its time; ``prepare.py`` drops teaser lists, named boxes, standfirsts
and hidden blocks from the tree; ``extract.py`` runs trafilatura on it, and ``recover.py`` says
what the page holds besides (its body in script data, its densest container) so that a lost
article is noticed and recovered.
"""
