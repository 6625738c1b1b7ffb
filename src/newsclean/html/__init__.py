"""From an HTML page to text and metadata, before the cleaner chain.

``decode.py`` turns bytes into text (byte-order mark, UTF-8, the declared charset);
``page_meta.py`` reads what the page declares (meta tags, JSON-LD, title); ``prepare.py`` drops
teaser lists, standfirsts and hidden blocks from the tree; ``extract.py`` runs trafilatura on it.
"""
