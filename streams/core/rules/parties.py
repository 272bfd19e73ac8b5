"""Who met or agreed: the parties of a meeting or agreement, read from the trigger's parse.

Not every name in the sentence is a party. "Acme signed a deal with Beta in Chicago to fight
malaria, a spokesman for Gamma said" names five things and two parties. The parties sit in
the trigger's own slots: its subject and object, its with-, between- and among-phrase, the
possessor of a trigger noun ("Acme's talks with Beta"), and the subject of the verb the
trigger noun completes ("Acme held talks with Beta", "Acme entered into a deal") or of the
verbs an infinitive hangs from ("Acme is expected to meet Beta"). From each slot the names
coordinated with it, put in apposition to it ("its chief executive, Jane Doe") or named as
what a group noun is made of ("the leaders of Acme and Beta") are parties too. Pronouns and
group phrases in a slot ("they", "both sides") stand for parties named earlier
(``DiscourseContext``). A place the sentence gives as the venue ("met in Doha") is not a
party unless it is a country (a country visited hosts); a capital in a party slot stands
for its government ("Beijing and Washington agreed").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from spacy.tokens import Span, Token

from streams.core.lexicon.modality import ASKING_VERBS
from streams.core.lexicon.organisations import BODY_WORDS, RELATION_NOUNS
from streams.core.lexicon.people import KIN_NOUNS, PERSON_TITLES, ROLE_NOUNS
from streams.core.lexicon.places import AREA_NOUNS, CITY_NOUNS, FACILITY_HEADS, ROOM_HEADS
from streams.core.lexicon.speech import ADDRESSEE_VERBS, SPEECH_LEMMAS
from streams.core.lexicon.triggers import (
    ABOUT_PREPS,
    ABOUT_VERBS,
    ACQUISITION_NOUNS,
    ACQUISITION_VERBS,
    AFFECT_VERBS,
    AGREEMENT_NOUN_VERBS,
    AGREEMENT_NOUNS,
    BODY_MEETING_NOUNS,
    CALL_VERBS,
    COMMENT_VERBS,
    COUNTERPART_PREPS,
    MEETING_NOUNS,
    MEETING_VERBS,
    MERGER_NOUNS,
    NAMED_AGREEMENTS,
    ORDER_VERBS,
    RIVAL_VERBS,
    SALE_NOUNS,
    SALE_VERBS,
    SETTLE_VERB,
    STAKE_NOUNS,
    TRIGGER_WORDS,
    VISIT_LEMMAS,
    WON_FROM_VERBS,
)
from streams.core.model import Actor, Role
from streams.core.normalise.countries import country_for, demonym_country
from streams.core.normalise.gazetteer import (
    capital_country,
    country_code,
    geocode,
    is_country_name,
    is_place_name,
)
from streams.core.rules.acquisitions import stake_company_on_verb
from streams.core.rules.actors import ActorResolver, has_digit
from streams.core.rules.agreement_shapes import CLEARING_VERBS, leaving_verb, names_both_sides
from streams.core.rules.discourse import DiscourseContext
from streams.core.rules.document import entities_in, paths_to_common_head
from streams.core.rules.interactions import (
    Trigger,
    deals_with_its_own,
    group_of,
    is_assembly,
    is_meeting_noun,
    told_with_own_verb,
)
from streams.core.rules.officers import employer
from streams.core.rules.people import is_body_name
from streams.core.rules.rementions import TRADE_LEMMAS
from streams.core.rules.syntax import (
    called_on,
    clause_verb,
    concluding_participles,
    in_event_topic,
    is_to_infinitive,
    occasion_of,
    prep_objects,
    sentence_root,
)
from streams.core.rules.visits import is_trip_noun
from streams.core.spans import CharSpans

#: Prepositions whose object is a counterpart or member: "met with", "talks between", "a deal among".
PARTY_PREPS = frozenset({"with", "between", "among", "amongst"})
#: Prepositions that lead from a trigger noun to the verb whose event it is: "entered into a
#: deal", "took part in talks", "came to an agreement", "arrived for talks".
HOLDING_PREPS = frozenset({"into", "in", "to", "for"})
#: Nouns that count or group events: "a round of talks", "a series of exchanges", "a couple of meetings".
MEASURE_NOUNS = frozenset({"series", "round", "couple", "number", "set", "string", "flurry", "spate"})
#: Dependencies that name who does or undergoes the verb's event.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
#: Verbs whose object is what the event was about, never a party ("discussed Syria with Putin").
TOPIC_OBJECT_VERBS = frozenset({"discuss", "debate"})
#: Pronoun subjects of a reported clause that stand for the reporter: "Acme said it had agreed".
IT_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
#: Papers that report without being anyone: "She agreed to sell it, filings show".
DOCUMENT_NOUNS = frozenset(
    {
        "record",
        "document",
        "filing",
        "report",
        "data",
        "log",
        "paper",
        "email",
        "file",
        "minute",
        "transcript",
    }
)
#: Possessive pronouns on a trigger noun ("her visit"): the main clause's subject is meant.
POSSESSIVE_PRONOUNS = frozenset({"her", "his", "its", "their"})
#: Singular nouns that stand for the body named in their of-phrase: "the government of Syria".
BODY_OF_HEADS = frozenset(
    {"government", "administration", "leadership", "delegation", "regime", "cabinet", "team", "side"}
)
#: Pronouns that stand for a fact or piece of news, never for a person ("This comes after he met X").
EVENT_PRONOUNS = frozenset({"this", "that"})

#: Relative pronouns: in "Acme, which signed a deal", the noun they stand for is the party.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: The preposition that names the other side of a trade: sold TO the buyer, bought FROM the seller.
TRADE_PREPS: dict[str, str] = {
    **{lemma: "to" for lemma in SALE_VERBS | SALE_NOUNS},
    **{lemma: "from" for lemma in ACQUISITION_VERBS | ORDER_VERBS},
}


def trade_slots(trigger: Trigger) -> list[Token]:
    """The buyer of a sale, the seller of a purchase: "sold a start-up to Acme", "bought it from Beta".

    The other side of a trade is a party whatever the model tags it as ("Oracle" as a place):
    the to-phrase of "sell" names who bought, never where to. Read on the trigger and on a
    trade verb it governs ("agreed to sell its unit to Beta", "a letter of intent on selling gas
    to Beta").
    """
    words = [trigger.token]
    words.extend(c for c in trigger.token.children if c.dep_ == "xcomp" and c.lemma_.lower() in TRADE_PREPS)
    # "a letter of intent on selling gas to DEPA", "a contract for selling jets to Peru"
    words.extend(
        g
        for c in trigger.token.children
        if c.dep_ == "prep" and c.lower_ in ("on", "for")
        for g in c.children
        if g.dep_ == "pcomp" and g.lemma_.lower() in TRADE_PREPS
    )
    if trigger.type == "agreement" and not _sides_as_subject(trigger.token):
        # "signed a deal to buy batteries from Panasonic", "a contract to sell jets to Peru": the trade
        # the agreement is for, however the parser hangs its infinitive; not when two sides signed
        # it ("the US and the EU signed a pact to sell grain to Egypt": whom they sell to)
        deal = [trigger.token, *(c for c in trigger.token.children if c.dep_ == "dobj")]
        words.extend(
            c
            for d in deal
            for c in d.children
            if c.dep_ in ("advcl", "acl") and c.lemma_.lower() in TRADE_PREPS and is_to_infinitive(c)
        )
    slots: list[Token] = []
    for word in words:
        prep = TRADE_PREPS.get(word.lemma_.lower())
        if prep is None:
            continue
        # the parser may hang the phrase on what is traded: "bought a stake in Beta from Gamma"
        holders = [word, *(c for c in word.children if c.dep_ == "dobj" and c.lower_ in STAKE_NOUNS)]
        if word.pos_ == "NOUN":
            # "Intel's purchase of the networking business from QLogic": on the thing bought
            holders.extend(prep_objects(word, "of"))
        for child in (c for h in holders for c in h.children):
            if child.dep_ in ("prep", "dative") and child.lower_ == prep:
                slots.extend(g for g in child.children if g.dep_ == "pobj")
        if word is not trigger.token and _bought_from_the_company(word):
            # "agreed to buy a 20% stake in Beta": the company whose stake it is, as on the trigger itself
            slots.extend(g for h in holders[1:] for g in prep_objects(h, "in"))
    return slots


def _sides_as_subject(token: Token) -> bool:
    """Whether the subject of ``token`` (or of the verb a trigger noun is the object of) names two or
    more sides: "the US and the EU signed"."""
    verb = token.head if token.dep_ == "dobj" else token
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.conjuncts for c in verb.children)


def _bought_from_the_company(verb: Token) -> bool:
    """Whether a stake bought is the company's own deal: "bought a stake in Beta" (from Beta), not
    "sold its stake in Beta to Gamma" or "bought a stake in Beta from Gamma" (a trade between others)."""
    words = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "from" hung on the stake too
    return verb.lemma_.lower() in ACQUISITION_VERBS and not any(
        c.dep_ == "prep" and c.lower_ == "from" for w in words for c in w.children
    )


def _own_clause_subject(noun: Token) -> bool:
    """Whether the verb a trigger noun is the object of heads a clause below the sentence's root and
    has a subject of its own ("at the time that the banks held their meetings")."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.dep_ in ("relcl", "advcl", "ccomp", "conj")
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children)
    )


def _with_objects(noun: Token) -> list[Token]:
    """The objects of the with-phrases on ``noun``."""
    return prep_objects(noun, "with")


