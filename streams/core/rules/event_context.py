"""Whether a meeting or agreement happened: its context, from the words that govern its trigger.

A trigger word names an event, but news reports many events that did not happen: hoped for
("hopes the union will reopen the contract"), conditional ("if they sign"), habitual ("typically
signs supply deals"), failed or denied ("was not invited to the conference", "the talks
collapsed"). Publishing those as done is the worst error an analyst can meet, so every trigger
gets a context, PLOVER-style:

- ``occurred``: it happened or is under way (``status`` past or ongoing);
- ``scheduled``: it is to happen (``status`` planned);
- ``historical``: it happened long before publication (its date is more than a year earlier);
- ``hypothetical``, ``habitual``, ``negated``: not published.

The context is read on the trigger's clause and the few clauses it completes (its complement
path: "hoped to meet", "doubt a deal is possible", "applied to host the summit"), never across
an adverbial or relative clause ("declined to comment after meeting X" reports a meeting).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Token

from streams.core.lexicon.modality import (
    APPLY_TO_VERBS,
    ASKING_VERBS,
    CAREER_SPAN_PREPS,
    CAREER_SPANS,
    CLAIM_NOUNS,
    CONDITION_MARKERS,
    DENIAL_PHRASALS,
    DENIAL_VERBS,
    EFFORT_TO_VERBS,
    FAILURE_ADJECTIVES,
    FAILURE_PHRASALS,
    FAILURE_VERBS,
    FREQUENCY_DETERMINERS,
    FUTURE_MODALS,
    GOAL_NOUNS,
    HABITUAL_ADJECTIVES,
    HABITUAL_ADVERBS,
    HABITUAL_PHRASES,
    IMPLICATIVE_VERBS,
    MAKING_VERBS,
    MEETING_FAILURE_PHRASALS,
    MEETING_OUTCOME_PHRASALS,
    MEETING_OUTCOME_VERBS,
    NEARNESS_WORDS,
    NEGATORS,
    NEGOTIATION_WORDS,
    NOT_HELD_VERBS,
    OCCURRENCE_VERBS,
    PERIOD_NOUNS,
    PLAN_WORDS,
    POSSIBILITY_ADJECTIVES,
    POSSIBILITY_MODALS,
    PROMISE_WORDS,
    REQUEST_FOR_VERBS,
    SET_TO_WORDS,
    STANCE_VERBS,
    STILL_TO_VERBS,
    USED_TO,
    WISH_WORDS,
    WITHOUT,
    WOULD,
)
from streams.core.lexicon.triggers import VISIT_LEMMAS
from streams.core.model import DateValue, EventContext, EventStatus
from streams.core.rules.document import entities_in
from streams.core.rules.syntax import (
    called_on,
    clause_verb,
    concluding_participles,
    finite_beside_an_infinitive,
    in_past_form,
    is_to_infinitive,
    occasion_of,
)

#: The contexts that are published: what happened, is happening or is scheduled.
PUBLISHED_CONTEXTS: frozenset[EventContext] = frozenset({"occurred", "scheduled", "historical"})

#: Links climbed from the trigger to the clauses it completes. Not ``advcl``, ``relcl`` or
#: ``acl``: an adverbial or relative clause has its own truth ("declined to comment after
#: meeting X"; "the plan it signed" under "failed to implement").
_COMPLEMENT_LINKS = frozenset(
    {"xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "oprd", "acomp", "agent"}
)
#: Prepositions whose object completes the verb ("not invited to the summit", "took part in the
#: talks", "pulled out of the talks"); others make it a time or topic ("after the meeting",
#: "did not comment on the deal").
_COMPLEMENT_PREPS = frozenset({"to", "in", "into", "for", "of", "with", "from", "without"})
#: How many clauses up the path is read: "was expected to be scheduled to meet" is enough.
_MAX_STEPS = 5
#: A date more than this before publication makes an event historical.
_HISTORICAL_AFTER = timedelta(days=365)


@dataclass(frozen=True)
class Reading:
    """The trigger's context, and for a published one its ``status``."""

    context: EventContext
    status: EventStatus | None


