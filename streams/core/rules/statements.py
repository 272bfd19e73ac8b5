"""Attribute direct quotations to speakers, using the dependency parse.

For each quotation the sentence around it is searched, outside the quoted words, for a
speech verb ("said", "told", "added", "according to" ...). Its subject is the speaker:
a named actor directly, a pronoun ("he said") or a description ("the official said")
through the last speaker or last person named before it. A sentence that is nothing but
a quotation continues the previous speaker. Two quotations in one sentence split by the
attribution ("“…,” he said, “…”") are one statement.
"""

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from streams.core.model import Actor, ActorKind, SpeakerResolution, StatementForm
from streams.core.rules.actors import ActorResolver
from streams.core.rules.quote_speaker import find_quote_speaker
from streams.core.rules.quotes import QuoteSpan
from streams.core.rules.reported import find_reports
from streams.core.rules.speakers import SpeakerTracker
from streams.core.rules.speech import inside_quotes, quote_opens_in, speaker_slot, speech_verb
from streams.core.rules.utterances import (
    QUOTATION_WORDS,
    group_parts,
    is_fragment,
    is_name_not_words,
    is_partial,
    one_utterance,
    runs_on_to,
)

#: Confidence by how the speaker was found.
CONFIDENCE: dict[SpeakerResolution, float] = {
    "named": 0.9,
    "pronoun": 0.75,
    "description": 0.7,
    "continuation": 0.65,
    "subject": 0.5,
}


#: Reported speech is less certain than a quotation with the same speaker: nothing marks where
#: the reported words begin and end, so the cue, the clause and even whether anything was said
#: ("X warned of ...") come from the parse alone. A consumer that wants quotes only can filter
#: on ``form`` or on confidence: an indirect statement never reaches the direct one's score.
FORM_DISCOUNT: dict[StatementForm, float] = {"direct": 0.0, "mixed": 0.05, "indirect": 0.15}


@dataclass(frozen=True)
class Statement:
    """One attributed utterance. ``quote`` is the quoted words (None for indirect speech that
    quotes nothing; a fragment of under four words for indirect speech that does);
    ``content`` the reported words or clause, body[content_start:content_end] unless the
    parts of a split quote are joined; ``quote_start`` anchors the event id."""

    quote: str | None
    partial: bool
    speaker: Actor
    addressee: Actor | None
    sentence_start: int
    sentence_end: int
    quote_start: int
    how: SpeakerResolution
    cue: str | None = None  # lemma of the speech verb ("say", "urge"), when there is one
    form: StatementForm = "direct"
    content: str = ""
    content_start: int = 0
    content_end: int = 0
    #: where the speech verb stands in the body ([start, end)), when there is one
    cue_span: tuple[int, int] | None = None

    @property
    def confidence(self) -> float:
        """By how the speaker was found, lowered for reported speech (``FORM_DISCOUNT``)."""
        return round(CONFIDENCE[self.how] - FORM_DISCOUNT[self.form], 2)


def _addressee(verb: Token, quotes: list[QuoteSpan], actors: ActorResolver) -> Actor | None:
    if verb.lemma_.lower() != "tell":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and not inside_quotes(child, quotes):
            entity = actors.document.entity_at(child)
            if entity is not None:
                return actors.actor(entity, "addressee")
            if child.pos_ == "PROPN":  # the one told is a person even when the model tagged no entity
                words = [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i]
                return Actor(name=" ".join(t.text for t in words), role="addressee", kind="person")
            if child.pos_ == "NOUN":  # "told reporters", "told a news conference": those told, as written
                words = [t for t in child.subtree if t.i <= child.i and t.dep_ not in ("det", "poss")]
                kind: ActorKind = "group" if child.tag_ == "NNS" else "person"
                return Actor(name=" ".join(t.text for t in words), role="addressee", kind=kind)
    return None