def party_slots(trigger: Trigger) -> list[Token]:
    """The words in the trigger's party positions, before coordination and apposition."""
    token = trigger.token
    slots: list[Token] = []
    heads = _event_heads(token)
    slots.extend(_governing_subjects(heads[-1]))
    slots.extend(_asked_doers(heads[-1]))
    for head in heads:
        is_noun = head.pos_ in ("NOUN", "PROPN")
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and _reported_pronoun(child, head):
                # "Acme announced it had signed a deal", "Acme failed to honour the deal it
                # signed": the pronoun is the main clause's subject
                root = sentence_root(head)
                reporters = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] or [
                    # "HP Monday announced it had signed": the day, whose name
                    # ``_names_before_their_day`` reads
                    c
                    for c in root.children
                    if c.dep_ == "npadvmod" and c.ent_type_ == "DATE"
                ]
                if not reporters or all(
                    r.lemma_.lower() in DOCUMENT_NOUNS
                    or r.lower_.rstrip("s") in DOCUMENT_NOUNS
                    or r.lower_ in EVENT_PRONOUNS
                    for r in reporters
                ):
                    # "She agreed to sell it, filings show", "This comes after he met X": "he" is
                    # someone named before, not the filings or the news "this" stands for
                    reporters = [child]
                slots.extend(reporters)
            elif child.dep_ in ARGUMENT_DEPS and child not in heads:
                if child.dep_ == "nsubj" and _takes_another_out(head, token):
                    continue  # "Hale withdrew Peru from the pact": Peru was the party, not Hale
                if child.dep_ == "nsubj" and _mediated(head):
                    continue  # "Egypt brokered the truce", "the deals he brokered": the go-between
                if child.dep_ in ("dobj", "dative") and _another_act(head, heads):
                    continue  # "had protested Trump and started having conversations with X"
                if child.dep_ == "dobj" and head.i != token.i and is_trip_noun(child):
                    continue  # "Berg's visit to Peru recalls Lund's trip to Vienna": another trip
                if child.dep_ in ("dobj", "dative") and _what_the_event_does(token, head):
                    continue  # "Trump's visit will pick up eyeballs from the counties of X and Y"
                if head.dep_ == "acl" and head.tag_ == "VB" and child.pos_ != "PROPN":
                    continue  # "a deal to supply the RAF", not "a deal to dismantle Iraq's arsenal" (a thing)
                if head.lemma_.lower() in RIVAL_VERBS and (head.dep_ == "acl" or child.dep_ == "dobj"):
                    # "talks with Beta to replace Gamma", "beat Gamma to a contract with Beta": Gamma
                    # is whom the event is against
                    continue
                if child.dep_ == "dobj" and head.lemma_.lower() in TOPIC_OBJECT_VERBS:
                    # "discussed the Berg controversy with Tom Hale": what was discussed, and the
                    # with-phrase the parser hangs on it
                    slots.extend(_with_objects(child))
                    continue
                slots.append(child)
                if child.dep_ == "dobj":
                    slots.extend(_claimants(child))
                    if child.lower_ in STAKE_NOUNS and _bought_from_the_company(head):
                        slots.extend(prep_objects(child, "in"))  # "bought a stake in Beta": Beta
                        slots.extend(stake_company_on_verb(head))  # "a stake last year in Beta"
                    if head.lemma_.lower() == SETTLE_VERB:
                        slots.extend(_with_objects(child))  # "settled its dispute with Beta"
            elif child.dep_ == "agent" and _mediated(head):
                continue  # "a truce brokered by Egypt": the go-between, not a party to it
            elif child.dep_ == "prep" and child.lower_ in PARTY_PREPS and _met_before(head, heads):
                continue  # "met with Dahl on Monday and held talks with Holm": Dahl was met before
            elif child.dep_ == "agent" or (
                child.dep_ == "prep" and child.lower_ in PARTY_PREPS
            ):  # "the deal signed by Acme"
                doers = [c for c in child.children if c.dep_ == "pobj"]
                slots.extend(doers)
                if child.dep_ == "agent" and trigger.type == "meeting":
                    # "the meetings held by the foreign secretaries with the Saudi leadership": the
                    # parser hangs the counterpart on the agent
                    slots.extend(w for d in doers for w in _with_objects(d))
            elif child.dep_ == "prep" and child.lower_ in ("to", "on") and _agreed_on(head):
                # "agreed to terms with X", "agreed on a plan with X", "signed off on a merger with X":
                # the with-phrase of what was agreed
                slots.extend(
                    w for terms in child.children if terms.dep_ == "pobj" for w in _with_objects(terms)
                )
            elif (
                child.dep_ == "xcomp"
                and head.lemma_.lower() == "agree"
                and child.lemma_.lower() in PERMIT_VERBS
            ):
                slots.extend(_permitted(child))  # "agreed to allow Ruiz to use its voter file": Ruiz
            elif child.dep_ == "prep" and child.lower_ == "from" and _won_from(head):
                slots.extend(c for c in child.children if c.dep_ == "pobj")  # "won a contract from the Navy"
            elif is_noun and child.dep_ == "prep" and child.lower_ == "for" and _won_from(head):
                # "won an order for 90 jets from the Air Force": the parser hangs the giver on the goods
                slots.extend(
                    g for goods in child.children if goods.dep_ == "pobj" for g in prep_objects(goods, "from")
                )
            elif (
                child.dep_ == "prep"
                and child.lower_ == "to"
                and head.i == token.i
                and head.lemma_.lower() in CALL_VERBS
            ):
                # "has spoken to Tom Berg about it": whom one spoke to
                slots.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "to" and head.lemma_.lower() in VISIT_LEMMAS:
                slots.extend(c for c in child.children if c.dep_ == "pobj")  # "a state visit to Canada"
            elif child.dep_ in ("advcl", "xcomp") and head.lemma_.lower() in VISIT_LEMMAS:
                slots.extend(_purpose_counterparts(child))
            elif is_noun and child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
                # whose: the subject of the noun's own clause ("During their call, Obama and
                # Hollande reaffirmed ..., the White House said"), else of the sentence
                # (a pronoun there gives way to a name above it: "Fowler noted that at his first DNC
                # meetings he ...": Fowler)
                choices = [
                    [
                        c
                        for c in verb.children
                        if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i and _may_own(c, child)
                    ]
                    for verb in (_subject_verb(head), sentence_root(head))
                ]
                # "pressed Berg to delay her visit": the one asked to act owns it, not who asks
                choices.insert(0, [c for c in _asked_to_act(head) if _may_own(c, child)])
                subjects = next((found for found in choices if any(c.pos_ != "PRON" for c in found)), None)
                if subjects is None:
                    subjects = next((found for found in choices if found), [])
                if _not_their_own(token) or _own_clause_subject(head):
                    # "Berg and Holt wore hats after his visit": "his" is not both of them; "the G7
                    # met while the banks held their meetings": "their" is the banks, already slotted
                    subjects = []
                slots.extend(subjects or [child])  # "Merkel said during her visit": Merkel
            elif is_noun and child.dep_ in ("poss", "compound") and child not in heads:
                if child.dep_ == "compound" and _made_by_named(head):
                    continue  # "the Puerto Rico debt deal reached by X and Y": what it is about
                slots.append(child)  # "Acme's talks", "the Acme-Beta deal"
            elif is_noun and child.dep_ == "prep" and child.lower_ in ("on", "over", "about"):
                # "talks on fees between A and B": the parser hangs the between-phrase on the topic
                for topic in (c for c in child.children if c.dep_ == "pobj"):
                    for prep in topic.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("between", "among"):
                            slots.extend(c for c in prep.children if c.dep_ == "pobj")
            elif is_noun and child.dep_ == "prep" and child.lower_ == "by" and head.i == token.i:
                # "a joint declaration by A and B": its authors
                slots.extend(c for c in child.children if c.dep_ == "pobj")
            elif is_noun and child.dep_ == "prep" and child.lower_ == "of":
                slots.extend(c for c in child.children if c.dep_ == "pobj")  # "a summit of the G7"
            elif is_noun and child.dep_ == "relcl" and child.lemma_.lower() in _HOLDING_CLAUSE_VERBS:
                # "a conversation she had with Trump": who had it, and with whom; "X said of the
                # encounter he had with Trump": "he" is X, who tells of it
                reporters = [
                    c for c in sentence_root(head).children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"
                ]
                for holder in (c for c in child.children if c.dep_ == "nsubj"):
                    told = holder.lower_ in ("he", "she") and head.dep_ == "pobj" and reporters
                    slots.extend(reporters if told else [holder])
                slots.extend(
                    g
                    for c in child.children
                    if c.dep_ == "prep" and c.lower_ in PARTY_PREPS
                    for g in c.children
                    if g.dep_ == "pobj"
                )
        if head.i == token.i and is_noun:
            slots.extend(_met_there(head))  # "a state visit to Japan, where he held talks with Sato"
        if head.dep_ == "relcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            slots.append(_described(head.head))
        elif head.dep_ == "relcl" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS for c in head.children
        ):
            slots.append(_described(head.head))  # "Acme, which signed the deal"
        elif head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.ent_type_ == "PERSON":
            # "Ban, who is in Doha, meeting with the emir": the parser hangs the participle, read as
            # a noun, on the person as an apposition
            slots.append(head.head)
    if trigger.type == "agreement":
        slots.extend(_claimants_settled(token))
    return [s for s in slots if s.lower_ not in RELATIVE_PRONOUNS]


def _claimants_settled(agreed: Token) -> list[Token]:
    """Who brought what an agreement settles: "agreed to pay $10 million to settle claims by the
    Labor Department", "agreed to pay ... to settle a lawsuit brought by Beta". The settling clause is
    a purpose of the agreeing (two clauses down at most) that is no trigger of its own, so its object's
    claimant is not otherwise a party."""
    clauses = [c for c in agreed.children if c.dep_ in ("xcomp", "advcl") and is_to_infinitive(c)]
    clauses += [
        g for c in clauses for g in c.children if g.dep_ in ("xcomp", "advcl") and is_to_infinitive(g)
    ]
    return [
        name
        for clause in clauses
        if clause.lemma_.lower() == SETTLE_VERB
        for obj in clause.children
        if obj.dep_ == "dobj"
        for name in (*_claimants(obj), *prep_objects(obj, "by"), *_with_objects(obj))
    ]


def _describes_the_name(appos: Token) -> bool:
    """An apposition that says what a named person or body is ("Grijalva, the top Democrat on the
    committee"), not another name ("the leaders, Obama and Putin"): no party of its own."""
    return (
        appos.dep_ == "appos"
        and appos.head.ent_type_ in ("PERSON", "ORG")
        and appos.ent_type_ not in ("PERSON", "ORG", "GPE")
        and appos.pos_ in ("NOUN", "PROPN")
    )


def _described(antecedent: Token) -> Token:
    """The name a relative clause's antecedent describes: "Jane Holt, a Vermont Democrat who met
    the governor" tells of Holt's meeting; the description alone would be a group."""
    return antecedent.head if _describes_the_name(antecedent) else antecedent


def _won_from(head: Token) -> bool:
    """Whether a from-phrase on ``head`` names who gave the agreement: on the verb of gaining it
    ("won it from the Navy") or on its noun ("won a contract from the Navy")."""
    if head.lemma_.lower() in WON_FROM_VERBS:
        return True
    return head.dep_ == "dobj" and head.head.lemma_.lower() in WON_FROM_VERBS


#: Participles whose agent made the claim or offer an agreement answers: "settled the lawsuit brought
#: by Beta", "accepted the offer made by Beta". Not "the deal brokered by Qatar": a go-between.
CLAIM_PARTICIPLES = frozenset(
    {"bring", "file", "lodge", "launch", "initiate", "make", "submit", "table", "offer"}
)


def _not_their_own(noun: Token) -> list[Token]:
    """The coordinated subjects of the main clause when the event noun is "his"/"her" event: one
    person's visit is not two people's ("Berg and Holt wore hats after his visit"). Returns the
    subjects and their conjuncts, whom neither the slots nor the sentence's other names may give."""
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
        return []
    root = sentence_root(noun)
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "Trump's rivals, Sens. Cruz and Rubio, urged him to release the tapes of his conversation"
    named = [a for s in subjects for a in s.children if a.dep_ == "appos"]
    group = [t for s in (*subjects, *named) for t in (s, *s.conjuncts)]
    plural = any(s.tag_ in ("NNS", "NNPS") for s in subjects)
    return group if len(group) >= 2 or plural else []


#: Verbs of bringing others to an agreement or a meeting: their agent is the go-between.
MEDIATING_VERBS = frozenset({"broker", "mediate", "facilitate"})


def _go_between(word: Token) -> bool:
    """Whether ``word`` is the agent or the subject of a mediating verb ("a truce brokered by
    Egypt", "Egypt brokered the truce")."""
    if word.dep_ == "nsubj":
        return _mediated(word.head)
    agent = word.head
    return word.dep_ == "pobj" and agent.dep_ == "agent" and _mediated(agent.head)


def _mediated(verb: Token) -> bool:
    """A mediating verb with no with-phrase: "a truce brokered by Egypt" (Egypt is the go-between),
    not "the deal brokered by Merkel with the Turkish government" (Merkel made it)."""
    return verb.lemma_.lower() in MEDIATING_VERBS and not any(
        c.dep_ == "prep" and c.lower_ == "with" for c in verb.children
    )


def _claimants(obj: Token) -> list[Token]:
    """The agent of a participle on the object: the other side of "Acme settled the suit filed by Beta"."""
    return [
        g
        for acl in obj.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in CLAIM_PARTICIPLES
        for agent in acl.children
        if agent.dep_ == "agent"
        for g in agent.children
        if g.dep_ == "pobj"
    ]