def _forms(token: Token) -> set[str]:
    """The lemma and the plausible bases of the word: the tagger's lemma is sometimes wrong
    ("hopes" -> "hop"), so "hoped", "hopes", "hoping" also give "hope"."""
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    for suffix in ("s", "es", "d", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.update((stem, stem + "e"))
    return forms


def _path(token: Token) -> list[tuple[Token, str]]:
    """The trigger and what it completes, each with the link that reached it ("" for the first).

    "a bid to host the summit", "applied to host the summit": an infinitive describing a noun or
    a verb is its content or purpose, so the path goes on to "bid" or "applied"; any other
    relative or adverbial clause ends it.
    """
    path: list[tuple[Token, str]] = [(token, "")]
    node = token
    for _ in range(_MAX_STEPS):
        if node.head is node:
            break
        link = node.dep_
        if link == "pcomp" and node.head.lower_ in _COMPLEMENT_PREPS:
            link = "pobj"  # "a neutral guy in negotiating the conflict": the gerund is the object
        to_infinitive = (
            link in ("acl", "advcl") and node.tag_ == "VB" and any(c.lower_ == "to" for c in node.children)
        )
        noun_phrase = link == "compound" and node.head.pos_ == "NOUN"  # "a working table will be set up"
        claim = link == "acl" and node.head.lemma_.lower() in CLAIM_NOUNS  # "reports that he met X"
        if link not in _COMPLEMENT_LINKS and not to_infinitive and not noun_phrase and not claim:
            break
        if link == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break  # "talks collapsed and they met again": a conjunct with its own subject
        if link == "conj" and finite_beside_an_infinitive(node):
            node = node.head.head  # "urged Acme to wait and met X": "met" is joined to "urged"
            path.append((node, link))
            continue
        # "on a trip to Peru, he would meet": the trip is told by the clause it sets
        on_a_trip = node.head.lower_ == "on" and node.lemma_.lower() in VISIT_LEMMAS
        if link == "pobj" and node.head.lower_ not in _COMPLEMENT_PREPS and not on_a_trip:
            break  # "did not speak after the meeting": the meeting is only a time
        node = node.head
        path.append((node, link))
    return path


def _clause_verb(path: list[tuple[Token, str]]) -> Token:
    """The first verb on the path: the trigger's own clause ("holds talks", "met")."""
    return next((t for t, _ in path if t.pos_ in ("VERB", "AUX")), path[-1][0])


def _talks_ended(path: list[tuple[Token, str]], kind: str) -> bool:
    """ "the talks broke down", "negotiations collapsed": a meeting (the subject) held, then failed.

    Only the verb the meeting noun is the subject of, and not "failed to take place".
    """
    if kind != "meeting" or len(path) < 2 or path[1][1] != "nsubj":
        return False
    verb = path[1][0]
    forms = _forms(verb)
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod")}
    if not (
        forms & MEETING_OUTCOME_VERBS
        or any((form, p) in MEETING_OUTCOME_PHRASALS for form in forms for p in particles)
    ):
        return False
    return not any(c.dep_ == "xcomp" and _forms(c) & NOT_HELD_VERBS for c in verb.children)


def _negated(path: list[tuple[Token, str]], kind: str) -> bool:
    ended = _talks_ended(path, kind)
    for i, (node, link) in enumerate(path):
        if i and link == "conj" and _finite_conjunct(path[i - 1][0]):
            continue  # "rejected the plan and signed a deal", "did not wait and met X"
        forms = _forms(node)
        children = list(node.children)
        if any(c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in NEGATORS) for c in children):
            return True  # "did not meet", "no agreement was reached", "never met"
        if ended and i == 1:
            continue  # "the talks broke down": they were held
        if i and forms & (FAILURE_VERBS | FAILURE_ADJECTIVES):
            return True  # "failed to agree", "rejected the deal", "the talks collapsed"
        # the parser gives "out" in "pulled out of" as a preposition, "apart" as an adverb
        particles = {c.lower_ for c in children if c.dep_ in ("prt", "prep", "advmod")}
        denies = forms & DENIAL_VERBS or any(
            (form, p) in DENIAL_PHRASALS for form in forms for p in particles
        )
        if i and denies and _over_a_claim(path[: i + 1]):
            return True  # "denied that he met X", "disputed reports that they had signed a deal"
        if any(c.lower_ in FAILURE_ADJECTIVES and c.dep_ in ("acomp", "amod") for c in children):
            return True  # "was unable to negotiate a deal"
        phrasals = FAILURE_PHRASALS | (MEETING_FAILURE_PHRASALS if kind == "meeting" else frozenset())
        if any((form, p) in phrasals for form in forms for p in particles):
            return True  # "called off the summit", "the talks broke down"
        if node.dep_ == "pobj" and node.head.lower_ == WITHOUT:
            return True  # "ended without a deal"
    return False


