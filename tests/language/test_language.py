"""Language detection: langdetect's model scored over every n-gram (newsclean.language.detect)."""

from __future__ import annotations

import json
import math
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect import DetectorFactory, detect, detect_langs
from langdetect import detector_factory as factory
from langdetect.utils.unicode_block import unicode_block

from helpers import run_with_hash_seed
from newsclean.language import detect as language
from newsclean.language.detect import detect_language

# Paragraphs written for these tests: two news-like ones per language.
EXAMPLES: dict[str, list[str]] = {
    "en": [
        "The city council met on Tuesday evening to discuss the new budget. Several residents "
        "complained that the plans for the old railway station had been delayed again, and the "
        "mayor promised a decision before the summer.",
        "Heavy rain caused flooding in several villages along the river over the weekend. "
        "Emergency services evacuated dozens of families, and the roads remained closed on "
        "Monday morning while engineers inspected the bridges.",
    ],
    "de": [
        "Der Stadtrat hat sich am Dienstagabend getroffen, um über den neuen Haushalt zu beraten. "
        "Mehrere Anwohner beschwerten sich, dass die Pläne für den alten Bahnhof erneut "
        "verschoben wurden, und der Bürgermeister versprach eine Entscheidung vor dem Sommer.",
        "Starker Regen hat am Wochenende in mehreren Dörfern entlang des Flusses zu "
        "Überschwemmungen geführt. Die Rettungsdienste brachten Dutzende Familien in Sicherheit, "
        "und die Straßen blieben am Montagmorgen gesperrt, während Ingenieure die Brücken "
        "prüften.",
    ],
    "fr": [
        "Le conseil municipal s'est réuni mardi soir pour discuter du nouveau budget. Plusieurs "
        "habitants se sont plaints que les projets concernant l'ancienne gare aient encore été "
        "reportés, et le maire a promis une décision avant l'été.",
        "De fortes pluies ont provoqué des inondations dans plusieurs villages le long de la "
        "rivière pendant le week-end. Les secours ont évacué des dizaines de familles, et les "
        "routes restaient fermées lundi matin pendant que des ingénieurs inspectaient les ponts.",
    ],
    "es": [
        "El ayuntamiento se reunió el martes por la noche para debatir el nuevo presupuesto. "
        "Varios vecinos se quejaron de que los planes para la antigua estación de tren se "
        "hubieran retrasado otra vez, y el alcalde prometió una decisión antes del verano.",
        "Las fuertes lluvias provocaron inundaciones en varios pueblos a lo largo del río durante "
        "el fin de semana. Los servicios de emergencia evacuaron a decenas de familias, y las "
        "carreteras seguían cortadas el lunes por la mañana mientras los ingenieros revisaban "
        "los puentes.",
    ],
    "it": [
        "Il consiglio comunale si è riunito martedì sera per discutere il nuovo bilancio. Diversi "
        "residenti si sono lamentati del fatto che i progetti per la vecchia stazione ferroviaria "
        "fossero stati rinviati di nuovo, e il sindaco ha promesso una decisione prima "
        "dell'estate.",
        "Le forti piogge hanno provocato allagamenti in diversi paesi lungo il fiume durante il "
        "fine settimana. I soccorritori hanno evacuato decine di famiglie e le strade sono "
        "rimaste chiuse lunedì mattina mentre gli ingegneri controllavano i ponti.",
    ],
    "nl": [
        "De gemeenteraad kwam dinsdagavond bijeen om de nieuwe begroting te bespreken. "
        "Verschillende bewoners klaagden dat de plannen voor het oude treinstation opnieuw waren "
        "uitgesteld, en de burgemeester beloofde een besluit voor de zomer.",
        "Zware regenval zorgde in het weekend voor overstromingen in verschillende dorpen langs "
        "de rivier. Hulpdiensten evacueerden tientallen gezinnen, en de wegen bleven "
        "maandagochtend afgesloten terwijl ingenieurs de bruggen inspecteerden.",
    ],
    "pl": [
        "Rada miejska zebrała się we wtorek wieczorem, aby omówić nowy budżet. Kilku mieszkańców "
        "skarżyło się, że plany dotyczące starego dworca kolejowego znowu zostały opóźnione, a "
        "burmistrz obiecał podjąć decyzję przed latem.",
        "Ulewne deszcze spowodowały w weekend powodzie w kilku wsiach położonych nad rzeką. "
        "Służby ratunkowe ewakuowały dziesiątki rodzin, a drogi pozostały zamknięte w "
        "poniedziałek rano, gdy inżynierowie sprawdzali mosty.",
    ],
    "ru": [
        "Городской совет собрался во вторник вечером, чтобы обсудить новый бюджет. Несколько "
        "жителей пожаловались, что планы по старому вокзалу снова отложены, и мэр пообещал "
        "принять решение до лета.",
        "Сильные дожди в выходные вызвали наводнения в нескольких деревнях вдоль реки. Спасатели "
        "эвакуировали десятки семей, а дороги оставались закрытыми в понедельник утром, пока "
        "инженеры проверяли мосты.",
    ],
    "pt": [
        "A câmara municipal reuniu-se na terça-feira à noite para discutir o novo orçamento. "
        "Vários moradores queixaram-se de que os planos para a antiga estação ferroviária tinham "
        "sido adiados outra vez, e o presidente prometeu uma decisão antes do verão.",
        "As chuvas fortes provocaram inundações em várias aldeias ao longo do rio durante o fim "
        "de semana. Os serviços de emergência retiraram dezenas de famílias, e as estradas "
        "continuavam cortadas na segunda-feira de manhã enquanto os engenheiros inspecionavam as "
        "pontes.",
    ],
    "sv": [
        "Kommunfullmäktige sammanträdde på tisdagskvällen för att diskutera den nya budgeten. "
        "Flera invånare klagade över att planerna för den gamla järnvägsstationen hade skjutits "
        "upp igen, och kommunalrådet lovade ett beslut före sommaren.",
        "Kraftigt regn orsakade översvämningar i flera byar längs floden under helgen. "
        "Räddningstjänsten evakuerade dussintals familjer, och vägarna var fortfarande avstängda "
        "på måndagsmorgonen medan ingenjörer inspekterade broarna.",
    ],
    "cs": [
        "Městské zastupitelstvo se sešlo v úterý večer, aby projednalo nový rozpočet. Několik "
        "obyvatel si stěžovalo, že plány na staré nádraží byly opět odloženy, a starosta slíbil "
        "rozhodnutí ještě před létem.",
    ],
    "fi": [
        "Kaupunginvaltuusto kokoontui tiistai-iltana keskustelemaan uudesta talousarviosta. "
        "Useat asukkaat valittivat, että vanhan rautatieaseman suunnitelmia oli jälleen lykätty, "
        "ja pormestari lupasi päätöksen ennen kesää.",
    ],
    "tr": [
        "Belediye meclisi salı akşamı yeni bütçeyi görüşmek için toplandı. Birkaç mahalle sakini, "
        "eski tren istasyonuyla ilgili planların yeniden ertelendiğinden şikâyet etti ve belediye "
        "başkanı yazdan önce bir karar sözü verdi.",
    ],
}
ALL_EXAMPLES = [(code, text) for code, texts in EXAMPLES.items() for text in texts]