def _governing_subjects(verb: Token) -> list[Token]:
    """The subject of the clause a subjectless meeting verb hangs from: "X said after meeting with Y",
    "X flew to Oslo to meet Y", "X moved fast, agreeing to terms with Y": the one who met is the main
    verb's subject. (A participle clause before the main one, "Sitting down with a TV show, X said", is
    left alone: often an interview.)"""
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return []
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.head.dep_ == "prep"
        and verb.head.lower_ in ("after", "before", "since", "by")
    ):
        main = verb.head.head  # "X said after meeting Y", "X is leaving the market by selling it to Y"
    elif verb.dep_ == "advcl" and is_to_infinitive(verb) and _sent_ones(verb.head):
        return _sent_ones(verb.head)  # "Clinton dispatched O'Leary and Renteria to meet with doctors"
    elif verb.dep_ == "advcl" and is_to_infinitive(verb) and called_on(verb.head):
        # "called on the cabinet on Friday to block Berg's visit", the infinitive parsed as a
        # purpose: the one called on is to act
        return called_on(verb.head)
    elif verb.dep_ == "advcl" and is_to_infinitive(verb):
        main = verb.head  # a purpose clause: "X flew to Oslo to meet Y"
    elif verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i and _acts_the_event(verb):
        main = verb.head  # a participle after the main clause: "X moved fast, agreeing to terms with Y"
    elif _judged_for(verb) is not None:
        return _objects_judged(verb.head.head)  # "criticised Obama for meeting Castro": Obama met him
    else:
        return []
    if main.pos_ not in ("VERB", "AUX"):
        return []
    # "X launched it after paying $5 million to buy Y": the purpose's payer is the main verb's subject
    return [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")] or _governing_subjects(main)


def _judged_for(verb: Token) -> Token | None:
    """The verb or adjective a gerund of "for" gives the reason of, when it names whom it judges:
    "criticised Obama for meeting Castro", "are mad at Berg for agreeing to the debate"."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "for":
        return None
    judging = verb.head.head
    return judging if _objects_judged(judging) else None


def _objects_judged(judging: Token) -> list[Token]:
    """Whom a verb or adjective of praise or blame is about: its object, or the object of "at"/"with"."""
    return [c for c in judging.children if c.dep_ == "dobj"] or prep_objects(judging, "at", "with")


#: Verbs of sending someone, whose object does what the purpose clause says.
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "assign", "despatch"})


def _sent_ones(verb: Token) -> list[Token]:
    """Who was sent: the object of a verb of sending ("dispatched O'Leary to meet X")."""
    if verb.lemma_.lower() not in SENDING_VERBS:
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]


def _acts_the_event(verb: Token) -> bool:
    """A participle that itself meets or agrees ("agreeing to terms", "signing a deal", "holding talks");
    not one of speech ("X said, recalling a visit to his town by Y": X recalls it, Y visited)."""
    lemma = verb.lemma_.lower()
    return lemma in TRIGGER_WORDS or lemma in AGREEMENT_NOUN_VERBS or lemma == "hold"


#: Verbs of a visit's purpose clause whose with-phrase names whom the visitor met.
PURPOSE_MEETING_VERBS = frozenset({"meet", "discuss", "talk", "confer", "negotiate", "consult"})


def _purpose_counterparts(clause: Token) -> list[Token]:
    """Whom a visit's purpose clause names the visitor meeting: "visited Zambia to discuss exports
    with President Saleh", "flew to Oslo to meet with Lars Dahl"."""
    if clause.lemma_.lower() not in PURPOSE_MEETING_VERBS:
        return []
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    # the parser often hangs the with-phrase on the object: "to discuss security issues with X"
    words = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
    return [
        g
        for word in words
        for c in word.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in IT_PRONOUNS for c in verb.children)


def _subject_verb(noun: Token) -> Token:
    """The verb of the clause ``noun`` is in, or the verb above it that holds the clause's subject
    ("are expected to meet during their visit": expected). A participle used as a preposition
    ("Following his meeting with Lund, Berg met ...") has none: the clause is the verb's it hangs on."""
    verb = clause_verb(noun) or noun
    while (
        verb.dep_ in ("xcomp", "conj", "prep")
        and verb.head.i != verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        verb = verb.head
    return verb


def _reported_pronoun(subject: Token, head: Token) -> bool:
    """ "it" in a clause below the main one, or "he"/"they" in a reported clause ("X said he met")."""
    if head.dep_ == "ROOT":
        return False
    return subject.lower_ == "it" or (subject.lower_ in IT_PRONOUNS and head.dep_ in ("ccomp", "advcl"))


def _event_heads(token: Token) -> list[Token]:
    """The trigger and the verbs its parties hang from.

    A trigger noun's event is held by the verb it is the object or subject of ("held talks",
    "talks were held", "entered into a deal"); a verb's subject can sit on the verb it
    completes ("is expected to meet") or on the first of two coordinated verbs ("arrived in
    Doha and met the emir"); a participle on a trigger noun carries its agent ("the deal
    signed by Acme").
    """
    heads = [token]
    if token.pos_ in ("NOUN", "PROPN"):
        heads.extend(c for c in token.children if c.dep_ == "acl" and c.pos_ == "VERB")
        noun = token.head  # "a discussion table will be set up with X": the table's verb holds it
        if token.dep_ == "compound" and noun.pos_ == "NOUN" and noun.dep_ in ("nsubjpass", "dobj"):
            token = noun
            heads.append(token)
        elif token.dep_ == "pobj" and noun.lower_ == "of" and noun.head.lemma_.lower() in MEASURE_NOUNS:
            token = noun.head  # "held a round of talks with X": the round is what the verb holds
        verb = token.head
        if _between_named(token) and token.dep_ == "dobj":
            return heads  # "Beta's store violates an agreement between the two companies": theirs
        if token.dep_ in ("dobj", "pobj") and _told_by_its_own_clause(token):
            return heads  # "Ruiz recalled a visit Berg made to Oslo": Berg's visit, not Ruiz's
        if token.dep_ == "pobj" and _authored_by(token):
            return heads  # "Turkey was condemned in a joint declaration by A and B": theirs, not Turkey's
        if token.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in HOLDING_PREPS:
            if verb.lower_ == "in" and _named_owner(token):
                return heads  # "India will figure in Acme's purchase of Zentra": Acme's, not India's
            verb = verb.head
        elif token.dep_ == "pobj" and verb.lower_ == "on" and token.lemma_.lower() in VISIT_LEMMAS:
            verb = verb.head  # "on a trip to Kenya, he met": the clause's subject travels
        elif (leaving := leaving_verb(token)) is not None:
            verb = leaving  # "Peru withdrew from the pact with Chile": Peru was a party
        elif token.dep_ not in ("dobj", "nsubjpass", "nsubj", "attr"):
            return heads
        if verb.i == token.i or verb.pos_ not in ("VERB", "AUX"):
            return heads
        if token.dep_ == "dobj" and verb.lemma_.lower() in COMMENT_VERBS:
            return heads  # "Berg praised Canada's pact with Mexico": she spoke of it, she is no party
        if token.dep_ == "dobj" and verb.lemma_.lower() in CLEARING_VERBS and names_both_sides(token):
            return heads  # "the Commission cleared Acme's takeover of Beta": the regulator is no party
        heads.append(verb)
    verb = heads[-1]
    for _ in range(3):  # "was expected to be scheduled to meet": a short chain is enough
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        if verb.dep_ not in ("xcomp", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
            break
        if _asks_another(verb):
            # "requires members to sign", "called on the government to block his visit": the members
            # and the government act, not the one requiring or calling
            break
        verb = verb.head
        heads.append(verb)
    return heads


def _met_there(noun: Token) -> list[Token]:
    """The counterpart of talks or a meeting held in a where-clause on a visit or summit noun: "a
    state visit to Japan, where he held talks with Sato", "the summit, where she met Holt". The
    clause tells the same event (``interactions._event_head``); whom it was held with is a party."""
    found: list[Token] = []
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.left_edge.lower_ != "where":
            continue
        if clause.lemma_.lower() in MEETING_VERBS:  # "where she met Holt", "where he met with Holt"
            found.extend(c for c in clause.children if c.dep_ == "dobj")
            found.extend(_with_objects(clause))
        for talks in clause.children:
            if talks.dep_ == "dobj" and is_meeting_noun(talks):
                found.extend(_with_objects(talks))  # "where he held talks with Sato"
    return found


def _agreed_on(verb: Token) -> bool:
    """A verb whose to- or on-phrase is what was agreed: "agreed on", "signed off on", "signed on to"."""
    lemma = verb.lemma_.lower()
    return lemma == "agree" or (lemma == "sign" and any(c.dep_ == "prt" for c in verb.children))


def _authored_by(noun: Token) -> bool:
    """An event noun with its own by-phrase of named makers ("a joint declaration by A and B")."""
    return any(g.ent_type_ for g in prep_objects(noun, "by"))


#: Verbs of letting someone do something: whom one agrees to let do it is the other side.
PERMIT_VERBS = frozenset({"allow", "let", "permit"})


def _permitted(verb: Token) -> list[Token]:
    """Whom a verb of letting lets act: its object ("allow Ruiz to use it") or the subject of the
    clause it takes ("let Beta use it", "allow Ruiz to use it" as the parser often hangs it)."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    found += [
        s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"
    ]
    return found


def _the_one_asking(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is the subject of a verb that asks its object to do the event, up the
    trigger's chain of infinitives ("Dahl instructed Lund to continue negotiating with Oslo",
    "urged Lund to meet"): who asks is no party, the one asked is."""
    clause = trigger
    for _ in range(4):  # a short chain: "told X to try to keep negotiating"
        if clause.dep_ != "xcomp" or clause.head.i == clause.i:
            return False
        if _asks_another(clause):
            return token.dep_ in ("nsubj", "nsubjpass") and token.head.i == clause.head.i
        clause = clause.head
    return False


def _takes_another_out(verb: Token, trigger: Token) -> bool:
    """A verb of leaving with an object: "withdrew Peru from the pact", "pulled the US out of the
    accord". The object left the agreement; the subject made it leave and was no party."""
    leaving = leaving_verb(trigger)
    return leaving is not None and leaving.i == verb.i and any(c.dep_ == "dobj" for c in verb.children)


def _asks_another(clause: Token) -> bool:
    """An infinitive whose doer is the object of the verb above ("requires members to sign", "called
    on the cabinet to block it"), not that verb's subject."""
    head = clause.head
    return clause.dep_ == "xcomp" and (any(c.dep_ == "dobj" for c in head.children) or bool(called_on(head)))


#: Verbs that ask or make their object do what their infinitive says ("pressed X to delay her
#: visit"); not "defeated Boeing to win the order", whose subject wins.
_BIDDING_VERBS = ASKING_VERBS | frozenset({"persuade", "force", "convince"})


def _asked_to_act(noun: Token) -> list[Token]:
    """Who is asked to do the act an event noun is the object of: the object of "pressed X to" or
    "urged X to", the one "called on" ("called on X to")."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.dep_ != "xcomp" or not is_to_infinitive(verb):
        return []
    return _the_asked(verb.head)


def _the_asked(asker: Token) -> list[Token]:
    """Whom a verb asks or makes do what its infinitive says: the object of "pressed X to",
    "persuaded X to", or the one "called on"."""
    if asker.lemma_.lower() in _BIDDING_VERBS:
        return [c for c in asker.children if c.dep_ == "dobj"]
    return called_on(asker)


def _asked_doers(verb: Token) -> list[Token]:
    """Who does what a subjectless infinitive says when the verb above asks or makes someone do it:
    "persuaded the government to open negotiations with Chevron and Exxon" (the government
    negotiates, beside the two it negotiates with), "called on Oslo to sign a pact with Rome"."""
    if (
        verb.dep_ != "xcomp"
        or not is_to_infinitive(verb)
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return []
    return _the_asked(verb.head)


def _called_on_to(clause: Token) -> bool:
    """An infinitive that the verb above calls on someone to do ("called on the cabinet to block
    it"). Not one with a mere object above ("defeated Boeing to win the order": the subject wins)."""
    return clause.dep_ in ("xcomp", "advcl") and is_to_infinitive(clause) and bool(called_on(clause.head))


def _between_named(noun: Token) -> bool:
    """Whether the event noun, or a participle on it ("a deal reached between"), names its sides in a
    between- or among-phrase."""
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    return any(
        c.dep_ == "prep" and c.lower_ in ("between", "among") and any(g.dep_ == "pobj" for g in c.children)
        for h in holders
        for c in h.children
    )


#: Verbs of a relative clause on the event noun whose subject holds or makes the event: "a
#: conversation she had with X", "the deal Acme signed with Beta", "a visit Berg made to Oslo".
_HOLDING_CLAUSE_VERBS = frozenset({"have", "hold", "make"}) | (AGREEMENT_NOUN_VERBS - {"win", "award"})


def _named_owner(noun: Token) -> bool:
    """Whether the event noun has a named possessor ("Acme's purchase"): whose event it is is said,
    and the clause it sits in ("X will figure in Acme's purchase") adds no party. A pronoun ("in
    his talks with Y, X said") leaves the clause's subject as its owner."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children)


def _expand(slots: Iterable[Token], subjects: Collection[Token] = ()) -> list[Token]:
    """Each slot with the names coordinated with it, in apposition to it, or inside its group noun.

    "Acme and Beta" -> Acme, Beta; "its chief executive, Jane Doe" -> Jane Doe (not "its");
    "the leaders of Acme and Beta" -> Acme, Beta. An apposition is read as describing the name
    before it, unless it is one of ``subjects``, which stand for themselves (``_past_the_dateline``).
    """
    out: list[Token] = []
    todo = list(slots)
    while todo:
        token = todo.pop(0)
        if token in out:
            continue
        members = [
            g
            for c in token.children
            if c.dep_ == "prep"
            and (c.lower_ == "including" or (c.lower_ == "like" and token.tag_ in ("NNS", "NNPS")))
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "PROPN"
        ]
        if members:  # "top Senate Democrats, including Ann Lee and Bo Kim": the ones named met
            todo.extend(members)
            todo.extend(c for c in token.children if c.dep_ == "conj")
            continue
        out.append(token)
        stacked = {t.i for t in stacked_bodies(token)}  # "Republican House and Senate members": one group
        for child in token.children:
            if child.i in stacked:
                continue
            if _describes_the_name(child):
                continue  # "Raul Grijalva, the top Democrat on the committee": Grijalva, no group
            if _origin_of_the_next_name(child):
                continue  # "Ann Lee and Ohio banker Bo Kim": Ohio is where Kim is from
            if (child.dep_ in ("conj", "appos") and not _party_tag(child)) or _misparsed_conjunct(child):
                todo.append(child)
        # a common noun: whom it is made of or belongs to ("House GOP leaders" is one group, _slot_actors);
        # not a description of a name beside it ("the Yankees, Boston's top rival": Boston is no party)
        describes_a_name = token.dep_ == "appos" and token.head.pos_ == "PROPN" and token not in subjects
        if (
            (token.pos_ == "NOUN" or _counted_models(token))
            and not stacked_bodies(token)
            and not describes_a_name
        ):
            for child in token.children:
                entourage = token.lower_ in ENTOURAGE_NOUNS
                if entourage and child.dep_ in ("compound", "poss"):
                    # "Lane aides" met, not Lane; "Rubio's advisers huddled with X": not Rubio; "her
                    # staff": she is the subject, if anyone
                    continue
                if token.lemma_.lower() in RELATION_NOUNS:
                    continue  # "chief Intel rival AMD signed": whom the rival is to is no party
                if token.lower_ in KIN_NOUNS:
                    continue  # "met Cruz's Cuba-born father": neither Cruz nor Cuba met him
                if child.dep_ in ("poss", "compound") and _office_holder(token):
                    continue  # "the US president" is a person (or, unknown, his country: _slot_actors)
                if _locates_an_area(child):
                    continue  # "a visit to the U.S.-Mexico border": the names say where, no one there
                if token.lower_ in FACILITY_HEADS | ROOM_HEADS and child.ent_type_ in ("GPE", "LOC"):
                    continue  # "visited Gaza's hospital": where the building is, not who is met
                if child.dep_ in ("poss", "compound") and not any(c.dep_ == "appos" for c in token.children):
                    todo.append(child)
                elif (
                    child.dep_ == "prep"
                    and child.lower_ in ("of", "from")
                    and (token.tag_ == "NNS" or token.lower_ in BODY_OF_HEADS)
                    and not (child.lower_ == "from" and _named_modifier(token))
                ):
                    # "the leaders of Acme and Beta", not "the purchase of ten jets"
                    todo.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _counted_models(token: Token) -> bool:
    """ "18 Boeing 777s": goods counted by their model's name, which the model tags a product; like
    "18 Boeing jets", they name their maker."""
    return token.ent_type_ == "PRODUCT" and any(c.dep_ == "nummod" for c in token.children)


#: The words of a hyphenated title between its head and the name: "Editor-in-Chief", "Ambassador-at-Large".
_TITLE_TAIL_WORDS = frozenset({"-", "–", "in", "chief", "at", "large", "of"})


def _person_after_title(token: Token, actors: ActorResolver) -> Span | None:
    """ "with Daily Wire Editor-in-Chief Omar Berg": the parser makes "Editor" the slot; the
    person is the name right after the rest of the hyphenated title."""
    doc = token.doc
    i = token.i + 1
    while i < min(len(doc), token.i + 6) and doc[i].lower_ in _TITLE_TAIL_WORDS:
        i += 1
    if (
        i == token.i + 1
        or i >= len(doc)
        or doc[i - 1].text not in ("-", "–", "chief", "Chief", "large", "Large")
    ):
        return None
    entity = actors.document.entity_at(doc[i])
    return entity if entity is not None and entity.label_ == "PERSON" and entity.start == i else None


def _locates_an_area(token: Token) -> bool:
    """Whether the word is a name in the compounds of an area noun ("the Peru-Chile border"), or in
    its of- or between-phrase ("the border of Chile and Peru", "the zone between Chad and Niger")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in ("of", "between"):
        return token.head.head.lemma_.lower() in AREA_NOUNS
    if token.dep_ != "compound":
        return False
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token.lemma_.lower() in AREA_NOUNS


def _origin_of_the_next_name(child: Token) -> bool:
    """ "Woody Johnson and Wisconsin billionaire Diane Hendricks": the parser may coordinate the
    place with the first name; the lower-case noun after it, part of the next name, shows it says
    where that person is from."""
    if child.dep_ != "conj" or child.ent_type_ not in ("GPE", "NORP", "LOC") or child.i + 1 >= len(child.doc):
        return False
    after = child.doc[child.i + 1]
    return (
        after.dep_ == "compound"
        and after.pos_ == "NOUN"
        and after.text.islower()
        and after.head.ent_type_ == "PERSON"
    )


def _misparsed_conjunct(child: Token) -> bool:
    """ "met with McConnell and Sen. Chuck Grassley", "talks with Peru's Prime Minister Ana Lund and
    Chile President Omar Vidal": the parser hangs the first name (its last word) on the second as a
    modifier, with the "and" below it; it is a name of its own, coordinated."""
    if child.dep_ not in ("nmod", "compound") or not child.ent_type_ or child.i > child.head.i:
        return False
    after = child.doc[child.i + 1]
    if after.ent_iob_ == "I":
        return False  # inside a name: the name goes on after it
    between = child.doc[child.i + 1 : child.head.i + 1]
    separate = any(t.ent_iob_ != "I" for t in between)  # not the start of the head's own name
    return separate and any(c.dep_ == "cc" and c.lower_ == "and" for c in child.children)


#: Party words of a US politician's affiliation in apposition: "Senator Jo Kell, Republican of Ohio".
AFFILIATION_WORDS = frozenset({"republican", "democrat", "independent"})


def _named_modifier(noun: Token) -> bool:
    """ "Chilean officials from Lima": the noun already says whose people they are, the from-phrase
    only where they came from."""
    return any(
        c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "NORP", "ORG")
        for c in noun.children
    )


def _party_tag(token: Token) -> bool:
    """A US politician's party and state in brackets, "Kell (D-Ore.)", or in apposition, "Kell,
    Republican of Ohio", "Kell, a Tennessee Republican": no one of its own."""
    if (
        token.dep_ == "appos"
        and token.lower_ in AFFILIATION_WORDS
        and any(
            (c.dep_ == "prep" and c.lower_ == "of")
            or (c.dep_ in ("compound", "amod") and c.ent_type_ == "GPE")
            for c in token.children
        )
    ):
        return True
    doc = token.doc
    before = list(doc[max(0, token.i - 3) : token.i + 1])
    opening = next((t for t in reversed(before) if t.text in ("(", ")")), None)
    if opening is None or opening.text == ")":
        return False
    inside = doc[opening.i + 1 : min(len(doc), opening.i + 6)]
    return (
        len(inside) >= 3
        and inside[0].text in ("D", "R", "I")
        and inside[1].text in ("-", "–")
        and inside[2].text[:1].isupper()
    )


def _names_before_their_day(slots: list[Token]) -> list[Token]:
    """ "Siemens Monday announced it had signed a deal": news copy puts the day between subject and
    verb, and the parser makes the day the subject (or, for a reported "it", an adverb of a saying
    with no subject) and the name its compound; the name is the slot."""
    out: list[Token] = []
    for token in slots:
        names = [
            c
            for c in token.children
            if c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON", "GPE") and c.i == token.i - 1
        ]
        out.extend(names if token.ent_type_ == "DATE" and names else [token])
    return out


def _past_the_dateline(slots: list[Token], not_parties: CharSpans | None) -> list[Token]:
    """ "KABUL, Afghanistan — Taliban negotiators met": the parser often takes a dateline's city for
    the lede's subject and the subject for its apposition; the apposition is the slot (which
    ``_expand`` must read as a subject, not as a description of the city). ``not_parties`` covers
    the dateline."""
    if not_parties is None:
        return slots
    out: list[Token] = []
    for token in slots:
        beside = [c for c in token.children if c.dep_ == "appos" and not not_parties.covers(c.idx)]
        out.extend(beside if beside and not_parties.covers(token.idx) else [token])
    return out


def select_parties(
    trigger: Trigger,
    sent: Span,
    role: Role,
    actors: ActorResolver,
    discourse: DiscourseContext,
    quote_spans: CharSpans,
    places: CharSpans,
    not_parties: CharSpans | None = None,
) -> list[Actor]:
    """The event's parties, in order of their slots, each once.

    When the slots name fewer than two, the parse is not trusted to have found them all
    (long sentences, participles, headlines): the sentence's other actors are taken too,
    except those the parse puts out of reach — the topic ("talks on Syria"), the venue
    ("in Chicago"), the speaker of a clause the event is reported in ("X said"), or a
    name in another clause altogether.
    """
    found: dict[str, Actor] = {}
    host_codes: set[str] = set()  # countries of the cities visited
    traded = _expand(trade_slots(trigger))
    slots = _names_before_their_day(party_slots(trigger))
    moved = _past_the_dateline(slots, not_parties)
    slotted = _expand(moved, subjects=[t for t in moved if t not in slots])
    capitals: list[str] = []  # the countries whose capitals are visited ("visited Ankara")
    visited_places: set[int] = set()  # where the visit goes: never a party, whatever the model tags
    # "the North American Free Trade Agreement", "signed the Paris Agreement": a named agreement is what
    # was agreed, no party
    own = (
        CharSpans(
            (e.start_char, e.end_char)
            for e in entities_in(sent)
            if e.root.lower_ in AGREEMENT_NOUNS or e.text.lower().strip(". ") in NAMED_AGREEMENTS
        )
        if trigger.type == "agreement"
        else CharSpans()
    )
    not_parties = own + not_parties if not_parties is not None else own
    makers: list[Token] = []  # slot words that name the maker of goods ("12 Airbus A330 tankers")
    slot_actors: list[tuple[Token, list[Actor]]] = []  # each slot word and whom it names
    for token in slotted:
        if token in traded or (not_parties is not None and not_parties.covers(token.idx)):
            continue
        if _affected_by_it(token, trigger.token):
            continue  # "the deal between Acme and Beta will hurt Boeing"
        if _locates_an_area(token):
            continue  # "a visit to the border of Chile and Peru": where, not who
        if traded and _makes_the_goods(token):
            continue  # "bought a Boeing 727 from Dunmore Oil": the seller is named, Boeing made the jet
        if quote_spans.covers(token.idx) and not quote_spans.covers(trigger.token.idx):
            continue
        if _makes_the_goods(token):
            makers.append(token)
        city = _visited_city(token, actors)
        if city is not None:
            visited_places.add(city.start)
            place = geocode(city.text)
            if place is not None and place.country_code:
                host_codes.add(place.country_code)
            capital = capital_country(city.text)
            if capital is not None:
                capitals.append(country_for(capital) or capital)
            continue
        slot_actors.append((token, _slot_actors(token, role, actors, discourse, places)))
    people_slots = {token.i for token, got in slot_actors if any(a.kind == "person" for a in got)}
    for token, got in slot_actors:
        title = _title_modified_by(token) if token.ent_type_ in ("ORG", "GPE", "NORP") else None
        if title is not None and title.i in people_slots and not title.ent_type_:
            continue  # "chatted with the former Treasury secretary" (Rubin): not his department too
        for actor in got:
            found.setdefault(actor.name, _as_bought(actor, token))
    for country in capitals:
        if _from_abroad(found.values(), country):
            # "Biden visited Ankara": a foreign visitor to a capital visits its government
            found.setdefault(country, Actor(name=country, role=role, kind="country", country=country))
    for token in traded:
        buyer = _trade_party(token, role, actors)
        if buyer is not None:
            found.setdefault(buyer.name, buyer)
    # "Obama met survivors of the attack": a group of people no name stands for is the other party
    # (or, in a quote, the only one yet: its speaker may be added, rules/quoted_events.py); so is
    # a group in the with-phrase of two named ("Berg and Holt met with local farmers")
    one_side = len(found) == 1 or (not found and quote_spans.covers(trigger.token.idx))
    if one_side or len(found) >= 2:
        slots = party_slots(trigger)
        if not one_side:
            slots = [t for t in slots if t.dep_ == "pobj" and t.head.lower_ == "with"]
        slots += [c for t in slots for c in t.conjuncts if c.i > t.i]  # "Iran and six world powers"
        for token in map(group_of, slots):  # "some of the bond agencies": the agencies
            group = _people_group(token, role)
            if group is None:
                continue
            own_words = [t for t in _expand([token]) if t not in token.conjuncts]  # "Iran and world powers"
            if not any(_slot_actors(t, role, actors, discourse, places) for t in own_words):
                found.setdefault(group.name, group)
    timed = _timed_clause(trigger.token) if not found else None
    if len(found) < 2 and not _held_by_a_body(trigger.token, slotted):
        not_theirs = _not_their_own(trigger.token)
        # names in quotes are the speakers' words, except those of the quote an agreement is told in
        # ("We signed agreements with Japan and Korea," Ek said: Japan and Korea)
        own_quote = quote_spans.covering(trigger.token.idx) if trigger.type == "agreement" else None
        quoted = CharSpans(q for q in quote_spans.within(sent.start_char, sent.end_char) if q != own_quote)
        outside = quoted + places + own
        for ent, named in actors.entity_actors_in(sent.start, sent.end, role, outside):
            # "the Obama administration": a government, not the man
            actor = _administration(ent, named) if _names_administration(ent) else named
            if stacked := stacked_bodies(_modified_noun(ent.root)):
                actor = _group_actor(stacked, role)  # "the rest of the Senate Democratic caucus"
            # a visit's host is the country of the city visited ("her visit to Tbilisi ... Georgia")
            visited = actor.kind == "country" and country_code(actor.name) in host_codes
            if ent.label_ in ("GPE", "LOC", "FAC") and not is_country_name(ent.text):
                continue  # outside the slots a city or region is where, not who
            if _city_tagged_as_a_body(ent) or _city_naming_the_event(ent, ent.root):
                continue  # "to Ottawa and to Halifax", "the Copenhagen climate summit", tagged ORG
            if ent.start in visited_places:
                continue  # "visit Capitol Hill", tagged as a body
            if _in_named_title(ent) or _in_title_of(ent, people_slots) or of_a_person(ent):
                continue  # "Hu, the President of China,": said of a person, who is the party
            if _home_of_a_body(ent):
                continue  # "Germany's Siemens signed a supply deal": whose company, not a party
            if _describes_a_named_person(ent):
                continue  # "Kerry, the chief U.S. negotiator": whose negotiator he is
            if _describes_its_head(ent) and ent.root.head in slotted:
                continue  # "Senate Republicans": the chamber describes the slot's party, it is not another
            if _in_description_of(ent.root, slotted):
                continue  # "AirTanker Ltd, an EADS-led consortium": what the party is, not another one
            if _related_to(ent.root):
                continue  # "Boeing supplier Spirit agreed to buy Fokker": whom the supplier supplies
            if _go_between(ent.root):
                continue  # "In a deal brokered by Lund, ...": Lund brought the parties together
            if timed is not None and not _an_argument_of(ent.root, timed):
                continue  # "questioned Oslo's pledge in an interview ahead of the summit": not its parties
            if _owns_what_it_acts_on(ent.root, trigger.token):
                continue  # "agreed to widen the powers of Norway's court": whose, not who agreed
            if _the_one_asking(ent.root, trigger.token):
                continue  # "Dahl instructed Lund to keep negotiating with Oslo": Lund negotiates
            if ent.root in not_theirs:
                continue  # "Berg and Holt wore hats after his visit"
            if _locates_an_area(ent.root):
                continue  # "a visit to the U.S.-Mexico border": where, not who
            if _makes_the_goods(ent.root):
                if traded:
                    continue
                makers.append(ent.root)
            if _comments_on_it(ent.root, trigger.token):
                continue  # "Moe lambasted the deal negotiated by Lund": Moe judges it
            if _affected_by_it(ent.root, trigger.token):
                continue  # "the acquisition of SeaMicro will irk Intel"
            if _another_events_party(ent.root, trigger):
                continue  # "met and condemned the deal between Chad and Niger": the deal's parties
            if in_event_topic(ent.root, trigger.token) or _describes_a_thing(ent, trigger.token):
                continue  # "the talks cover Korea's weapons", "the Cadillac tax": what, not who
            if _what_is_discussed(ent.root, trigger.token):
                continue  # "aides discussed Governor Lund", "will debate Lund at its meeting"
            if _in_a_things_subject(ent.root, trigger.token):
                continue  # "the name change of X to Y is pending approval at the next meeting"
            if actor.name not in found and (visited or _within_reach(ent.root, trigger.token)):
                found[actor.name] = _as_bought(actor, ent.root)
    _drop_title_countries(found, sent, actors)
    _drop_makers(found, makers, role, actors)
    _drop_groups_of_named_members(found)
    if trigger.type == "agreement" and _a_purchase(trigger.token):
        found = _companies_for_their_officers(found, sent, role, actors)
    if not found and trigger.type == "agreement" and told_with_own_verb(trigger.token):
        # "... and the trade deal struck in July": the agreement of the parties just named
        return discourse.parties_of_the_agreement(trigger.token, role)
    return list(found.values())


def _a_purchase(trigger: Token) -> bool:
    """ "acquired", "the takeover of", "the sale of", "merged", "will pay $5 million for": a trade,
    which companies make (``rementions.TRADE_LEMMAS``)."""
    return trigger.lemma_.lower() in TRADE_LEMMAS or trigger.lower_ in TRADE_LEMMAS


def _companies_for_their_officers(
    found: dict[str, Actor], sent: Span, role: Role, actors: ActorResolver
) -> dict[str, Actor]:
    """A purchase's party named as a company's officer ("Kestrel's new CEO Dana Whitlow ... the
    acquisition of Zentra") is the company: the officer acts for it (rules/officers.py)."""
    for ent in entities_in(sent):
        if ent.label_ != "PERSON":
            continue
        person = actors.actor(ent, role)
        if person is None or person.name not in found:
            continue
        company = employer(ent, actors.document)
        body = actors.actor(company, role) if company is not None else None
        if body is None or body.kind != "organization":
            continue
        # the company takes the officer's place, in the officer's order
        found = {
            (body.name if n == person.name else n): (body if n == person.name else a)
            for n, a in found.items()
        }
    return found


#: Words that time a clause by an event: "after the summit", "ahead of the talks", "prior to the meeting".
_TIMING_WORDS = frozenset({"after", "before", "following", "ahead", "prior"})


def _owns_what_it_acts_on(name: Token, trigger: Token) -> bool:
    """Whether a possessor names whose thing the event is to act on or talk about: "agreed to appoint
    three judges to Norway's appeals court", "sat down to discuss Norway's longest war". The possessor
    is under an infinitive below the trigger that is no trigger itself (or one of talking about) and
    no giving: "agreed to supply Norway's army", "agreed to buy Oslo's airline" and "agreed to work
    with Acme's unit" name the other side."""
    if name.dep_ != "poss":
        return False
    for up in name.ancestors:
        if up.i == trigger.i or (up.dep_ == "prep" and up.lower_ in COUNTERPART_PREPS):
            return False
        if up.pos_ == "VERB":
            lemma = up.lemma_.lower()
            return (
                is_to_infinitive(up)
                and trigger in up.ancestors
                and (lemma in ABOUT_VERBS or (lemma not in TRIGGER_WORDS and lemma not in GIVING_VERBS))
            )
    return False


#: Verbs whose object or recipient is the other side of what is agreed: "agreed to supply Norway's army".
GIVING_VERBS = frozenset(
    {
        "supply",
        "provide",
        "deliver",
        "sell",
        "lend",
        "pay",
        "give",
        "grant",
        "offer",
        "send",
        "ship",
        "export",
    }
)


def _timed_clause(noun: Token) -> Token | None:
    """What a meeting or agreement noun with no party of its own only times, as the object of
    "after", "ahead of", "prior to": the word the timing phrase hangs on ("praises Obama after
    a meeting": praises; "an interview ahead of the summit": interview). None for any other noun."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return None
    timing = noun.head
    if timing.lower_ in ("of", "to") and timing.head.lower_ in _TIMING_WORDS:
        timing = timing.head
    return timing.head if timing.lower_ in _TIMING_WORDS and timing.head.i != timing.i else None


def _an_argument_of(name: Token, timed: Token) -> bool:
    """Whether a name is in the subject or object of the verb a meeting noun times, or of a verb
    that verb completes: "Sanders praises Obama after their meeting", "Hall and Cole pledged to
    cooperate after a meeting" met; the names deeper in the clause did not."""
    if timed.pos_ not in ("VERB", "AUX"):
        return False
    verbs = [timed]
    while verbs[-1].dep_ in ("xcomp", "conj") and verbs[-1].head.pos_ in ("VERB", "AUX") and len(verbs) < 4:
        verbs.append(verbs[-1].head)  # "pledged to cooperate after a meeting": the one who pledged
    heads = {v.i for v in verbs}
    node = name
    while node.head.i != node.i and node.head.i not in heads:
        node = node.head
    return node.head.i in heads and node.dep_ in ("nsubj", "dobj", "nsubjpass")


def _drop_groups_of_named_members(found: dict[str, Actor]) -> None:
    """A group whose name holds two or more of the other parties ("the Interior and Commerce agencies"
    beside "Interior" and "Commerce"): its members are named, so the group would count them twice."""
    for name, actor in list(found.items()):
        if actor.kind != "group":
            continue
        words = set(name.split())
        members = [n for n in found if n != name and set(n.split()) < words]
        if len(members) >= 2:
            del found[name]


def _as_bought(actor: Actor, token: Token) -> Actor:
    """A one-word name the model took for a person's is a company's when the purchase buys it
    ("will end up buying Pfizer")."""
    if actor.kind == "person" and " " not in actor.name and _bought(token):
        return replace(actor, kind="organization")
    return actor


def _bought(token: Token) -> bool:
    """Whether a name is what a purchase buys ("buying Pfizer", "Pixar, which was acquired by
    Disney", "the acquisition of SeaMicro"): a company, which a one-word name the model took for a
    person's is then too (a person is hired or signed, not bought)."""
    if token.dep_ == "appos":
        token = token.head  # "bought a rival, Halbwerk"
    if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB":
        return token.head.lemma_.lower() in ACQUISITION_VERBS
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in ACQUISITION_NOUNS


def _related_to(name: Token) -> bool:
    """Whether the name says whom a relation or kin noun is to ("Intel rival", "Boeing supplier
    Spirit", "Cruz's father"), which the parser hangs on the noun or, in a run of compounds, on the
    name after it."""
    head = name.head
    if name.dep_ == "npadvmod" and head.dep_ == "amod" and head.head.lower_ in KIN_NOUNS:
        return True  # "Cruz's Cuba-born father": where he was born
    if name.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in KIN_NOUNS:
        return True  # "the father of Tom Berg"
    if name.dep_ not in ("compound", "poss", "nmod") or head.i < name.i:
        return False
    if head.lemma_.lower() in RELATION_NOUNS or head.lower_ in KIN_NOUNS:
        return True
    return any(
        c.dep_ == "compound" and name.i < c.i < head.i and c.lemma_.lower() in RELATION_NOUNS
        for c in head.children
    )


def _drop_makers(found: dict[str, Actor], makers: list[Token], role: Role, actors: ActorResolver) -> None:
    """Leave out the maker of the goods a deal is about ("a contract with the Defence Ministry to
    supply 12 Airbus A330 tankers") when two other parties are named; alone with one party, the
    maker may be the seller ("signed a deal for ten Airbus A350 jets")."""
    names = {
        actor.name
        for maker in makers
        if (entity := actors.document.entity_at(maker)) is not None
        and (actor := actors.actor(entity, role)) is not None
    }
    if names and len(set(found) - names) >= 2:
        for name in names:
            found.pop(name, None)


def _in_description_of(token: Token, slotted: list[Token]) -> bool:
    """Whether ``token`` lies inside a common-noun apposition that describes a named slot word
    ("AirTanker Ltd, an EADS-led consortium", "Halden, a Siemens-owned firm") or a named person
    ("Ana Ruiz, one of Berg's aides")."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "appos" and node.pos_ in ("NOUN", "NUM") and node.head.pos_ == "PROPN":
            # "Ana Ruiz, one of the mayor's aides": said of a person, whatever slot she came from
            return node.head in slotted or node.head.ent_type_ == "PERSON"
        node = node.head
    return False


def _held_by_a_body(trigger: Token, slotted: list[Token]) -> bool:
    """ "the Arctic Council meeting", "the AIPAC conference": a body that meets as a whole, named in the
    event noun's compound, is all its parties; no name elsewhere in the sentence is added to it."""
    return bool(slotted) and all(
        t.dep_ == "compound" and trigger.i in (t.head.i, t.head.head.i) and is_assembly(t) for t in slotted
    )


def _title_of(place: Token) -> Token | None:
    """The title noun whose of-phrase ``place`` is ("the President of China" -> President)."""
    if place.dep_ != "pobj" or place.head.lower_ != "of":
        return None
    title = place.head.head
    return title if title.lower_ in PERSON_TITLES | ROLE_NOUNS else None


def _title_modified_by(name: Token) -> Token | None:
    """The title a name modifies in front ("the Apple Chief Executive Officer" -> Officer, "Acme's
    chairman" -> chairman), through the title's own compound words."""
    if name.dep_ not in ("compound", "poss", "nmod"):
        return None
    title = name.head
    while title.dep_ == "compound" and title.head.i > title.i:
        title = title.head
    words = {t.lower_ for t in title.subtree if t.i > name.i and t.i <= title.i}
    return title if words & (PERSON_TITLES | ROLE_NOUNS) else None


def _home_of_a_body(ent: Span) -> bool:
    """ "Germany's Siemens", "Japan's Toyota": a country in front of a company's name says where the
    company is from."""
    root = ent.root
    return ent.label_ in ("GPE", "NORP") and root.dep_ == "poss" and root.head.ent_type_ == "ORG"


def of_a_person(ent: Span) -> bool:
    """ "Prime Minister Benjamin Netanyahu of Israel": the country says whose leader he is."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ == "PERSON"


def _describes_a_named_person(ent: Span) -> bool:
    """A name modifying a common noun in apposition to a named person ("Kerry, the chief U.S.
    negotiator", "Lund, a Zentra engineer"): whom the person works for, not a party beside him."""
    root = ent.root
    if root.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    noun = root.head
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    return noun.pos_ == "NOUN" and noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON"


def _in_title_of(ent: Span, people_slots: set[int]) -> bool:
    """A body in the title of a slot that stood for a person told of before ("chatted with the
    former Treasury secretary", who is Rubin): his department is no second party."""
    title = _title_of(ent.root) or _title_modified_by(ent.root)
    return title is not None and title.i in people_slots


def _in_named_title(ent: Span) -> bool:
    """A place or body in a title in apposition to a named person: "Hu, the President of China",
    "the President of Brazil, Lula", "Steve Jobs, the Apple Chief Executive Officer,"."""
    doc = ent.doc
    title = _title_of(ent.root) or _title_modified_by(ent.root)
    if title is None:
        return False
    people = [c for c in title.children if c.dep_ == "appos"]
    if title.dep_ == "appos":
        people.append(title.head)
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].ent_iob_ == "B":
        people.append(doc[ent.end + 1])  # the name right after the title, whatever the parse made of it
    return any(p.ent_type_ == "PERSON" for p in people)


def _titled_holder(actor: Actor, sent: Span, actors: ActorResolver) -> Actor | None:
    """The person a country's name is the title of, when the sentence names the country only right
    before a capitalised title and that person's name: "South Korea President Park Geun Hye"."""
    if actor.kind != "country":
        return None
    doc = sent.doc
    entities = entities_in(sent)
    people = [e for e in entities if e.label_ == "PERSON"]
    holders: list[Actor] = []
    for ent in entities:
        if ent.label_ not in ("GPE", "NORP") or (country_for(ent.text) or ent.text) != actor.name:
            continue
        after = doc[ent.end] if ent.end < sent.end else None
        if after is None or not after.text[:1].isupper() or after.lower_ not in PERSON_TITLES:
            return None  # named once outside a title: the country itself may be the party
        person = next((e for e in people if ent.end < e.start <= ent.end + 3), None)
        holder = actors.actor(person, actor.role) if person is not None else None
        if holder is None:
            return None
        holders.append(holder)
    return holders[0] if len(holders) == 1 else None


def _drop_title_countries(found: dict[str, Actor], sent: Span, actors: ActorResolver) -> None:
    """ "Hu, the President of China, had lunch with the President of Brazil, Lula": China and Brazil
    are said of the two people who met (a strict reader counts a leader and his country as one
    party), so a country that a person party belongs to is dropped when the sentence names it
    only inside titles. "met the President of Chile" keeps Chile: no person holds it."""
    for name, actor in list(found.items()):
        holder = _titled_holder(actor, sent, actors)
        if holder is not None:
            # "South Korea President Park Geun Hye", however parsed: the president is the party
            del found[name]
            found.setdefault(holder.name, holder)
    homes = {country_for(a.country) or a.country for a in found.values() if a.kind == "person" and a.country}
    titles = PERSON_TITLES | ROLE_NOUNS
    for name, actor in list(found.items()):
        country = country_for(actor.name) or actor.name
        if actor.kind != "country":
            continue
        entities = [
            e
            for e in entities_in(sent)
            if e.label_ in ("GPE", "NORP") and (country_for(e.text) or e.text) == country
        ]
        if entities and all(_in_named_title(e) for e in entities):
            del found[name]  # "the President of Brazil, Lula": said of the named person, whoever's country
            continue
        if country not in homes:
            continue
        mentions = [e.root for e in entities]
        in_titles = [
            r
            for r in mentions
            if _title_of(r) is not None
            or (r.dep_ in ("poss", "compound", "amod") and r.head.lower_ in titles)
        ]
        if mentions and len(in_titles) == len(mentions):
            del found[name]


def _city_tagged_as_a_body(ent: Span) -> bool:
    """A place the model tagged as a body, after a preposition of place ("to Halifax", "in
    Niamey"): the gazetteer knows the name as a place and nothing says it is a body's."""
    if ent.label_ != "ORG" or ent.start == 0 or ent.doc[ent.start - 1].lower_ not in _PLACE_PREPS:
        return False
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return is_place_name(name) and not is_body_name(name)


_PLACE_PREPS = frozenset({"to", "in", "at", "from", "into"})


def _city_naming_the_event(entity: Span, token: Token) -> bool:
    """A city the model tagged as a body, naming an event noun ("the Copenhagen climate summit"):
    where it was held, as a city tagged as a place would be."""
    if entity.label_ != "ORG" or token.dep_ != "compound" or token.head.pos_ != "NOUN":
        return False
    return is_place_name(entity.text) and not is_body_name(entity.text)


def _from_abroad(visitors: Iterable[Actor], country: str) -> bool:
    """Whether the visitors are known to come from another country than ``country``: a
    capital visited by its own people ("the senator visited Washington") is only a trip."""
    homes = {a.name if a.kind == "country" else a.country for a in visitors}
    return country not in homes and any(home is not None for home in homes)


#: Plural nouns for people who can meet or agree as a group: "met survivors", "talks with Lane aides".
PEOPLE_GROUP_NOUNS = frozenset(
    {
        "survivors",
        "families",
        "relatives",
        "victims",
        "leaders",
        "officials",
        "lawmakers",
        "aides",
        "executives",
        "activists",
        "students",
        "workers",
        "protesters",
        "residents",
        "representatives",
        "investors",
        "donors",
        "supporters",
        "senators",
        "governors",
        "mayors",
        "ministers",
        "diplomats",
        "dignitaries",
        "envoys",
        "ambassadors",
        "negotiators",
        "delegates",
        "advisers",
        "advisors",
        "veterans",
        "members",
        "legislators",
        "congressmen",
        "heads",
        "chiefs",
        "elders",
        "farmers",
        "doctors",
        "unions",
        "associations",
        "agencies",
        "organizations",
        "organisations",
        # states as a group: "talks between Iran and six world powers"
        "powers",
        # companies as a group: "in talks with several automakers", "a deal with its creditors",
        # "negotiations with film studios"
        "automakers",
        "carmakers",
        "banks",
        "creditors",
        "bondholders",
        "manufacturers",
        "suppliers",
        "airlines",
        "insurers",
        "retailers",
        "bidders",
        "studios",
        "firms",
        "publishers",
        "broadcasters",
        "distributors",
        "carriers",
        "contractors",
        "customers",
        "clients",
        "buyers",
    }
)


#: Plural nouns for the people around someone, who are not that someone: "met Lane aides" is a
#: meeting with the aides (the group), not with Trump.
ENTOURAGE_NOUNS = frozenset(
    {"aides", "advisers", "advisors", "staffers", "surrogates", "supporters", "donors", "allies", "loyalists"}
    | {"staff", "aide", "adviser", "advisor", "staffer", "entourage", "lawyers", "attorneys", "bodyguards"}
)


def _may_own(subject: Token, pronoun: Token) -> bool:
    """Whether the subject can be what "his" or "her" stands for: not a plural ("Senators urged her
    to release the tapes of her meeting": "her" is not the senators)."""
    return pronoun.lower_ not in ("his", "her") or subject.tag_ not in ("NNS", "NNPS")


def _people_group(token: Token, role: Role) -> Actor | None:
    """A plural people noun in a party slot as a group party, named with its compounds ("Lane aides")."""
    if token.pos_ != "NOUN":
        return None
    if token.lower_ not in PEOPLE_GROUP_NOUNS | ENTOURAGE_NOUNS:
        body = _body_of(token)
        if body is None:
            return None
        # "the titans of the political establishment", "the bosses of the big unions": people
        # of a body, whatever the noun for them
        return _group_actor([t for t in token.subtree if t.i >= token.i and t.i <= body.i], role)
    modifiers = ("compound", "amod", "nummod") if token.lower_ == "powers" else ("compound",)
    # "six world powers", "Western powers": the powers alone say nothing of which
    words = [c for c in token.children if c.dep_ in modifiers and c.i < token.i] + [token]
    if token.lower_ in ENTOURAGE_NOUNS:
        # "Marco Rubio's advisers": whose, with the possessive, is what names them
        words = [
            t for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN" for t in c.subtree
        ] + words
    if token.lower_ in _PART_OF_GROUP_NOUNS:
        # "members of the old guard": the members alone say nothing of whom; the whole phrase does
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and any(c.dep_ == "pobj" and c.pos_ == "NOUN" for c in of.children):
            words += [t for t in of.subtree]
    return _group_actor(sorted(words, key=lambda w: w.i), role)


#: Nouns for a body whose people may meet as a group: "the titans of the political establishment".
_BODY_OF_PEOPLE = BODY_WORDS | frozenset(
    {"establishment", "administration", "industry", "community", "cabinet"}
)


def _body_of(token: Token) -> Token | None:
    """The body a plural noun's of-phrase names ("titans of the establishment", "bosses of Acme"),
    if any: then the noun is people of that body."""
    if token.tag_ != "NNS":
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for body in (c for c in prep.children if c.dep_ == "pobj"):
            if body.lemma_.lower() in _BODY_OF_PEOPLE or body.ent_type_ in ("ORG", "NORP"):
                return body
    return None


#: Group nouns that name a part of something ("members of the old guard"): the group is the whole phrase.
_PART_OF_GROUP_NOUNS = frozenset({"members", "heads", "chiefs"})


def _group_actor(words: list[Token], role: Role) -> Actor:
    """A group party named by its words as written ("Lane aides", "House GOP leaders")."""
    return Actor(name="".join(w.text_with_ws for w in words).strip(), role=role, kind="group")


def _comments_on_it(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is the subject of a verb that judges the trigger noun, its object, or that
    gives out a record of it ("the ministry published a transcript of the call Ruiz made")."""
    if trigger.pos_ not in ("NOUN", "PROPN") or token.dep_ != "nsubj":
        return False
    head = trigger.head  # the judging verb, or the preposition of a record noun
    if trigger.dep_ == "dobj" and head.lemma_.lower() in COMMENT_VERBS and token.head.i == head.i:
        return True
    record = head.head if trigger.dep_ == "pobj" and head.lower_ in ("of", "on", "about") else None
    return (
        record is not None
        and record.lemma_.lower() in RECORD_NOUNS
        and record.dep_ == "dobj"
        and record.head.i == token.head.i
    )


def _affected_by_it(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is the object of a verb that says what the event, its subject, does to
    someone ("the acquisition will irk Intel"): affected, not a party."""
    verb = token.head
    return (
        token.dep_ == "dobj"
        and verb.lemma_.lower() in AFFECT_VERBS
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i == trigger.i for c in verb.children)
    )


#: What one gives out of an event without taking part in it: "released a summary of the call".
RECORD_NOUNS = frozenset(
    {
        "summary",
        "transcript",
        "record",
        "readout",
        "minutes",
        "recording",
        "video",
        "photo",
        "account",
        "notes",
    }
)


def _makes_the_goods(token: Token) -> bool:
    """A maker's name on a model number or on counted goods ("a 1968 Boeing 727", "10 Airbus jets"):
    what is traded, not who trades it, when the trade names its other side."""
    head = token.head
    if token.dep_ in ("compound", "nmod") and head.i > token.i:
        counted = any(c.dep_ == "nummod" and c.i < token.i and c.ent_type_ != "DATE" for c in head.children)
        if has_digit(head.text) or counted:
            return True  # "a Boeing 727", "10 Boeing jets"
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.head.i == token.i and has_digit(after.text)  # parsed "Boeing <- 737"


def _trade_party(token: Token, role: Role, actors: ActorResolver) -> Actor | None:
    """The buyer or seller a trade's to/from-phrase names; a name the model took for a place
    ("sold it to Oracle") is a company unless it is a country."""
    entity = actors.document.entity_at(token)
    if entity is None:
        return actors.untagged_name(token, role) if token.dep_ not in ("compound", "poss") else None
    if entity.label_ not in ("ORG", "PERSON", "GPE"):
        return None
    actor = actors.actor(entity, role)
    if actor is not None and entity.label_ == "GPE" and not is_country_name(entity.text):
        return Actor(name=actor.name, role=role, kind="organization")
    return actor


def _names_administration(entity: Span) -> bool:
    """ "the Obama administration": a person's name that only names a government (his country's
    when the article says which; otherwise the name is all there is)."""
    root = entity.root
    return entity.label_ == "PERSON" and root.dep_ == "compound" and root.head.lower_ == "administration"


def _administration(entity: Span, leader: Actor) -> Actor:
    """ "the Obama administration": the government of the country the article makes him a leader of,
    or, when it says none, the administration itself; never the man."""
    if leader.country:
        return Actor(name=leader.country, role=leader.role, kind="country", country=leader.country)
    return Actor(name=f"{entity.text} administration", role=leader.role, kind="organization")


#: Heads of a building's name that may be a seat of government or office, visited as its holder.
SEAT_HEADS = frozenset({"house", "palace", "hall", "residence", "headquarters", "embassy", "building"})


def _visited_city(token: Token, actors: ActorResolver) -> Span | None:
    """The city a visit goes to ("a visit to Tbilisi", "visited Ottawa"): a place, not a party."""
    entity = actors.document.entity_at(token)
    if entity is None or is_country_name(entity.text):
        return None
    city_noun = token.dep_ == "appos" and token.head.lemma_.lower() in CITY_NOUNS  # "the capital, Sanaa"
    # "visited Wilmington, the state's biggest city", the name tagged as a person
    city_noun = city_noun or any(c.dep_ == "appos" and c.lemma_.lower() in CITY_NOUNS for c in token.children)
    # a place the model tags as a body or a region, which the gazetteer knows ("visit Capitol Hill")
    known_place = entity.label_ in ("ORG", "FAC", "LOC") and is_place_name(entity.text)
    # "his visit to Trump Tower", whatever the model tags it: a building, not a seat that stands
    # for whom it houses ("visited the White House", "the Elysee Palace", "City Hall")
    building = entity[-1].lower_ in FACILITY_HEADS - SEAT_HEADS and len(entity) > 1
    if entity.label_ != "GPE" and not city_noun and not known_place and not building:
        return None
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token = token.head  # "to Canada's capital, Ottawa, and to Halifax"
    if token.dep_ == "prep" and token.lower_ == "to":
        return entity
    head = token.head
    to_visit = token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() not in TRADE_PREPS
    visited = token.dep_ == "dobj" and head.lemma_.lower() == "visit"
    return entity if to_visit or visited else None


#: Prepositions that lead away from the parties: to the topic, the venue, the time, the cause.
OFF_PREPS = frozenset(
    {
        "on",
        "about",
        "over",
        "in",
        "at",
        "near",
        "outside",
        "regarding",
        "against",
        "during",
        "after",
        "before",
        "since",
        "despite",
        "because",
        "due",
        "from",
        "across",
        "through",
        "toward",
        "towards",
        "under",  # "a gamble under the leadership of X", "signed under pressure from Y"
    }
)
#: Prepositions that put the event noun outside what the clause's people do ("outside the
#: meetings", "beyond the deal").
AWAY_PREPS = frozenset({"outside", "beyond"})
#: Clause links past which a name belongs to another statement: "X said [the two met]".
OFF_CLAUSES = frozenset({"ccomp", "advcl", "parataxis", "relcl", "csubj"})


def _within_reach(token: Token, trigger: Token) -> bool:
    """Whether ``token`` hangs from the trigger's clause without crossing a topic or venue phrase.

    Walks up from the name to the first word that also governs the trigger; a preposition of
    topic, place or time on the way, or a clause boundary on the name's side, puts it out.
    """
    if token.dep_ == "dobj" and token.head.lemma_.lower() in RIVAL_VERBS and token.head.i != trigger.i:
        return False  # "Acme defeated Beta to win the order": the rival it beat
    paths = paths_to_common_head(token, trigger)
    if paths is None:
        return False
    source = token
    while source.dep_ in ("compound", "amod", "nmod") and source.head.i != source.i:
        source = source.head  # "according to Labour aides": the aides' party is the source too
    if source.dep_ == "pobj" and source.head.lower_ == "to" and source.head.head.lower_ == "according":
        return False  # "according to AP": the source, not a party ("according to Fiat's statement" may be)
    up, down = paths
    for node in up:
        if node.dep_ == "prep" and node.lower_ in OFF_PREPS:
            return False
        if node.dep_ in OFF_CLAUSES and not _what_a_deal_does(node):
            return False
        if (trigger.pos_ == "VERB" or trigger.dep_ not in ("nsubj", "nsubjpass")) and any(
            c.pos_ != "PRON" for c in _coordinated_clause_subjects(node)
        ):
            # "the G7 will gather, and the IMF will hold its meetings": another clause's. Not "the
            # summit ..., but it erupted into attacks between Correa and Uribe" (the summit again),
            # nor "the deal with Valdor went through, and Mirex will sell cars" (whose deal it was:
            # the event noun is the subject there; "recalled a visit X made to the area and the
            # campaigning Y did with Z" tells another event)
            return False
        if node.dep_ == "acl" and node.head.dep_ == "appos":
            return False  # "the Fund, a group linked to Beta": Beta describes the Fund
        if _what_the_event_shows(node, trigger):
            return False  # "held a conference call highlighting Sanders' record": what the call was about
        if _aim_of_a_thing(node, trigger):
            return False  # "is part of Acme's campaign to dethrone Borla": whom the campaign is against
        if node.dep_ in ("acl", "advcl", "xcomp") and node.lemma_.lower() in RIVAL_VERBS:
            return False  # "in talks with carmakers to replace Gamma": the third side
        if (
            node.dep_ == "prep"
            and node.lower_ in ("of", "for")
            and node.head.tag_ == "NN"
            and node.head.lower_ in PERSON_TITLES | ROLE_NOUNS
            and token.ent_type_ != "PERSON"  # "Co-founder of Acme, Jane Roe": she is the title holder
        ):
            return False  # "the chief clerk of the Court visited": the clerk, not the court
    # the common governor above the trigger: the trigger's own way up must not leave its clause
    # ("Ana told Ben as she sat down with him": a clause about the main one's people), nor be what
    # the clause is about ("Tefft wrote to Clinton about a visit by X": the writer is no visitor)
    if any(t.dep_ == "prep" and t.lower_ in ABOUT_PREPS | AWAY_PREPS for t in down):
        return False  # "Outside the platform meetings, LGBT Republicans are upbeat": not at them
    if any(_opinion_on(t) for t in down):
        return False  # "Hurd offered his thoughts on the acquisition of EDS": he comments on it
    if any(
        t.dep_ == "appos" and t.head in down and t.head.ent_type_ == "PERSON" and not _event_noun(t)
        for t in down
    ):
        return False  # "Moe said Kerry, the negotiator in the talks, sold out Gamma": said of Kerry only
    if _described_subject_acts(down):
        return False
    judging = next(filter(None, map(_judged_for, down)), None)
    clause = judging.head if judging is not None and judging.dep_ == "acomp" else judging  # "are mad at"
    if clause is not None and up and up[-1].dep_ == "nsubj" and up[-1].head.i == clause.i:
        return False  # "Republicans criticised Obama for meeting Castro": they judge, he met
    if up and up[-1].dep_ == "nsubj" and any(_called_on_to(t) and t.head.i == up[-1].head.i for t in down):
        return False  # "lawmakers called on the cabinet to block Berg's visit": the cabinet is to act
    if up and up[-1].dep_ in ("dobj", "dative") and _another_act(up[-1].head, down):
        return False  # "Lund criticised Berg and then met the mayor": whom she criticised
    if (
        len(up) >= 2
        and up[-1].dep_ == "conj"
        and up[-1].pos_ == "VERB"
        and up[-2].dep_ in ("dobj", "dative")
        and up[-2].head.i == up[-1].i
        and _no_meeting_act(up[-1])
        and up[-1].lemma_.lower() not in ADDRESSEE_VERBS
    ):
        # "Lund met the press and praised Canada": whom the next act was done to; not whom she
        # told ("agreed to a call, but only to tell Garland that ...")
        return False
    if up and up[-1].dep_ in ("dobj", "dative") and _done_at_the_meeting(up[-1].head, down):
        return False  # "At the RNC's meeting, Priebus scolded Romney": Romney need not have been there
    if any(_clause_of_its_own(t, trigger) for t in down if t.i != trigger.i):
        return False  # "Berg and Lund attacked the plan, and Lund spoke at a summit": Berg was not there
    return not any(t.dep_ in OFF_CLAUSES and not (t.dep_ == "advcl" and _pronoun_subject(t)) for t in down)


def _what_the_event_shows(node: Token, trigger: Token) -> bool:
    """A present participle on the event noun that tells what the event did or was about ("a
    conference call highlighting X's record", "a meeting discussing the budget"): its object is the
    topic. Not one that gathers people ("a summit bringing together A and B", "talks involving X")."""
    lemma = node.lemma_.lower()
    return (
        node.dep_ == "acl"
        and node.tag_ == "VBG"
        and (node.head.i == trigger.i or (trigger.dep_ == "compound" and node.head.i == trigger.head.i))
        and lemma not in PARTICIPANT_VERBS
        and lemma not in TRIGGER_WORDS
    )


def _aim_of_a_thing(node: Token, trigger: Token) -> bool:
    """A to-infinitive on a common noun that is no event ("a campaign to dethrone Borla", "an effort
    to woo Beta"): what that noun aims at, whose object is no party of the event beside it. A deal's
    own aim ("a deal to supply the Navy") names its other side, and stays."""
    head = node.head
    return (
        node.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)  # whatever tag "dethrone" got
        and head.pos_ == "NOUN"
        and head.i != trigger.i
        and not _event_noun(head)
    )


def _clause_of_its_own(node: Token, trigger: Token) -> bool:
    """A verb coordinated with another that has a named subject of its own: the names of the clause
    it is coordinated with are no parties of an event told in it. Not when the event is that
    subject ("a deal started between A and B, but negotiations had stalled"), nor a pronoun, which may
    be the event again ("the summit ..., but it erupted into attacks between X and Y"), nor a common
    noun, which a misparse may make one ("filming television shows and meeting with X")."""
    return any(
        (c.pos_ == "PROPN" or c.ent_type_ not in ("", "DATE", "TIME", "CARDINAL"))
        and not c.is_ancestor(trigger)
        and c != trigger
        for c in _coordinated_clause_subjects(node)
    )


def _coordinated_clause_subjects(node: Token) -> list[Token]:
    """The subjects of a verb coordinated with another ("and the IMF will hold"); none for any other
    word. Both walks of ``_within_reach`` ask it: the name's way up and the trigger's."""
    if node.dep_ != "conj" or node.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]


def _another_act(head: Token, heads: list[Token]) -> bool:
    """A verb the event's verb is coordinated with, reached for their shared subject, that is no
    meeting or welcome: its object is whom that act was done to ("He had protested Trump at a
    rally and started having conversations with activists"), while "met Erdogan and signed a deal"
    and "welcomed Berg and held talks" keep the one met."""
    if not any(h.dep_ == "conj" and h.head.i == head.i for h in heads):
        return False
    # "met Dahl on Monday and will meet Holm on Friday": Dahl is not met on Friday
    return _no_meeting_act(head) or _met_before(head, heads)


def _met_before(head: Token, heads: list[Token]) -> bool:
    """``head`` is reached only as the first of two acts told by conjoined verbs, the second with its
    own counterpart ("met with Dahl and held talks with Holm", "met Ek and signed a pact with
    Norway"): its counterparts are not the second event's."""
    return any(h.dep_ == "conj" and h.head.i == head.i and deals_with_its_own(h) for h in heads)


def _no_meeting_act(verb: Token) -> bool:
    """A verb that is neither an event's trigger nor a welcome ("protested", "praised")."""
    lemma = verb.lemma_.lower()
    return lemma not in TRIGGER_WORDS and lemma not in _GREETING_VERBS and verb.lower_ not in TRIGGER_WORDS


def _done_at_the_meeting(verb: Token, down: list[Token]) -> bool:
    """The event noun is the occasion of another act ("At the meeting, X scolded Y", "during the
    talks, X praised Y"): the act's object may be spoken of, not present. A greeting, a meeting
    verb or a verb of telling takes its object there ("At the summit, X greeted Y", "X told Y
    during the meeting")."""
    if (
        len(down) < 2
        or down[0].pos_ != "NOUN"
        or down[-1].dep_ != "prep"
        or down[-1].lower_ not in ("at", "during")
    ):
        return False
    lemma = verb.lemma_.lower()
    # whom one tells, warns or asks during the meeting is there: "warned Xi during their meeting"
    return lemma not in TRIGGER_WORDS and lemma not in _GREETING_VERBS and lemma not in SPEECH_LEMMAS


def _in_a_things_subject(token: Token, trigger: Token) -> bool:
    """Whether ``token`` lies inside the subject of an act the event noun is only the occasion of
    ("at the next meeting"), when that subject is a thing, not who acts: "The name change of
    DaimlerChrysler to Daimler AG is pending approval at the next meeting" names no one who meets.
    A body ("the board of Acme") or people ("the leaders of Chile") are who act."""
    verb = occasion_of(trigger)
    if verb is None:
        return False
    for _ in range(3):  # "pending approval at the meeting": the clause of the noun it hangs on
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ in ("acomp", "xcomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "is pending approval at the meeting": the subject is the copula's
    # the parser may hang the subject on the auxiliary ("change" on "is" of "is pending")
    words = [*verb.children, *(g for a in verb.children if a.dep_ in ("aux", "auxpass") for g in a.children)]
    for subject in words:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.tag_ != "NN" or subject.i == token.i:
            continue
        lemma = subject.lemma_.lower()
        if lemma in BODY_OF_HEADS or lemma in ROLE_NOUNS or lemma in PERSON_TITLES or lemma in BODY_WORDS:
            continue
        if subject.is_ancestor(token):
            return True
    return False


def _what_is_discussed(token: Token, trigger: Token) -> bool:
    """Whether ``token`` lies in the object of a verb of discussing that is the event ("aides
    discussed Governor Lund") or is done at it ("will debate Lund at its meeting"), or in the act
    done at it when that act is what they discuss ("debate how to deal with Lund during the
    meeting"): what is discussed, not a side. A with-phrase hung on that object still names one
    ("discussed the plan with Lund")."""
    verbs = [trigger] if trigger.pos_ == "VERB" else []
    act = occasion_of(trigger)
    if act is not None:
        verbs.append(act)
    for verb in verbs:
        if verb.lemma_.lower() not in ABOUT_VERBS:
            continue
        for obj in verb.children:
            if obj.dep_ == "dobj" and (obj.i == token.i or obj.is_ancestor(token)):
                node = token
                while node.i != obj.i and not (node.dep_ == "pobj" and node.head.lower_ == "with"):
                    node = node.head
                if node.i == obj.i:
                    return True
    # "will debate how to deal with Lund at its meeting": the act done at the meeting is itself
    # what is discussed, and all it names is the topic
    return (
        act is not None
        and act.dep_ in ("xcomp", "ccomp")
        and act.head.lemma_.lower() in ABOUT_VERBS
        and act.is_ancestor(token)
        and not trigger.is_ancestor(token)
    )


#: Verbs of receiving someone or of a dispute, whose object may be the other side of what follows
#: ("welcomed Berg and signed a pact", "sued Berg, but a settlement was reached").
_GREETING_VERBS = frozenset(
    {"welcome", "receive", "greet", "invite", "call", "phone", "join", "accompany", "sue", "fight", "battle"}
)


#: Nouns of what one thinks or says of a thing: "his thoughts on the deal", "her views on the talks".
OPINION_NOUNS = frozenset(
    {"thought", "view", "comment", "remark", "opinion", "position", "stance", "take", "assessment"}
)


def _opinion_on(prep: Token) -> bool:
    """A topic phrase of an opinion noun, or of the verb that gives one: "views about", "offered his
    thoughts on" (the parser hangs the phrase on either)."""
    if prep.dep_ != "prep" or prep.lower_ not in ("on", "about", "over", "regarding"):
        return False
    head = prep.head
    return head.lemma_.lower() in OPINION_NOUNS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in OPINION_NOUNS for c in head.children
    )


def _described_subject_acts(down: list[Token]) -> bool:
    """The trigger is in a participle describing the subject of another verb ("Lena Marsh, a teacher
    visiting Lyon, told the Tribune ..."): that verb's own objects are its business, not the visit's.
    The subject (the one described) stays; so does the subject of a clause whose object the participle
    describes ("Orr led a delegation visiting Oslo": he led the visitors)."""
    past_participle = False
    for node in down:
        if node.dep_ == "acl" and node.tag_ in ("VBG", "VBN"):
            past_participle = True
        elif past_participle and node.dep_ in ("nsubj", "nsubjpass"):
            return True
    return False


def _what_a_deal_does(clause: Token) -> bool:
    """A to-infinitive the parser hangs on an agreement noun as a relative clause: "a deal to supply
    the Navy" tells what the deal does, and whom it serves is its other side."""
    return (
        clause.dep_ == "relcl" and clause.head.lemma_.lower() in AGREEMENT_NOUNS and is_to_infinitive(clause)
    )


def _describes_a_thing(ent: Span, trigger: Token) -> bool:
    """A name that only modifies a common noun for a thing ("the so-called Cadillac tax", "U.S. health
    care spending"): outside the slots it says which thing, not who met or agreed. Not a name on people
    or a body ("U.S. officials", "the Chilean delegation"), nor on the event noun itself."""
    root = ent.root
    head = root.head
    if root.dep_ not in ("compound", "nmod") or head.pos_ != "NOUN" or head.i == trigger.i:
        return False
    if _makes_the_goods(root):
        return False  # "to purchase 20 Airbus A320 jets": the maker may be the seller (the trade decides)
    return head.lower_ not in _PEOPLE_AND_BODY_NOUNS and head.lemma_.lower() not in _PEOPLE_AND_BODY_NOUNS


#: Bodies of people a name may head ("the Senate Democratic caucus", "the Trump campaign").
_GATHERING_BODIES = frozenset({"caucus", "campaign", "staff", "team", "delegation", "conference", "bloc"})


def _another_events_party(token: Token, trigger: Trigger) -> bool:
    """Whether ``token`` belongs to another event the sentence tells beside the trigger's.

    For a meeting, a name in the with- or between-phrase of an agreement noun: "ministers met in
    Rome and condemned the deal between Chad and Niger" (the deal's sides). For any event, a name
    under an event noun coordinated with it: "the visit by Lund to Peru, and the talks held by
    the Chilean and Bolivian envoys" (the talks' parties, not the visit's)."""
    paths = paths_to_common_head(token, trigger.token)
    if paths is None:
        return False
    for node in paths[0]:
        if node.i == trigger.token.i:
            continue
        head = node.head
        if (
            trigger.type == "meeting"
            and node.dep_ == "prep"
            and node.lower_ in COUNTERPART_PREPS
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in AGREEMENT_NOUNS
        ):
            return True
        if node.dep_ in _OWN_CLAUSE_DEPS and node.pos_ == "NOUN" and _event_noun(node):
            return True  # an event noun that is a subject or a conjunct: not the trigger's object
    return False


def _told_by_its_own_clause(noun: Token) -> bool:
    """An event noun whose relative clause has a named subject of its own ("a visit Berg made"), or
    whose participle names its makers ("does not like the deal signed by Acme and Beta"): the clause
    says whose event it is, not the verb the noun is the object of."""
    return _made_by_named(noun) or any(
        c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.pos_ == "PROPN" for g in c.children)
        for c in noun.children
    )