def _attribution_after(
    sent: Span, quote: QuoteSpan, quotes: list[QuoteSpan], actors: ActorResolver
) -> Span | None:
    """The next sentence, when it only attributes the quote that closed this one.

    The sentence splitter often ends a sentence at the closing mark of a multi-sentence
    quote, leaving ``Macron told the world on Thursday.`` on its own; it belongs to the quote.
    """
    doc = sent.doc
    if actors.document.text[quote.end : sent.end_char].strip(" ,.;:!?\"'”’") or sent.end >= len(doc):
        return None
    following = actors.document.sentence_of(sent.end)
    if "\n" in actors.document.text[quote.end : following.start_char] or len(following) > 25:
        return None
    if quote_opens_in(following.start_char, following.end_char, quotes):
        return None
    verb = speech_verb(following, quotes)
    return following if verb is not None and speaker_slot(verb) is not None else None


def find_statements(doc: Doc, actors: ActorResolver, quotes: list[QuoteSpan]) -> list[Statement]:
    """Attribute ``quotes`` (from ``find_quotes(doc.text)``); short ones are marked partial."""
    tracker = SpeakerTracker(actors)
    statements: list[Statement] = []
    by_sentence: dict[int, list[QuoteSpan]] = {}
    sentences = {s.start_char: s for s in actors.document.sentences}
    for quote in quotes:
        sent = doc.char_span(quote.inner_start, quote.inner_start + 1, alignment_mode="expand")
        if sent is None or is_name_not_words(
            quote, doc, actors.document.text
        ):  # “Meet the Press” is named, not said
            continue
        by_sentence.setdefault(actors.document.sentence_of(sent.start).start_char, []).append(quote)
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
                last_sentence = actors.document.sentence_of(last.start)
                end_char = max(end_char, last_sentence.end_char)
                follower = _attribution_after(last_sentence, q, quotes, actors)
                if follower is not None:
                    end_char = max(end_char, follower.end_char)
            span = doc.char_span(sent.start_char, end_char, alignment_mode="expand") or sent
            direct = _attribute(span, sent_quotes, tracker, actors)
        else:
            direct = []
            tracker.note_reported_speech(sent)
        statements.extend(_with_reported(sent, direct, quotes, tracker, actors))
        tracker.note_people(sent)
    text = actors.document.text  # spaCy joins the tokens anew on every read of doc.text
    return _fragments_as_paraphrase(
        _join_utterances(_share_runs_on(statements, quotes, doc, text), quotes, doc, text)
    )


def _fragments_as_paraphrase(statements: list[Statement]) -> list[Statement]:
    """A statement whose quoted words are a fragment of one to three words ("called the deal
    “a disaster”") reports its speaker in the writer's words: form ``indirect``, the fragment
    kept in ``quote`` so the quoted words are not lost."""
    return [
        replace(st, form="indirect")
        if st.form == "direct" and st.quote is not None and len(st.quote.split()) < QUOTATION_WORDS
        else st
        for st in statements
    ]


def _with_reported(
    sent: Span,
    direct: list[Statement],
    quotes: list[QuoteSpan],
    tracker: SpeakerTracker,
    actors: ActorResolver,
) -> list[Statement]:
    """The sentence's direct statements and its reported speech (rules/reported.py): a reported
    clause around a quote replaces the quote's statement as a mixed one; one that overlaps a
    direct statement otherwise is left out (the quote says it better)."""
    out = list(direct)
    for report in find_reports(sent, quotes, tracker):
        start, end = report.content_start, report.content_end
        within = [st for st in out if start <= st.content_start and st.content_end <= end]
        if any(st.content_start < end and st.content_end > start for st in out if st not in within):
            continue
        out = [st for st in out if st not in within]
        text = actors.document.text
        # quoted words make the statement mixed when they are a quotation in the project's sense
        # (four words or more, GUIDELINES); "said the plan was “dead on arrival”" is a paraphrase
        # with a scare quote: indirect, its marks still in the content
        quoted = any(q.words >= QUOTATION_WORDS for q in report.quotes)
        quote = " ".join(q.text for q in report.quotes) or None  # a scare quote's words are kept
        verb = report.verb
        out.append(
            Statement(
                quote=quote,
                partial=False,
                speaker=report.speaker,
                addressee=_addressee(verb, quotes, actors) if verb is not None else None,
                sentence_start=sent.start_char,
                sentence_end=max([sent.end_char] + [st.sentence_end for st in within]),
                quote_start=start,
                how=report.how,
                cue=report.cue,
                form="mixed" if quoted else "indirect",
                content=text[start:end],
                content_start=start,
                content_end=end,
                cue_span=(verb.idx, verb.idx + len(verb.text)) if verb is not None else None,
            )
        )
    return sorted(out, key=lambda st: st.content_start) if len(out) > len(direct) else out


