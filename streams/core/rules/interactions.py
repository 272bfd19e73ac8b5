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

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from streams.core.lexicon.modality import POSSIBILITY_MODALS, WOULD
from streams.core.lexicon.people import PERSON_TITLES, ROLE_NOUNS
from streams.core.lexicon.triggers import (
    ACQUISITION_NOUNS,
    AGREEMENT_COMPLETION,
    AGREEMENT_EXISTENCE_PREPS,
    AGREEMENT_NOUN_PHRASALS,
    AGREEMENT_NOUN_VERBS,
    AGREEMENT_NOUNS,
    AGREEMENT_VERBS,
    ASSEMBLY_WORDS,
    BILATERAL_DOCUMENTS,
    BODY_MEETING_NOUNS,
    CALL_FOLLOWERS,
    CALL_NOUNS,
    CALL_VERBS,
    CALLER_PRONOUNS,
    CONCLUDING_PARTICIPLES,
    CONTACT_VERBS,
    CONTEST_WON_VERBS,
    COUNTERPART_PREPS,
    COUNTLESS_WORDS,
    COURTSHIP_LEMMAS,
    DISCUSSION_NOUNS,
    DISPUTE_NOUNS,
    DO_VERB,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    HOSTED_OCCASIONS,
    INTENT_WORDS,
    JOINING_VERBS,
    JOINT_WORDS,
    JOURNALIST_NOUNS,
    MEAL_NOUNS,
    MEDIA_HOST,
    MEET_NOUN,
    MEETING_NOUNS,
    MEETING_PLACE_NOUNS,
    MEETING_VERBS,
    MEMBER_NOUNS,
    NOT_MET_OBJECTS,
    NOT_PHONED_DEPS,
    NOT_PHONED_PREPS,
    NOT_VISITED_OBJECTS,
    ORDER_NOUNS,
    ORDER_PREPS,
    ORDER_TAKING_VERBS,
    PARTNER_NOUNS,
    PARTNERSHIP_NOUNS,
    PARTNERSHIP_VERBS,
    PHONE_PARTICLES,
    PHONE_VERBS,
    PHONE_WORDS,
    PRIVATE_TRIPS,
    PROGRAMME_WORDS,
    PURCHASE,
    RECEPTION_VERBS,
    SALE_NOUNS,
    SETTLE_VERB,
    SIGNABLE_NOUNS,
    SIT_VERB,
    TRIGGER_WORDS,
    VISIT_LEMMAS,
    WEAK_MEETING_VERBS,
)
from streams.core.model import EventStatus
from streams.core.rules.acquisitions import is_acquisition
from streams.core.rules.agreement_shapes import (
    agreement_with_party,
    consents_to_speak,
    joint_pledge,
    opinion_agreement,
)
from streams.core.rules.document import entities_in
from streams.core.rules.event_context import event_status
from streams.core.rules.quoted_events import arranged_by_speaker, first_person_party, our_agreement
from streams.core.rules.syntax import clause_verb, concluding_participles, prep_objects
from streams.core.rules.visits import is_trip_visit
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
        return "phone" if _phone_call(self.token) or _phoned(self.token) else self.token.lemma_.lower()


def _names_agreement(token: Token) -> bool:
    """Whether the phrase of ``token`` names an agreement ("a series of agreements", "the Paris
    Agreement"). Not a clause inside it: "an order that pauses the settlement of claims" is an
    order, whatever it is about."""
    return any(
        (t.lower_ in SIGNABLE_NOUNS or t.lemma_.lower() in SIGNABLE_NOUNS)
        and (t.i == token.i or clause_verb(t.head, stop=token) is None)  # no verb between them
        for t in token.subtree
    )


def _agreement_noun_concluded(token: Token) -> bool:
    """An agreement noun whose sentence says the agreement exists or was concluded."""
    head = token.head
    if head.lemma_.lower() in AGREEMENT_NOUN_VERBS or (
        head.dep_ in ("prep", "agent") and head.head.lemma_.lower() in AGREEMENT_NOUN_VERBS
    ):
        return True
    if token.dep_ == "dobj" and _concludes_as_phrase(head, token):
        return True  # "worked out an accord with", "did the deal with DuPont"
    if head.dep_ == "prep" and head.lower_ == "for" and head.head.lemma_.lower() in CONTEST_WON_VERBS:
        return True  # "defeated Boeing for a contract to supply the Air Force": won it
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
    # "the agreements signed by ...", "the deal negotiated by ...": participle modifying the noun;
    # "the deals the team appeared to cut": a relative clause whose infinitive concludes it
    modifiers = [c for c in token.children if c.dep_ in ("acl", "relcl")]
    modifiers += [x for c in modifiers if c.dep_ == "relcl" for x in c.children if x.dep_ == "xcomp"]
    return any(c.lemma_.lower() in CONCLUDING_PARTICIPLES for c in modifiers)


def _concludes_as_phrase(verb: Token, noun: Token) -> bool:
    """A phrasal verb that concludes the agreement noun it governs ("worked out an accord"), or
    "do" with the counterpart beside it ("did a deal with Beta"; "do the deal" alone is talk)."""
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if any(lemma == v and p in particles for v, p in AGREEMENT_NOUN_PHRASALS):
        return True
    return lemma == DO_VERB and (_counterpart_prep(noun) or _counterpart_prep(verb))


def _describes_an_agreement(verb: Token) -> bool:
    """ "the deal negotiated by Obama", "Aeroflot has negotiated the purchase of 22 jets": the
    negotiation is told of the agreement, which is the event."""
    head = verb.head
    if verb.dep_ in ("acl", "relcl") and (
        head.lower_ in AGREEMENT_NOUNS or head.lemma_.lower() in AGREEMENT_NOUNS
    ):
        return True
    return any(c.dep_ == "dobj" and (_is_agreement(c) or is_acquisition(c)) for c in verb.children)


