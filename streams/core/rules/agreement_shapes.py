"""Agreements named by their parties, and "agree with" that is only an opinion.

An agreement the article names with its parties is one it reports, whether or not a verb
says it was concluded: "last year's grain deal with Peru", "the union's deal with Acme",
"under an understanding with Chile", "his plea agreement". The context rules decide whether
it is historical. A deal that is only the topic of talks or wishes ("talks on a deal with
Iran", "negotiating a deal with Iran", "pushing for a deal with Iran") is not concluded.

"agree" is also a verb of opinion: "most voters agreed with Smith", "I agree with her that
taxes are too high" report what someone thinks, not an agreement between two parties.
"""

from __future__ import annotations

from spacy.tokens import Token

from streams.core.lexicon.triggers import (
    AGREEMENT_NOUNS,
    CALL_NOUNS,
    JOINT_ACT_WORDS,
    MEETING_NOUNS,
    PARTY_AGREEMENT_NOUNS,
    PENDING_AGREEMENT_PREPS,
    PENDING_AGREEMENT_VERBS,
    PLEA_WORDS,
    PLEDGE_VERBS,
    REACTION_VERBS,
)
from streams.core.rules.syntax import prep_objects

#: Entity labels that name a party of an agreement.
_PARTY_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
#: Labels of bodies (not people): two bodies "agreeing with" each other make an agreement.
_BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})
#: Complements that make "agree" an agreement: "agreed to pay", "agreed on a plan".
_AGREE_PREPS = frozenset({"on", "to", "upon", "over"})


def _named_party(token: Token) -> bool:
    return token.ent_type_ in _PARTY_LABELS or (token.pos_ == "PROPN" and not token.ent_type_)


def _pending(noun: Token) -> bool:
    """Whether the noun is the topic or goal of talks or wishes rather than a concluded deal."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in PENDING_AGREEMENT_PREPS:
        return True  # "talks on a deal with Iran", "a push for a deal with Iran"
    verb = head.head if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent") else head
    return noun.dep_ in ("dobj", "pobj", "nsubjpass") and verb.lemma_.lower() in PENDING_AGREEMENT_VERBS


def agreement_with_party(noun: Token) -> bool:
    """An agreement noun named with a counterpart: "a deal with Iran", "an understanding with
    Iran", "Acme's contract with Beta"; or a plea agreement with its defendant named
    ("Miller's plea agreement": the prosecutors are the other side)."""
    word = noun.lower_
    if noun.pos_ not in ("NOUN", "PROPN") or not (
        word in PARTY_AGREEMENT_NOUNS or noun.lemma_.lower() in AGREEMENT_NOUNS or word in AGREEMENT_NOUNS
    ):
        return False
    if _pending(noun):
        return False
    with_party = any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(g.dep_ == "pobj" and _named_party(g) for g in c.children)
        for c in noun.children
    )
    if with_party:
        return True
    plea = any(c.dep_ in ("compound", "amod") and c.lower_ in PLEA_WORDS for c in noun.children)
    return plea and any(c.dep_ == "poss" and _named_party(c) for c in noun.children)


def joint_pledge(verb: Token) -> bool:
    """ "Acme and Beta pledged to work together", "Lund vowed with Berg to cooperate": a promise two
    named parties make to act together is an agreement between them (one party's promise, "Lund
    pledged to cut taxes", is not)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in PLEDGE_VERBS:
        return False
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"]
    joint = any(
        t.lower_ in JOINT_ACT_WORDS or t.lemma_.lower() in JOINT_ACT_WORDS
        for act in acts
        for t in act.subtree
    )
    if not joint:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = [t for s in subjects for t in (s, *s.conjuncts) if _named_party(t)]
    partners = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj" and _named_party(g)
    ]
    return len(named) + len(partners) >= 2


