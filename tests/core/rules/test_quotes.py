from __future__ import annotations

import time

from streams.core.rules.quotes import find_quotes


def test_curly_straight_and_single_quotes() -> None:
    text = '“We will win,” she said. He said "not today". They called it ‘a new era’ for trade.'
    assert [q.text for q in find_quotes(text)] == ["We will win,", "not today", "a new era"]


def test_apostrophes_are_not_quotes() -> None:
    assert find_quotes("Japan’s leader and the country’s envoy met.") == []


def test_unbalanced_quotes_never_crash_and_stay_linear() -> None:
    assert find_quotes("He said “this never closes. And goes on") == []
    started = time.perf_counter()
    find_quotes('"' * 100_000 + "“" * 50_000)
    assert time.perf_counter() - started < 2.0


def test_offsets() -> None:
    text = 'A "quoted phrase here" b'
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == '"quoted phrase here"'
    assert text[q.inner_start : q.inner_end] == "quoted phrase here"


def test_doubled_apostrophes_are_double_quotes() -> None:
    text = "''We will not sign this week,'' the envoy said, adding ''not before May.''"
    assert [q.text for q in find_quotes(text)] == ["We will not sign this week,", "not before May."]


def test_a_single_quote_inside_doubled_apostrophes() -> None:
    text = "She said ''the voters want the 'right track.''' on Monday."
    (q,) = find_quotes(text)
    assert q.text == "the voters want the 'right track.'"


def test_curly_opened_straight_closed_and_the_reverse() -> None:
    text = '“The port will reopen," she said. "Ships are waiting,” he said.'
    assert [q.text for q in find_quotes(text)] == ["The port will reopen,", "Ships are waiting,"]


def test_marks_glued_to_the_word_before_and_quotes_back_to_back() -> None:
    assert [q.text for q in find_quotes('The mayor said"We are ready" on Friday.')] == ["We are ready"]
    assert [q.text for q in find_quotes('"We won.""We will win again."')] == ["We won.", "We will win again."]
    assert [q.text for q in find_quotes("“We won.”“We will win again.”")] == ["We won.", "We will win again."]


def test_a_quotation_over_several_paragraphs() -> None:
    text = "She said: “The port will reopen.\n\n“The ships are waiting.\n\n“Trade will follow,” she said."
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [
        "The port will reopen.",
        "The ships are waiting.",
        "Trade will follow,",
    ]
    assert [q.runs_on for q in quotes] == [True, True, False]
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "The port will reopen."


def test_an_unclosed_mark_is_ignored_when_the_next_paragraph_does_not_go_on() -> None:
    assert find_quotes("A 5” screen and “an open mark.\n\nThe next paragraph.") == []


def test_inches_and_markup_values_are_not_quotes() -> None:
    assert find_quotes('<tweet id="12" author="@someone">Hello there</tweet>') == []
    assert [q.text for q in find_quotes('A 5" screen, he said "is too small".')] == ["is too small"]


def test_doubled_apostrophes_stay_linear() -> None:
    started = time.perf_counter()
    find_quotes("''" * 100_000 + " a'' b ''" * 20_000)
    assert time.perf_counter() - started < 2.0


def test_a_quote_a_line_break_splits_is_one_quote() -> None:
    # text with a sentence per line: the quote opens on one line and closes on the next
    text = "Her reply:\n“We talked to the dealers.\nNone of them would lower the price.”\nThat was all."
    (q,) = find_quotes(text)
    assert q.text == "We talked to the dealers.\nNone of them would lower the price."


def test_a_pull_quotes_credit_line_is_not_its_words() -> None:
    text = 'The vote is close.\n\n"Rates will rise before winter.\nMara Quist, bank economist."\n\nNext.'
    assert find_quotes(text) == []


def test_only_the_next_line_may_close_a_quote_left_open() -> None:
    text = "He said “this one never closes.\nA line with no marks.\nThen a stray mark,” here."
    assert find_quotes(text) == []
    blank_line_between = "He said “this one never closes.\n\nThen a stray mark,” here."
    assert find_quotes(blank_line_between) == []


def test_a_second_line_addressing_someone_is_still_the_quote() -> None:
    text = "Ruiz said:\n“I told him twice.\nPresident Berg, you are wrong.”"
    (q,) = find_quotes(text)
    assert q.text.endswith("you are wrong.")