def _counterpart_prep(token: Token) -> bool:
    """A with/between phrase on ``token`` itself: "a dialogue with Iran", "settled with the SEC";
    not "with the exception of"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in COUNTERPART_PREPS
        and not any(g.dep_ == "pobj" and g.lemma_.lower() == "exception" for g in c.children)
        for c in token.children
    )


def _document_verb(noun: Token) -> Token | None:
    """The verb that concludes the document ``noun`` names, if any.

    Its object or passive subject ("signed a memorandum", "the declaration was approved"), the
    participle on it ("the roadmap adopted by both sides"), or "came up with a common plan"
    (the phrase "come up" and its particle, as DOCUMENT_VERBS spells it).
    """
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and _verb_phrase(head) in DOCUMENT_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "with" and _verb_phrase(head.head) in DOCUMENT_VERBS:
        return head.head
    return next(
        (c for c in noun.children if c.dep_ in ("acl", "relcl") and _verb_phrase(c) in DOCUMENT_VERBS),
        None,
    )


def _verb_phrase(verb: Token) -> str:
    """ "come up", "work out", or the lemma of a verb without a particle."""
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle}" if particle else lemma


def _is_document_agreement(token: Token) -> bool:
    """A document noun that a verb concludes, and that binds two sides.

    "approved a joint declaration", "signed a letter of intent", "initialled a memorandum of
    understanding", "came up with a common plan". A plan, declaration or statement one body
    adopts ("the council approved the plan") is no agreement: it needs a joint word or a
    with/between phrase; a memorandum, protocol, truce or a letter "of intent" binds two by nature.
    """
    word = token.lemma_.lower() if token.lemma_.lower() in DOCUMENT_NOUNS else token.lower_
    if token.pos_ not in ("NOUN", "PROPN") or word not in DOCUMENT_NOUNS:
        return False
    verb = _document_verb(token)
    if verb is None:
        return _jointly_authored(token)
    of_objects = {
        g.lemma_.lower()
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    }
    if word == "letter":
        return bool(of_objects & INTENT_WORDS)
    if of_objects & INTENT_WORDS:
        return True
    if word in BILATERAL_DOCUMENTS and not _unilateral(token):
        return True
    joint = any(c.dep_ == "amod" and c.lower_ in JOINT_WORDS for c in token.children)
    if joint or _counterpart_prep(token) or _counterpart_prep(verb):
        return True
    # "Lund and Ruiz reached an understanding": several who reach one are its sides
    return _verb_phrase(verb) in MUTUAL_DOCUMENT_VERBS and _several_sides(verb)


def _jointly_authored(document: Token) -> bool:
    """A joint text that several named sides put out together: "a joint declaration by Berg and
    Lind", "Chile and Peru issued a joint communique". They agreed on its words. One body
    issuing a declaration, or a joint one whose authors are not named, has agreed with no one."""
    if document.lower_ in _SAID_TOGETHER or not any(
        c.dep_ == "amod" and c.lower_ in JOINT_WORDS for c in document.children
    ):
        return False
    authors = prep_objects(document, "by")
    verb = document.head
    if document.dep_ == "dobj" and verb.lemma_.lower() in _PUBLISHING_VERBS:
        authors += [c for c in verb.children if c.dep_ == "nsubj"]
    return any(a.conjuncts and a.ent_type_ in _PARTY_LABELS for a in authors)


#: A joint statement is said together, as often to condemn a third as to bind each other.
_SAID_TOGETHER = frozenset({"statement", "statements"})
#: Verbs that put a text out: with a joint word and several named authors, what they agreed on.
_PUBLISHING_VERBS = frozenset({"issue", "release", "publish", "read"})

#: Verbs by which those who conclude a document are its sides: one reaches an understanding with
#: someone, while one approves or signs a plan alone.
MUTUAL_DOCUMENT_VERBS = frozenset({"reach", "strike", "hammer out", "work out", "conclude"})


def _signed_into_law(document: Token) -> bool:
    """ "the Free Trade Agreement, which Clinton signed into law", "signed the accord into law": the
    enactment at home of what was agreed, by one side, not the agreeing (``document`` is the noun or
    the signing verb)."""
    verbs = [document] if document.pos_ == "VERB" else [document.head]
    verbs += [c for c in document.children if c.dep_ == "relcl"]
    return any(
        verb.lemma_.lower() == "sign"
        and any(
            c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "law" for g in c.children)
            for c in verb.children
        )
        for verb in verbs
    )


def _unilateral(document: Token) -> bool:
    """ "The president signed a memorandum putting a rule on hold", "the presidential memorandum":
    a memorandum one office issues binds no second side (one "of understanding" does, above)."""
    if document.lemma_.lower() != "memorandum":
        return False
    of_intent = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in INTENT_WORDS for g in c.children)
        for c in document.children
    )
    if of_intent:
        return False  # "a memorandum of understanding" binds two by its name
    presidential = any(
        c.dep_ == "amod" and c.lower_ in ("presidential", "executive") for c in document.children
    )
    verb = document.head
    signers = [c for c in verb.children if c.dep_ == "nsubj"]
    several = any(
        c.dep_ == "conj" for s in signers for c in s.children
    )  # "Chile and Peru signed a memorandum"
    return presidential or not (several or _counterpart_prep(document) or _counterpart_prep(verb))


def _settles(token: Token) -> bool:
    """ "settled the lawsuit", "the dispute was settled", "Acme settled with the regulator"."""
    if token.pos_ != "VERB" or token.lemma_.lower() != SETTLE_VERB:
        return False
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DISPUTE_NOUNS for c in token.children):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" for g in c.children)
        for c in token.children
    )


def _is_agreement(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if _settles(token) or _is_document_agreement(token) or joint_pledge(token):
        return True
    if token.pos_ == "VERB" and lemma in AGREEMENT_VERBS:
        if _signed_into_law(token):
            return False  # "signed the accord into law", "which he signed into law": its enactment at home
        signer_clause = token.dep_ == "relcl" and any(
            c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in token.children
        )  # "Damon, who signed with the Yankees": the noun is who signed, not what was signed
        if token.dep_ in ("acl", "relcl", "amod") and not signer_clause:
            # "the peace plan it signed" is an agreement; "a golf bag signed by Abe" is a thing
            return token.head.lemma_.lower() in SIGNABLE_NOUNS or token.head.lower_ in SIGNABLE_NOUNS
        if lemma == "agree":
            return not (opinion_agreement(token) or consents_to_speak(token))
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        # "signed a series of agreements" counts, "signed a bill/golf bag" does not, and
        # "finalize" counts only with an agreement as its object ("proceedings are finalized" does not)
        if objects:
            if lemma in ("sign", "ink") and any(_a_person_signed(o) for o in objects):
                return True  # "the Yankees signed Mark Teixeira": a contract with the player
            return any(_names_agreement(o) and not _unilateral(o) for o in objects)
        if any(c.dep_ == "prt" and c.lower_ in ("up", "on") for c in token.children):
            # "signed up to help", "when Lund signed on in May": enrolling or joining, no agreement;
            # "signed on to the charter" joins it
            return any(
                c.dep_ == "prep" and c.lower_ == "to" and any(_names_agreement(g) for g in c.children)
                for c in token.children
            )
        return lemma in ("sign", "ink")
    if token.pos_ in ("NOUN", "PROPN") and (token.lower_ in AGREEMENT_NOUNS or lemma in AGREEMENT_NOUNS):
        if token.lower_ == PURCHASE or (token.i + 1 < len(token.doc) and token.nbor().lower_ == "order"):
            return True
        if _unilateral(token) or _signed_into_law(token):
            return False  # "the president signed a memorandum halting a rule"
        return _agreement_noun_concluded(token) or agreement_with_party(token)
    if agreement_with_party(token):  # "an understanding with Iran"
        return True
    if token.pos_ == "NOUN" and token.lower_ in PARTNERSHIP_NOUNS and token.dep_ == "dobj":
        # "announced a partnership with Calxeda": a verb that makes it, and a counterpart
        maker = token.head.lemma_.lower() in AGREEMENT_NOUN_VERBS | PARTNERSHIP_VERBS
        # ... or several that make it: "Acme and Beta formed a joint venture"
        return maker and (_counterpart_prep(token) or _several_sides(token.head))
    if token.pos_ == "NOUN" and token.lower_ in ORDER_NOUNS and _order_won_or_placed(token):
        return True
    if _joins_up_with(token):
        return True
    return token.lower_ == PURCHASE and token.i + 1 < len(token.doc) and token.nbor().lower_ == "order"


def _a_person_signed(obj: Token) -> bool:
    """A named side taken on by signing ("signed Mark Teixeira", "to sign pitchers Ann Berg and Jo
    Lee", "signed Nike to a ten-year deal"), not a thing signed ("signed Holt's papers", "signed
    the Paris Agreement", which ``_names_agreement`` reads)."""
    if obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG") and not _names_agreement(obj):
        return obj.lower_ not in SIGNABLE_NOUNS | DOCUMENT_NOUNS  # "the Sharon Statement was signed"
    return obj.tag_ == "NNS" and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in obj.children)


