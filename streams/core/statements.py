"""Attribute direct quotations to speakers, using the dependency parse.

For each quotation the sentence around it is searched, outside the quoted words, for a
speech verb ("said", "told", "added", "according to" ...). Its subject is the speaker:
a named actor directly, a pronoun ("he said") or a description ("the official said")
through the last speaker or last person named before it. A sentence that is nothing but
a quotation continues the previous speaker. Two quotations in one sentence split by the
attribution ("“…,” he said, “…”") are one statement.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from streams.core.actors import PERSON_PRONOUNS, ActorIndex, is_body_name
from streams.core.model import Actor
from streams.core.quotes import QuoteSpan
from streams.core.spans import CharSpans

SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "declare",
        "announce",
        "explain",
        "insist",
        "note",
        "warn",
        "argue",
        "claim",
        "write",
        "ask",
        "reply",
        "respond",
        "urge",
        "stress",
        "emphasize",
        "emphasise",
        "continue",
        "comment",
        "acknowledge",
        "admit",
        "describe",
        "call",
        "remark",
        "recall",
        "suggest",
        "conclude",
        "predict",
        "promise",
        "vow",
        "pledge",
        "maintain",
        "affirm",
        "confirm",
        "deny",
        "tweet",
        "post",
        "reason",
        "assert",
        "contend",
        "observe",
        "caution",
        "allege",
        "testify",
        "quip",
        "joke",
        "concede",
        "complain",
        "lament",
        "boast",
        "tell",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "praise",
        "defend",
        "slam",
        "blast",
        "accuse",
        "welcome",
        "reiterate",
        "indicate",
        "speak",
        "agree",
    ]
)
DESCRIPTION_HEADS = frozenset(
    [
        "leader",
        "official",
        "minister",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ministry",
        "premier",
        "chancellor",
        "secretary",
        "chief",
        "executive",
        "diplomat",
        "ambassador",
        "envoy",
        "senator",
        "governor",
        "mayor",
        "statement",
        "source",
        "government",
        "prime",
        "advisor",
        "adviser",
        "aide",
        "analyst",
        "expert",
        "economist",
        "negotiator",
        "lawyer",
        "attorney",
        "prosecutor",
        "judge",
        "witness",
        "resident",
        "protester",
        "activist",
        "representative",
        "member",
        "officer",
        "commander",
        "general",
        "worker",
        "employee",
        "researcher",
        "professor",
        "scientist",
        "doctor",
        "investor",
        "trader",
        "director",
        "manager",
        "chairman",
        "chairwoman",
        "founder",
        "owner",
        "candidate",
        "lawmaker",
        "legislator",
        "mp",
        "king",
        "queen",
        "monarch",
        "woman",
        "man",
        "official",
        "chancellor",
        "dictator",
        "ruler",
    ]
)
#: Confidence by how the speaker was found.
CONFIDENCE = {"named": 0.9, "pronoun": 0.75, "description": 0.7, "continuation": 0.65, "subject": 0.5}


@dataclass(frozen=True)
class Statement:
    quote: str
    partial: bool
    speaker: Actor
    addressee: Actor | None
    sentence_start: int
    sentence_end: int
    quote_start: int
    how: str
    cue: str | None = None  # lemma of the speech verb ("say", "urge"), when there is one

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.how]


_masks = threading.local()


def _mask(quotes: list[QuoteSpan]) -> CharSpans:
    """The quotes as ``CharSpans``, built once per list (rules ask about every token)."""
    cached = getattr(_masks, "last", None)
    if cached is None or cached[0] is not quotes:
        cached = (quotes, CharSpans((q.start, q.end) for q in quotes))
        _masks.last = cached
    return cached[1]


def _inside(token: Token, quotes: list[QuoteSpan]) -> bool:
    return _mask(quotes).covers(token.idx)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The speaker slot of a speech verb, climbing out of clauses that share their subject.

    "X justified his choice by saying ..." (pcomp of a preposition), "X said, adding ..."
    (advcl) and "X was quoted as saying ..." all give X. "Y quoted X as saying" gives X, the
    one quoted, not Y.
    """
    if verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in ("quote", "cite"):
        quoted = [c for c in verb.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if quoted:
            return quoted[0]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # "Niger's president Mahamadou Issoufou said" parses with two subjects: the name wins
        return next((c for c in subjects if c.pos_ == "PROPN"), subjects[0])
    if depth < 3 and verb.head is not verb:
        if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "relcl"):
            return _subject(verb.head, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.head is not verb.head:  # "by saying", "after adding"
            return _subject(verb.head.head, depth + 1)
    return None


def _according_to(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    """The source in "according to X" or "in the words of X"."""
    doc = sent.doc
    for token in sent:
        preposition: Token | None = None
        if (token.lower_ == "according" and token.i + 2 < len(doc) and token.nbor().lower_ == "to") or (
            token.lower_ == "words" and token.i + 1 < len(doc) and token.nbor().lower_ == "of"
        ):
            preposition = token.nbor()
        if preposition is None:
            continue
        for child in preposition.children:
            if child.dep_ == "pobj" and not _inside(child, quotes):
                return child
    return None


#: Organisation nouns a description may use for a named body, with the name words that match it
#: ("the city" -> "Municipality of Livorno", "the ministry" -> "Chinese Foreign Ministry").
ORGANIZATION_HEADS: dict[str, tuple[str, ...]] = {
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
    "government": ("government", "administration", "cabinet"),
    "administration": ("administration", "government"),
    "city": ("city", "municipality", "council", "town"),
    "municipality": ("municipality", "city", "council"),
    "council": ("council",),
    "company": (),
    "firm": (),
    "group": ("group",),
    "agency": ("agency",),
    "organization": ("organization", "organisation"),
    "organisation": ("organisation", "organization"),
    "party": ("party",),
    "union": ("union",),
    "court": ("court",),
    "committee": ("committee",),
    "commission": ("commission",),
    "army": ("army", "forces", "military"),
    "military": ("military", "army", "forces"),
    "office": ("office",),
    "bank": ("bank",),
    "police": ("police",),
}
#: Documents whose words a quote gives; they speak for the body that issued them.
DOCUMENT_HEADS = frozenset(
    {"summary", "ruling", "judgment", "judgement", "decision", "verdict", "report", "letter"}
)
#: How many sentences back a description or pronoun may look for the person it means.
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

    def __init__(self, actors: ActorIndex) -> None:
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
        subject = _subject(sent.root)
        entity = self.actors.entity_at(subject) if subject is not None else None
        subject_actor = self.actors.actor(entity, "speaker") if entity is not None else None
        if subject_actor is not None and subject_actor.kind == "person":
            self.previous_subject = subject_actor.name
            if sent.start_char >= self.last_speaker_end:
                self.subject_since_last_statement = subject_actor

    def note_reported_speech(self, sent: Span) -> None:
        """ "Merkel said the talks were useful." makes Merkel the one a following bare quote continues."""
        verb = _speech_verb(sent, [])
        subject = _subject(verb) if verb is not None else None
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

    def resolve(self, head: Token) -> tuple[Actor | None, str]:
        entity = self.actors.entity_at(head)
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
                    if (found := self.actors.entity_at(token)) is not None and found.label_ == "PERSON"
                ),
                None,
            )
            entity = person or entity
        if entity is None:
            for child in head.children:
                if child.dep_ in ("compound", "appos") and (entity := self.actors.entity_at(child)):
                    break
        if entity is not None:
            actor = self.actors.actor(entity, "speaker")
            if actor is not None:
                return actor, "named"
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            # a name the model did not tag ("Ana Ruiz said"): the subject of a speech verb is
            # someone, so take the name as written
            words = [
                t
                for t in head.subtree
                if t.i <= head.i and t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")
            ]
            name = " ".join(t.text for t in [*words, head])
            kind = "organization" if is_body_name(name) or len(words) > 2 else "person"
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
        sentence = self.actors.sentence_of(head.i)
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


