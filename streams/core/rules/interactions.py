"""Find meetings and agreements from trigger words in the parse.

A sentence holds a meeting when a meeting trigger (met, meeting, talks, summit, visit,
negotiations, hosted, "sat down with") occurs outside quoted words, and an agreement
when an agreement trigger (signed, agreed, deal, accord, treaty, contract, settlement,
"purchase order", a deal struck/reached) does. Negated triggers are dropped and
proposals are not reported as done; future ones are marked ``status: planned``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from streams.core.lexicon.triggers import (
    AGREEMENT_COMPLETION,
    AGREEMENT_EXISTENCE_PREPS,
    AGREEMENT_NOUN_VERBS,
    AGREEMENT_NOUNS,
    AGREEMENT_VERBS,
    CALL_NOUNS,
    CALL_VERBS,
    MEET_NOUN,
    MEETING_NOUNS,
    MEETING_VERBS,
    NOT_MET_OBJECTS,
    PHONE_WORDS,
    PURCHASE,
    SIGNABLE_NOUNS,
    SIT_VERB,
    TRIGGER_WORDS,
    WEAK_MEETING_VERBS,
)
from streams.core.model import EventStatus
from streams.core.rules.event_context import event_status
from streams.core.spans import CharSpans

#: The event types a trigger word signals.
InteractionType = Literal["meeting", "agreement"]


@dataclass(frozen=True)
class Trigger:
    type: InteractionType
    token: Token
    status: EventStatus

    @property
    def cue(self) -> str:
        """The trigger's lemma, or "phone" for a call ("spoke on the phone")."""
        return "phone" if _phone_call(self.token) else self.token.lemma_.lower()


def _names_agreement(token: Token) -> bool:
    return any(t.lower_ in SIGNABLE_NOUNS or t.lemma_.lower() in SIGNABLE_NOUNS for t in token.subtree)


def _agreement_noun_concluded(token: Token) -> bool:
    """An agreement noun whose sentence says the agreement exists or was concluded."""
    head = token.head
    if head.lemma_.lower() in AGREEMENT_NOUN_VERBS or (
        head.dep_ in ("prep", "agent") and head.head.lemma_.lower() in AGREEMENT_NOUN_VERBS
    ):
        return True
    # "the deal with Fiat went through", "the accord took effect"
    if token.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        particles = {c.lower_ for c in head.children if c.dep_ in ("prt", "prep", "dobj", "advmod")}
        for verb, particle in AGREEMENT_COMPLETION:
            if head.lemma_.lower() == verb and (not particle or particle in particles):
                return True
    # "a pact between the EU and Mercosur", "part of a deal", "under the agreement"
    if any(c.dep_ == "prep" and c.lower_ in AGREEMENT_EXISTENCE_PREPS for c in token.children):
        return True
    if head.dep_ == "prep" and head.lower_ in ("of", "under") and head.head.lower_ in ("part", "terms"):
        return True
    # "the agreements signed by ...": participle modifying the noun
    return any(
        c.lemma_.lower() in AGREEMENT_NOUN_VERBS and c.dep_ in ("acl", "relcl") for c in token.children
    )


def _is_agreement(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in AGREEMENT_VERBS:
        if token.dep_ in ("acl", "relcl", "amod"):
            # "the peace plan it signed" is an agreement; "a golf bag signed by Abe" is a thing
            return token.head.lemma_.lower() in SIGNABLE_NOUNS or token.head.lower_ in SIGNABLE_NOUNS
        if lemma == "agree":
            return True
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        # "signed a series of agreements" counts, "signed a bill/golf bag" does not, and
        # "finalize" counts only with an agreement as its object ("proceedings are finalized" does not)
        if objects:
            return any(_names_agreement(o) for o in objects)
        return lemma in ("sign", "ink")
    if token.pos_ in ("NOUN", "PROPN") and (token.lower_ in AGREEMENT_NOUNS or lemma in AGREEMENT_NOUNS):
        if token.lower_ == PURCHASE or (token.i + 1 < len(token.doc) and token.nbor().lower_ == "order"):
            return True
        return _agreement_noun_concluded(token)
    return token.lower_ == PURCHASE and token.i + 1 < len(token.doc) and token.nbor().lower_ == "order"


def _phone_call(token: Token) -> bool:
    """ "spoke on the phone", "talked by telephone", "held a phone call": a call between parties."""
    if token.pos_ == "VERB" and token.lemma_.lower() in CALL_VERBS:
        return any(
            c.dep_ == "prep" and any(g.lower_ in PHONE_WORDS for g in c.children) for c in token.children
        )
    return token.lower_ in CALL_NOUNS and any(
        c.lower_ in PHONE_WORDS and c.dep_ in ("compound", "amod", "nmod") for c in token.children
    )


def _meets_a_target(verb: Token) -> bool:
    """ "meet its financial targets", "met the deadline": meet as in satisfy, not a meeting."""
    return (
        verb.lemma_.lower() == "meet"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in NOT_MET_OBJECTS for c in verb.children)
    ) or any(
        c.dep_ == "conj" and c.lemma_.lower() in ("surpass", "exceed", "beat", "miss") for c in verb.children
    )