def _joins_up_with(verb: Token) -> bool:
    """ "teamed up with Vantor", "partnered with Baidu", "joined forces with the union", "Acme and
    Bolt teamed up": joining a named side to act together. A side not named ("teamed up with local
    groups") is too vague to publish."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in JOINING_VERBS or verb.tag_ in ("VBZ", "VBP"):
        return False  # "which also partners with Calvin Klein": a standing relation, no event
    children = list(verb.children)
    if lemma == "team" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
        return False
    if lemma == "join" and not any(c.dep_ == "dobj" and c.lower_ == "forces" for c in children):
        return False
    named = [
        g
        for p in children
        if p.dep_ == "prep" and p.lower_ == "with"
        for g in p.children
        if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in ("ORG", "GPE", "PERSON", "NORP"))
    ]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    together = any(any(c.dep_ == "conj" for c in s.children) for s in subjects)  # "Acme and Bolt teamed up"
    return bool(named) or together


def _order_won_or_placed(noun: Token) -> bool:
    """ "won an order for 90 jets from the Air Force", "placed an order with Airbus": an order that a
    verb of winning or placing takes, with a from- or with-phrase naming the other side ("received
    orders from customers" names no one)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in ORDER_TAKING_VERBS:
        return False
    # the parser often hangs the from-phrase on the goods: "an order for 90 jets from the Air Force"
    preps = [*noun.subtree, *(c for c in verb.children if c.dep_ == "prep")]
    return any(
        g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in ("ORG", "GPE", "PERSON"))
        for p in preps
        if p.dep_ == "prep" and p.lower_ in ORDER_PREPS
        for g in p.children
    )


def _phone_call(token: Token) -> bool:
    """ "spoke on the phone", "talked by telephone", "held a phone call": a call between parties."""
    if token.pos_ == "VERB" and token.lemma_.lower() in CALL_VERBS:
        return any(
            c.dep_ == "prep" and any(g.lower_ in PHONE_WORDS for g in c.children) for c in token.children
        )
    return token.lower_ in CALL_NOUNS and any(
        c.lower_ in PHONE_WORDS and c.dep_ in ("compound", "amod", "nmod") for c in token.children
    )


def _phoned(verb: Token) -> bool:
    """ "Ruiz called (phoned) Lund on Tuesday to discuss the vote", "he called her back": someone phoned a
    named person (or "him", "her"). Not "called him a liar", "called Lund weak", "called him to the
    stand", "called on Lund", "called it off", nor a name given ("a group called Lund Watch")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in PHONE_VERBS:
        return False
    children = list(verb.children)
    if not any(c.dep_ == "nsubj" and _may_phone(c) for c in children):
        return False  # "a research effort it calls Moonshot": a name given
    if any(c.dep_ in NOT_PHONED_DEPS for c in children):
        return False
    if any(c.dep_ == "prt" and c.lower_ not in PHONE_PARTICLES for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in NOT_PHONED_PREPS and not _on_a_day(c) for c in children):
        return False
    objects = [c for c in children if c.dep_ == "dobj"]
    if len(objects) != 1 or not (objects[0].ent_type_ == "PERSON" or objects[0].lower_ in ("him", "her")):
        return False
    return _call_ends_at(objects[0])


def _may_phone(caller: Token) -> bool:
    """A person's name or a pronoun for a person: not a body, a place or "it"."""
    if caller.lower_ in CALLER_PRONOUNS or caller.ent_type_ == "PERSON":
        return True
    return caller.pos_ == "PROPN" and caller.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC")


def _call_ends_at(callee: Token) -> bool:
    """Whether what follows the one called is what follows a call: the clause's end ("called
    Lund."), its time ("called Lund on Tuesday", "shortly after"), its purpose ("to congratulate
    him"), "back" or "and" another act. Anything else ("called Lund, a former ..., an outstanding
    leader", "called Lund an ''Aunt Tom''") may be what he was called, which the parser misses."""
    doc = callee.doc
    end = callee.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end >= len(doc):
        return True
    after = doc[end]
    if after.is_punct:
        return after.text in (".", ";") or (
            after.text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in ("and", "but")
        )
    if after.ent_type_ in ("DATE", "TIME"):
        return True
    if after.lower_ == "to":
        return end + 1 < len(doc) and doc[end + 1].tag_ == "VB"
    return after.lower_ in CALL_FOLLOWERS


def _on_a_day(prep: Token) -> bool:
    """ "on Tuesday", "on March 3": a time, not whom "called on" calls upon."""
    return prep.lower_ == "on" and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children
    )


def _talked_with_someone_about(verb: Token) -> bool:
    """ "spoke with his counterpart Han Min-koo to discuss the alliance", "has spoken to Tom Berg a
    few times about the special": talks with a named person held to discuss something, or, told in
    the past, about it ("as he talks to X about Boeing" retells an email). "spoke with reporters"
    or "talked with CNN" alone is no meeting, nor a talk with a named journalist ("spoke with
    POLITICO writer Ann Lee about ..."), which is an interview."""
    about = _about_something(verb) and verb.tag_ in ("VBD", "VBN")
    with_person = any(
        c.dep_ == "prep"
        and (c.lower_ == "with" or (c.lower_ == "to" and about))
        and any(
            g.dep_ == "pobj"
            and (g.lemma_.lower() == "counterpart" or _names_a_person(g, about))
            and not _a_journalist(g)
            for g in c.children
        )
        for c in verb.children
    )
    to_discuss = any(
        c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("discuss", "review") for c in verb.children
    )
    return with_person and (to_discuss or about)


def _names_a_person(obj: Token, about: bool) -> bool:
    """Whether the with- or to-object names a person: anywhere in its phrase for talks held to
    discuss something; for talks about something, the object itself ("with Breitbart News about
    Clinton" names a paper, and Clinton is the topic; "with Clinton's operation", a body)."""
    if about:
        return obj.ent_type_ == "PERSON"
    return any(t.ent_type_ == "PERSON" for t in obj.subtree)