def _finite_conjunct(verb: Token) -> bool:
    """A verb in the past or present joined by "and" or "but" to the one before it: a clause of its
    own, whose truth the first one's hope, request or refusal does not decide ("sought support and
    signed a deal"). Not after "or"/"nor", which a negation or a hope holds whole ("never met nor
    spoke with X")."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    joints = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    return not joints or joints[-1].lower_ not in ("or", "nor")


def _over_a_claim(way: list[tuple[Token, str]]) -> bool:
    """Whether the way up to a verb (its last step) came through a that-clause or a claim noun, or
    is a gerund it governs: "denied ever meeting X", "denies having met X"."""
    if any(link == "ccomp" or node.lemma_.lower() in CLAIM_NOUNS for node, link in way[1:]):
        return True
    if len(way) < 2:
        return False
    step = way[-2][0]  # the word the denial verb governs
    gerund = step.tag_ == "VBG" or any(c.dep_ == "aux" and c.tag_ == "VBG" for c in step.children)
    return gerund and step.dep_ in ("xcomp", "dobj", "pcomp")


def _imperative(verb: Token) -> bool:
    """ "For more, visit ProPublica": a bare verb that heads its sentence with no subject is a
    command to the reader."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)
    )


def _yet_to(verb: Token) -> bool:
    """ "have yet to", "is yet to": what has not happened, with no day set for it."""
    return verb.lemma_.lower() in ("have", "be") and any(
        c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children
    )


def _would_be_one(verb: Token, link: str) -> bool:
    """ "he would be a neutral guy in negotiating it", "would be open to talks": the copula's
    complement holds the event, so the modal is the event's, and "would" a condition (what he
    would be if it came to talks), not a plan."""
    return verb.lemma_.lower() == "be" and link in ("attr", "acomp")


def _hypothetical(path: list[tuple[Token, str]]) -> bool:
    if path[0][0].sent.text.rstrip().endswith("?"):
        return True  # a question asks whether it happened
    if _imperative(_clause_verb(path)):
        return True  # a command: "visit our site"
    trigger = path[0][0]
    if trigger.dep_ == "pobj" and trigger.head.lower_ in NEARNESS_WORDS:
        return True  # "is near a settlement"
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in trigger.children):
        return True  # "the board must vote on any future deals with Beta": no deal in particular
    for i, (node, link) in enumerate(path):
        forms = _forms(node)
        children = list(node.children)
        if i and link == "conj" and _finite_conjunct(path[i - 1][0]):
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for c in children):
                return True  # "if they met and signed a deal": the condition holds both
            continue  # "hoped for peace and met X": only the first clause is a hope
        if not i and any(c.dep_ == "amod" and _forms(c) & WISH_WORDS for c in children):
            return True  # "the proposed deal", "an attempted meeting"
        if i and forms & WISH_WORDS:
            return True  # "hopes to meet", "seeks a deal", "a bid to host the summit"
        if (
            i
            and node.lemma_.lower() == "be"
            and any(c.dep_ == "nsubj" and _forms(c) & WISH_WORDS for c in children)
        ):
            return True  # "the team's preference would be to sign him"
        if i and forms & REQUEST_FOR_VERBS and link == "prep" and path[i - 1][0].lower_ == "for":
            return True  # "called for talks", "applied for a deal"
        if i and forms & REQUEST_FOR_VERBS and link in _CLAUSE_LINKS and _for_to(path[i - 1][0]):
            return True  # "calls for agencies to consult with X", "pushed for them to meet"
        if (
            i
            and link == "xcomp"
            and _asks_another_to(node)
            and (i == 1 or path[i - 1][0].lemma_.lower() in _HOLDING_VERBS)
        ):
            # "called on Berg to meet Ruiz", "pressed Berg to sign an agreement with Ruiz": others
            # asked to, which is no more than a request
            return True
        if i and forms & GOAL_NOUNS and link == "prep" and path[i - 1][0].lower_ in ("for", "to"):
            return True  # "the road map for the final status accord", "the path to a deal"
        if i and forms & STILL_TO_VERBS and link in ("nsubj", "nsubjpass") and _still_to_make(node):
            return True  # "the agreement still needs to be hammered out"
        if i and forms & PROMISE_WORDS and link in ("acl", "xcomp") and path[i - 1][0].lemma_ in STANCE_VERBS:
            return True  # "his pledge to stay impartial in any talks": a stance, not the talks
        if i and forms & (APPLY_TO_VERBS | EFFORT_TO_VERBS) and link in ("xcomp", "advcl"):
            return True  # "applied to host the summit", "worked to arrange a meeting"
        if i and forms & NEGOTIATION_WORDS and link in ("acl", "xcomp", "advcl"):
            return True  # "is in talks to buy Beta": what the talks are for, not yet agreed
        if i and forms & NEARNESS_WORDS and _nearing(node, link, path[i - 1][0]):
            return True  # "is close to a deal", "nearing an agreement": not made yet
        if i and link == "xcomp" and _yet_to(node):
            return True  # "the two have yet to agree on a price": pending, neither made nor set
        if i and forms & _SEEMING_VERBS and link == "xcomp":
            return True  # "almost seemed to agree with him": how it looked, not what was agreed
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for c in children):
            return True  # "if they sign", "unless the talks resume"
        if _awaited(node):
            return True  # "will withhold the money until they agree": the condition of a plan
        if any(c.lower_ in POSSIBILITY_ADJECTIVES and c.dep_ in ("amod", "acomp") for c in children):
            return True  # "a possible deal", "a deal is unlikely"
        if any(step == "prep" for _, step in path[: i + 1]) and not _would_be_one(node, link):
            continue  # "in a phone call, he might have urged": the modal is not the call's
        modals = {c.lower_ for c in children if c.dep_ == "aux"}
        if modals & POSSIBILITY_MODALS:
            return True  # "could meet", "might sign"
        if modals & WOULD and (link in ("nsubj", "nsubjpass") or _would_be_one(node, link)):
            return True  # "a deal would cut tariffs": what the deal would do, if there were one
    return False