# Texts that exercise langdetect's cleaning and n-gram rules.
TRICKY = [
    "NATO and the EU said on Monday that McDONALD's USA-based suppliers were OK with it",
    "Visit https://example.com/page?x=1 or write to press@example.org for the details.",
    unicodedata.normalize("NFD", "Hà Nội là thủ đô của Việt Nam và là thành phố lớn"),
    "Президент заявил в интервью CNN и BBC, что переговоры в Женеве продолжатся на этой неделе",
    "東京は日本の首都です。\u3000大阪は第二の都市で、京都には古い寺がたくさんあります",
    "Știri din România: țara își păstrează ritmul de creștere economică în acest an",
    "abc\x00def ghi\x85jkl and so on, in plain English words for a change",
    "Ein Satz, der mitten im Wor",
    "x",
    "  Leading and trailing whitespace around an English sentence.  \n",
]


def _full_langdetect(text: str) -> str | None:
    DetectorFactory.seed = 0
    try:
        return detect(text)
    except Exception:
        return None


@pytest.mark.parametrize(("code", "text"), ALL_EXAMPLES)
def test_examples_are_detected_and_agree_with_langdetect(code: str, text: str) -> None:
    found, probability = detect_language(text)
    assert found == code
    assert found == _full_langdetect(text)
    assert probability is not None and 0.9 < probability <= 1.0
    assert probability == round(probability, 4)


@pytest.mark.parametrize("text", ["", "   \n\t", "12345 -- 3.14 %", "!!! ??? ...", "→ ★ ☺ 42"])
def test_no_letters_gives_none(text: str) -> None:
    assert detect_language(text) == (None, None)
    assert detect_language(text, exact=True) == (None, None)