def _made_by_named(noun: Token) -> bool:
    """A deal noun whose concluding participle names its makers: "signed by Acme", "reached by X
    and Y"; not "a meeting led by X", which was held by others too."""
    return any(
        p.tag_ == "VBN" and any(g.dep_ == "agent" for g in p.children) for p in concluding_participles(noun)
    )


#: How an event noun hangs when it tells an event of its own beside the trigger's.
_OWN_CLAUSE_DEPS = frozenset({"conj", "nsubj", "nsubjpass"})


#: Verbs whose object, when an event noun is their subject, is among those who took part: "the
#: talks included Iran", "the summit brought together Chile and Peru", "the meeting drew leaders".
PARTICIPANT_VERBS = frozenset(
    {"include", "involve", "bring", "gather", "feature", "pit", "unite", "join", "draw", "attract", "see"}
)


def _what_the_event_does(trigger: Token, verb: Token) -> bool:
    """Whether ``verb`` tells what the event noun, its subject, did or caused ("the visit will pick up
    eyeballs", "the deal angered Beijing"): its object is no party, unless the verb gathers them."""
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "nsubj"
        and trigger.head.i == verb.i
        and verb.lemma_.lower() not in PARTICIPANT_VERBS
    )


def _event_noun(token: Token) -> bool:
    """A noun that tells a meeting, an agreement or a purchase ("the $2 million buy of Beta")."""
    lemma = token.lemma_.lower()
    return (
        token.lower_ in MEETING_NOUNS
        or lemma in AGREEMENT_NOUNS | MEETING_NOUNS | ACQUISITION_NOUNS | SALE_NOUNS | MERGER_NOUNS
        or lemma in ACQUISITION_VERBS  # "buy" used as a noun
    )