def _nearing(node: Token, link: str, below: Token) -> bool:
    """ "close to a deal", "moved closer to agreeing" (the adjective's or adverb's to-phrase),
    "nearing an agreement" (the verb's object). "near a settlement", whose preposition ends the
    path, is read from the trigger (``_hypothetical``)."""
    if node.pos_ in ("ADJ", "ADV"):
        return link == "prep" and below.lower_ == "to"
    return node.pos_ == "VERB" and link == "dobj"


def _still_to_make(verb: Token) -> bool:
    """ "needs to be hammered out", "remains to be signed": what the subject needs is its making."""
    return any(c.dep_ == "xcomp" and _forms(c) & MAKING_VERBS for c in verb.children)


def _awaited(verb: Token) -> bool:
    """An until-clause on a plan or a practice ("keep the money until Mexico agreed to pay", "will
    wait until they sign") is what they wait for, not what happened; on a past clause ("the talks
    went on until they agreed") it is when the wait ended, which did happen."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "until" for c in verb.children):
        return False
    return not in_past_form(verb.head)


def _over_a_career(verb: Token) -> bool:
    """ "over his career", "throughout the years": a span of a life, in which no one event is told."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in CAREER_SPAN_PREPS
        and any(
            o.dep_ == "pobj"
            and o.lower_ in CAREER_SPANS
            and any(d.dep_ in ("poss", "det") and d.lower_ not in ("a", "an") for d in o.children)
            for o in c.children
        )
        for c in verb.children
    )


def _habitual(path: list[tuple[Token, str]]) -> bool:
    noun = path[0][0]
    if noun.pos_ == "NOUN" and any(
        c.dep_ in ("acl", "relcl")
        and c.tag_ in ("VBZ", "VBP")
        and any(a.dep_ == "advmod" and a.lower_ in HABITUAL_ADVERBS for a in c.children)
        for c in noun.children
    ):
        return True  # "G7 meetings, which usually center on politics": what such meetings are like
    if noun.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in HABITUAL_ADJECTIVES for c in noun.children
    ):
        return True  # "their regular conversations with X", "frequent meetings with Y"
    verb = _clause_verb(path)
    children = list(verb.children)
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in children):
        return True  # "typically signs", "usually meet in Geneva"
    if any(
        c.dep_ == "prep"
        and any((c.lower_, o.lower_) in HABITUAL_PHRASES for o in c.children if o.dep_ == "pobj")
        for c in children
    ):
        return True  # "At times they would meet in secret"
    if _over_a_career(verb) or (
        noun.pos_ == "NOUN" and any(c.dep_ == "relcl" and _over_a_career(c) for c in noun.children)
    ):
        return True  # "the real estate deals he has brokered over his career"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == USED_TO and verb.head.tag_ == "VBD":
        return True  # "they used to meet in Geneva"
    present = verb.tag_ in ("VBZ", "VBP")
    if present and _present_in_past_speech(verb):
        return True  # "Emanuel said he meets with families of victims": what he does, not a meeting
    if present and _a_texts_terms(verb):
        return True  # "the lease says the tenant agrees to keep the garden": a term, not an agreeing
    return present and any(
        c.lemma_.lower() in PERIOD_NOUNS and any(d.lower_ in FREQUENCY_DETERMINERS for d in c.children)
        for c in children
    )  # "meets every year", "signs deals each spring"


#: Links of a clause to the verb it completes or modifies.
_CLAUSE_LINKS = frozenset({"advcl", "ccomp", "xcomp"})


def _asks_another_to(verb: Token) -> bool:
    """A verb asking its object, or the one it calls on, to do something: "pressed X to", "called
    on X to"."""
    if verb.lemma_.lower() in ASKING_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return True
    return verb.lemma_.lower() in REQUEST_FOR_VERBS and bool(called_on(verb))


