"""The speech verb that introduces a quote, and its speaker slot, on made-up sentences."""

from __future__ import annotations

import pytest

from streams.core.pipeline.loader import load_model
from streams.core.rules.quotes import find_quotes
from streams.core.rules.speech import _mask, quote_verb, speaker_slot


def _verb_and_speaker(text: str) -> tuple[str, str]:
    doc = load_model()(text)
    sent = doc[:]
    verb = quote_verb(sent, find_quotes(text))
    assert verb is not None
    slot = speaker_slot(verb)
    return verb.text, slot.text if slot is not None else ""


@pytest.mark.parametrize(
    ("text", "verb", "speaker"),
    [
        # the verb whose clause holds the quote, not one inside the reported clause
        ("Lind said she is sure Haddad will go on being “a friend of the docks.”", "said", "Lind"),
        # a coordinated speech verb before the quote's own verb
        (
            "A boy held up a sign and Maria Lind said, “only if nobody minds the noise on the quay.”",
            "said",
            "Lind",
        ),
        # a background clause before the main one
        (
            "After Haddad criticized the plan on Monday, Lind replied, “It is the only plan we have.”",
            "replied",
            "Lind",
        ),
        # the quote first, its verb after it
        ("“The port will reopen within a week,” Transport Minister Ana Ruiz said.", "said", "Ruiz"),
    ],
)
def test_quote_verb_and_its_speaker(text: str, verb: str, speaker: str) -> None:
    assert _verb_and_speaker(text) == (verb, speaker)


def test_the_articles_quotes_stay_indexed_while_sentences_ask_about_theirs() -> None:
    """The statement rules take turns between a sentence's quotes and the article's: the article's
    index is built once, not again after every sentence (which made a long body's cost quadratic)."""
    text = "“One two three four,” Lind said. “Five six seven eight,” Holt said. “Nine ten,” Berg said."
    article = find_quotes(text)
    index = _mask(article)
    for quote in article * 3:
        _mask([quote])  # each sentence's own list
        assert _mask(article) is index
