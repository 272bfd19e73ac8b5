"""Resolve who a pronoun or a description ("he", "the official", "the ministry") means.

The tracker walks the article's sentences in order, remembering who spoke and who was named,
so a speaker written as a pronoun or a description can be resolved to a named actor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Span, Token

from streams.core.lexicon.organisations import DOCUMENT_HEADS, ORGANIZATION_HEADS
from streams.core.lexicon.people import PERSON_PRONOUNS
from streams.core.lexicon.speech import DESCRIPTION_HEADS, INTRODUCED_WORDS, SPEECH_LEMMAS
from streams.core.model import Actor, SpeakerResolution
from streams.core.rules.actors import ActorResolver, is_demonym_entity, written_name
from streams.core.rules.speech import speaker_slot, speech_verb

LOOKBACK_SENTENCES = 8


#: Prepositions that tie a described person to someone else: "a spokesman for X", "an adviser to X".
_SERVING = frozenset({"for", "to", "with", "close", "near"})


def _description_text(head: Token) -> str:
    """ "a top administration official" -> "top administration official"; "a spokesman for
    Democratic candidate Ana Ruiz" keeps whom the person serves (without a relative clause)."""
    words = [t for t in head.subtree if t.i <= head.i and (t.dep_ not in ("det", "punct") or t.text == "-")]
    serving = next(
        (c for c in head.children if c.dep_ == "prep" and c.lower_ in _SERVING and c.i > head.i), None
    )
    if serving is not None:
        stack = [serving]
        while stack:
            token = stack.pop()
            if token.dep_ in ("relcl", "acl", "appos") or token.i - head.i > 10:
                continue
            if token.is_punct and token.text != "-":
                continue
            words.append(token)
            stack.extend(token.children)
    words.sort(key=lambda t: t.i)
    # the words as written where they are adjacent, one space where a word was left out
    text = "".join(
        t.text + (t.whitespace_ if k + 1 < len(words) and words[k + 1].i == t.i + 1 else " ")
        for k, t in enumerate(words)
    )
    return text.strip() or head.text


#: Things said or written that name their author: "a speech X delivered", "a statement from X".
AUTHORED_HEADS = frozenset(
    {"speech", "statement", "interview", "tweet", "post", "email", "memo", "release", "ad"}
)


def _document_possessor(head: Token) -> Token | None:
    """The document in "the ad's narrator", "the letter's authors"."""
    return next(
        (
            c
            for c in head.children
            if c.dep_ == "poss" and c.lemma_.lower() in DOCUMENT_HEADS | AUTHORED_HEADS
        ),
        None,
    )


#: Forms of address, which say nothing of the office a person holds.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister"})


def _no_office(title: str | None) -> bool:
    """Whether a title names no office: none at all, or only "Mr."/"Mrs."."""
    return title is None or title.lower().rstrip(".") in _HONORIFICS


def _dateline(token: Token) -> bool:
    """ "LONDON (Reuters) -", "Washington (AFP) –": a place opening the sentence before a bracket
    or a dash."""
    doc = token.doc
    return (
        token.i + 1 < len(doc)
        and doc[token.i + 1].text in ("(", "-", "—", "–", "--")
        and (token.text.isupper() or token.ent_type_ in ("GPE", "LOC"))
        and token.i == token.sent.start  # last: spaCy finds token.sent by scanning the parse
    )


def _author_of(head: Token) -> Token | None:
    """The author inside a document's noun phrase: the subject of its relative clause ("a
    speech Clinton delivered") or the object of its "by"/"from" ("a letter from the ministry")."""
    for child in head.children:
        if child.dep_ in ("relcl", "acl"):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ not in ("WP", "WDT"):
                return subject
            agent = next((c for c in child.children if c.dep_ == "agent"), None)  # "released by X"
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return _letterhead_owner(head)


