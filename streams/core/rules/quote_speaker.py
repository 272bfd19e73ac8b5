"""Who speaks a sentence's quotations, found the way an analyst reads the sentence.

In order: a headline or transcript lead ("Warren: Trump is a ‘proven failure’"), the speech
verb that introduces the quotes and its speaker slot (the agent of a passive: "she was asked
by the host"), "according to X", a name joined to the quote by a colon or a dash (``“…” ― Ana
Ruiz``), the one a colon-ended sentence just introduced ("Ana Ruiz echoed:" then the quote),
the last speaker for a bare quote, and the subject of the writer's own clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from streams.core.lexicon.organisations import DOCUMENT_HEADS
from streams.core.lexicon.people import PERSON_TITLES
from streams.core.model import Actor, SpeakerResolution
from streams.core.rules.actors import written_name
from streams.core.rules.quotes import QuoteSpan
from streams.core.rules.speakers import AUTHORED_HEADS, SpeakerTracker
from streams.core.rules.speech import according_to, inside_quotes, quote_verb, speaker_slot

#: Marks that join a name to a quote without a verb.
_CUE_MARKS = (":", "—", "–", "-", "―")
_DASHES = ("—", "–", "-", "―")
#: Passive speech verbs whose subject is the one spoken to, not the speaker ("he was asked").
_ADDRESSED_WHEN_PASSIVE = frozenset({"ask", "tell", "question", "urge", "warn", "advise", "invite"})
#: At most this many words before a headline or transcript colon ("CNN President On Trump:").
_LEAD_WORDS = 6
#: How far (characters) a bare quote may follow the sentence that introduced it with a colon.
_INTRODUCED_GAP = 3


@dataclass(frozen=True)
class FoundSpeaker:
    verb: Token | None  # the speech verb, when there is one (the cue, the addressee's verb)
    speaker: Actor | None
    how: SpeakerResolution


def find_quote_speaker(sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker) -> FoundSpeaker:
    """The speaker of ``quotes`` (all in ``sent``), or ``speaker=None`` when nobody is found."""
    verb = quote_verb(sent, quotes)
    lead = _colon_lead(sent, quotes, tracker)
    if lead is not None:
        return FoundSpeaker(verb, lead, "named")
    speaker: Actor | None = None
    how: SpeakerResolution = "subject"
    if verb is not None:
        subject = _speaker_of_verb(verb)
        if subject is not None and not inside_quotes(subject, quotes):
            speaker, how = tracker.resolve(subject)
    if speaker is None and (source := according_to(sent, quotes)) is not None:
        speaker, how = tracker.resolve(source)
    if speaker is None and (cued := _cue_mark_name(sent, quotes, tracker)) is not None:
        speaker, how = cued, "named"
    if speaker is None and (owned := _words_heading(sent, quotes, tracker)) is not None:
        speaker, how = owned
    if speaker is None and (tail := _tail_speaker(sent, quotes)) is not None:
        speaker, how = tracker.resolve(tail)
    only_quotes = _only_quotes(sent, quotes)
    if speaker is None and only_quotes and (introduced := tracker.introduced_at(sent.start_char)) is not None:
        speaker, how = introduced
    if speaker is None and only_quotes:
        continued = tracker.continued_speaker(sent.start_char)
        if continued is not None:
            speaker, how = continued, "continuation"
    if speaker is None and verb is None:
        speaker, how = _writer_clause_subject(sent, quotes, tracker)
    return FoundSpeaker(verb, speaker, how)


def _speaker_of_verb(verb: Token) -> Token | None:
    """The speaker slot, but the agent of a passive ("she was asked by the host Bill Maher"),
    and nobody for a passive whose subject was spoken to ("he was asked, “…”")."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            return agents[0]
        if verb.lemma_.lower() in _ADDRESSED_WHEN_PASSIVE:
            return None
    return speaker_slot(verb)


