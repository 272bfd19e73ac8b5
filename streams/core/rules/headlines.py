"""Headlines in title case, where capitals no longer tell names from other words.

"Clinton Visit To Police Memorial Brings Allegations": the model runs such a headline's words
into names. Both the person register (``people.find_people``) and the actors
(``actors.ActorResolver``) keep of such a run only what the article names elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

#: Words a title-cased headline leaves in lower case ("Visit to Memorial Brings Talk of Deal").
_HEADLINE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "but", "in", "on", "at", "to", "for", "by", "with", "as", "from"}
)


def title_cased(sent: Span) -> bool:
    """Whether a sentence is a headline in title case: five words or more, every one but the small
    ones capitalised, so that capitals no longer tell names from other words."""
    words = big = 0
    for token in sent:
        if not token.is_alpha:
            continue
        words += 1
        if token.lower_ in _HEADLINE_SMALL_WORDS:
            continue
        if not token.text[0].isupper():
            return False  # the first lower-case word of substance ends it: most sentences end here
        big += 1
    return words >= 5 and big >= 4


def named_elsewhere(name: str, elsewhere: Iterable[str]) -> str | None:
    """The longest run of the name's words that is one of the names ``elsewhere`` (the article's
    entities outside the headline): "SeaMicro" of "Microserver Startup SeaMicro", or None."""
    known = set(elsewhere)
    words = name.split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            run = " ".join(words[start : start + size])
            if run in known:
                return run
    return None