def _speech_verb(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    candidates = [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_LEMMAS and not _inside(t, quotes)
    ]
    if not candidates:
        return None
    # Prefer a verb with a subject; then the one nearest the quote.
    with_subject = [t for t in candidates if _subject(t) is not None]
    return (with_subject or candidates)[0]


_CUE_MARKS = (":", "—", "–", "-")


def _cue_mark_name(sent: Span, quotes: list[QuoteSpan], actors: ActorIndex) -> Actor | None:
    """A name joined to the quote by a colon or dash alone: ``Guo Jiakun: "..."``, ``"..." — Guo``."""
    doc = sent.doc
    text = actors.text
    before = text[sent.start_char : quotes[0].start].rstrip()
    if before.endswith(_CUE_MARKS):
        span = doc.char_span(sent.start_char, sent.start_char + len(before) - 1, alignment_mode="contract")
        if span is not None and len(span) > 0:
            entity = actors.entity_at(span[-1])
            if entity is not None and entity.end == span.end:
                return actors.actor(entity, "speaker")
    after = text[quotes[-1].end : sent.end_char]
    stripped = after.lstrip()
    if stripped.startswith(_CUE_MARKS[1:]):
        offset = quotes[-1].end + len(after) - len(stripped) + 1
        span = doc.char_span(offset, sent.end_char, alignment_mode="contract")
        first = next((t for t in span or [] if not t.is_space), None)
        entity = actors.entity_at(first) if first is not None else None
        if entity is not None:
            return actors.actor(entity, "speaker")
    return None


def _addressee(verb: Token, quotes: list[QuoteSpan], actors: ActorIndex) -> Actor | None:
    if verb.lemma_.lower() != "tell":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and not _inside(child, quotes):
            entity = actors.entity_at(child)
            if entity is not None:
                return actors.actor(entity, "addressee")
            if child.pos_ == "PROPN":  # the one told is a person even when the model tagged no entity
                words = [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i]
                return Actor(name=" ".join(t.text for t in words), role="addressee", kind="person")
    return None


def _only_quotes(sent: Span, quotes: list[QuoteSpan]) -> bool:
    outside = [t for t in sent if not _inside(t, quotes) and not t.is_punct and not t.is_space]
    return not outside


def _attribution_after(
    sent: Span, quote: QuoteSpan, quotes: list[QuoteSpan], actors: ActorIndex
) -> Span | None:
    """The next sentence, when it only attributes the quote that closed this one.

    The sentence splitter often ends a sentence at the closing mark of a multi-sentence
    quote, leaving ``Macron told the world on Thursday.`` on its own; it belongs to the quote.
    """
    doc = sent.doc
    if actors.text[quote.end : sent.end_char].strip(" ,.;:!?\"'”’") or sent.end >= len(doc):
        return None
    following = actors.sentence_of(sent.end)
    if "\n" in actors.text[quote.end : following.start_char] or len(following) > 25:
        return None
    if any(following.start_char <= q.start < following.end_char for q in quotes):
        return None
    verb = _speech_verb(following, quotes)
    return following if verb is not None and _subject(verb) is not None else None


def find_statements(doc: Doc, actors: ActorIndex, quotes: list[QuoteSpan]) -> list[Statement]:
    """Attribute ``quotes`` (from ``find_quotes(doc.text)``); short ones are marked partial."""
    tracker = SpeakerTracker(actors)
    statements: list[Statement] = []
    by_sentence: dict[int, list[QuoteSpan]] = {}
    sentences = {s.start_char: s for s in actors.sentences}
    for quote in quotes:
        sent = doc.char_span(quote.inner_start, quote.inner_start + 1, alignment_mode="expand")
        if sent is None:
            continue
        by_sentence.setdefault(actors.sentence_of(sent.start).start_char, []).append(quote)
    for start_char, sent in sentences.items():
        sent_quotes = by_sentence.get(start_char, [])
        # a quote that began in an earlier sentence but spans into this one belongs to the earlier one
        if sent_quotes:
            # A quote over several sentences is attributed in its last one ("... in two days!"
            # Macron told the world), so the span runs to the end of that sentence.
            end_char = sent.end_char
            for q in sent_quotes:
                last = doc.char_span(q.end - 1, q.end, alignment_mode="expand")
                if last is None:
                    continue
                last_sentence = actors.sentence_of(last.start)
                end_char = max(end_char, last_sentence.end_char)
                follower = _attribution_after(last_sentence, q, quotes, actors)
                if follower is not None:
                    end_char = max(end_char, follower.end_char)
            span = doc.char_span(sent.start_char, end_char, alignment_mode="expand") or sent
            statements.extend(_attribute(span, sent_quotes, tracker, actors))
        else:
            tracker.note_reported_speech(sent)
        tracker.note_people(sent)
    return statements


def _attribute(
    sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker, actors: ActorIndex
) -> list[Statement]:
    verb = _speech_verb(sent, quotes)
    speaker: Actor | None = None
    how = "subject"
    addressee: Actor | None = None
    if verb is not None:
        subject = _subject(verb)
        if subject is not None and not _inside(subject, quotes):
            speaker, how = tracker.resolve(subject)
        addressee = _addressee(verb, quotes, actors)
    if speaker is None and (source := _according_to(sent, quotes)) is not None:
        speaker, how = tracker.resolve(source)
    if speaker is None and (cued := _cue_mark_name(sent, quotes, actors)) is not None:
        speaker, how = cued, "named"
    if (
        speaker is None
        and _only_quotes(sent, quotes)
        and tracker.last_speaker is not None
        and sent.start_char - tracker.last_speaker_end < 400
    ):
        speaker, how = tracker.last_speaker, "continuation"
    colon_cue = tracker.actors.text[sent.start_char : quotes[0].start].rstrip().endswith(":")
    if speaker is None and verb is None:
        # No speech verb: the subject of the writer's own clause may introduce the quote. With
        # a colon ("The court ruled ..., finding that ...: “...”", "It also set a target: “...”")
        # any subject does; without one only a named person does ("Levy saw reason for “very,
        # very guarded optimism”"), because "Gameplay was delayed during the “third map”" is a
        # term, not a statement. The parse may root the sentence inside the quote, so take the
        # first subject outside it.
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and not _inside(t, quotes)]
        if subjects:
            candidate, found_how = tracker.resolve(subjects[0])
            if candidate is None and colon_cue and subjects[0].lower_ in ("it", "they", "this"):
                candidate, found_how = tracker.last_speaker, "pronoun"
            named_person = candidate is not None and candidate.kind == "person" and found_how == "named"
            if candidate is not None and (colon_cue or named_person):
                speaker, how = candidate, ("subject" if found_how == "named" else found_how)
    if speaker is None:
        return []
    tracker.last_speaker = speaker
    tracker.last_speaker_end = sent.end_char
    tracker.subject_since_last_statement = None
    text = tracker.actors.text
    # One utterance split by the attribution ("“We will not rush this,” she said, “because
    # ...”") is one statement; a part that starts a new sentence (a capital) is another.
    groups: list[list[QuoteSpan]] = []
    for q in quotes:
        continues = groups and verb is not None and text[q.inner_start : q.inner_start + 1].islower()
        if continues:
            groups[-1].append(q)
        else:
            groups.append([q])
    out: list[Statement] = []
    for group in groups:
        quote_text = " ".join(q.text for q in group)
        first = group[0]
        starts_lower = text[first.inner_start : first.inner_start + 1].islower()
        partial = sum(q.words for q in group) < 4 or starts_lower
        out.append(
            Statement(
                quote=quote_text,
                partial=partial,
                speaker=speaker,
                addressee=addressee,
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
                quote_start=first.start,
                how=how,
                cue=verb.lemma_.lower() if verb is not None else None,
            )
        )
    return out
