"""Resolve who a pronoun or a description ("he", "the official", "the ministry") means.

The tracker walks the article's sentences in order, remembering who spoke and who was named,
so a speaker written as a pronoun or a description can be resolved to a named actor.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.core.lexicon.organisations import DOCUMENT_HEADS, ORGANIZATION_HEADS
from streams.core.lexicon.people import PERSON_PRONOUNS
from streams.core.lexicon.speech import DESCRIPTION_HEADS
from streams.core.model import Actor, SpeakerResolution
from streams.core.rules.actors import ActorResolver, written_name
from streams.core.rules.speech import speaker_slot, speech_verb

LOOKBACK_SENTENCES = 8


def _description_text(head: Token) -> str:
    """ "a top administration official" -> "top administration official"."""
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct")]
    return "".join(t.text_with_ws for t in words).strip() or head.text


class SpeakerTracker:
    """Remembers who spoke and who was named, to resolve pronouns and descriptions.

    Descriptions follow how news text uses them: an indefinite one ("a top official")
    introduces someone new, who becomes the speaker under that description; a definite
    one with a nationality ("the Japanese leader") means the recent person of that
    country, or, when the text never said anyone's country, a recent person other than
    the one just spoken about (who would have been "he"); a bare one ("the official")
    continues the last speaker; an organisation noun ("the ministry", "the city") means
    the last named body whose name fits it.
    """

    def __init__(self, actors: ActorResolver) -> None:
        self.actors = actors
        self.last_speaker: Actor | None = None
        self.last_speaker_end = -1  # sentence end char of the last statement
        self.sentence = 0
        self.recent_people: list[tuple[int, Actor]] = []  # (sentence number, person), latest last
        self.recent_bodies: list[tuple[int, Actor]] = []  # organisations and countries
        self.previous_subject: str | None = None  # the person the previous sentence was about
        self.subject_since_last_statement: Actor | None = None

    def note_people(self, sent: Span) -> None:
        self.sentence += 1
        for actor in self.actors.actors_in(sent.start, sent.end, "speaker"):
            if actor.kind == "person":
                self.recent_people = [p for p in self.recent_people if p[1].name != actor.name]
                self.recent_people.append((self.sentence, actor))
            else:
                self.recent_bodies = [p for p in self.recent_bodies if p[1].name != actor.name]
                self.recent_bodies.append((self.sentence, actor))
        subject = speaker_slot(sent.root)
        entity = self.actors.document.entity_at(subject) if subject is not None else None
        subject_actor = self.actors.actor(entity, "speaker") if entity is not None else None
        if subject_actor is not None and subject_actor.kind == "person":
            self.previous_subject = subject_actor.name
            if sent.start_char >= self.last_speaker_end:
                self.subject_since_last_statement = subject_actor

    def note_reported_speech(self, sent: Span) -> None:
        """ "Merkel said the talks were useful." makes Merkel the one a following bare quote continues."""
        verb = speech_verb(sent, [])
        subject = speaker_slot(verb) if verb is not None else None
        if subject is None:
            return
        actor, how = self.resolve(subject)
        if actor is not None and how == "named":
            self.last_speaker = actor
            self.last_speaker_end = sent.end_char
            self.subject_since_last_statement = None

    def _people(self) -> list[Actor]:
        """Recent people, latest last."""
        return [a for n, a in self.recent_people if self.sentence - n <= LOOKBACK_SENTENCES]

    def resolve(self, head: Token) -> tuple[Actor | None, SpeakerResolution]:
        entity = self.actors.document.entity_at(head)
        if entity is None and (untagged := self.actors.untagged_name(head, "speaker")) is not None:
            # "Former US Ambassador to the United Nations Nikki Haley wrote": the untagged name
            # heads the subject; the country in its title is not the speaker
            return untagged, "named"
        if entity is None or entity.label_ != "PERSON":
            # A title noun with the name beside it ("Ryanair CEO, Michael O'Leary", "US Ambassador
            # to Germany Richard Grenell", "the vice president and chairman of Chrysler LLC Jim
            # Press"): the person named inside the subject speaks, not the body in the title.
            person = next(
                (
                    found
                    for token in head.subtree
                    if (found := self.actors.document.entity_at(token)) is not None
                    and found.label_ == "PERSON"
                ),
                None,
            )
            entity = person or entity
        if entity is None:
            for child in head.children:
                if child.dep_ in ("compound", "appos") and (entity := self.actors.document.entity_at(child)):
                    break
        if entity is not None:
            actor = self.actors.actor(entity, "speaker")
            if actor is not None:
                return actor, "named"
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            # a name the model did not tag ("Ana Ruiz said"): the subject of a speech verb is
            # someone, so take the name as written
            name, kind = written_name(head)
            return Actor(name=name, role="speaker", kind=kind), "named"
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            # "he said" means the last speaker, unless the text has since named someone else
            # as a clause's subject (who would then be the one in focus)
            focus = self.subject_since_last_statement
            if focus is not None:
                return focus, "pronoun"
            if self.last_speaker is not None and self.last_speaker.kind == "person":
                return self.last_speaker, "pronoun"
            people = self._people()
            return (people[-1], "pronoun") if people else (None, "pronoun")
        lemma = head.lemma_.lower()
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        if lemma in DOCUMENT_HEADS and determiners and self.recent_bodies:
            # "The summary of the decision read: ..." -- the words are the last named body's
            body = self.recent_bodies[-1][1]
            return Actor(name=body.name, role="speaker", kind=body.kind, country=body.country), "description"
        if lemma in ORGANIZATION_HEADS and determiners & {"the", "this", "that"}:
            return self._organization(head, lemma), "description"
        possessed = any(
            c.dep_ == "poss" and c.lower_ not in PERSON_PRONOUNS | {"his", "her", "its", "their"}
            for c in head.children
        )
        if lemma in DESCRIPTION_HEADS and (determiners or possessed):
            if determiners & {"a", "an", "one", "another"} or (possessed and not determiners):
                # someone new, known only by description: "a top official", "Russia's Defence
                # Ministry spokesman" -- unless a recent person holds exactly that title
                titled = [p for p in self._people() if p.title and lemma in p.title.lower()]
                if possessed and titled:
                    return titled[-1], "description"
                return Actor(name=_description_text(head), role="speaker", kind="person"), "description"
            return self._person_described(head), "description"
        return None, "subject"

    def _organization(self, head: Token, lemma: str) -> Actor:
        words = ORGANIZATION_HEADS[lemma]
        sentence = self.actors.document.sentence_of(head.i)
        earlier = [
            (0, actor)
            for actor in self.actors.actors_in(sentence.start, head.i, "speaker")
            if actor.kind == "organization"
        ]  # "General Motors' shares fell after the auto firm announced ..."
        for _, body in reversed(self.recent_bodies + earlier):
            if body.kind == "organization" and (not words or any(w in body.name.lower() for w in words)):
                return Actor(name=body.name, role="speaker", kind=body.kind, country=body.country)
        country = self.actors.country_in(list(head.subtree))
        return Actor(name=_description_text(head), role="speaker", kind="organization", country=country)

    def _person_described(self, head: Token) -> Actor | None:
        modifiers = [t for t in head.subtree if t.i < head.i]
        wants_former = any(t.lower_ in ("former", "late", "ex") for t in modifiers)
        people = [p for p in self._people() if self.actors.is_former(p.name) == wants_former]
        country = self.actors.country_in(modifiers)
        if country is not None:
            same = [p for p in people if p.country == country]
            if same:
                return same[-1]
            unknown = [p for p in people if p.country is None]
            others = [p for p in unknown if p.name != self.previous_subject]
            if others:
                return others[-1]
            return unknown[-1] if unknown else None
        lemma = head.lemma_.lower()
        titled = [p for p in people if p.title and lemma in p.title.lower()]
        if titled:
            return titled[-1]
        if self.last_speaker is not None and self.last_speaker.kind == "person":
            return self.last_speaker
        return people[-1] if people else None