#: Verbs that hold an event noun as their object: "hold talks", "sign a deal", "reach an accord".
_HOLDING_VERBS = frozenset(
    {"hold", "have", "sign", "reach", "strike", "conclude", "open", "start", "begin", "resume"}
)


def _for_to(verb: Token) -> bool:
    """A "for ... to" clause: "(calls) for agencies to consult"."""
    return verb.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _present_in_past_speech(verb: Token) -> bool:
    """A simple present reported by a past verb of saying, with no time of its own: told in the
    past, a single event would be "met" or "would meet"; the present is what one does. Not the
    present of a state ("are in talks, people familiar with the matter said": talks under way)."""
    return (
        verb.lemma_.lower() != "be"
        and verb.dep_ == "ccomp"
        and verb.head.tag_ == "VBD"
        and verb.head.lemma_.lower() in _SAYING_VERBS
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and not any(t.ent_type_ in ("DATE", "TIME") and _in_own_clause(t, verb) for t in verb.subtree)
    )


def _a_texts_terms(verb: Token) -> bool:
    """A simple present that a law, lease or charter says: "the constitution says that Japan agrees
    to renounce war" is what the text lays down, not an event between two sides."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in _SAYING_VERBS:
        return False
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if any(s.lower_ in ("it", "which") for s in subjects) and head.dep_ in ("advcl", "conj", "relcl"):
        # "the constitution makes no mention of it, although it does say", "the charter, which says"
        above = head.head
        subjects += [above] if head.dep_ == "relcl" else [c for c in above.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in TEXT_NOUNS for s in subjects)


#: Texts whose words lay down terms: what they "say" a side agrees to or meets about is a rule.
TEXT_NOUNS = frozenset(
    {
        "constitution",
        "law",
        "lease",
        "contract",
        "treaty",
        "charter",
        "statute",
        "clause",
        "provision",
        "bylaw",
        "rule",
    }
)


def _in_own_clause(token: Token, verb: Token) -> bool:
    """Whether ``token``, below ``verb``, is outside the relative clauses under it ("families in a
    city that recorded 400 killings this year": the year is the city's clause's)."""
    while token.i != verb.i:
        if token.dep_ in ("relcl", "acl"):
            return False
        token = token.head
    return True


#: Verbs that report what someone says.
_SAYING_VERBS = frozenset({"say", "tell", "add", "explain", "note", "insist", "acknowledge"})


#: Verbs of how something looked: "seemed to agree", "appeared to meet" are no report that it happened.
_SEEMING_VERBS = frozenset({"seem", "appear"})

#: Verbs that say the event goes on: "continue to discuss", "still keep meeting".
_GOING_ON_VERBS = frozenset({"continue"})

#: Adverbs that make a plan the intent something was first given: "originally planned to discuss".
_FIRST_INTENT = frozenset({"originally", "initially"})


def _before_subject(aux: Token) -> bool:
    """An auxiliary before its clause's subject is no tense of a statement: a question ("Will they
    meet?") or a first name the parser took for one ("Will Estrada said of the encounter he had")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > aux.i for c in aux.head.children)


def _status(path: list[tuple[Token, str]]) -> EventStatus:
    nodes = [t for t, _ in path]
    # the trigger "plan" itself ("came up with a plan") is no plan word; nor is a plan the text
    # says was the first intent ("the summit was originally planned to discuss energy": it was held)
    lemmas = {t.lemma_.lower() for t in nodes[1:] if not any(c.lower_ in _FIRST_INTENT for c in t.children)}
    verb = _clause_verb(path)
    aux = _stated_auxiliaries(nodes)
    if _told_as_to_come(path, aux, lemmas):
        return "planned"
    if _headline_infinitive(verb):
        return "planned"  # "Kestrel Motors to acquire Zentra": a headline's "to" is "will"
    if _future_relative(nodes[0]):
        return "planned"  # "a deal that will close in June"
    if _pending(nodes[0]):
        return "planned"  # "Acme's acquisition of Beta is subject to closing conditions"
    if nodes[0].pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in _FUTURE_ADJECTIVES for c in nodes[0].children
    ):
        return "planned"  # "agreed to a future meet on Crete", "their upcoming summit"
    if _scheduled_ahead(nodes[0], verb):
        return "planned"  # "awaits a vote at the next meeting, set for June"
    if _on_a_present_schedule(nodes, verb):
        return "planned"  # "has two meetings scheduled with Lund"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":
        if verb.head.lemma_.lower() in IMPLICATIVE_VERBS and verb.head.tag_ in ("VBD", "VBN"):
            return "past"  # "helped facilitate a meeting", "managed to meet him"
        if verb.head.lemma_.lower() in _GOING_ON_VERBS and verb.head.tag_ in ("VBZ", "VBP", "VBG"):
            return "ongoing"  # "the two nations continue to discuss the oil revenues"
        if verb.head.lemma_.lower() in _GOING_ON_VERBS and verb.head.tag_ in ("VBD", "VBN"):
            return "past"  # "they continued to meet in secret"
        return "planned"  # "agreed to meet"
    if verb.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "'re", "’s", "’re"}:
        return "ongoing"  # "the two sides are holding talks in Doha"
    if verb.tag_ == "VBG" and "been" in aux and aux & {"has", "have", "'s", "'ve", "’s", "’ve"}:
        return "ongoing"  # "Acme has been negotiating with Beta for months": not over ("had been": it is)
    if _in_talks_now(nodes[0], verb):
        return "ongoing"  # "Acme is in talks with Beta", "the two remain in negotiations"
    if verb.tag_ in ("VBZ", "VBP") and not aux and _time_clause(verb):
        return "planned"  # "will endorse her after the president meets with Sanders"
    if _present(verb) and not aux and _on_a_day_named(verb):
        return "planned"  # "Lund and Berg meet for the first debate Monday": the schedule
    if _before_or_after_what_is_to_come(verb):
        return "planned"  # "after meeting with Reyes, Holt will fly to Ohio"
    if _occasion_of_what_is_to_come(nodes[0]):
        return "planned"  # "the club is expected to vote on it at its meeting next month"
    return "past"


def _stated_auxiliaries(nodes: list[Token]) -> set[str]:
    """The auxiliaries of the words on a path, but not one standing before its clause's subject."""
    return {
        c.lower_ for t in nodes for c in t.children if c.dep_ in ("aux", "auxpass") and not _before_subject(c)
    }


def _headline_infinitive(verb: Token) -> bool:
    """A sentence whose main verb is a to-infinitive with its own subject: "Acme to buy Beta". The
    parser may make the name the root and the infinitive its clause ("HP to acquire green
    consultancy EYP"), a relative one too ("AMD to Acquire Microserver Startup SeaMicro")."""
    if not is_to_infinitive(verb):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    name = verb.head  # the name opens the sentence, and nothing but the infinitive follows it
    return (
        verb.dep_ in ("acl", "relcl")
        and name.dep_ == "ROOT"
        and name.pos_ == "PROPN"
        and name.left_edge.i == name.sent.start
        and all(c.i < name.i or c.i == verb.i or c.is_punct or c.is_space for c in name.children)
    )


def _pending(noun: Token) -> bool:
    """An event noun whose present clause says it still awaits what completes it: "the merger is
    subject to regulatory approval", "the acquisition is subject to closing conditions and is
    expected to be completed in June" (the second verb, which shares the subject, is off the path
    that ``_told_as_to_come`` reads)."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    if not _present(verb) and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children
    ):
        return False
    clauses = [verb] + [
        c
        for c in verb.children
        if c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    for clause in clauses:
        if clause.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lower_ == "subject" and any(p.lower_ == "to" for p in c.children)
            for c in clause.children
        ):
            return True
        if clause is not verb and clause.lemma_.lower() in PLAN_WORDS:
            return True
    return False


def _told_as_to_come(path: list[tuple[Token, str]], aux: set[str], lemmas: set[str]) -> bool:
    """Said outright to be to come: "will meet", "said they would sign", "expected to meet", "is
    set to meet", "the meeting is set to open tomorrow"."""
    if aux & (FUTURE_MODALS | WOULD) or lemmas & PLAN_WORDS:
        return True
    if any(link == "xcomp" and _forms(node) & SET_TO_WORDS for node, link in path):
        return True
    return any(
        _forms(node) & SET_TO_WORDS and any(c.dep_ == "xcomp" for c in node.children) for node, _ in path[1:]
    )


def _occasion_of_what_is_to_come(noun: Token) -> bool:
    """An event noun that is only the time of another act ("at its meeting", "during the talks")
    is when that act is: to come when the act is said outright to be."""
    act = occasion_of(noun)
    if act is None or act.pos_ not in ("VERB", "AUX"):
        return False
    path = _path(act)
    nodes = [t for t, _ in path]
    lemmas = {t.lemma_.lower() for t in nodes[1:]}  # not the act's own ("planned the strike at it")
    return _told_as_to_come(path, _stated_auxiliaries(nodes), lemmas)


#: Participles that give an event noun its date to come: "the meeting, scheduled for May".
_SCHEDULING_VERBS = frozenset({"schedule", "slate", "set"})


def _scheduled_ahead(noun: Token, verb: Token) -> bool:
    """An event noun "scheduled for" a time, told in a clause that is not in the past: "awaits a
    vote at the board's next meeting, set for June" (not "the talks, scheduled for May, went ahead")."""
    if noun.pos_ != "NOUN":
        return False
    # the participle on the noun, or, after a comma, on the word the noun's phrase hangs from
    participles = [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ == "pobj":
        governor = noun.head.head
        participles += [c for c in governor.children if c.dep_ in ("acl", "advcl") and c.i > noun.i]
        verb = governor if governor.pos_ in ("VERB", "AUX") else verb
    if verb.pos_ not in ("VERB", "AUX"):
        verb = noun.sent.root
    if verb.tag_ == "VBN" or in_past_form(verb):
        return False
    return any(
        c.tag_ == "VBN"
        and c.lemma_.lower() in _SCHEDULING_VERBS
        and any(p.dep_ == "prep" and p.lower_ in ("for", "on") for p in c.children)
        for c in participles
    )


def _on_a_present_schedule(nodes: list[Token], verb: Token) -> bool:
    """The event noun carries a scheduling participle as the object of a present clause ("Berg has
    two meetings scheduled with Lund", "has a call set with the mayor"): what the schedule holds is
    to come."""
    scheduled = any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _SCHEDULING_VERBS
        for c in nodes[0].children
    )
    present = verb.tag_ in ("VBZ", "VBP") and verb.pos_ in ("VERB", "AUX")
    return scheduled and present and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _before_or_after_what_is_to_come(verb: Token) -> bool:
    """A gerund ordered before or after a clause that is still to come: it is to come too."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in ("after", "before"):
        return False
    main = verb.head.head
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | WOULD for c in main.children)


#: Verbs whose present tense, with "in" and a plural event noun, tells talks under way.
_STATE_VERBS = frozenset({"be", "remain", "stay"})


def _in_talks_now(trigger: Token, verb: Token) -> bool:
    """ "Acme is in talks with Beta", "the sides remain in negotiations", "Acme has been in talks with
    Beta since March": a present state of talking, not talks that are over."""
    present = verb.tag_ in ("VBZ", "VBP") or (
        verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children)
    )
    return (
        trigger.tag_ == "NNS"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "in"
        and trigger.head.head.i == verb.i
        and present
        and verb.lemma_.lower() in _STATE_VERBS
    )


