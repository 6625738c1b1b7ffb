"""Articles for ``evaluate_convert.py``: English sentences around names, written from templates."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

Person = tuple[str, str, str, str]  # German given, German surname, English given, English surname
Place = tuple[str, str]  # German, English

_LEAD = [
    "{full} said on Monday that talks with officials in {place} had stalled.",
    "{full}, who arrived in {place} late on Tuesday, declined to comment on the report.",
    "According to {full}, the shipment reached {place} two days behind schedule.",
    "Officials in {place} confirmed that {full} would attend the meeting.",
]
_FOLLOW = [
    "Speaking to reporters, {sur} added that the decision was final.",
    "Asked about the sanctions, {sur} said the government would respond in due course.",
    "{sur} did not say when the next round of talks would take place.",
    "A spokesperson for {sur} said the statement had been misquoted.",
]
_SECOND = [
    "{full}, a former colleague, told the agency that {sur0} had been under pressure for months.",
    "The plan was criticised by {full}, who called it a mistake.",
]
_PLACE = [
    "Residents of {place} reported explosions overnight, local authorities said.",
    "The road between {place} and the border was closed for several hours.",
]


def people_and_places(
    rows: list[dict[str, str]], rng: random.Random
) -> tuple[list[Person], list[Place]]:
    """People (a surname with a given name of the same language and gender) and places."""
    given: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["kind"] == "given":
            given[r["lang"], r["gender"]].append(r)
    people: list[Person] = []
    for r in rows:
        if r["kind"] == "surname" and given[r["lang"], r["gender"]]:
            g = rng.choice(given[r["lang"], r["gender"]])
            people.append((g["german"], r["german"], g["english"], r["english"]))
    places = [(r["german"], r["english"]) for r in rows if r["kind"] == "place"]
    rng.shuffle(people)
    return people, places


def _article(
    p0: Person, p1: Person, place: Place, rng: random.Random, mixed: bool
) -> tuple[str, list[tuple[str, str]]]:
    """One article about two people and a place. German-only: every mention in German spelling.
    Mixed: each name's first mention in German, its second in English, and so on."""
    seen: dict[str, int] = {}
    mentions: list[tuple[str, str]] = []

    def pick(key: str, pair: tuple[str, str]) -> str:
        seen[key] = seen.get(key, 0) + 1
        mentions.append(pair)
        return pair[1] if mixed and seen[key] % 2 == 0 else pair[0]

    f0, f1 = (f"{p0[0]} {p0[1]}", f"{p0[2]} {p0[3]}"), (f"{p1[0]} {p1[1]}", f"{p1[2]} {p1[3]}")
    s0, s1 = (p0[1], p0[3]), (p1[1], p1[3])
    lead, second = rng.choice(_LEAD), rng.choice(_SECOND)
    sentences = [
        lead.format(full=pick("p0", f0), place=pick("pl", place)),
        rng.choice(_FOLLOW).format(sur=pick("p0", s0)),
        second.format(full=pick("p1", f1), sur0=pick("p0", s0) if "{sur0}" in second else ""),
        rng.choice(_PLACE).format(place=pick("pl", place)),
        rng.choice(_FOLLOW).format(sur=pick("p1", s1)),
    ]
    text = "\n\n".join(sentences) + "\n"
    return text, mentions