@pytest.mark.parametrize("text", [t for _, t in ALL_EXAMPLES[::3]] + TRICKY)
def test_ngrams_and_scores_are_langdetects(text: str) -> None:
    """The n-grams scored are exactly those langdetect draws from, and each language's score is
    the naive-Bayes sum over them, up to the fixed-point rounding."""
    factory.init_factory()
    model = language._model()
    chosen = language.sample(text)
    detector = factory._factory.create()
    detector.append(chosen)
    detector.cleaning_text()
    ngrams = detector._extract_ngrams()
    scores, n = model.scores(chosen)
    assert n == len(ngrams)
    index = {code: i for i, code in enumerate(factory._factory.langlist)}
    weight = language._WEIGHT
    for code, score in zip(model.languages, scores, strict=True):
        expected = sum(
            math.log1p(factory._factory.word_lang_prob_map[g][index[code]] / weight) for g in ngrams
        )
        assert abs(score / language._SCALE - expected) <= n * 0.5 / language._SCALE + 1e-9, code


def test_exact_mode_is_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    text = EXAMPLES["nl"][0] * 40  # longer than the 3,000 characters langdetect is given
    DetectorFactory.seed = 0
    best = detect_langs(text[:3000])[0]
    assert detect_language(text, exact=True) == (best.lang, round(best.prob, 4))
    monkeypatch.setattr(language, "EXACT", True)
    assert detect_language(text) == (best.lang, round(best.prob, 4))
    assert detect_language(text, exact=False)[0] == "nl"


def test_answer_does_not_depend_on_what_was_remembered() -> None:
    texts = [t for _, t in ALL_EXAMPLES] + TRICKY
    model = language._model()
    for cache in (*model.tokens, model.windows):
        cache.clear()
    cold = [detect_language(t) for t in texts]
    warm = [detect_language(t) for t in reversed(texts)][::-1]
    assert cold == warm


_PRINT_ANSWERS = """
import json, sys
from newsclean.language.detect import detect_language
texts = json.load(sys.stdin)
print(json.dumps([detect_language(t) for t in texts]))
"""


def test_same_answers_in_processes_with_other_hash_seeds() -> None:
    # Two halves of one text in languages close to each other, so that scores come near a tie.
    mixed = EXAMPLES["es"][0] + " " + EXAMPLES["pt"][0]
    texts = [t for _, t in ALL_EXAMPLES] + TRICKY + [mixed, "Ana", "la", "e o"]
    here = [list(answer) for answer in map(detect_language, texts)]
    for seed in ("1", "2024"):
        assert json.loads(run_with_hash_seed(_PRINT_ANSWERS, json.dumps(texts), seed)) == here


