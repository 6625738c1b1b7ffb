"""ShareButtons: removes the text of share, print and comment buttons."""

from __future__ import annotations

from newsclean.cleaners._labels import LabelCleaner, screened


@screened
class ShareButtons(LabelCleaner):
    """Removes share-button text: "Share on Facebook", "Tweet", "Copy link", "Facebook Twitter".

    Button rows come out of extraction as a line of labels. A block is removed only when every word
    in it belongs to a known button label. Before: ``Share this article`` / ``Facebook Twitter
    WhatsApp Email``; after: both gone.
    """

    name = "share_buttons"
    reason = "share or social-media button text"