#: Adjectives that put the event noun they describe in the future ("next" does not: "at the next
#: meeting they agreed" tells the past).
_FUTURE_ADJECTIVES = frozenset({"future", "upcoming", "forthcoming"})


def _future_relative(noun: Token) -> bool:
    """A relative clause on the event noun in the future: "a deal that will be finalized in June"."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ in FUTURE_MODALS for a in c.children)
        for c in noun.children
    )


#: Subordinators of a time clause whose present tense tells the future ("after he meets X").
_TIME_MARKERS = frozenset({"after", "before", "when", "once", "until", "as soon as"})


#: Words that make a present-tense day a schedule ("meet Monday", "sign the accord tomorrow"), and
#: those that make it a habit ("meet every Monday").
_DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|next)\b", re.I
)
_HABIT_WORDS = re.compile(r"\b(?:every|each|mondays|tuesdays|wednesdays|thursdays|fridays|weekends)\b", re.I)


def _present(verb: Token) -> bool:
    """A finite present ("meets", "meet"), also the base form the tagger gives a verb after two
    coordinated subjects ("Lund and Berg meet"), which has its subject where an infinitive has none."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "conj"):
        return False  # "he made them sign the accord on Tuesday": what a past verb caused
    return any(c.dep_ == "nsubj" for c in verb.children)