_TAIL_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _tail_speaker(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    """ "“…,” Bozell answers.", "“Go back,” Trump barked": the parse may miss the verb (it takes
    "answers" for a noun), but a quote that ends in a comma, "?" or "!" followed by a name or a
    pronoun and a lower-case word is attributed to that name."""
    last = quotes[-1]
    if not last.text.rstrip().endswith((",", "?", "!")):
        return None
    doc = sent.doc
    after = [t for t in sent if t.idx >= last.end and not t.is_space]
    if not after:
        return None
    if after[0].lower_ in _TAIL_PRONOUNS:
        following = after[1] if len(after) > 1 else None
        return after[0] if following is not None and following.text[:1].islower() else None
    name = []
    for token in after[:3]:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            break
        name.append(token)
    rest = after[len(name) :]
    if not name or not rest or not (rest[0].text[:1].islower() or rest[0].text == ","):
        return None
    return doc[name[-1].i]


def _only_quotes(sent: Span, quotes: list[QuoteSpan]) -> bool:
    outside = [t for t in sent if not inside_quotes(t, quotes) and not t.is_punct and not t.is_space]
    return not outside


def _writer_clause_subject(
    sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker
) -> tuple[Actor | None, SpeakerResolution]:
    """No speech verb: the subject of the writer's own clause may introduce the quote.

    With a colon ("The court ruled ..., finding that ...: “...”", "It also set a target: “...”")
    any subject does; without one only a named person does ("Marsh saw grounds for “very, very
    cautious hope”"), because "Play was paused during the “final round”" is a term, not
    a statement. The parse may root the sentence inside the quote, so take the first subject
    outside it.
    """
    # a colon before any of the sentence's quotes: "justified the raid as “necessary”: “We ...”"
    text = tracker.actors.document.text
    colon_cue = any(text[sent.start_char : q.start].rstrip().endswith(":") for q in quotes)
    subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and not inside_quotes(t, quotes)]
    if not subjects:
        return None, "subject"
    # the main clause's subject first: "With leaders worried ..., Obama is rolling out a message:"
    subjects.sort(key=lambda t: t.head.i != sent.root.i)
    candidate, found_how = tracker.resolve(subjects[0])
    if candidate is None and colon_cue and subjects[0].lower_ in ("it", "they", "this"):
        candidate, found_how = tracker.last_speaker, "pronoun"
    named_person = candidate is not None and candidate.kind == "person" and found_how == "named"
    # "The letter reads, “…”": a document is written to be quoted
    document = subjects[0].lemma_.lower() in DOCUMENT_HEADS | AUTHORED_HEADS and found_how == "description"
    if candidate is not None and (colon_cue or named_person or document):
        return candidate, ("subject" if found_how == "named" else found_how)
    return None, "subject"


def _name_at(tokens: Span, tracker: SpeakerTracker) -> Actor | None:
    """The actor named by ``tokens`` as a whole: one entity, or a run of capitalised proper nouns."""
    document = tracker.actors.document
    words = [t for t in tokens if not t.is_space and not t.is_punct]
    if not words:
        return None
    entity = document.entity_at(words[0])
    if entity is not None and entity.end >= words[-1].i + 1:
        return tracker.actors.actor(entity, "speaker")
    if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words) and len(words) <= 4:
        name, kind = written_name(words[-1])
        if name == " ".join(t.text for t in words):
            return Actor(name=name, role="speaker", kind=kind)
    return None