def _articles(
    people: list[Person], places: list[Place], rng: random.Random, mixed: bool
) -> list[Any]:
    out = []
    for i in range(0, len(people) - 1, 2):
        place = places[(i // 2) % len(places)]
        out.append(_article(people[i], people[i + 1], place, rng, mixed))
    return out


def german_only(people: list[Person], places: list[Place], rng: random.Random) -> list[Any]:
    return _articles(people, places, rng, mixed=False)


def mixed(people: list[Person], places: list[Place], rng: random.Random) -> list[Any]:
    return _articles(people, places, rng, mixed=True)


# Accepted English spellings that must stay: other English romanizations, older English forms,
# people's own spellings, English forms of Slavic names that keep German letters.
ENGLISH_ALTERNATIVES = [
    "President Volodymyr Zelenskyy", "President Volodymyr Zelenskiy", "Alexander Lukashenka",
    "the Chornobyl exclusion zone", "the Zaporozhye nuclear plant", "the port of Odessa",
    "Kiev", "Wladimir Klitschko", "Vitali Klitschko", "Kharkov", "the Donbass region", "Lvov",
    "Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya", "Viktor Yanukovich", "Zaporizhia",
    "Pyotr Tchaikovsky", "Fyodor Dostoevsky", "Anton Chekhov", "Sergei Rachmaninoff",
    "Vladimir Nabokov", "Vaslav Nijinsky", "Garry Kasparov", "Maria Sharapova",
    "Anna Kournikova", "Alexander Ovechkin", "Andrey Rublev", "Daniil Medvedev",
    "Cherkassy", "Nizhniy Novgorod", "Yevgeni Plushenko", "Aleksandr Solzhenitsyn",
    "Leo Tolstoy", "Igor Stravinsky", "Sergei Prokofiev", "Dmitri Shostakovich",
    "Wassily Kandinsky", "Mikhail Baryshnikov", "Natasha Romanoff", "Yulia Tymoshenko",
    "Oleksandr Usyk",
]  # fmt: skip
NAMESAKES = [
    "Odessa, Texas", "Moscow, Idaho", "Petersburg, Virginia", "St. Petersburg, Florida",
    "Odessa, Delaware", "Moscow, Pennsylvania", "Kiev, a village in Texas", "Odessa, Ontario",
    "Berlin, New Hampshire", "Warsaw, Indiana", "Minsk Mazowiecki in Poland",
]  # fmt: skip
GERMAN_WORDS = [
    "the Bundeswehr", "the Zeitenwende", "Ostpolitik", "Schadenfreude", "the Autobahn",
    "Volkswagen's plant in Wolfsburg", "the Schwarzwald", "the Reichstag", "Kindergarten",
    "Bayern Munich", "Borussia Dortmund", "Schalke", "the Wehrmacht", "Zugspitze",
    "Rheinmetall", "Deutsche Bahn", "Wirecard", "Commerzbank", "the Bundestag",
]  # fmt: skip
_CONTROL = [
    "{a} met {b} in {c} on Thursday, a spokesperson said.",
    "The visit by {a} came days after {b} had warned of delays in {c}.",
    "Reporters in {c} asked {a} about {b}, but got no answer.",
    "{a} and {b} appeared together at an event near {c}.",
]


def _faker_names() -> tuple[list[str], list[str]]:
    """Surnames and given names of German, Polish, Czech, Dutch and English origin, and German
    towns, from the faker package's locale lists."""
    import importlib

    surnames: set[str] = set()
    towns: set[str] = set()
    for locale in ("de_DE", "de_AT", "pl_PL", "cs_CZ", "nl_NL", "en_US", "en_GB"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("last_names", "last_names_male", "last_names_female", "first_names_male",
                     "first_names_female"):  # fmt: skip
            value = getattr(provider, attr, ())
            surnames.update(str(v) for v in value if str(v).isalpha())
    for locale in ("de_DE", "de_AT", "pl_PL"):
        address = importlib.import_module(f"faker.providers.address.{locale}").Provider
        towns.update(str(c) for c in getattr(address, "cities", ()) if str(c).isalpha())
    return sorted(surnames), sorted(towns)


def controls(
    people: list[Person], places: list[Place], rng: random.Random, n: int = 1200
) -> list[str]:
    """English-only articles that must come out unchanged."""
    others, towns = _faker_names()
    english_people = [f"{p[2]} {p[3]}" for p in people]
    english_places = [p[1] for p in places]
    out = []
    for i in range(n):
        items = [
            rng.choice(ENGLISH_ALTERNATIVES),
            rng.choice(english_people),
            f"{rng.choice(others)} {rng.choice(others)}",
            rng.choice(GERMAN_WORDS),
        ]
        rng.shuffle(items)
        where = [rng.choice(NAMESAKES), rng.choice(towns), rng.choice(english_places)][i % 3]
        lines = [
            rng.choice(_CONTROL).format(a=items[0], b=items[1], c=where),
            rng.choice(_CONTROL).format(a=items[2], b=items[3], c=rng.choice(towns)),
            f"Asked about it later, {items[0].split()[-1]} said the matter was closed.",
        ]
        out.append("\n\n".join(lines) + "\n")
    return out