def _on_a_day_named(verb: Token) -> bool:
    """A present-tense verb with a day of its own ("Lund and Berg meet Monday at Oslo University",
    "sign the accord on Tuesday"): news puts a scheduled event so; a past one takes the past tense."""
    for ent in entities_in(verb.sent):
        if ent.label_ != "DATE" or clause_verb(ent.root) != verb:
            continue
        if any(t.dep_ == "poss" for t in ent):
            continue  # "Friday's agreement covers the stores": the day of the noun, told as a fact
        if _DAY_WORDS.search(ent.text) and not _HABIT_WORDS.search(ent.sent.text):
            return True
    return False


def _time_clause(verb: Token) -> bool:
    """A time clause in the present ("after the president meets with X"): English puts a future
    event in the present there; a past one would be in the past ("after he met X")."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKERS for c in verb.children
    ):
        return False
    # the clause it is the time of is to come ("will sign it when they meet", "endorsing her after
    # he meets"), not a habit in the present ("always smiles when she meets him")
    main = verb.head
    main_aux = {c.lower_ for c in main.children if c.dep_ in ("aux", "auxpass")}
    return bool(main_aux & (FUTURE_MODALS | WOULD)) or main.tag_ in ("VB", "VBG")


def past_relative_clause(token: Token) -> Token | None:
    """The verb of a past relative clause on the event noun that says the event took place.

    "will urge them to continue the talks they began in November": the relative clause is the
    talks' own, so they occurred, in its time; what governs the noun (a hope, a future) is about
    continuing them. Only verbs of taking place (``OCCURRENCE_VERBS``, "took place"), in the past
    and not denied or modal.
    """
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for verb in token.children:
        if verb.dep_ != "relcl":
            continue
        forms = _forms(verb)
        took_place = "take" in forms and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
        if not (forms & OCCURRENCE_VERBS or took_place):
            continue
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in verb.children):
            continue
        if any(a.tag_ == "MD" for a in auxes):
            continue
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes)):
            return verb
    return None


def _told_of(token: Token) -> bool:
    """An owned event noun that a record is of: "release the tapes of his conversation with X",
    "the notes of their meeting". Whatever is asked of the record, the event it records took place;
    not one to come ("the agenda of their upcoming summit")."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.pos_ == "NOUN"
        and any(c.dep_ == "poss" for c in token.children)
        and not any(
            c.dep_ == "amod" and c.lower_ in _FUTURE_ADJECTIVES | HABITUAL_ADJECTIVES for c in token.children
        )
    )