def _lead_name(tokens: Span, tracker: SpeakerTracker) -> Actor | None:
    """The speaker a headline's or transcript's lead names: one short entity, a person the
    article names in full elsewhere ("Sanders", "WALLACE"), or a body's officer ("CNN President")."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words or len(words) > 4 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    doc = tokens.doc
    span = doc[words[0].i : words[-1].i + 1]
    known = tracker.actors.known_person(span.text, "speaker")
    if known is not None:
        return known
    entity = tracker.actors.document.entity_at(words[0])
    if entity is not None and entity.end == span.end and len(entity) <= 3:  # not "Veto Power Impedes Peace"
        named = tracker.actors.actor(entity, "speaker")
        if named is not None and named.kind in ("person", "organization", "group"):
            return named
    if len(words) >= 2 and words[-1].lower_ in PERSON_TITLES:  # "CNN President On Trump:"
        body = _name_at(doc[words[0].i : words[-1].i], tracker)
        if body is not None and body.kind == "organization":
            name, title = span.text, words[-1].text
            return Actor(name=name, role="speaker", kind="person", title=title, organization=body.name)
    return None


def _colon_lead(sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker) -> Actor | None:
    """ "Warren: Trump Is a ‘Proven Failure’", "CNN President On Trump: ‘…’", “WALLACE: Let's …”.

    A headline or a transcript line opens with the speaker and a colon; the name is the
    speaker even when the quote comes later in the line (and the sentence splitter often cuts
    the line at the colon). A transcript quotes the whole line, name and all. Only a short
    verbless lead that names someone counts: "Poll:", "UPDATE:" and "KABUL:" name nobody.
    """
    doc = sent.doc
    text = tracker.actors.document.text
    first = quotes[0]
    inner = re.match(r"\s*([^\s:][^:\n]{0,40}):\s", text[first.inner_start : first.inner_end])
    if inner is not None:  # “WALLACE: Let's start with the news.”
        start = first.inner_start + inner.start(1)
        span = doc.char_span(start, start + len(inner.group(1)), alignment_mode="contract")
        named = _lead_name(span, tracker) if span is not None else None
        if named is not None:
            return named
    line_start = text.rfind("\n", 0, first.start) + 1
    colon = text.find(":", line_start, first.start)
    if colon < 0 or line_start < sent.start_char - 60:
        return None
    span = doc.char_span(line_start, colon, alignment_mode="contract")
    if span is None or not len(span) or any(inside_quotes(t, quotes) for t in span):
        return None
    cut = next((t.i for t in span if t.pos_ == "ADP" and t.i > span.start), span.end)  # "X On Trump"
    return _lead_name(doc[span.start : cut], tracker)


def _words_heading(
    sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker
) -> tuple[Actor, SpeakerResolution] | None:
    """ "His exact words:" and the quote below it, joined into one sentence by the splitter: the
    quote is the possessor's (``SpeakerTracker.owner_of_words``)."""
    text = tracker.actors.document.text
    before = text[sent.start_char : quotes[0].start].rstrip()
    if not before.endswith(":"):
        return None
    span = sent.doc.char_span(sent.start_char, sent.start_char + len(before) - 1, alignment_mode="contract")
    if span is None or not len(span) or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    return tracker.owner_of_words(span.root)


def _cue_mark_name(sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker) -> Actor | None:
    """A name joined to the quote by a colon or dash alone: ``Guo Jiakun: "..."``, ``"..." ― Guo``.

    The dash and name may sit past the sentence the splitter cut ("“…” ― Ana Ruiz" at the end
    of a line is often the start of the next sentence): the rest of the line is read.
    """
    doc = sent.doc
    actors = tracker.actors
    text = actors.document.text
    before = text[sent.start_char : quotes[0].start].rstrip()
    if before.endswith(_CUE_MARKS):
        span = doc.char_span(sent.start_char, sent.start_char + len(before) - 1, alignment_mode="contract")
        if span is not None and len(span) > 0:
            entity = actors.document.entity_at(span[-1])
            if entity is not None and entity.end == span.end:
                return actors.actor(entity, "speaker")
    line_end = text.find("\n", quotes[-1].end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[quotes[-1].end : line_end]
    stripped = after.lstrip()
    if not stripped.startswith(_DASHES):
        return None
    offset = quotes[-1].end + len(after) - len(stripped) + 1
    span = doc.char_span(offset, line_end, alignment_mode="contract")
    words = [t for t in span or [] if not t.is_space]
    if not words:
        return None
    entity = actors.document.entity_at(words[0])
    if entity is not None:
        name_end = entity.end
    else:
        name_end = words[0].i
        while name_end <= words[-1].i and doc[name_end].pos_ == "PROPN" and doc[name_end].text[:1].isupper():
            name_end += 1
        if name_end - words[0].i < 2:  # one untagged word after a dash is rarely a signature
            return None
    # a signature ends the line, or a comma follows it ("― Ana Ruiz, 34, nurse"); "“…” — Ruiz's
    # plan ..." goes on, and is the writer's sentence
    rest = [t for t in words if t.i >= name_end]
    if rest and not (rest[0].is_punct and rest[0].text not in ("'s", "’s")):
        return None
    return _name_at(doc[words[0].i : name_end], tracker)
