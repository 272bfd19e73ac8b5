"""Two walks up the dependency tree that several rules take: to a word's clause verb, and to the
root of its sentence."""

from __future__ import annotations

from spacy.tokens import Token


def clause_verb(token: Token, stop: Token | None = None) -> Token | None:
    """The verb heading the clause ``token`` is in (the token itself when it is a verb); None when
    the walk passes ``stop`` first. With no verb above it, the highest word reached."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        if stop is not None and token.i == stop.i:
            return None
        token = token.head
    return None if stop is not None and token.i == stop.i else token


def sentence_root(token: Token) -> Token:
    """The root of the sentence ``token`` is in."""
    while token.dep_ != "ROOT" and token.head.i != token.i:
        token = token.head
    return token