#: Nouns for the members of a legislature or a party as a group: one name on them ("GOP lawmakers",
#: "the House Republican caucus") makes a group, where on other people ("Pentagon officials") it
#: names the body they act for.
LEGISLATOR_NOUNS = frozenset({"lawmakers", "legislators", "senators", "congressmen", "caucus"})
#: Chambers whose members, named so, are a group of legislators: "House members".
CHAMBER_NAMES = frozenset({"house", "senate", "congress", "parliament", "assembly"})


def stacked_bodies(noun: Token) -> list[Token]:
    """ "House GOP leaders", "Senate Democratic leaders", "Republican House and Senate members": two
    names stacked on a plural noun (a chamber and a party) make one group, which is the party, not two
    bodies; so does one name on a noun for legislators ("GOP lawmakers", ``LEGISLATOR_NOUNS``).
    Returns the words of the group's name, or nothing; one name on another noun ("Pentagon officials")
    is the body they speak for."""
    legislators = noun.lower_ in LEGISLATOR_NOUNS or (
        noun.lower_ == "members" and noun.i > 0 and noun.doc[noun.i - 1].lower_ in CHAMBER_NAMES
    )
    if noun.pos_ != "NOUN" or not (noun.tag_ == "NNS" or legislators):
        return []
    doc = noun.doc
    start = noun.i
    while start > 0:
        if doc[start - 1].ent_type_ in ("ORG", "NORP"):
            start -= 1
        elif (
            doc[start - 1].lower_ in ("and", "&")
            and start > 1
            and doc[start - 2].ent_type_ == "ORG" == doc[start].ent_type_
        ):
            start -= 1  # "Republican House and Senate members": one group of both chambers
        else:
            break
    words = list(doc[start : noun.i + 1])
    names = sum(1 for t in words[:-1] if t.ent_iob_ == "B")
    return words if names >= 2 or (names == 1 and legislators) else []