def test_long_text_costs_no_more_than_its_sample() -> None:
    paragraph = " ".join(t for _, t in ALL_EXAMPLES)
    long_text = (paragraph + "\n\n") * (10_000_000 // len(paragraph))
    assert len(long_text) > 9_000_000
    detect_language(long_text)
    best = min(_seconds(detect_language, long_text) for _ in range(3))
    assert best < 0.1


def _seconds(function: object, *args: object) -> float:
    """CPU seconds of this process: on a shared machine the wall clock counts the others too."""
    started = time.process_time()
    function(*args)  # type: ignore[operator]
    return time.process_time() - started


# Danish and Norwegian Bokmål: langdetect's profiles put them close together.
_CLOSE = (
    "Regeringen vil i år bruge flere penge på sygehusene, sagde ministeren på et møde i dag. "
    "Hun sagde også at der kommer nye regler for ventetider."
)


def test_an_unsure_answer_is_langdetects_own(monkeypatch: pytest.MonkeyPatch) -> None:
    DetectorFactory.seed = 0
    expected = detect_langs(_CLOSE)[0]
    monkeypatch.setattr(language, "UNSURE", 1.01)  # every answer counts as unsure
    assert detect_language(_CLOSE) == (expected.lang, round(expected.prob, 4))


def test_a_sure_answer_never_runs_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> None:
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(language, "UNSURE", 0.0)
    monkeypatch.setattr(language, "_exact_detect_langs", fail)
    assert detect_language(_CLOSE)[0] in ("da", "no")
    english = "The city council voted on Tuesday to open four more shelters before the winter."
    monkeypatch.setattr(language, "UNSURE", 0.5)
    assert detect_language(english)[0] == "en"


def _full_scoring(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str | None, float | None]:
    with monkeypatch.context() as patched:
        patched.setattr(language, "FIRST_LOOK", 10**9)  # never a first look
        return detect_language(text)


def test_first_look_answers_as_scoring_every_word(monkeypatch: pytest.MonkeyPatch) -> None:
    # Long texts in each language, and texts mixing two: a German article whose first and last
    # paragraphs are German around more English ones is judged on a sample spread over all of
    # it, as the whole text is, not on its ends.
    texts = [
        " ".join(paragraphs * (3000 // len(paragraphs[0]))) for paragraphs in EXAMPLES.values()
    ]
    english, german = EXAMPLES["en"], EXAMPLES["de"]
    texts.append("\n\n".join([german[0], *english, *english, german[1]]))
    texts.append("\n\n".join([english[0], *german, *german, english[1]]))
    looked = 0
    for text in texts:
        assert len(text) > language.FIRST_LOOK
        looked += language._first_look(language._model(), language.sample(text)) is not None
        fast, full = detect_language(text), _full_scoring(text, monkeypatch)
        assert fast[0] == full[0], text[:80]
        assert fast[1] == pytest.approx(full[1], abs=0.01)
    assert looked >= len(EXAMPLES)  # the first look did answer for the one-language texts
    assert detect_language(texts[-2])[0] == "en" and detect_language(texts[-1])[0] == "de"


def test_an_unsure_first_look_scores_every_word(monkeypatch: pytest.MonkeyPatch) -> None:
    text = " ".join(EXAMPLES["en"] * 6)
    calls: list[int] = []
    scores = language._Model.scores

    def counted(self: language._Model, text: str, every: int = 1) -> tuple[tuple[int, ...], int]:
        calls.append(every)
        return scores(self, text, every)

    monkeypatch.setattr(language._Model, "scores", counted)
    monkeypatch.setattr(language, "SURE", 1.01)  # no first look is sure enough
    assert detect_language(text)[0] == "en"
    assert calls == [language.FIRST_LOOK_EVERY, 1]


def test_lone_surrogates_are_read_not_a_crash() -> None:
    # A lone surrogate (from a JSON escape such as "\ud800") is a character of no script; the
    # Cyrillic text around it is still Russian, in both modes.
    text = "Правительство утвердило новый бюджет города на следующий год \ud800 abc. " * 3
    assert detect_language(text)[0] == "ru"
    assert detect_language(text, exact=True)[0] == "ru"


def test_langdetect_finding_no_language_keeps_the_fast_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # detect_langs lists only languages above 0.1; when none is, the fast answer stands.
    monkeypatch.setattr(language, "UNSURE", 1.01)
    monkeypatch.setattr(language, "_exact_detect_langs", lambda text: [])
    found, probability = detect_language(_CLOSE)
    assert found in ("da", "no") and probability is not None


_MIXED_TOKENS = [
    *"abcXYZ éüßÀ’“”—.,",
    *"абвгдежзклм",
    "ă",  # Latin Extended-A: neither Latin nor not, to langdetect
    "ệ",  # Latin Extended Additional: the same
    "中文",
    "news@example.com",
    "https://example.com/a",
    "@",
    " ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MIXED_TOKENS), max_size=120).map("".join))
def test_latin_letters_are_dropped_exactly_when_langdetect_drops_them(text: str) -> None:
    factory.init_factory()
    detector = factory._factory.create()
    detector.append(text)
    latin = sum("A" <= c <= "z" for c in detector.text)
    other = sum(
        c >= "\u0300" and unicode_block(c) != "Latin Extended Additional" for c in detector.text
    )
    assert language._drops_latin(text) == (latin * 2 < other)


# Pieces that exercise every rule of langdetect's reading: capitals (runs of them take no
# n-grams), spaces (runs of them collapse), punctuation and digits, other scripts (the Latin
# letters of a text mostly in another script are dropped), Vietnamese written with combining
# marks, URLs and e-mail addresses, the whitespace str.split() splits at but langdetect keeps.
_PIECES = (
    "the |The |NATO |and |der |Straße |über |ça |  |\n|\t|, |. |2024 |— |“quoted” |Москва "
    "|ПРАВДА |東京 |한국 |Việt |Vie\u0323\u0302t |ș |https://example.org/a?b=c |mail@example.org "
    "|Ελλάδα |x|A|Ab|AB|\x85|\u3000|\x00"
).split("|")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join) | st.text(max_size=300))
def test_packed_scores_are_the_plain_sums(text: str) -> None:
    """The packed integers add each language's scores as the plain rule does, one language at a
    time over the n-grams langdetect takes (model.plain_scores)."""
    from newsclean.language.model import plain_scores

    assert language._model().scores(text) == plain_scores(text)


@pytest.mark.parametrize("text", [t for _, t in ALL_EXAMPLES] + TRICKY)
def test_plain_scores_take_langdetects_ngrams(text: str) -> None:
    from newsclean.language.model import plain_scores

    factory.init_factory()
    detector = factory._factory.create()
    detector.append(text)
    detector.cleaning_text()
    assert plain_scores(text)[1] == len(detector._extract_ngrams())