def _about_something(verb: Token) -> bool:
    """An about-phrase on the verb, or on its with- or to-object as the parser may hang it."""
    holders = [verb, *(g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    return any(
        c.dep_ == "prep" and c.lower_ == "about" and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for h in holders
        for c in h.children
    )


def _with_a_programme_host(noun: Token) -> bool:
    """ "a discussion with the radio host Tom Berg": a show's conversation, an interview. Not any
    journalist: "a discussion with the paper's editor" may be a debate or a negotiation."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(_a_programme_host(t) for g in c.children for t in g.subtree)
        for c in noun.children
    )


def _a_programme_host(word: Token) -> bool:
    """ "the radio host", "a talk show host": a host named by a programme, not a summit's host."""
    return word.lemma_.lower() == MEDIA_HOST and any(c.lower_ in PROGRAMME_WORDS for c in word.lefts)


def _a_journalist(obj: Token) -> bool:
    """Whether a with-object names a journalist: "POLITICO writer Ann Lee", "the radio host Tom
    Berg", "CNN's Jake Tapper". Talks with one are an interview."""
    return any(
        t.lemma_.lower() in JOURNALIST_NOUNS or _a_programme_host(t) or _a_medias_own(t) for t in obj.subtree
    )


def _a_medias_own(token: Token) -> bool:
    """ "CNN's Jake Tapper": a body's possessive in a name, mostly a broadcaster's or a paper's."""
    return token.dep_ == "poss" and token.ent_type_ == "ORG"


def _companies_talking(verb: Token) -> bool:
    """ "AMD and SeaMicro started talking", "the two carriers' owners, Acme and Widgetco, have been
    talking": two or more organisations as the subject of "talk" are in talks. Not people ("Lund and
    Holt talked", mostly a chat or an interview), nor one organisation ("Acme talked with CNN")."""
    clause = verb
    while clause.dep_ == "xcomp" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head  # "started talking", "began to talk": the subject is the head's
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or clause.tag_ in ("VBP", "VBZ"):
        return False  # and not the present of a habit: "Acme and Widgetco talk a lot about safety"
    sides = [subjects[0], *subjects[0].conjuncts]
    return len(sides) >= 2 and all(side.ent_type_ == "ORG" for side in sides)


def _meets_a_target(verb: Token) -> bool:
    """ "meet its financial targets", "met the deadline": meet as in satisfy, not a meeting; also
    passive ("the deadline was met", "a threshold met only by two candidates")."""
    if (
        verb.lemma_.lower() == "meet"
        and verb.dep_ in ("acl", "relcl")
        and verb.head.lemma_.lower() in NOT_MET_OBJECTS
    ):
        return True
    return (
        verb.lemma_.lower() == "meet"
        and any(
            c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lemma_.lower() in NOT_MET_OBJECTS
            for c in verb.children
        )
    ) or any(
        c.dep_ == "conj" and c.lemma_.lower() in ("surpass", "exceed", "beat", "miss") for c in verb.children
    )


def _countless(noun: Token) -> bool:
    """ "countless singers", "dozens of donors", "the hundreds of meetings she had": met or hosted
    over time, not at one meeting."""
    if any(c.lower_ in COUNTLESS_WORDS and c.dep_ in ("amod", "nummod", "quantmod") for c in noun.children):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in COUNTLESS_WORDS:
        return True  # "meetings" of "the hundreds of meetings"
    return noun.lower_ in COUNTLESS_WORDS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children
    )


#: What is hosted without being a meeting unless a guest is named beside it: occasions, meals, games.
_HOSTED_ALONE = HOSTED_OCCASIONS | MEAL_NOUNS | {"meal", "meals", "games", "olympics", "cup", "fair", "expo"}


def _on_holiday(verb: Token) -> bool:
    """ "a tourist visiting Nice on vacation": a private trip, whoever lives there."""
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() in PRIVATE_TRIPS for g in c.children)
        for c in verb.children
    )


def _no_one_met(verb: Token) -> bool:
    """ "to visit her daughter", "visited the grave of X": kin or the dead; "hosted a watch party":
    an occasion with no guest named beside it ("hosted a dinner for the emir" names one)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    lemma = verb.lemma_.lower()
    if lemma == "visit" and any(o.lemma_.lower() in NOT_VISITED_OBJECTS for o in objects):
        return True
    if lemma == "visit" and _on_holiday(verb):
        return True
    if any(_countless(o) for o in objects):
        return True  # "has hosted countless singer-songwriters", "met dozens of donors"
    if lemma == "meet" and (
        any(
            c.dep_ == "conj"
            and COURTSHIP_LEMMAS & {c.lemma_.lower(), *(g.lemma_.lower() for g in c.children)}
            for c in verb.children
        )  # "met Berg and married him", "met Berg and got married"
        or any(o.lemma_.lower() in PARTNER_NOUNS for o in objects)
    ):
        return True  # "before she met Berg and got married", "met his wife in college": got to know
    if lemma == "meet" and _met_with_a_reaction(verb):
        return True
    if lemma != "host":
        return False
    if verb.i >= 2 and verb.doc[verb.i - 1].text == "-" and verb.doc[verb.i - 2].lower_ == "co":
        return True  # "co-hosts a podcast": hosts a show or an occasion with someone, meets no one
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)  # "a town hall hosted by Fox News": the occasion it describes
    # what the for- and with-phrases of the hosting and of what is hosted hold
    held = [
        (c.lower_, g) for o in (verb, *objects) for c in o.children if c.dep_ == "prep" for g in c.children
    ]
    guests = any(prep in ("for", "with") and g.pos_ in ("PROPN", "NOUN") for prep, g in held)
    if not objects and not guests and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return True  # "Barkley hosted and Clarkson performed": a show, with no one hosted named
    # "hosts the Vikings for a football game": the guests came for a contest, not a meeting
    for_a_contest = any(prep == "for" and g.lemma_.lower() in HOSTED_OCCASIONS for prep, g in held)
    # "hosted a Ramadan Iftar meal", "hosted the Gay Games": an occasion, with no guest named
    return for_a_contest or (
        not guests and any(o.lower_ in _HOSTED_ALONE or o.lemma_.lower() in _HOSTED_ALONE for o in objects)
    )


#: What a plan or a person "met with" when it is a reaction, not a meeting.
_REACTION_NOUNS = frozenset(
    {
        "opposition",
        "resistance",
        "skepticism",
        "scepticism",
        "criticism",
        "approval",
        "disapproval",
        "applause",
        "protest",
        "protests",
        "outrage",
        "anger",
        "silence",
        "derision",
        "ridicule",
        "hostility",
        "suspicion",
        "enthusiasm",
        "praise",
        "condemnation",
        "backlash",
        "indifference",
        "success",
        "reaction",
        "response",
        "reviews",
        "cheers",
        "boos",
    }
)


def _met_with_a_reaction(verb: Token) -> bool:
    """ "the plan was met with opposition", "has been met with skepticism by Bolt", "the proposal
    met with fierce resistance": how something was received. The passive with "with" is always so."""
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    if not withs:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return any(g.dep_ == "pobj" and g.lemma_.lower() in _REACTION_NOUNS for w in withs for g in w.children)


