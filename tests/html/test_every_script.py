"""Pages in every script keep their whole article, and their characters as printed."""

# ruff: noqa: E501 - a paragraph of prose per line

from __future__ import annotations

import unicodedata

import pytest

from newsclean import clean

# Short local-news stories written for these tests, one list of paragraphs per language.
STORIES = {
    "ja": [
        "東京都は２０２４年１２月３０日、都心の交通渋滞を減らすための新しい計画を発表した。",
        "計画では、２０３０年までに主要な交差点の信号を見直し、バスの本数を１．５倍に増やす。",
        "都の担当者は「ＡＢＣ線の延伸と合わせて、通勤時間を平均で１５分短くしたい」と話した。",
        "一方で、商店街の一部からは、荷物の積み下ろしが難しくなるとの懸念の声も上がっている。",
    ],
    "zh": [
        "市政府周二宣布，将在明年春天重新开放已经关闭十年的老火车站，作为城市文化中心使用。",
        "据介绍，改造工程预计耗资三亿元，主要用于修复屋顶、站台和原有的钟楼，并增加无障碍设施。",
        "附近居民表示欢迎，认为这座车站承载了几代人的记忆，希望改造后能保留原来的建筑风格。",
        "市文化局负责人说，中心开放后将举办展览、音乐会和社区活动，并向公众免费开放一年。",
    ],
    "ko": [
        "서울시는 화요일 한강 공원에 새로운 자전거 도로를 만들겠다고 발표했다.",
        "새 도로는 총 길이 12킬로미터로, 내년 여름까지 완공될 예정이라고 시 관계자가 밝혔다.",
        "시민 단체들은 이번 계획을 환영하면서도 보행자 안전 대책이 함께 마련되어야 한다고 강조했다.",
        "시는 공사 기간 동안 일부 산책로를 임시로 폐쇄하고 우회로를 안내할 계획이다.",
    ],
    "ar": [
        "أعلنت بلدية المدينة يوم الثلاثاء عن خطة لإعادة تأهيل السوق القديم بعد سنوات من الإهمال.",
        "وقال رئيس البلدية إن الأعمال ستبدأ في الربيع المقبل وستستمر نحو عامين بتكلفة تقديرية كبيرة.",
        "ورحب التجار بالمشروع، لكنهم طالبوا بتعويضات عن الأشهر التي ستغلق فيها محلاتهم أثناء الأشغال.",
        "وتشمل الخطة ترميم الواجهات الحجرية وتجديد شبكات المياه والكهرباء وإنشاء ساحة للمشاة.",
    ],
    "he": [
        "עיריית העיר הודיעה ביום שלישי כי הספרייה המרכזית תיפתח מחדש בחודש הבא לאחר שיפוץ.",
        "לדברי ראש העירייה, השיפוץ נמשך שנתיים וכלל החלפת הגג, מערכת מיזוג חדשה ואגף לילדים.",
        "תושבי השכונה אמרו כי הם מחכים לפתיחה, ורבים מהם ביקשו שהספרייה תהיה פתוחה גם בערבים.",
        "העירייה מסרה כי שעות הפתיחה יורחבו וכי תתקיים סדרת הרצאות חינמית לאורך כל הקיץ.",
    ],
    "tr": [
        "Belediye, salı günü yaptığı açıklamada şehir merkezindeki tarihi çarşının yeniden düzenleneceğini duyurdu.",
        "Çalışmaların önümüzdeki ilkbaharda başlaması ve yaklaşık iki yıl sürmesi bekleniyor.",
        "Esnaf, projeyi olumlu karşıladığını ancak çalışmalar sırasında dükkânların kapalı kalacağı aylar için destek istediğini söyledi.",
        "Belediye başkanı, çarşının tarihi dokusunun korunacağını ve yayalar için yeni bir meydan yapılacağını belirtti.",
    ],
    "ru": [
        "Городская администрация во вторник объявила о реконструкции старого трамвайного депо.",
        "По словам мэра, работы начнутся весной и продлятся около двух лет, а в здании откроется музей.",
        "Жители района поддержали проект, но попросили сохранить исторический фасад и часы на башне.",
        "В администрации пообещали провести общественные слушания до начала строительных работ.",
    ],
}
_RTL = {"ar", "he"}


def _page(lang: str, paragraphs: list[str]) -> str:
    direction = " dir='rtl'" if lang in _RTL else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='{lang}'{direction}><head><meta charset='utf-8'>"
        f"<title>{paragraphs[0][:12]}</title></head><body>"
        "<nav><a href='/'>1</a> <a href='/a'>2</a></nav>"
        f"<article><h1>{paragraphs[0][:12]}</h1>{body}</article>"
        "<footer><p>© 2024</p></footer></body></html>"
    )


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_page_in_any_script_keeps_its_whole_article(lang: str) -> None:
    paragraphs = STORIES[lang]
    article = clean(html=_page(lang, paragraphs).encode("utf-8"))
    # Every paragraph, exactly as printed (NFC is the only normalization).
    expected = [unicodedata.normalize("NFC", p) for p in paragraphs]
    assert article.text.split("\n\n") == expected
    assert (article.language or "").split("-")[0] == lang


def test_full_width_digits_and_letters_stay_as_printed() -> None:
    article = clean(html=_page("ja", STORIES["ja"]))
    assert "２０２４年１２月３０日" in article.text and "ＡＢＣ線" in article.text
    assert "2024年" not in article.text and "ABC線" not in article.text


def test_full_width_text_stays_as_printed_in_plain_text_too() -> None:
    text = "\n\n".join(STORIES["ja"])
    assert clean(text).text == text
