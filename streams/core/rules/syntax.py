"""Walks up the dependency tree that several rules take: to a word's clause verb, to the root of
its sentence, and to the topic an event noun's verb gives."""

from __future__ import annotations

from spacy.tokens import Token

from streams.core.lexicon.triggers import CONCLUDING_PARTICIPLES, TOPIC_VERBS
from streams.core.normalise.calendar_words import WEEKDAYS


def clause_verb(token: Token, stop: Token | None = None) -> Token | None:
    """The verb heading the clause ``token`` is in (the token itself when it is a verb); None when
    the walk passes ``stop`` first. With no verb above it, the highest word reached."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        if stop is not None and token.i == stop.i:
            return None
        token = token.head
    return None if stop is not None and token.i == stop.i else token


def occasion_of(noun: Token) -> Token | None:
    """The word an event noun in an "at" or "during" phrase is only the time of ("will vote at
    the meeting", "approval at the next meeting"), or None."""
    return noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("at", "during") else None


#: Verbs whose prepositional object is who is to do what their infinitive says ("called on X to").
_ASKING_THROUGH_VERBS = frozenset({"call", "prevail", "appeal", "rely", "count", "depend"})


def called_on(verb: Token) -> list[Token]:
    """Whom a verb calls on to act ("the government" of "called on the government to block it"): the
    subject of its infinitive, as the object of "urged X to" is. Empty for any other verb."""
    if verb.lemma_.lower() not in _ASKING_THROUGH_VERBS:
        return []
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
        for g in c.children
        if g.dep_ == "pobj"
    ]


def is_to_infinitive(verb: Token) -> bool:
    """A bare verb with its "to" ("to meet", "to replace"): a clause of purpose or content, whose
    head the many rules that read such clauses check themselves."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def in_past_form(verb: Token) -> bool:
    """A verb in the past or with a past auxiliary: "met", "was held", "had signed"."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def sentence_root(token: Token) -> Token:
    """The root of the sentence ``token`` is in."""
    while token.dep_ != "ROOT" and token.head.i != token.i:
        token = token.head
    return token


def in_event_topic(token: Token, trigger: Token) -> bool:
    """Whether ``token`` lies in the object of a verb that tells what the event noun ``trigger``, its
    subject, is about: "the talks also cover tensions such as Korea's weapons" (Korea is the topic,
    neither a party nor the place)."""
    verb = trigger.head
    if trigger.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in TOPIC_VERBS:
        return False
    return any(o.dep_ == "dobj" and (o.i == token.i or o.is_ancestor(token)) for o in verb.children)


def in_source_phrase(token: Token) -> bool:
    """Whether ``token`` lies in an "according to" phrase ("according to Democrats involved in the
    talks"): the talks are told in passing, and the clause's time and place are the report's."""
    return any(a.lower_ == "according" and a.dep_ == "prep" for a in token.ancestors)


#: Verbs of telling of an event again: "described the meeting", "recalled the talks".
RETELLING_VERBS = frozenset({"describe", "recall", "recount", "mention", "cite", "detail", "remember"})


def retold(token: Token) -> bool:
    """Whether an event noun is the object of a verb of telling of it ("In an interview last week,
    Hoenlein described the meeting with Obama"): the clause's time and place are the telling's."""
    return token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in RETELLING_VERBS


def concluding_participles(noun: Token) -> list[Token]:
    """The participles on an agreement noun that conclude it: "struck" in "the deal struck in July",
    "signed" in "the pacts signed by them" (``CONCLUDING_PARTICIPLES``)."""
    return [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in CONCLUDING_PARTICIPLES]


def prep_objects(word: Token, *prepositions: str) -> list[Token]:
    """The objects of the phrases with these prepositions on ``word`` ("with", "in"), in order."""
    return [
        g
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in prepositions
        for g in c.children
        if g.dep_ == "pobj"
    ]


def day_on_a_state(clause: Token) -> bool:
    """A relative clause in the simple present that the parser gave a weekday: "talks with
    senators who back him in Oslo on Friday". What the senators do does not happen on
    a Friday; the phrases of place and day are the talks'."""
    if clause.dep_ != "relcl" or clause.tag_ not in ("VBP", "VBZ"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    return any(
        c.dep_ == "prep" and any(g.lower_ in WEEKDAYS for g in c.children if g.dep_ == "pobj")
        for c in clause.children
    )


def finite_beside_an_infinitive(verb: Token) -> bool:
    """A verb in the past or third person hung as the conjunct of an infinitive, which no finite verb
    can be: "X urged the board to wait and spoke with Y" coordinates "spoke" with "urged"."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBD", "VBZ")
        and head.dep_ in ("xcomp", "advcl")
        and is_to_infinitive(head)
        and head.head.pos_ in ("VERB", "AUX")
    )