#: Verbs whose object a discussion or meal is when two sides hold it ("held discussions").
#: Not "open", "begin" or "start": "invited them to open dialogue" is mostly a call, not a meeting.
_HOLD_VERBS = frozenset({"hold", "have", "host", "resume", "conduct", "join"})


#: Discussion nouns that are talks only when someone had or held them ("a conversation she had with
#: X"); in a phrase of their own they are mostly an interview ("in a conversation with CNN's X").
_HELD_ONLY_NOUNS = frozenset({"conversation", "conversations", "chat"})


def _owned_outside_a_frame(noun: Token) -> bool:
    """ "his conversation with the Times", "Trump's chat with Ryan": one its owner had. Not the
    frame of an interview ("In his conversation with CNN's X, he said"), which is how it was told."""
    framed = (
        noun.dep_ == "pobj"
        and noun.head.lower_ in ("in", "during")
        and noun.head.head.pos_ in ("VERB", "AUX")
    )
    return not framed and any(c.dep_ == "poss" for c in noun.children)


def _in_meeting_shape(noun: Token) -> bool:
    """A discussion or meal noun with a counterpart: a with/between phrase in the noun's own
    phrase ("discussions on the budget between A and B", "dinner with Scholz"), or on the verb
    whose subject or object it (or the noun it qualifies: "a discussion table will be set up
    between ...") is; or the object of a verb of holding ("A and B held discussions")."""
    phrase = noun.head if noun.dep_ == "compound" else noun
    if noun.lower_ in _HELD_ONLY_NOUNS:
        # "had a conversation with X" is talks; "In a conversation with CNN's X, he said" an interview
        held = phrase.dep_ == "dobj" and phrase.head.lemma_.lower() in _HOLD_VERBS
        had = any(c.dep_ == "relcl" and c.lemma_.lower() in _HOLD_VERBS for c in phrase.children)
        if not (held or had or _owned_outside_a_frame(phrase)):
            return False
    for t in phrase.subtree:
        if t.dep_ == "prep" and t.lower_ in COUNTERPART_PREPS:
            path = [a for a in t.ancestors if phrase.is_ancestor(a) or a == phrase]
            if not any(a.pos_ in ("VERB", "AUX") for a in path if a != phrase):
                return True
    if any(
        c.dep_ == "relcl" and c.lemma_.lower() in _HOLD_VERBS and _counterpart_prep(c)
        for c in phrase.children
    ):
        return True  # "a June conversation she had with Trump", "the encounter he had with X"
    verb = phrase.head
    if phrase.dep_ == "pobj" and verb.dep_ == "prep":  # "sat down with Xi over lunch"
        verb = verb.head
    if phrase.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    return _counterpart_prep(verb) or (phrase.dep_ == "dobj" and verb.lemma_.lower() in _HOLD_VERBS)


def _in_title(noun: Token) -> bool:
    """A meeting noun that only names a person's brief: "the envoy for Ukraine negotiations",
    "her adviser for the summit"."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.pos_ in ("NOUN", "PROPN")
        and prep.head.lower_ in PERSON_TITLES | ROLE_NOUNS
    )


def _with_person(noun: Token) -> bool:
    """A with-phrase on ``noun`` naming a person ("the tunnel with Premier Varga"); "the deal
    with Iran" is the topic's own counterpart, not whom it was discussed with."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.ent_type_ == "PERSON" for g in c.children)
        for c in noun.children
    )


def _gathers_things(verb: Token) -> bool:
    """gather/assemble said of things collected ("gathered evidence", "the data gathered by the
    agencies", "a team assembled by X"): people who gather do it themselves, with no object and
    in the active voice."""
    if verb.lemma_.lower() not in ("gather", "assemble"):
        return False
    passive = verb.dep_ == "acl" and verb.tag_ == "VBN"
    return passive or any(c.dep_ in ("dobj", "agent", "auxpass") for c in verb.children)


def _several_sides(verb: Token) -> bool:
    """discuss/gather/assemble as a meeting: with a counterpart ("discussed trade with Macron"),
    or done by several ("Merkel and Macron discussed", "the ministers gathered", "the plan was
    discussed by A and B"). One person discussing a topic ("Smith then discussed the wall") is
    writing or speaking about it, not meeting anyone."""
    if _counterpart_prep(verb) or any(
        c.dep_ == "dobj" and _with_person(c) for c in verb.children
    ):  # the parser often hangs "with Varga" on the topic: "discussed the tunnel with Varga"
        return True
    doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subject_deps: tuple[str, ...] = ("nsubj",)  # "topics were discussed": the topic, not who
    for _ in range(3):  # "the envoys were due to discuss": the subject of what it completes
        doers += [c for c in verb.children if c.dep_ in subject_deps]
        if doers or verb.dep_ != "xcomp":
            break
        verb, subject_deps = verb.head, ("nsubj", "nsubjpass")
    return any(d.conjuncts or d.tag_ in ("NNS", "NNPS") or d.lower_ in ("they", "we") for d in doers)


#: The words that make sitting a meeting: "sat down with X", "sat face to face with X".
_SAT_WITH = frozenset({"down", "face"})
#: Words before a meeting noun that make it one side speaking to many: "a press conference",
#: "a news conference", "pep talks".
_NOT_TALKS_OF_TWO = frozenset({"press", "news", "pep", "motivational"})
#: What one sits down for in front of an audience, not across from a counterpart.
_MEDIA_SITTINGS = frozenset({"interview", "podcast", "show", "broadcast", "documentary", "photo", "portrait"})


