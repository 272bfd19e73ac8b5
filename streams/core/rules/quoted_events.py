"""Meetings told in the first person inside a quote: "We met with Mr. Doe," Smith said.

Also a meeting the quote says will be held with no one named to hold it ("talks will be held
with the unions," the minister said): the speaker speaks for the side that holds it.

A speaker who says "I met the minister" or "we held talks with Acme" reports a meeting he was
at; the article names him as the quote's speaker, not in the quoted words. The party "I"/"we"
is that speaker (rules/statements.py attributes the quote), and the counterpart is named in the
quote. Only a direct quote's own speaker stands in: "we" in a quote nobody is credited with
stays unknown, and the event then has a lone party and is not published.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from streams.core.model import Actor, Role
from streams.core.rules.quotes import QuoteSpan
from streams.core.rules.statements import Statement

#: Words by which a speaker names himself (or his side) as the one who met: "I met", "we held
#: talks", "my meeting with", "our talks with".
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
FIRST_PERSON_POSSESSIVES = frozenset({"my", "our"})


#: How a quote's speaker must have been found to stand in for "I"/"we": by name, by a pronoun
#: resolved to a name ("he said"), or as the one whose words a bare quote carries on; not "the
#: statement said" or a speaker guessed from a subject.
TRUSTED_SPEAKERS = frozenset({"named", "pronoun", "continuation"})


def first_person_party(token: Token) -> bool:
    """Whether the speaker is a party of the trigger ``token``'s event: the subject of the
    trigger verb, or of the verb whose object the trigger noun is ("we held talks"), is "I"
    or "we"; or a trigger noun is "my"/"our" meeting."""
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON_POSSESSIVES for c in token.children):
            return True
        if token.dep_ != "dobj":
            return False
        token = token.head
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON_SUBJECTS for c in token.children)


#: Prepositions that name the other side of an agreement told in the first person.
_COUNTERPART_PREPS = frozenset({"with", "between"})


def our_agreement(token: Token) -> bool:
    """Whether a quote tells an agreement the speaker's side made with a side it names: "we signed
    an agreement with Japan", "our agreements with Japan and Korea". Not "we studied the county's
    contracts with X" (the county's), nor "when I signed Senate Bill 88" (a law, no other side)."""
    if not first_person_party(token):
        return False
    nouns = [token] if token.pos_ in ("NOUN", "PROPN") else [c for c in token.children if c.dep_ == "dobj"]
    if any(c.dep_ == "poss" and c.lower_ not in FIRST_PERSON_POSSESSIVES for n in nouns for c in n.children):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in _COUNTERPART_PREPS and any(g.dep_ == "pobj" for g in c.children)
        for word in (token, *nouns)
        for c in word.children
    )


def arranged_by_speaker(token: Token) -> bool:
    """ "a discussion table will be set up with the growers", "talks were held with the
    unions": a meeting the quote says is or was arranged, with no one named to arrange it (a
    passive without a by-phrase). The official who says so speaks for the side that holds it."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    phrase = token.head if token.dep_ == "compound" else token
    if phrase.dep_ != "nsubjpass":
        return False
    return not any(c.dep_ == "agent" for c in phrase.head.children)


def speaker_is_party(token: Token) -> bool:
    """Whether the quote's speaker is a party of the trigger's event: told in the first person,
    or arranged by no one the quote names (``arranged_by_speaker``)."""
    return first_person_party(token) or arranged_by_speaker(token)


def quote_speakers(statements: Iterable[Statement], quotes: Iterable[QuoteSpan]) -> dict[int, Actor]:
    """The speaker of each direct quote, by the quote's start offset.

    A statement's content lies inside the quote it is credited with; a quote two statements
    claim (a misattribution somewhere) is left out, and so is a speaker found only by a
    description ("the statement said").
    """
    spans = sorted((q.start, q.end) for q in quotes)
    found: dict[int, Actor] = {}
    doubtful: set[int] = set()
    for st in statements:
        if st.form != "direct" or st.how not in TRUSTED_SPEAKERS:
            continue
        for start, end in spans:
            if start <= st.content_start < end:
                if start in found and found[start].name != st.speaker.name:
                    doubtful.add(start)
                found.setdefault(start, st.speaker)
                break
    return {start: actor for start, actor in found.items() if start not in doubtful}


def with_speaker(actors: list[Actor], speaker: Actor | None, role: Role) -> list[Actor]:
    """The event's parties with the quote's speaker first, as a party, when not already there."""
    if speaker is None or any(a.name == speaker.name for a in actors):
        return actors
    return [replace(speaker, role=role), *actors]


def side_of(speaker: Actor | None) -> Actor | None:
    """Whom a speaker's "we" binds in an agreement: the body the speaker's title names ("We signed
    with Boeing," said Airbus spokesman Tom Lund: Airbus), else the speaker. A meeting's "we" is the
    speaker, who was in the room."""
    if speaker is None or speaker.kind != "person" or not speaker.organization:
        return speaker
    return Actor(name=speaker.organization, role=speaker.role, kind="organization")
