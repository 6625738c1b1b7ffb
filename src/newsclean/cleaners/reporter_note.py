"""ReporterNote: removes notes about who reported the article and how to reach them."""

from __future__ import annotations

from newsclean.cleaners._labels import LabelCleaner, screened


@screened
class ReporterNote(LabelCleaner):
    """Removes contributor credits and contact lines: "Keith Bradsher contributed reporting.",
    "(Reporting by …; Editing by …)", "Contributing: …", "Write to Jane Doe at jane@example.com".

    Newsrooms end an article with who else worked on it and how to reach the reporter. A block
    goes when, in at most 30 words, it opens with such a note: names followed by "contributed
    reporting" or "contributed to this report"; a wire credit naming both reporting and editing;
    "Contributing:" and names; an invitation to e-mail, write to or reach someone at an address
    or on a social network; "Have a tip?"; or a bare e-mail address. A byline at the top ("By Jane
    Smith", "Reporting by Jane Smith") is not such a note and is left to ``byline``; a sentence
    that mentions a contribution ("The fund contributed $5 million to the report's cost.") does
    not say "contributed reporting" or "to this report" and stays.
    """

    name = "reporter_note"
    reason = "contributor credit or reporter contact line"