def _sat_for_the_media(verb: Token) -> bool:
    """ "Holt and Berg sat down for the Herald's podcast": an interview of the two, not their meeting.
    A show's title is one too ("sat down for “Inside Line”"). The words of the phrase are read in
    order, not through its parse: the parser often splits "the Herald's “Inside Line” podcast",
    taking the owner or the title for the object and hanging the noun elsewhere."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and _a_media_sitting(c) for c in verb.children)


#: The most words a for-phrase's noun comes after "for" ("for the Herald's “Inside Line” podcast").
_SITTING_REACH = 8


def _a_media_sitting(prep: Token) -> bool:
    for word in prep.doc[prep.i + 1 : prep.i + 1 + _SITTING_REACH]:
        if word.pos_ in ("VERB", "AUX", "SCONJ", "ADP") or word.text in (",", ";", ".", "--"):
            return False  # the phrase has ended
        if word.lemma_.lower() in _MEDIA_SITTINGS or word.ent_type_ == "WORK_OF_ART":
            return True
    return False


#: Words of a meeting noun that say whose meeting it is: its owner, its holders or its sides.
_OWN_PARTY_PREPS = frozenset({"of", "with", "between", "among"})


def _only_the_occasion(noun: Token) -> bool:
    """A meeting noun told only as where or when something was done to someone ("offered X a
    contract at the Winter Meetings", "made an offer to X during winter meetings"), naming no one
    of its own: it is a gathering others attended, not a meeting of the doer and the one done to.
    A meeting verb above it ("met X at the summit") tells that meeting."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "during"):
        return False
    verb = noun.head.head
    for _ in range(3):  # "offered X a contract at the Winter Meetings": the parser hangs it on the thing
        if verb.pos_ not in ("NOUN", "PROPN") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or _may_trigger(verb):
        return False
    if not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    return not any(
        c.dep_ == "poss"
        or (c.dep_ in ("compound", "nmod", "amod") and c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"))
        or (c.dep_ == "prep" and c.lower_ in _OWN_PARTY_PREPS)
        for c in noun.children
    )


def _receives_a_visitor(verb: Token) -> bool:
    """ "President Ruiz received Prime Minister Lund at the palace", "welcomed Lund to Lima": a named
    person received by a person or a country is a visit's meeting. Not what one receives ("received
    a letter", "welcomed the decision"), nor a body's welcome ("the club welcomed Berg back")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    hosts = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not objects or any(o.ent_type_ != "PERSON" for o in objects):
        return False  # "received a distress call from ... the MV Gibe", however the parser hangs the name
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS | WOULD for c in verb.children):
        return False  # "said he would welcome Cruz": a stance, no visit
    return all(h.ent_type_ in ("PERSON", "GPE", "NORP") or h.pos_ == "PRON" for h in hosts)


def _is_meeting(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and (lemma in CONTACT_VERBS or token.lower_ in CONTACT_VERBS):
        return _counterpart_prep(token)
    if token.pos_ == "NOUN" and (token.lower_ in DISCUSSION_NOUNS or token.lower_ in MEAL_NOUNS):
        if token.lower_ in DISCUSSION_NOUNS and _with_a_programme_host(token):
            return False  # "backed it in a discussion with the talk show host Tom Berg": an interview
        if _phone_call(token):
            return True  # "in a telephone conversation with Sarkozy"
        return _in_meeting_shape(token) and (
            token.lower_ in DISCUSSION_NOUNS or any(a.lower_ == "with" for a in token.head.subtree)
        )
    if token.pos_ == "VERB" and lemma in WEAK_MEETING_VERBS:
        return not _gathers_things(token) and _several_sides(token)
    if token.pos_ == "VERB" and lemma in RECEPTION_VERBS:
        return _receives_a_visitor(token)
    if token.pos_ == "VERB" and lemma in MEETING_VERBS:
        return not (_meets_a_target(token) or _describes_an_agreement(token) or _no_one_met(token))
    if token.lower_ == MEET_NOUN and token.pos_ == "NOUN":  # "agreed to a future meet on Crete"
        return True
    if token.pos_ == "VERB" and lemma == SIT_VERB and any(c.lower_ in _SAT_WITH for c in token.children):
        return not _sat_for_the_media(token)  # "sat down with X", "sat face to face with X"
    if token.pos_ == "VERB" and lemma in CALL_VERBS and _talked_with_someone_about(token):
        return True  # "spoke with his counterpart X to discuss": talks, by whatever means
    if token.pos_ == "VERB" and lemma == "talk" and _companies_talking(token):
        return True  # "AMD and SeaMicro started talking last year": negotiations
    if _phone_call(token) or is_trip_visit(token) or _phoned(token):  # "a trip to Vietnam": a visit
        return True
    if token.pos_ in ("NOUN", "PROPN") and (token.lower_ in MEETING_NOUNS):
        if _countless(token):
            return False  # "the hundreds of meetings Clinton had": a career, not a meeting
        if token.dep_ == "compound" and token.head.lemma_.lower() in MEETING_PLACE_NOUNS:
            return False  # "a meeting place", "the summit venue": a place, not a meeting
        if _in_title(token):
            return False  # "the special envoy for Ukraine negotiations": a title, not an event
        if any(c.lower_ in _NOT_TALKS_OF_TWO for c in token.children):
            return False  # a press conference, a pep talk: no one met
        if _only_the_occasion(token):
            return False  # "offered X a contract at the Winter Meetings": a convention, not their meeting
        if any(c.lower_ in ("hall", "townhall") and c.dep_ == "compound" for c in token.children) and not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in token.children
        ):
            # "a MSNBC town hall meeting": a forum with the public, whoever hosts it or appears at it;
            # not "a town hall meeting with young leaders"
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
    ("agreement", lambda token: _is_agreement(token) or is_acquisition(token)),
    ("meeting", _is_meeting),
)


#: Dependencies that open a clause of its own when the verb has its own subject: "A met B and
#: C met D" (conj), "after C met D" (advcl). Without a subject the clause goes on with its
#: head's parties ("met Xi and discussed trade", "met to discuss trade").
_CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "parataxis", "csubj", "pcomp"})

#: Modals that make a quoted event a wish or a possibility ("we should meet them").
_QUOTE_MODALS = frozenset({"should", "could", "might", "must", "may", "can", "would", "'d", "’d"})

#: Auxiliaries that state a quoted event's tense: done ("have signed", "were signed") or scheduled.
_QUOTE_TENSE_AUX = frozenset(
    {"was", "were", "has", "have", "had", "'ve", "will", "'ll", "shall", "is", "are", "am", "'s", "'re"}
    | {"’ve", "’ll", "’s", "’re"}  # as news text often writes them
)

#: Prepositions that make a meeting noun the occasion of another meeting of the sentence ("were
#: present at the conference", "met on the sidelines of the summit"): one event with it.
_OCCASION_PREPS = frozenset({"at", "during", "on", "of", "after", "before", "following", "amid", "ahead"})

#: Entity labels that name a party.
_PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def told_with_own_verb(noun: Token) -> bool:
    """An agreement noun with its own concluding participle: "the deal struck in July", "the pacts
    signed by them". It is an event of its own, whatever else its clause tells."""
    return noun.pos_ == "NOUN" and bool(concluding_participles(noun))


#: Prepositions by which an agreement noun tells how another trigger's deal is made: "will buy
#: Beta in a deal announced Monday", "sold it under an agreement signed in May".
_MANNER_PREPS = frozenset({"in", "under", "through", "via"})


def _the_way_it_is_done(noun: Token, triggers: set[int]) -> bool:
    """An agreement noun in a phrase of manner on another trigger ("intends to acquire Beta in a
    deal announced on Monday"), what was agreed to ("agreed to a truce brokered by Egypt"), or
    talks a meeting is for ("met in Cairo for talks brokered by Egypt"): the same event, whatever
    participle it has."""
    if noun.dep_ != "pobj" or noun.head.head.i not in triggers:
        return False
    prep, verb = noun.head.lower_, noun.head.head
    if prep in _MANNER_PREPS or (prep in ("to", "on") and verb.lemma_.lower() == "agree"):
        return True  # "agreed to a ceasefire brokered by Egypt": what they agreed to is the deal
    return prep == "for" and is_meeting_noun(noun)


def is_meeting_noun(token: Token) -> bool:
    """Whether a word is a meeting noun as written or by lemma ("talks", "summit", "meetings")."""
    return token.lower_ in MEETING_NOUNS or token.lemma_.lower() in MEETING_NOUNS


def _event_head(token: Token, triggers: set[int]) -> Token:
    """The head of the clause that tells ``token``'s event: one event per clause.

    Triggers with the same event head are one event: a verb and its object noun ("signed an
    agreement", "held talks", "reached a deal"), a meeting and the occasion it was held at
    ("met Xi at the summit"), "agreed to sign a deal". A conjoined or adverbial clause with its
    own subject is another event ("A met B on Monday and C met D on Tuesday"), and so is a
    relative clause, unless it describes the trigger itself ("the summit, where they met").
    """
    # "the two pacts signed by them ... the deal struck in July": each told with its own verb
    noun = token.head if token.dep_ == "acl" else token
    if told_with_own_verb(noun) and not _the_way_it_is_done(noun, triggers):
        return noun
    verb = token.head if token.dep_ == "dobj" else token
    if (
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and any(
            c.dep_ == "dobj"
            and (c.lower_ in AGREEMENT_NOUNS or c.lemma_.lower() in AGREEMENT_NOUNS)
            and (_counterpart_prep(c) or _counterpart_prep(verb))  # its own side: "a pact with Japan"
            for c in verb.children
        )
    ):
        return verb  # "secured a deal with Iran, sealed a trade pact and ...": each object its own agreement
    if meets_someone_else(verb):
        return verb  # "met Dahl on Monday and will meet Holm on Friday": two meetings
    t = token
    while t.head.i != t.i:
        if t.dep_ == "relcl":
            if t.head.i not in triggers:
                return t
        elif (
            t.dep_ in _CLAUSE_DEPS
            and t.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
        ):
            return t
        t = t.head
    return t


def _named_counterparts(verb: Token) -> list[Token]:
    """The named people and bodies a verb meets or deals with: its object, or its with-phrase
    ("met Dahl", "held talks with Holm")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    slots = objects + [g for word in (verb, *objects) for g in prep_objects(word, *COUNTERPART_PREPS)]
    return [s for s in slots if s.ent_type_ in _PARTY_LABELS]


def _kinds_told(verb: Token) -> set[InteractionType]:
    """The event types a verb tells, by itself or by its object ("met", "held talks")."""
    words = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return {kind for kind, test in _TESTS for word in words if _may_trigger(word) and test(word)}


def deals_with_its_own(verb: Token) -> bool:
    """A verb conjoined to another verb that names its own counterpart: "met Dahl and held talks with
    Holm", "met Erdogan and signed a deal with Turkey". Not "met Dahl and discussed trade with him"
    (a pronoun is the side met before), nor "met Erdogan and signed a deal" (with him)."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ != "VERB":
        return False
    return bool(_named_counterparts(verb))


def meets_someone_else(verb: Token) -> bool:
    """A trigger verb with its own named counterpart, conjoined to another trigger verb of the same
    type: "met Dahl on Monday and will meet Holm on Friday", "met Dahl and held talks with Holm"
    are two events; "met Erdogan and signed a deal with Turkey" are told apart by type."""
    # "met reporters and then held talks with Holm": the talks, whatever the first verb met
    return deals_with_its_own(verb) and bool(_kinds_told(verb) & _kinds_told(verb.head))


#: Verbs of an event's beginning or going on, which carry the tense of the event they take:
#: "will continue to meet", "began to negotiate".
_ASPECT_VERBS = frozenset({"continue", "begin", "start", "resume", "keep"})


def _quoted_fact(token: Token, status: EventStatus, quote: tuple[int, int], kind: InteractionType) -> bool:
    """Whether a trigger inside quoted words states an event the article reports.

    "Our agreements with Japan and Korea were signed last year", "we met the Chinese and the
    Indian delegations on Monday": a done or scheduled event, no modal ("we could meet them"),
    no question, and two parties named inside the quote around the trigger's own clause, or one
    and the speaker himself ("we met with Mr. Doe").
    """
    if status not in ("past", "planned") or token.sent.text.rstrip().rstrip("\"'”’ ").endswith("?"):
        return False
    if token.lemma_.lower() in WEAK_MEETING_VERBS:
        return False  # "issues should be discussed at the G-7": a topic, not a reported meeting
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.dep_ == "nsubjpass" and token.dep_ == "compound":
        verb = verb.head  # "a discussion table will be set up": the verb of the noun it names
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ASPECT_VERBS:
        verb = verb.head  # "will continue to meet": the tense is the aspect verb's
    auxes = {c.lower_ for t in (token, verb) for c in t.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _QUOTE_MODALS:
        return False
    # a stated tense: "we met", "were signed", "have signed", "will meet"; not "be discussed";
    # or a named party's own event noun, told as a fact whatever the tense ("Dole's visit to Peru reminds me")
    owned = token.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.ent_type_ in _PARTY_LABELS for c in token.children
    )
    if verb.tag_ != "VBD" and not auxes & _QUOTE_TENSE_AUX and not owned:
        return False
    clause = _event_head(token, set())
    start, end = quote
    named = {
        ent.root.i
        for ent in entities_in(token.sent)
        if ent.label_ in _PARTY_LABELS
        and start <= ent.start_char
        and ent.end_char <= end
        and (clause.is_ancestor(ent.root) or clause == ent.root)
    }
    # "We met with Mr. Doe," Smith said: the speaker is the other party (rules/quoted_events.py);
    # "talks will be held with the unions," the minister said: the speaker's side and the unions
    if kind == "meeting" and arranged_by_speaker(token) and _in_meeting_shape(token):
        return True
    if kind == "meeting" and first_person_party(token) and _met_a_group(token):
        return True  # "I talked it over with some of the bond agencies," she said
    # "We signed an agreement with Japan," Ek said: the speaker's side is the other party
    speakers_side = first_person_party(token) if kind == "meeting" else our_agreement(token)
    return len(named) + speakers_side >= 2


#: Words that pick part of a group: "some of the agencies", "several of the donors".
QUANTIFIERS = frozenset({"some", "many", "several", "most", "all", "few", "dozens", "hundreds"})


def group_of(token: Token) -> Token:
    """The plural noun a quantifier picks from ("some of the bond agencies" -> agencies), else the token."""
    if token.lower_ in QUANTIFIERS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for noun in prep.children:
                    if noun.dep_ == "pobj" and noun.tag_ == "NNS":
                        return noun
    return token


def _met_a_group(token: Token) -> bool:
    """A with-phrase or object of the meeting verb that is a plural group ("met with the lenders")."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    slots = [c for c in verb.children if c.dep_ == "dobj"]
    slots += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return any(group_of(s).tag_ == "NNS" for s in slots)


def _weak_aside(trigger: Trigger) -> bool:
    """discuss/gather in a subordinate clause ("met in March, when they discussed water")."""
    token = trigger.token
    return token.lemma_.lower() in WEAK_MEETING_VERBS and token.dep_ not in ("ROOT", "conj")


def _since(trigger: Trigger) -> bool:
    """ "since his last visit in 2009": a time the sentence counts from, not an event it reports."""
    token = trigger.token
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ == "since"


def _meeting_of_its_own(trigger: Trigger) -> bool:
    """A meeting noun that times another event and names its own counterpart: "After her talks
    with Berg, Lund met the mayor", "made the visit after a meeting with the families"; or one a
    trip held: "Berg's visit to Rome included a meeting with Lund"."""
    token = trigger.token
    if trigger.type != "meeting" or token.pos_ != "NOUN" or not _counterpart_prep(token):
        return False
    if token.dep_ == "pobj" and token.head.lower_ in _TIME_FRAME_PREPS:
        return True
    # "Berg's visit to Rome included a meeting with Lund": the meeting the visit held
    return token.dep_ == "dobj" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in VISIT_LEMMAS for c in token.head.children
    )


#: Prepositions that time an event by another: "after a meeting with X", "following talks with Y".
_TIME_FRAME_PREPS = frozenset({"after", "before", "following", "ahead"})


def _occasion(trigger: Trigger) -> bool:
    """A meeting noun that only says where or when: "at the conference", "after the summit"."""
    token = trigger.token
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ in _OCCASION_PREPS


#: The trigger words as spaCy string ids: a token's ``lower`` and ``lemma`` are ids, so the test
#: that passes over most of a sentence compares integers instead of building strings.
_TRIGGER_IDS = frozenset(get_string_id(word) for word in TRIGGER_WORDS)
#: Whether a lemma that is no trigger word as written is one lower-cased ("Meet"), by lemma id.
_CASED_LEMMA_TRIGGERS: dict[int, bool] = {}
_CASED_LEMMAS_KEPT = 100_000  # a long-running worker meets new lemmas forever: start again then


def _may_trigger(token: Token) -> bool:
    """Whether ``token``'s text or lemma, lower-cased, is one of TRIGGER_WORDS."""
    if token.lower in _TRIGGER_IDS or token.lemma in _TRIGGER_IDS:
        return True
    known = _CASED_LEMMA_TRIGGERS.get(token.lemma)
    if known is None:
        if len(_CASED_LEMMA_TRIGGERS) >= _CASED_LEMMAS_KEPT:
            _CASED_LEMMA_TRIGGERS.clear()
        known = _CASED_LEMMA_TRIGGERS[token.lemma] = token.lemma_.lower() in TRIGGER_WORDS
    return known


def find_triggers(sent: Span, inside_quote: CharSpans) -> list[Trigger]:
    """Every meeting and agreement that is an event of its own in ``sent``.

    Triggers of one type in one clause are one event, reported at the first of them; a
    trigger inside quoted words counts only when the quote states the event as done or
    scheduled with two named parties (``_quoted_fact``).
    """
    found: list[Trigger] = []
    for token in sent:
        if not _may_trigger(token):
            continue
        quote = inside_quote.covering(token.idx)
        for kind, test in _TESTS:
            if not test(token):
                continue
            status = event_status(token, kind)
            if status is None or (quote is not None and not _quoted_fact(token, status, quote, kind)):
                continue
            trigger = Trigger(kind, token, status)
            if not _since(trigger):
                found.append(trigger)
    if len(found) < 2:
        return found
    by_type = {kind: {t.token.i for t in found if t.type == kind} for kind, _ in _TESTS}
    events: dict[tuple[str, int], Trigger] = {}
    # "met in March, when they discussed water": the occasion and discuss/gather (a meeting only
    # with two named sides) tell about the sentence's other meeting, not of one of their own
    occasions = [t for t in found if _occasion(t) or _weak_aside(t)]
    for trigger in found:
        if _meeting_of_its_own(trigger):
            # "After her talks with Berg, Lund met the mayor": two meetings
            events.setdefault((trigger.type, trigger.token.i), trigger)
            continue
        if trigger.type == "meeting" and trigger in occasions and len(occasions) < len(by_type["meeting"]):
            continue  # the occasion of a meeting the sentence reports another way
        key = (trigger.type, _event_head(trigger.token, by_type[trigger.type]).i)
        events.setdefault(key, trigger)
    return sorted(events.values(), key=lambda t: (t.token.i, t.type))


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
        if trigger.type == "meeting" and token.lemma_ in BODY_MEETING_NOUNS:
            # "a Security Council meeting was held", "the G7 summit": the body named in the
            # compound holds it (an agreement's compound is its topic or the other side: "the
            # Iran deal" is not Iran's alone; "a White House meeting" is held at a seat)
            words.extend(c for c in token.children if c.dep_ == "compound" and is_assembly(c))
        if token.lower_ not in ACQUISITION_NOUNS | SALE_NOUNS:  # "the acquisition of ATI": ATI is bought
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
        words.extend(w for s in subjects for w in _member_bodies(s))
        if words or verb.dep_ != "xcomp":
            break
        verb = verb.head
        if any(c.dep_ == "dobj" for c in verb.children):
            break  # "requires members to sign": the members sign, not the one requiring
    return words


def is_assembly(word: Token) -> bool:
    """Whether ``word`` heads the name of a body that meets as a whole: "Council" in "Security
    Council", "NATO", "G7" (an abbreviation), not "House" in "White House"."""
    text = word.text
    capitals = len(text) > 1 and text[0].isupper() and text.isalnum()
    abbreviation = capitals and (text.isupper() or any(ch.isdigit() for ch in text))
    return word.lower_ in ASSEMBLY_WORDS or abbreviation


def _member_bodies(subject: Token) -> list[Token]:
    """The body whose members the subject is: "Leaders of the AU member states met", "ASEAN
    member countries met": all its members meet, so the body holds the meeting."""
    bodies = [
        w
        for members in subject.subtree
        if members.lemma_.lower() in MEMBER_NOUNS
        and any(c.dep_ == "compound" and c.lower_ == "member" for c in members.children)
        for w in members.subtree
        if w.pos_ == "PROPN" and w.i < members.i
    ]
    lemma = subject.lemma_.lower()
    if lemma in MEMBER_NOUNS:
        # "the G7 nations had met", "the Eurogroup countries agreed": a group of countries named
        # by its body's name
        bodies += [
            c
            for c in subject.children
            if c.dep_ == "compound" and (is_assembly(c) or c.ent_type_ in _GROUP_LABELS)
        ]
    if lemma in MEMBER_NOUNS or lemma in _MEMBERS_OF:
        # "the nine states of the Baltic League agreed", "the ministers of the Eurogroup met", "the
        # countries from the Eurogroup had agreed"
        bodies += [
            g
            for prep in subject.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
            for g in prep.children
            if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ in _GROUP_LABELS | {""}
        ]
    return bodies


#: Those who act for a body as a whole: "the members of the league", "the ministers of the Eurogroup".
_MEMBERS_OF = frozenset({"member", "minister", "leader"})
#: Labels a body of members may carry: the model tags some groups of states as a nationality.
_GROUP_LABELS = frozenset({"ORG", "NORP"})
