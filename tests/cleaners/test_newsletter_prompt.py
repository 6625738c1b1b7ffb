from __future__ import annotations

import pytest

from newsclean.cleaners.newsletter_prompt import NewsletterPrompt

BEFORE = "Swiss glaciers lost four percent of their volume last year alone."
AFTER = "Under the fleece we lose perhaps half as much ice, the glaciologist said."


@pytest.mark.parametrize(
    "prompt",
    [
        "Sign up for our daily newsletter and get the best stories every morning.",
        "Subscribe to our newsletter",
        "Sign up to the Guardian's First Edition newsletter",
        "Sign up for our free Russia briefing newsletter.",
        "Get the best of The Moscow Times in your inbox",
        "Get the latest headlines delivered to your inbox every morning.",
        "Want more stories like this in your inbox? Sign up here.",
        "Our daily newsletter brings you the news at 7am. Sign up now.",
        "Enter your email address",
        "By signing up, you agree to our privacy policy.",
        "Newsletter sign-up",
        "Thank you for subscribing!",
        # German prompts.
        "Jetzt Newsletter abonnieren",
        "Zum Newsletter anmelden",
        "Melden Sie sich für unseren kostenlosen Newsletter an.",
    ],
)
def test_sign_up_prompt_is_removed(run_between, prompt):
    doc = run_between(NewsletterPrompt, prompt, BEFORE, AFTER)
    assert [(r.text, r.reason) for r in doc.removed] == [(prompt, "newsletter sign-up prompt")]


def test_prompt_up_to_45_words_counts(run_cleaner):
    prompt = "Sign up for our newsletter. " + " ".join(["word"] * 38) + "."
    doc = run_cleaner(NewsletterPrompt, f"{BEFORE}\n\n{prompt}\n\n{AFTER}")
    assert [r.text for r in doc.removed] == [prompt]


def test_longer_block_is_prose_whatever_it_starts_with(run_cleaner, assert_untouched):
    prompt = "Sign up for our newsletter. " + " ".join(["word"] * 45) + "."
    text = f"{BEFORE}\n\n{prompt}\n\n{AFTER}"
    assert_untouched(run_cleaner(NewsletterPrompt, text), text)


@pytest.mark.parametrize(
    "line",
    [
        "The paper's newsletter has two million readers.",
        "The newsletter, which had 50,000 subscribers, was shut down in March.",
        "Subscribers to the newsletter complained about the changes.",
        "Register for the vote by Friday, officials urged.",
        "By signing up, volunteers agree to serve for six months.",
        '"Sign up for our newsletter" pop-ups annoy most readers, the survey found.',
    ],
)
def test_reports_about_newsletters_stay(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(NewsletterPrompt, text), text)


@pytest.mark.parametrize(
    "prompt",
    [
        "Get the day's top headlines delivered to your inbox every morning by subscribing.",
        "Sign Up: Stay on top of the latest news! Sign up for our e-mail newsletters here.",
        "Thanks for signing up!",
        "Keep an eye on your inbox for the latest news.",
        "There was an error processing your subscription.",
        "Morning Briefing Newsletter",
    ],
)
def test_sign_up_box_lines_are_removed(run_between, prompt):
    doc = run_between(NewsletterPrompt, prompt, BEFORE, AFTER)
    assert [r.text for r in doc.removed] == [prompt]


@pytest.mark.parametrize(
    "line",
    [
        "Get the samples delivered to the lab by Friday, the team was told.",
        "Sign up numbers for the glacier tours doubled this year.",
        "The newsletter, founded in 1998, reaches two million readers a week.",
        "Scientists kept an eye on the ice all winter.",
    ],
)
def test_prose_near_newsletter_words_stays(run_cleaner, assert_untouched, line):
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert_untouched(run_cleaner(NewsletterPrompt, text), text)