def _attribute(
    sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker, actors: ActorResolver
) -> list[Statement]:
    found = find_quote_speaker(sent, quotes, tracker)
    verb, speaker, how = found.verb, found.speaker, found.how
    addressee = _addressee(verb, quotes, actors) if verb is not None else None
    if speaker is None:
        return []
    tracker.last_speaker = speaker
    tracker.last_speaker_end = sent.end_char
    tracker.subject_since_last_statement = None
    text = tracker.actors.document.text
    out: list[Statement] = []
    for group in group_parts(quotes, sent.doc, text):  # "“…,” she said, “…”" is one utterance
        quote_text = " ".join(q.text for q in group)
        first = group[0]
        partial = is_partial(group, text)
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
                content=quote_text,
                content_start=first.inner_start,
                content_end=group[-1].inner_end,
                cue_span=(verb.idx, verb.idx + len(verb.text)) if verb is not None else None,
            )
        )
    return out


def _join_utterances(
    statements: list[Statement], quotes: list[QuoteSpan], doc: Doc, text: str
) -> list[Statement]:
    """Join a direct statement to the one before when their parts are one utterance across
    sentences ("“…,” Ruiz said. “…”", a quote over several paragraphs): the sentence splitter
    cuts such an utterance where the writer did not. The speaker is the one found beside the
    attribution; two different speakers found each on its own are never joined."""
    by_start = {q.inner_start: q for q in quotes}
    by_end = {q.inner_end: q for q in quotes}
    out: list[Statement] = []
    for st in statements:
        prev = out[-1] if out else None
        last = by_end.get(prev.content_end) if prev is not None and prev.form == "direct" else None
        first = by_start.get(st.content_start) if st.form == "direct" else None
        if prev is None or last is None or first is None or not one_utterance(last, first, doc, text):
            out.append(st)
            continue
        chosen = prev
        if prev.speaker != st.speaker:
            if prev.how == "continuation" and st.how != "continuation":
                chosen = st
            elif st.how != "continuation":
                out.append(st)
                continue
        quote = f"{prev.quote} {st.quote}"
        out[-1] = replace(
            chosen,
            quote=quote,
            content=quote,
            partial=is_fragment(len(quote.split()), text, prev.content_start),
            sentence_start=prev.sentence_start,
            sentence_end=max(prev.sentence_end, st.sentence_end),
            quote_start=prev.quote_start,
            content_start=prev.content_start,
            content_end=st.content_end,
        )
    return out


def _share_runs_on(
    statements: list[Statement], quotes: list[QuoteSpan], doc: Doc, text: str
) -> list[Statement]:
    """One speaker for every paragraph of a quotation over several paragraphs: the attribution
    usually sits in one paragraph only ("“…¶“…,” Ruiz said."), so a paragraph without its own
    speaker takes the one found there (one statement per paragraph, as the guideline counts)."""
    by_start = {st.content_start: st for st in statements if st.form == "direct"}
    chains: list[list[QuoteSpan]] = []
    for q in quotes:
        if chains and runs_on_to(chains[-1][-1], q, text):
            chains[-1].append(q)
        elif q.runs_on:
            chains.append([q])
    replaced: dict[int, Statement] = {}
    for chain in chains:
        found = [by_start[q.inner_start] for q in chain if q.inner_start in by_start]
        named = next((st for st in found if st.how != "continuation"), None)
        if named is None:
            continue
        for q in chain:
            own = by_start.get(q.inner_start)
            if own is not None and own.how != "continuation":
                continue
            sent = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
            end = sent.end_char if sent is not None else q.end
            replaced[q.inner_start] = replace(
                named,
                quote=q.text,
                content=q.text,
                partial=is_partial([q], text),
                sentence_start=own.sentence_start if own is not None else q.start,
                sentence_end=own.sentence_end if own is not None else end,
                quote_start=q.start,
                how="continuation",
                content_start=q.inner_start,
                content_end=q.inner_end,
            )
    if not replaced:
        return statements
    kept = [st for st in statements if st.content_start not in replaced or st.form != "direct"]
    return sorted([*kept, *replaced.values()], key=lambda st: st.content_start)
