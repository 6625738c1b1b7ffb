"""NewsletterPrompt: removes newsletter sign-up prompts."""

from __future__ import annotations

from dataclasses import dataclass

from newsclean.cleaners._labels import LabelCleaner, screened


@screened
class NewsletterPrompt(LabelCleaner):
    """Removes newsletter prompts ("Sign up for our daily newsletter…", "Get X in your inbox").

    A block of at most 45 words that opens with an invitation to subscribe to the outlet's
    newsletter or to enter an e-mail address. A report about a newsletter ("The paper's newsletter
    has two million readers.") does not open with such an invitation and stays.
    """

    name = "newsletter_prompt"
    reason = "newsletter sign-up prompt"

    @dataclass(frozen=True)
    class Config(LabelCleaner.Config):
        #: A prompt runs to a few sentences ("Sign up… Enter your e-mail… You can unsubscribe at
        #: any time."): longer than a navigation line.
        max_words: int = 45

    config: Config