def _modified_noun(name: Token) -> Token:
    """The noun a name modifies, itself or as the second of two ("Interior and Commerce agencies");
    the name itself when it modifies none."""
    if name.dep_ == "conj" and name.head.dep_ in ("compound", "nmod"):
        return name.head.head
    return name.head if name.dep_ in ("compound", "nmod") else name


def _describes_its_head(ent: Span) -> bool:
    """A body named as a modifier of a word that is not itself a name: "Senate" in "Senate
    Republicans" or "Senate aides" describes who they are, it is no party of its own."""
    return (
        ent.label_ == "ORG"
        and ent.root.dep_ == "compound"
        and ent.root.head.ent_type_ not in ("PERSON", "ORG")
    )


def named_in(actors: ActorResolver, start: int, end: int, role: Role) -> list[Actor]:
    """The actors named in the token range [start, end), a group of stacked names ("House GOP
    leaders", ``stacked_bodies``) as one group rather than its names."""
    found: dict[str, Actor] = {}
    doc = actors.document.doc
    for ent, actor in actors.entity_actors_in(start, end, role):
        if _describes_its_head(ent) and ent.root.head.ent_type_ == "NORP":
            continue  # "Senate Republicans": the chamber describes them
        after = ent.end
        while after < len(doc) and doc[after].ent_type_ in ("ORG", "NORP"):
            after += 1
        group = stacked_bodies(doc[after]) if after < min(end, len(doc)) else []
        named = _group_actor(group, role) if group else actor
        found.setdefault(named.name, named)
    return list(found.values())