def _view(clause: Token) -> bool:
    """A that-clause stating how things are ("there are candidates", "it has limited power"),
    not what is to be done ("troops would withdraw", "Beta will supply the parts")."""
    if clause.tag_ == "VB" or any(c.tag_ == "MD" for c in clause.children):
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _that_clause_of_view(verb: Token) -> bool:
    """ "agreed that X has ...": "that" right after the verb and a clause in the present or past
    with no modal before the sentence ends or a comma; "agreed that they would support" is a pledge."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "that":
        return False
    clause = []
    for token in doc[verb.i + 2 : verb.sent.end]:
        if token.text in (",", ";", "."):
            break
        clause.append(token)
    finite = [t for t in clause if t.tag_ in ("VBZ", "VBD", "VBP")]
    if not finite or any(t.tag_ == "MD" for t in clause):
        return False
    # two bodies agreeing on how things stand have agreed with each other ("Chile and Peru agreed
    # that the dispute was over"); one person agreeing holds a view
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return not any(c.dep_ == "conj" for s in subjects for c in s.children)


def opinion_agreement(verb: Token) -> bool:
    """ "agreed with Smith (that ...)", "I agree with her", "agreed that taxes are too high":
    holding the same view.

    It is an agreement when something is agreed ("agreed to pay", "agreed on a plan", "agreed
    a deal") or when two bodies agree with each other ("Iran agreed with the EU that ...").
    """
    children = list(verb.children)
    if _a_share_of_those_asked(verb):
        return True  # "41% firmly agree the state should ...": a poll's answer
    if _that_clause_of_view(verb):
        return True  # "agreed that the Treasury has limited power", however the parser hung it
    if _minds_agree(verb) and any(_what_others_ought_to_do(c, verb) for c in children if c.dep_ == "ccomp"):
        return True  # "Lund and Berg agree that Norway must act": a shared view of what is right
    if any(c.dep_ == "ccomp" for c in children) and _one_voice(verb):
        return True  # "Ruiz agreed that the rules should change", "a panel that all agreed X won"
    if _agrees_alone(verb):
        return True  # "Paradis agrees.": one person shares a view; with whom, and on what, nothing says
    if _agreed_in_writing_alone(verb):
        return True  # "In a statement, Lund and Berg agreed.": a view the two voiced
    if any(c.dep_ in ("xcomp", "dobj") for c in children):
        return False
    if any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ in _VAGUE_THINGS for g in c.children)
        for c in children
    ):
        return True  # "Sanders and Trump do agree on something", "they agree on little": a shared view
    if any(c.dep_ == "prep" and c.lower_ in _AGREE_PREPS for c in children):
        return False
    if any(_view(c) for c in children if c.dep_ == "ccomp"):
        return True  # "agreed (that) the Treasury has limited power", "agreed: the brand is strong"
    withs = [c for c in children if c.dep_ == "prep" and c.lower_ == "with"]
    if not withs:
        return False
    partners = [g for w in withs for g in w.children if g.dep_ == "pobj"]
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    bodies = all(t.ent_type_ in _BODY_LABELS for t in partners + subjects)
    return not (partners and subjects and bodies)


#: Modals of what ought to be, in a clause that says what someone else should do: a view.
_OUGHT_MODALS = frozenset({"should", "must", "ought"})


def _a_share_of_those_asked(verb: Token) -> bool:
    """A subject that is a share ("34% agree", "62 percent of voters agree"): a poll's answer."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.ent_type_ == "PERCENT" or subject.lower_ in ("%", "percent", "per cent"):
            return True
    return False


def _what_others_ought_to_do(clause: Token, verb: Token) -> bool:
    """A clause of what another should or must do ("that Norway must act"), not what the agreeing
    sides themselves will do ("that they would merge"), nor what they should ("we must cooperate")."""
    if not any(c.tag_ == "MD" and c.lower_ in _OUGHT_MODALS for c in clause.children):
        return False
    own = {"we", "they", "both", "each"} | {t.lower_ for t in _subjects(verb)}
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in own for c in clause.children)


#: People who hold views, not sides that make terms: "economists agree that rates must rise".
_OPINION_HOLDERS = frozenset(
    {"voter", "economist", "expert", "analyst", "critic", "scholar", "respondent", "observer", "historian"}
)


def _minds_agree(verb: Token) -> bool:
    """People as the subject ("Lund and Berg", "most economists"), whose agreeing on what others
    should do is a view; sides ("Chile and Peru", "the sides") agreeing on it have made terms."""
    subjects = _subjects(verb)
    return bool(subjects) and all(
        t.ent_type_ == "PERSON" or t.lemma_.lower() in _OPINION_HOLDERS for t in subjects
    )


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects with those coordinated with them ("Lund and Berg agree")."""
    return [t for s in verb.children if s.dep_ == "nsubj" for t in (s, *s.conjuncts)]


#: What "agree on" names when it names no terms: "agree on something", "agreed on little".
_VAGUE_THINGS = frozenset(
    {"something", "anything", "everything", "nothing", "much", "little", "this", "that"}
)

#: Subjects that speak for many minds, not for sides: "all agreed Pence won".
_EVERYONE_WORDS = frozenset({"all", "everyone", "everybody", "most", "many", "few", "none"})


def _one_voice(verb: Token) -> bool:
    """Whether "agree" has one person, or a crowd of minds, as its subject: what they agree on is
    a view, not terms between two sides ("the two countries agreed that troops would leave")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].conjuncts:
        return False
    subject = subjects[0]
    if subject.lower_ in _EVERYONE_WORDS:
        return True
    return subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she", "i")