def _letterhead_owner(head: Token) -> Token | None:
    """ "That letter, on Acme Corp. letterhead, demanded ...": the body whose letterhead the document
    is on wrote it; the parser hangs the phrase on the document or on the verb it is the subject of."""
    holders = [head, head.head] if head.dep_ in ("nsubj", "nsubjpass") else [head]
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ != "on":
                continue
            paper = next(
                (c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in _LETTERHEADS), None
            )
            owner = [c for c in paper.children if c.dep_ in ("compound", "poss")] if paper is not None else []
            if owner:
                return owner[-1]
    return None


#: Nouns for the printed paper a document is written on, which names who sent it.
_LETTERHEADS = frozenset({"letterhead", "stationery"})


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
        # "Ana Ruiz echoed:" -- who a sentence ending in a colon introduced, and where it ended
        self.introduced: tuple[Actor, SpeakerResolution, int] | None = None
        #: how many sentences so far name each person: "the president" is the article's president
        self.mentions: Counter[str] = Counter()
        #: the nouns an apposition said of each person: "Tom Lund, the Republican candidate,"
        self.appositions: dict[str, set[str]] = {}

    def note_people(self, sent: Span) -> None:
        self.sentence += 1
        for ent, actor in self.actors.entity_actors_in(sent.start, sent.end, "speaker"):
            if actor.kind == "person":
                self._note_apposition(ent, actor)
        for actor in self.actors.actors_in(sent.start, sent.end, "speaker"):
            if actor.kind == "person":
                self.mentions[actor.name] += 1
                known = next((p[1] for p in self.recent_people if p[1].name == actor.name), None)
                person = actor
                if known is not None and known.title is not None and _no_office(actor.title):
                    person = replace(actor, title=known.title)  # "said Mr. Bush" is still the President
                self.recent_people = [p for p in self.recent_people if p[1].name != actor.name]
                self.recent_people.append((self.sentence, person))
            else:
                self.recent_bodies = [p for p in self.recent_bodies if p[1].name != actor.name]
                self.recent_bodies.append((self.sentence, actor))
        subject = speaker_slot(sent.root)
        entity = self.actors.document.entity_at(subject) if subject is not None else None
        subject_actor = self.actors.actor(entity, "speaker") if entity is not None else None
        if subject is not None and entity is None and subject.pos_ == "PROPN":
            # "Protester Ana Ruiz, 24, carried a sign": a name the model left untagged
            subject_actor = self.actors.untagged_name(subject, "speaker")
        if subject_actor is not None and subject_actor.kind == "person":
            self.previous_subject = subject_actor.name
            if sent.start_char >= self.last_speaker_end:
                self.subject_since_last_statement = subject_actor

    def _note_apposition(self, ent: Span, person: Actor) -> None:
        """Keep the nouns an apposition says of a person, either way round: "Tom Lund, the
        Republican candidate," and "the Republican candidate, Tom Lund,"."""
        root = ent.root
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        if nouns:
            self.appositions.setdefault(person.name, set()).update(n.lemma_.lower() for n in nouns)

    def note_reported_speech(self, sent: Span) -> None:
        """ "Merkel said the talks were useful." makes Merkel the one a following bare quote continues."""
        self._note_introduction(sent)
        verb = speech_verb(sent, [])
        subject = speaker_slot(verb) if verb is not None else None
        if subject is None:
            return
        actor, how = self.resolve(subject)
        if actor is not None and how == "named":
            self.last_speaker = actor
            self.last_speaker_end = sent.end_char
            self.subject_since_last_statement = None

    def _note_introduction(self, sent: Span) -> None:
        """ "Ana Ruiz, 17, echoed:", "The mayor released the following statement:" -- a sentence
        ending in a colon introduces the quote that follows it; its subject is the speaker, or
        the one it quotes ("Frank quotes the economist Alfred Kahn:" introduces Kahn's words)."""
        self.introduced = None
        text = self.actors.document.text
        if not text[sent.start_char : sent.end_char].rstrip().endswith(":"):
            return
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and speaker_slot(t) is not None]
        speaking = [t for t in verbs if t.lemma_.lower() in SPEECH_LEMMAS | {"quote", "cite", "echo"}]
        if speaking:
            verb = speaking[-1]
        elif sent.root in verbs:
            verb = sent.root
        else:
            self._note_possessed_words(sent)
            return
        slot: Token | None = speaker_slot(verb)
        if verb.lemma_.lower() in ("quote", "cite"):
            slot = next((c for c in verb.children if c.dep_ == "dobj"), slot)
        if slot is None or (not speaking and slot.lower_ in ("it", "they", "this", "that", "there")):
            return  # "Wait, it gets better:" introduces nobody
        actor, how = self.resolve(slot)
        # without a speech verb only a subject that is itself a name or a description counts
        # ("The rationale the critics use against Clinton is simple:" introduces nobody)
        if actor is not None and (speaking or self.actors.document.entity_at(slot) is not None):
            self.introduced = (actor, how, sent.end_char)

    def _note_possessed_words(self, sent: Span) -> None:
        """ "His exact words:" on a line of its own introduces the quote that follows."""
        owner = self.owner_of_words(sent.root)
        if owner is not None:
            self.introduced = (*owner, sent.end_char)

    def owner_of_words(self, noun: Token) -> tuple[Actor, SpeakerResolution] | None:
        """ "His exact words:", "Ms. Ruiz's reply:" -- whose words a verbless heading before a quote
        announces: the possessor of a noun for words, when that resolves to a person."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in INTRODUCED_WORDS:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ in ("its", "their", "my", "our", "your"):
            return None
        actor, how = self.resolve(owner)
        return (actor, how) if actor is not None and actor.kind == "person" else None

    def introduced_at(self, start_char: int) -> tuple[Actor, SpeakerResolution] | None:
        """Who the colon-ended sentence just before ``start_char`` introduced, if any."""
        if self.introduced is None:
            return None
        actor, how, end = self.introduced
        if not 0 <= start_char - end <= 3 or self.actors.document.text[end:start_char].strip():
            return None
        return actor, how

    def continued_speaker(self, start_char: int) -> Actor | None:
        """The speaker a bare quote continues: the last one, unless a sentence since has made
        another person its subject ("Protester Mia Holt carried a sign." then “We are not
        afraid.” is hers, not the activist's quoted before her)."""
        if self.last_speaker is None or start_char - self.last_speaker_end >= 400:
            return None
        focus = self.subject_since_last_statement
        if focus is not None and focus.name != self.last_speaker.name:
            return focus
        return self.last_speaker

    def _people(self) -> list[Actor]:
        """Recent people, latest last."""
        return [a for n, a in self.recent_people if self.sentence - n <= LOOKBACK_SENTENCES]

    def resolve(self, head: Token) -> tuple[Actor | None, SpeakerResolution]:
        """The actor a speaker slot means, and how it was found.

        Two or more coordinated names ("Ana Ruiz and Omar Haddad said in a joint statement")
        speak together: the speaker is the group of them, not the first.
        """
        actor, how = self._resolve_one(head)
        if actor is None or how != "named":
            return actor, how
        partners = [c for c in head.children if c.dep_ == "conj"]
        members = [actor]
        for partner in partners:
            other, other_how = self._resolve_one(partner)
            if other is None or other_how != "named" or (other.kind == "country" and actor.kind == "person"):
                return actor, how
            if other.name not in (m.name for m in members):
                members.append(other)
        if len(members) == 1:
            return actor, how
        names = [m.name for m in members]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        return Actor(name=name, role="speaker", kind="group"), how

    def _resolve_one(self, head: Token) -> tuple[Actor | None, SpeakerResolution]:
        if _dateline(head):
            # "LONDON (Reuters) - Ana Ruiz said" parses the dateline as the subject and the
            # name as its apposition: the name speaks, the place never does
            person = self._person_inside(head)
            if person is None:
                return None, "subject"
            return self.actors.actor(person, "speaker"), "named"
        entity = self.actors.document.entity_at(head)
        if head.ent_type_ in ("DATE", "TIME"):
            # "Saturday at the party convention Sen. Elizabeth Warren said": the parse took the
            # date for the subject; the person named inside it speaks
            person = self._person_inside(head)
            if person is None:
                return None, "subject"
            return self.actors.actor(person, "speaker"), "named"
        if entity is None and (untagged := self.actors.untagged_name(head, "speaker")) is not None:
            # "Former Chilean Ambassador to the United Nations Lena Berg wrote": the untagged name
            # heads the subject; the country in its title is not the speaker
            return untagged, "named"
        if entity is None or entity.label_ != "PERSON":
            # A title noun with the name beside it ("Ryanair CEO, Michael O'Leary", "US Ambassador
            # to Germany Richard Grenell", "the vice president and chairman of Norvik LLC Paul
            # Marsh"): the person named inside the subject speaks, not the body in the title.
            entity = self._person_inside(head) or entity
        if entity is None:
            for child in head.children:
                if child.dep_ in ("compound", "appos") and (entity := self.actors.document.entity_at(child)):
                    break
            if entity is not None and entity.label_ != "NORP" and is_demonym_entity(entity):
                entity = None  # "the Kazakh government said": a people's name describes the body that speaks
            if (
                entity is not None
                and entity.label_ == "ORG"
                and head.lemma_.lower() in DESCRIPTION_HEADS
                and head.lemma_.lower() not in ORGANIZATION_HEADS
            ):
                # "a defence ministry spokesman": someone of the ministry, known by description
                # ("the ministry spokesman" is the one named before with that title, if any)
                definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
                titled = [p for p in self._people() if p.title and head.lemma_.lower() in p.title.lower()]
                if definite and titled:
                    return titled[-1], "description"
                body = self.actors.actor(entity, "speaker")
                plural = head.tag_ == "NNS"  # "according to Acme representatives": several of them
                return Actor(
                    name=_description_text(head),
                    role="speaker",
                    kind="group" if plural else "person",
                    title=None if plural else head.text,
                    organization=body.name if body is not None else None,
                ), "description"
        if entity is not None:
            actor = self.actors.actor(entity, "speaker")
            if actor is not None:
                return actor, "named"
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            # a name the model did not tag ("Ana Ruiz said"): the subject of a speech verb is
            # someone, so take the name as written
            name, kind = written_name(head)
            # "South Sudan accuses Sudan": a country's name the model tagged only as a place
            country = self.actors.country_written(name, "speaker")
            return country or Actor(name=name, role="speaker", kind=kind), "named"
        lower = head.lower_
        if (
            head.dep_ == "nsubj"
            and head.pos_ in ("VERB", "NOUN", "ADJ")
            and head.text[:1].isupper()
            and head.i > head.sent.start
            and head.doc[head.i - 1].text in ("”", '"', "’", "'", "''")
        ):
            # "“…,” Trump shot back": after a closing quote a capitalised subject is a name,
            # whatever part of speech the model gave it
            return Actor(name=head.text, role="speaker", kind="person"), "named"
        if lower in ("it", "they"):
            # "it said", "they added": a body, never a person -- the last speaker if a body
            # spoke, else the body named last ("Al-Shabaab claimed the attack. It said ...")
            return self._body_pronoun(lower), "pronoun"
        if lower == "his":
            lower = "he"  # the possessor of "His words:" (_note_possessed_words)
        if lower in PERSON_PRONOUNS and (earlier := self._named_in_sentence(head)) is not None:
            return earlier, "pronoun"
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
        if lemma in DOCUMENT_HEADS | AUTHORED_HEADS and (author := _author_of(head)) is not None:
            # "a speech Mrs. Clinton delivered", "a statement from the ministry": its author speaks
            found, how = self._resolve_one(author)
            if found is not None:
                return found, how
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        if lemma in DOCUMENT_HEADS and determiners and self.recent_bodies:
            # "The summary of the decision read: ..." -- the words are the last named body's
            body = self.recent_bodies[-1][1]
            return Actor(name=body.name, role="speaker", kind=body.kind, country=body.country), "description"
        if lemma in ORGANIZATION_HEADS and determiners & {"the", "this", "that"}:
            return self._organization(head, lemma), "description"
        if (document := _document_possessor(head)) is not None:
            # "the ad's narrator says": the voice of a document speaks for the document
            return self._resolve_one(document)
        if lemma in DOCUMENT_HEADS | AUTHORED_HEADS and determiners:
            # "The letter reads:", "the ad says": a document nobody is named for speaks as itself
            return Actor(name=_description_text(head), role="speaker", kind="organization"), "description"
        possessed = any(
            c.dep_ == "poss" and c.lower_ not in PERSON_PRONOUNS | {"his", "her", "its", "their"}
            for c in head.children
        )
        plural = head.tag_ in ("NNS", "NNPS") and lemma != lower
        if lemma in DESCRIPTION_HEADS and plural and not determiners and not possessed:
            # "officials said", "US officials said": a group known only by description
            return Actor(name=_description_text(head), role="speaker", kind="group"), "description"
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

    def _named_in_sentence(self, pronoun: Token) -> Actor | None:
        """The named person a pronoun's own sentence made the subject of a clause around it:
        "Lind says the dockers are tired but ready for what she calls “a fair deal”"."""
        entity = self.actors.document.person_subject_above(pronoun)
        return self.actors.actor(entity, "speaker") if entity is not None else None

    def _person_inside(self, head: Token) -> Span | None:
        """A person named inside a subject that is not itself a name: the apposition first
        ("The head of the PAC backing Jeb Bush, Mike Murphy"), then the title's name ("US
        Ambassador to Germany Richard Grenell"); never one inside a relative or participle
        clause ("a committee member who supports Trump" is not Trump)."""
        document = self.actors.document
        for child in head.children:
            found = document.entity_at(child) if child.dep_ == "appos" else None
            if found is not None and found.label_ == "PERSON":
                return found
        stack = [head]
        while stack:
            token = stack.pop(0)
            found = document.entity_at(token)
            if found is not None and found.label_ == "PERSON":
                return found
            stack.extend(
                c
                for c in token.children
                if c.dep_ not in ("relcl", "acl", "advcl", "ccomp")
                # "a spokesman for Clinton", "an adviser close to the Clintons" is someone else
                and not (
                    c.dep_ == "prep" and c.lower_ in _SERVING and head.lemma_.lower() in DESCRIPTION_HEADS
                )
            )
        return None

    def _body_pronoun(self, lower: str) -> Actor | None:
        if self.last_speaker is not None and self.last_speaker.kind in ("organization", "group"):
            return self.last_speaker
        recent = [a for n, a in self.recent_bodies if self.sentence - n <= LOOKBACK_SENTENCES]
        bodies = [a for a in recent if a.kind == "organization"]
        if not bodies:
            return None
        body = bodies[-1]
        return Actor(name=body.name, role="speaker", kind=body.kind, country=body.country)

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
        if not words:  # "Valmet Robotics has won a contract, the company said": a name the model missed
            for t in head.doc[sentence.start : head.i]:
                if (
                    t.dep_ in ("nsubj", "nsubjpass")
                    and t.pos_ == "PROPN"
                    and self.actors.document.entity_at(t) is None
                ):
                    name, _ = written_name(t)
                    return Actor(name=name, role="speaker", kind="organization")
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
            # "The president says ..." in a story about Bush that has just named "Palestinian
            # President Abbas": a bare title means the holder the article is about, the one it
            # names most; the latest breaks a tie
            return max(reversed(titled), key=lambda p: self.mentions[p.name])
        described = [p for p in people if lemma in self.appositions.get(p.name, ())]
        if described:
            return described[-1]  # "Tom Lund, the Republican candidate, ... the candidate said"
        if self.last_speaker is not None and self.last_speaker.kind == "person":
            return self.last_speaker
        return people[-1] if people else None
