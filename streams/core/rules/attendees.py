"""Who attended a gathering, named in the sentence after the one that tells it.

"A regional conference in Oslo on Friday agreed on a plan against smuggling. Delegates at the
conference came from nine states, among them Chile, Peru and Norway." The first sentence tells a
meeting and names no one at it; the next one says who came, either by the people who came
(delegates, participants) or by the gathering told again ("the summit brought together ...").
Those it names are the gathering's parties.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.core.model import Actor, Role
from streams.core.rules.actors import ActorResolver
from streams.core.rules.parties import of_a_person
from streams.core.rules.places import place_char_spans
from streams.core.spans import CharSpans

#: Nouns of a gathering whose attendance the next sentence may tell.
GATHERING_NOUNS = frozenset({"conference", "summit", "meeting", "talks", "forum", "session", "congress"})
#: Nouns of the people who came to a gathering: "Delegates at the conference came from ...".
ATTENDEE_NOUNS = frozenset(
    {"delegate", "delegation", "participant", "attendee", "representative", "envoy", "leader", "minister"}
)
#: Verbs that tell who came: "was attended by", "brought together", "included", "joined".
ATTENDING_VERBS = frozenset(
    {"attend", "bring", "include", "join", "gather", "draw", "participate", "represent"}
)
#: Kinds of actor that can be a gathering's party.
_PARTY_KINDS = frozenset({"person", "organization", "country"})


def attendees_told_next(
    trigger: Token,
    sent: Span,
    number: int,
    actors: ActorResolver,
    quote_spans: CharSpans,
    role: Role,
) -> list[Actor]:
    """The parties the sentence after ``sent`` (the ``number``-th of the document) names as the
    gathering's attendees, when the trigger is a gathering noun and that sentence tells who came
    to it; [] otherwise."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in GATHERING_NOUNS:
        return []
    # the next sentence with words: a paragraph break may stand as a sentence of its own
    following = next((s for s in actors.document.sentences[number + 1 : number + 3] if s.text.strip()), None)
    if following is None:
        return []
    gap = sent.doc.text[sent.end_char : following.start_char]
    if gap.count("\n") > 2 or quote_spans.covers(following.start_char):
        return []  # the very next sentence, in the same or the next paragraph, outside a quote
    if not _tells_who_came(following, trigger.lemma_.lower()):
        return []
    places = CharSpans(place_char_spans(following, quote_spans))
    found: dict[str, Actor] = {}
    for ent, actor in actors.entity_actors_in(following.start, following.end, role, places):
        if actor.kind in _PARTY_KINDS and not of_a_person(ent):  # "Lia Ek of Norway": Ek came
            found.setdefault(actor.name, actor)
    return list(found.values())


def _tells_who_came(sent: Span, gathering: str) -> bool:
    """ "Delegates at the conference came from ...", "The summit brought together ...",
    "The talks were attended by ...": the people who came as the subject, or the gathering told
    again with "the" and a verb of attending."""
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lemma_.lower() in ATTENDEE_NOUNS and s.tag_ in ("NNS", "NNPS") for s in subjects):
        return _mentions_the_gathering(sent, gathering)
    if root.lemma_.lower() == gathering and _definite(root):
        # "The summit brought together ...", parsed as the noun with a participle on it
        return any(c.dep_ == "acl" and c.lemma_.lower() in ATTENDING_VERBS for c in root.children)
    if root.lemma_.lower() not in ATTENDING_VERBS:
        return False
    if root.lemma_.lower() in _COMING_VERBS and _named_and_nothing_else(root, subjects):
        return True  # "Ana Ruiz of Chile and Tom Berg of Peru attended.": came to the gathering just told
    return any(s.lemma_.lower() == gathering and _definite(s) for s in subjects)


#: Verbs whose subject, with no object, came to the gathering the sentence before told.
_COMING_VERBS = frozenset({"attend", "participate"})


def _named_and_nothing_else(verb: Token, subjects: list[Token]) -> bool:
    """Named subjects and no object or place: "Lund and Berg attended." says nothing but that they
    came; "Lund attended a dinner" or "attended the Oslo talks" tell of something else."""
    if any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in verb.children):
        return False
    return bool(subjects) and all(s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for s in subjects)


def _mentions_the_gathering(sent: Span, gathering: str) -> bool:
    """Whether the sentence names the gathering again with "the": "present at the conference"."""
    return any(t.lemma_.lower() == gathering and _definite(t) for t in sent)


def _definite(noun: Token) -> bool:
    return any(d.dep_ == "det" and d.lower_ in ("the", "this") for d in noun.children)