def _holds_the_meeting(token: Token) -> bool:
    """ "the European Council meeting": a body's name in front of a meeting noun holds it. The name
    is the body's in full: "a Cabinet meeting" or "the Council meeting" does not say whose."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.dep_ == "compound"
        and is_assembly(token)
        and token.head.lemma_.lower() in BODY_MEETING_NOUNS
        and before is not None
        and before.pos_ in ("PROPN", "ADJ")
        and before.text[:1].isupper()
    )


def _slot_actors(
    token: Token, role: Role, actors: ActorResolver, discourse: DiscourseContext, places: CharSpans
) -> list[Actor]:
    """The actor(s) one slot word names: its entity, an untagged proper name, a pronoun's referent."""
    if group := stacked_bodies(token):
        return [_group_actor(group, role)]
    entity = actors.document.entity_at(token)
    if entity is not None:
        root = entity.root
        describing = root.dep_ in ("amod", "npadvmod", "nmod") or (
            root.dep_ == "conj" and root.head.dep_ in ("amod", "nmod")
        )
        if describing and entity.label_ == "NORP":
            return []  # "the Yemeni government", "Brazilian and Korean envoys": a description, not a party
        actor = actors.actor(entity, role)
        if actor is None:
            return []
        if _names_administration(entity):
            return [_administration(entity, actor)]
        if not is_country_name(actor.name) and (
            places.covers(entity.start_char)
            or (entity.label_ == "GPE" and token.dep_ == "compound")
            or _city_naming_the_event(entity, token)
        ):
            return []  # the venue ("talks in Doha", "the Annapolis conference"), not who met
        return [actor]
    if (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and (token.dep_ not in ("compound", "poss") or _holds_the_meeting(token))
        and token.lemma_.lower() not in PERSON_TITLES | ROLE_NOUNS  # "the President of Brazil, Lula"
        and not (token.tag_ == "NNPS" and token.lower_.rstrip("s") in OFFICIALS_NOUNS)  # "Korean Presidents"
    ):
        # an untagged name in an argument slot; a word the model tagged as a date or
        # number ("Sunday's signings") or a modifier ("their Autumn meetings") is no one
        titled = _person_after_title(token, actors)
        if titled is not None:
            actor = actors.actor(titled, role)
            return [actor] if actor is not None else []
        actor = actors.untagged_name(token, role)
        return [actor] if actor is not None else []
    # "the president of Brazil", "the leader of Hamas": one head, who stands for the country or body;
    # "the state of California", "the city of Detroit": the place as a body that sues or settles
    head_of_a_named = token.tag_ == "NN" and token.lemma_.lower() in STATE_HEAD_NOUNS | GOVERNED_PLACE_NOUNS
    if not head_of_a_named and any(
        c.dep_ == "prep"
        and c.lower_ in ("of", "from")
        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ for g in c.children)
        for c in token.children
    ):
        return []  # "the delegations of Cyprus and Greece": its members are named, no earlier group is meant
    if _office_holder(token):
        holder = discourse.described_person(token)
        if holder is not None:
            return [replace(holder, role=role)]  # "the US president", said of Trump before
    demonyms = _demonym_countries(token, role)
    if demonyms:
        return demonyms
    if head_of_a_named:
        # "the leader of Hamas": the body whose head met stands for it, as a country does
        labels = ("ORG", "GPE") if token.lemma_.lower() in GOVERNED_PLACE_NOUNS else ("ORG",)
        for owner in prep_objects(token, "of"):
            entity = actors.document.entity_at(owner)
            if entity is not None and entity.label_ in labels and (actor := actors.actor(entity, role)):
                if entity.label_ == "GPE" and not is_country_name(actor.name):
                    actor = replace(actor, kind="organization", country=None)  # the city's government
                return [actor]
    if token.tag_ == "NN" and token.i + 1 < len(token.doc):
        # "the auto company Chrysler filed ...": the name right after the noun is its name, even
        # when the parser hangs it elsewhere
        named = actors.document.entity_at(token.doc[token.i + 1])
        if named is not None and named.start == token.i + 1 and named.label_ in ("ORG", "PERSON"):
            actor = actors.actor(named, role)
            return [actor] if actor is not None else []
    return discourse.referents(token, role)