def _is_meeting(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in MEETING_VERBS | WEAK_MEETING_VERBS:
        return not _meets_a_target(token)
    if token.lower_ == MEET_NOUN and token.pos_ == "NOUN":  # "agreed to a future meet on Crete"
        return True
    if token.pos_ == "VERB" and lemma == SIT_VERB and any(c.lower_ == "down" for c in token.children):
        return True
    if _phone_call(token):
        return True
    if token.pos_ in ("NOUN", "PROPN") and (token.lower_ in MEETING_NOUNS):
        if any(c.lower_ in ("press", "news") for c in token.children):  # a press conference is no meeting
            return False
        # a word of an organisation's name ("Italian Episcopal Conference") is no meeting, but
        # a named meeting ("the Annapolis Conference", "the 2019 G7 Summit") is
        named_for_place = any(
            c.dep_ in ("compound", "nmod", "amod")
            and (c.ent_type_ in ("GPE", "LOC", "DATE", "FAC") or c.like_num)
            for c in token.children
        )
        in_name = (
            token.text[:1].isupper()
            and not named_for_place
            and any(c.dep_ == "compound" and c.text[:1].isupper() for c in token.children)
        )
        if token.ent_type_ not in ("", "EVENT", "DATE", "FAC") or (in_name and token.ent_type_ != "EVENT"):
            return token.lower_ in ("summit", "summits") and token.ent_type_ != "ORG"
        return True
    return False


#: The trigger tests, in the order the triggers of one sentence are reported.
_TESTS: tuple[tuple[InteractionType, Callable[[Token], bool]], ...] = (
    ("agreement", _is_agreement),
    ("meeting", _is_meeting),
)


def find_triggers(sent: Span, inside_quote: CharSpans) -> list[Trigger]:
    """At most one meeting and one agreement trigger per sentence (the first of each)."""
    seen: dict[str, Trigger] = {}
    for token in sent:
        if token.lower_ not in TRIGGER_WORDS and token.lemma_.lower() not in TRIGGER_WORDS:
            continue
        if inside_quote.covers(token.idx):
            continue
        for kind, test in _TESTS:
            if kind in seen or not test(token):
                continue
            status = event_status(token, kind)
            if status is not None:
                seen[kind] = Trigger(kind, token, status)
    return list(seen.values())


def holder_words(trigger: Trigger) -> list[Token]:
    """The words that name who holds the event itself, not whom it is held with.

    "G7 was scheduled to meet", "OPEC will hold an emergency meeting", "the annual meeting of
    the General Assembly", "the Fed entered into an agreement": a body named here meets or
    agrees as a whole, so it is a party even when no counterpart is named. The subject is
    looked for on the trigger, on the verb whose object the trigger noun is, and up the
    chain of verbs it completes ("was scheduled to meet").
    """
    token = trigger.token
    words: list[Token] = []
    if token.pos_ in ("NOUN", "PROPN"):
        words.extend(c for c in token.children if c.dep_ == "poss")
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            words.extend(c for c in prep.children if c.dep_ == "pobj")
        verb = token.head
        if token.dep_ == "pobj" and verb.dep_ == "prep":
            # "entered into an agreement", "is in talks with": not "spoke at the conference"
            if verb.lower_ not in ("into", "in"):
                return words
            verb = verb.head
        if token.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return words
    else:
        verb = token
    for _ in range(3):  # "was expected to be scheduled to meet": a short chain is enough
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "The plant's owner, Acme, agreed": the name in apposition is the subject's
        words.extend(subjects + [a for s in subjects for a in s.children if a.dep_ == "appos"])
        if words or verb.dep_ != "xcomp":
            break
        verb = verb.head
        if any(c.dep_ == "dobj" for c in verb.children):
            break  # "requires members to sign": the members sign, not the one requiring
    return words