def _agrees_alone(verb: Token) -> bool:
    """ "Paradis agrees.", "Lund agreed, too", "Weighing in, Lund agreed, calling it a fine plan":
    one subject, and nothing agreed or agreed with; a participle beside it tells how."""
    if any(c.dep_ in ("prep", "conj") or _a_complement(c) for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and not subjects[0].conjuncts and subjects[0].tag_ in ("NNP", "PRP")


#: What one voices a view in: "in a statement", "in a joint letter".
_VOICING_NOUNS = frozenset(
    {"statement", "letter", "interview", "op-ed", "column", "editorial", "post", "tweet"}
)


def _agreed_in_writing_alone(verb: Token) -> bool:
    """ "In a statement, Lund and Berg agreed.": agreeing in what one says, with nothing agreed to,
    on or with, is a view shared, not terms made."""
    voiced = False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            voiced = voiced or any(
                g.dep_ == "pobj" and g.lemma_.lower() in _VOICING_NOUNS for g in c.children
            )
        elif c.dep_ == "prep" or _a_complement(c):
            return False
    return voiced


def _a_complement(child: Token) -> bool:
    """Something agreed or a clause telling what ("agreed to pay", "agreed it", "agreed that ...",
    "agreed when they met"); a bare participle beside the verb only tells how ("calling it fine")."""
    return child.dep_ in ("xcomp", "dobj", "ccomp", "dative") or (
        child.dep_ == "advcl" and not _participle(child)
    )


def _participle(clause: Token) -> bool:
    """A bare participle clause ("calling it a fine plan", "weighing in"), not one with a
    conjunction ("when they met", "after the talks ended")."""
    return clause.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in clause.children)


#: What one agrees to when one consents to an interview: "agreed to talk if not named".
_INTERVIEW_VERBS = frozenset({"talk", "speak", "comment", "interview"})


def consents_to_speak(verb: Token) -> bool:
    """ "agreed to talk as long as her name was withheld", "agreed to be interviewed", "agreed to an
    interview",
    "agreed to speak to reporters": a source's consent, no agreement between parties. Not "agreed
    to talk with the rebels": talks that two sides agree to hold."""
    for clause in (c for c in verb.children if c.dep_ == "xcomp"):
        if clause.lemma_.lower() not in _INTERVIEW_VERBS:
            continue
        return not any(c.dep_ == "prep" and c.lower_ == "with" for c in clause.children)
    # "agreed to an hour-long interview with the paper"; one side's "agreed to a phone call" (whom
    # with, the noun's own meeting tells, or not)
    alone = not any(c.dep_ == "conj" for s in verb.children if s.dep_ == "nsubj" for c in s.children)
    return any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(g.lemma_.lower() == "interview" or (alone and _a_meeting_with_no_one(g)) for g in c.children)
        for c in verb.children
    )


def _a_meeting_with_no_one(noun: Token) -> bool:
    """A meeting noun with no with-phrase ("a phone call", "a sit-down"): agreeing to it is consent."""
    meeting = noun.lemma_.lower() in MEETING_NOUNS or noun.lower_ in CALL_NOUNS
    return meeting and not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)


#: Verbs that leave an agreement or talks with a from-phrase ("withdrew from the treaty",
#: "pulled the US from the accord"), and those that do with "out of" ("backed out of the deal",
#: "pulled Peru out of the accord") or "away from" ("walked away from the talks").
LEAVING_FROM_VERBS = frozenset({"withdraw", "pull", "remove"})
LEAVING_OUT_OF_VERBS = frozenset({"pull", "back", "opt", "take", "drop"})


def leaving_verb(noun: Token) -> Token | None:
    """The verb of leaving whose from- or out-of-phrase ``noun`` is ("pulled Peru out of the deal":
    pulled), or None. Its subject left, or its object was taken out: either is a party; the
    leaving's date and place are not the agreement's."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    verb = prep.head
    particle = ""
    if verb.lower_ in ("out", "away") and verb.dep_ in ("prep", "advmod", "prt"):
        particle, verb = verb.lower_, verb.head
    else:
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB":
        return None
    if prep.lower_ == "from" and (lemma in LEAVING_FROM_VERBS or (lemma == "walk" and particle == "away")):
        return verb
    if prep.lower_ == "of" and particle == "out" and lemma in LEAVING_OUT_OF_VERBS:
        return verb
    return None


def reacted_to(noun: Token) -> bool:
    """An agreement noun that is what a reaction is about: "denounced the memoranda between Turkey
    and Libya", "welcomed the deal on Monday". The agreement existed before; the clause's date
    and place are those of the reaction, so only the noun's own phrase may date or place it."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in _MEANS_PREPS:
        return False  # "Turkey was condemned in a joint declaration by A and B": the means of the reaction
    verb = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in CLEARING_VERBS and names_both_sides(noun):
        return True  # "the Commission cleared Acme's takeover of Beta on Friday": the clearing's day
    if leaving_verb(noun) is not None:
        return True  # "pulled Peru out of the accord in 2017": the leaving's day
    return noun.dep_ in ("dobj", "pobj", "nsubjpass") and verb.lemma_.lower() in REACTION_VERBS


#: What a regulator or a court does to a deal others made: "cleared Acme's takeover of Beta".
CLEARING_VERBS = frozenset({"clear", "approve", "block", "authorize", "authorise", "bless", "reject"})


def names_both_sides(noun: Token) -> bool:
    """An event noun whose own phrase names both its sides: a named possessor and an of- or
    with-phrase ("Acme's takeover of Beta", "Acme's merger with Beta")."""
    owner = any(c.dep_ == "poss" and c.ent_type_ in ("ORG", "PERSON", "GPE") for c in noun.children)
    return owner and any(g.ent_type_ for g in prep_objects(noun, "of", "with"))


#: Prepositions of the means a reaction takes, not of what it is about.
_MEANS_PREPS = frozenset({"in", "through", "via"})