def _concluded_by_its_participle(noun: Token) -> bool:
    """An agreement noun whose own past participle says by whom or when it was made: "the deal
    reached last week by X and Y", "the accord signed in March". It was made, whatever the clause
    around it asks of it ("urged them to reject the deal reached by ..."). Only a definite one:
    "hopes for a deal negotiated by them", "any deal reached by them" are none yet."""
    definite = any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
        for c in noun.children
    )
    if noun.pos_ != "NOUN" or not definite:
        return False
    return any(
        verb.tag_ == "VBN"
        and not any(c.dep_ == "neg" for c in verb.children)
        and any(c.dep_ == "agent" or c.ent_type_ == "DATE" for c in verb.children)
        for verb in concluding_participles(noun)
    )


def read_context(token: Token, kind: str = "meeting") -> Reading:
    """The context of the event the trigger ``token`` signals (a ``kind`` of meeting or agreement).

    A past relative clause on the event noun that says it took place decides first ("continue
    the talks they began"). Then negation, then hypothesis, then habit: "did not want to meet" is denied,
    "hopes they will meet" hoped for, "usually meet" a habit. An event none of them fits
    happened or is scheduled; whether it is historical needs its date (``dated_context``).
    """
    if past_relative_clause(token) is not None or _told_of(token):
        return Reading("occurred", "past")  # "the talks they began in November"
    if kind == "agreement" and _concluded_by_its_participle(token):
        return Reading("occurred", "past")  # "urged them to reject the deal reached by X and Y"
    path = _path(token)
    if _negated(path, kind):
        return Reading("negated", None)
    if _hypothetical(path):
        return Reading("hypothetical", None)
    if _habitual(path):
        return Reading("habitual", None)
    status = _status(path)
    return Reading("scheduled" if status == "planned" else "occurred", status)


def event_status(token: Token, kind: str = "meeting") -> EventStatus | None:
    """The status of a published event (past, ongoing, planned), or None for one not published."""
    reading = read_context(token, kind)
    return reading.status if reading.context in PUBLISHED_CONTEXTS else None


def _period_end(value: DateValue) -> date | None:
    """The last day of the period a date names ("2019" ends on 31 December 2019)."""
    try:
        parts = [int(p) for p in value.value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        day = date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return day + timedelta(days=6) if value.precision == "week" else day


def _named_year(token: Token, published: date) -> int | None:
    """A year naming the event itself: "the 1978 Camp David accords", "the 1995 summit"."""
    for child in token.children:
        year = int(child.text) if child.text.isdigit() and len(child.text) == 4 else 0
        if child.dep_ in ("nummod", "compound", "amod", "nmod") and 1800 <= year <= published.year:
            return year
    return None


def dated_context(
    reading: Reading, token: Token, when: DateValue | None, published: date | None
) -> EventContext:
    """``historical`` for an event that occurred more than a year before publication, else its context.

    The date is the event's own ("in 1993", "on 3 May 2019"), or a year naming it ("the 1978
    Camp David accords"). Without a publication date nothing is historical: there is no "now".
    """
    if reading.context != "occurred" or published is None:
        return reading.context
    end = _period_end(when) if when is not None else None
    if end is None:
        year = _named_year(token, published)
        end = date(year, 12, 31) if year is not None else None
    if end is not None and end < published - _HISTORICAL_AFTER:
        return "historical"
    return reading.context