#: Plural nouns for a country's representatives: "Greek and Turkish envoys met" is Greece and Turkey.
OFFICIALS_NOUNS = ROLE_NOUNS | frozenset(
    {"negotiator", "delegation", "delegate", "representative", "counterpart", "authority"}
)


#: Singular nouns for who acts for a country: "met the Mexican president" met Mexico, "held talks
#: with his Russian counterpart" with Russia.
STATE_HEAD_NOUNS = frozenset(
    {"president", "premier", "minister", "chancellor", "king", "queen", "monarch", "emperor", "leader"}
) | frozenset({"government", "delegation", "envoy", "ambassador", "counterpart"})


#: Places named as the body that governs them: "the state of California", "the city of Detroit".
GOVERNED_PLACE_NOUNS = frozenset({"state", "city", "county", "province", "commonwealth", "municipality"})

#: Singular nouns for who rules or arms a country, no one person: "the Saudi leadership", "the Syrian
#: regime", "won a contract from the Norwegian navy".
STATE_BODY_NOUNS = frozenset({"leadership", "regime", "cabinet", "navy", "army", "military"})

#: Nouns for people or a body: a name modifying one of them says whose, and may be a party
#: (``_describes_a_thing``), unlike a name on a thing ("the Cadillac tax").
_PEOPLE_AND_BODY_NOUNS = (
    PEOPLE_GROUP_NOUNS
    | ENTOURAGE_NOUNS
    | BODY_OF_HEADS
    | PERSON_TITLES
    | ROLE_NOUNS
    | BODY_WORDS
    | _GATHERING_BODIES
    | OFFICIALS_NOUNS
    | STATE_HEAD_NOUNS
)


def _office_holder(token: Token) -> bool:
    """ "the US president", "Japan's prime minister": one person, the holder of a country's office."""
    return (
        token.tag_ == "NN"
        and token.lemma_.lower() in STATE_HEAD_NOUNS
        and any(c.dep_ in ("det", "poss") for c in token.children)
    )


def _demonym_countries(token: Token, role: Role) -> list[Actor]:
    """The countries whose demonyms describe a plural officials noun ("Greek and Turkish envoys"),
    or a singular noun for who acts for a country ("the Mexican president", "the Greek
    government"): unnamed, the one who met stands for the country, whose name the slot gets."""
    lemma = token.lemma_.lower()
    # "Greek and Turkish envoys", "the Chilean and Peruvian governments"
    plural = (token.tag_ == "NNS" and lemma in OFFICIALS_NOUNS | STATE_HEAD_NOUNS) or (
        token.tag_ == "NNPS" and token.lower_.rstrip("s") in OFFICIALS_NOUNS
    )
    if not plural and not (token.tag_ == "NN" and lemma in STATE_HEAD_NOUNS | STATE_BODY_NOUNS):
        return []
    doc = token.doc
    named_next = (
        token.i + 2 < len(doc) and doc[token.i + 1].text == "," and doc[token.i + 2].ent_type_ == "PERSON"
    )
    if named_next or any(c.dep_ == "appos" for c in token.children):
        return []  # "his Greek and French counterparts, Ann Lee and Bo Kim": the people named are the parties
    adjectives = [
        c
        for c in token.children
        if c.dep_ == "amod"
        or (c.dep_ == "nmod" and c.ent_type_ == "NORP")
        or (c.dep_ == "compound" and demonym_country(c.text) is not None)  # "Kazakh", tagged a body
    ]
    if not plural:  # "the US president", "Japan's prime minister": the country's name said of the office
        adjectives += [c for c in token.children if c.dep_ in ("compound", "poss") and c.ent_type_ == "GPE"]
        # "the president of Brazil", "the foreign minister of Peru"
        adjectives += [g for g in prep_objects(token, "of") if g.ent_type_ == "GPE"]
    adjectives.extend(g for a in list(adjectives) for g in a.children if g.dep_ == "conj")
    found: list[Actor] = []
    for adjective in adjectives:
        tagged = adjective.ent_type_ in ("NORP", "GPE")
        country = country_for(adjective.text) if tagged else demonym_country(adjective.text)
        if country is not None and all(a.name != country for a in found):
            found.append(Actor(name=country, role=role, kind="country", country=country))
    return found
