"""Find reported speech: a speech cue, its source and the reported clause (indirect and mixed).

"China said it would respond", "Obama told reporters that he would veto the bill",
"According to the ministry, the talks failed", "The talks, he said, had failed". The cue is a
word of the reporting lexicon (``REPORTING_LEMMAS``) *in a reporting shape* of the parse: a
clausal complement (``ccomp``) of the verb, a clause the verb interrupts (``parataxis``:
"the talks, he said, had failed"), or the main clause around "according to X". A lexicon word
without that shape ("she called a meeting") reports nothing, and a verb of belief or attitude
("X thinks", "X backs Y", "polls show") is not in the lexicon at all: a belief is not a
statement.

The content is the reported clause alone, never the whole sentence: consumers (and the
benchmark, which matches spans by overlap) want what was said, not who said it. Quoted words
inside the clause ("she said that the plan was “dead on arrival”") make the statement
``mixed``; a clause that is mostly the quote itself is the direct statement's business.

Not statements: negated speech ("did not say whether ..."), whose clause nobody asserted, and
a question about who said something ("Who said the talks failed?").
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from streams.core.lexicon.organisations import ORGANIZATION_HEADS
from streams.core.lexicon.speech import (
    ADDRESSEE_VERBS,
    INFINITIVE_REPORTING,
    OBJECT_REPORTING,
    REPORTING_LEMMAS,
)
from streams.core.model import Actor, ActorKind, SpeakerResolution
from streams.core.rules.quotes import QuoteSpan
from streams.core.rules.speakers import SpeakerTracker
from streams.core.rules.speech import according_to, inside_quotes, speaker_slot

#: Share of the clause's characters inside quotation marks from which it is the quote itself
#: ("“The talks failed,” he said" parses the quote as the verb's complement): left to the
#: direct statement.
QUOTED_SHARE = 0.5

_EDGE_PUNCT = frozenset(",.;:!?—–-()[]")
_OPENING_MARKS = frozenset("“‘\"'«")
_CLOSING_MARKS = frozenset("”’\"'»")


@dataclass(frozen=True)
class Report:
    """One piece of reported speech found in a sentence, before it becomes a ``Statement``."""

    cue: str  # the verb's lemma, or "according to"
    verb: Token | None  # the speech verb (None for "according to")
    speaker: Actor
    how: SpeakerResolution
    content_start: int
    content_end: int
    quotes: tuple[QuoteSpan, ...]  # the quotations inside the content (a mixed statement)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "neg" for c in verb.head.children if verb.dep_ == "xcomp"
    )


def _question(verb: Token, sent: Span) -> bool:
    """ "Who said the talks failed?", "Did he say ...?": the cue is asked about, not used."""
    if not sent.text.rstrip().endswith("?"):
        return False
    subject = speaker_slot(verb)
    if subject is not None and subject.tag_ in ("WP", "WDT"):
        return True
    return any(
        c.dep_ == "aux" and c.i < (subject.i if subject is not None else verb.i) for c in verb.children
    )


def _char_bounds(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """The character span of ``tokens`` (in order, contiguous or not) without the punctuation,
    the connecting "and"/"but" and the unpaired quotation marks at its edges."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_space or toks[0].text in _EDGE_PUNCT or toks[0].dep_ == "cc"):
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].text in _EDGE_PUNCT or toks[-1].dep_ == "cc"):
        toks.pop()
    if not toks:
        return None
    opened = sum(t.text in _OPENING_MARKS for t in toks)
    closed = sum(t.text in _CLOSING_MARKS for t in toks)
    if toks[-1].text in _CLOSING_MARKS and closed > opened:
        toks.pop()
    elif toks and toks[0].text in _OPENING_MARKS and opened > closed:
        toks.pop(0)
    while toks and (toks[-1].text in _EDGE_PUNCT or toks[-1].is_space):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _clause_tokens(head: Token, verb: Token) -> list[Token]:
    """The reported clause headed by ``head``, without the words that belong to the report.

    "said in a statement it would respond" parses "in a statement" inside the clause; a
    phrase between the verb and the clause's subject that precedes any "that" is the verb's.
    """
    tokens = list(head.subtree)
    first_core = min(
        (c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "mark", "expl", "csubj")),
        default=head.i,
    )
    dropped: set[int] = set()
    if head.i > verb.i:
        for child in head.lefts:
            if child.dep_ in ("prep", "npadvmod", "advmod", "punct") and child.i < first_core:
                dropped.update(t.i for t in child.subtree)
    return [t for t in tokens if t.i not in dropped]


def _quoted(start: int, end: int, quotes: list[QuoteSpan]) -> tuple[tuple[QuoteSpan, ...], int]:
    """The quotations inside [start, end) and how many of its characters they cover."""
    inside = tuple(q for q in quotes if start <= q.start and q.end <= end)
    covered = sum(min(q.end, end) - max(q.start, start) for q in quotes if q.start < end and q.end > start)
    return inside, covered


def _crosses(start: int, end: int, quotes: list[QuoteSpan]) -> bool:
    """A quotation that begins or ends inside [start, end) but runs outside it."""
    return any(q.start < end and q.end > start and not (start <= q.start and q.end <= end) for q in quotes)


def _fronted_ok(clause: Token, verb: Token) -> bool:
    """A clause before its verb ("The talks failed, he said") is joined to it by a comma or a
    dash, never by a semicolon or colon ("The plan was dropped; our chairman argued ...")."""
    end = max(t.i for t in clause.subtree)
    between = verb.doc[end + 1 : verb.i]
    return not any(t.text in (";", ":") for t in between)


def _after_ok(clause: Token, verb: Token) -> bool:
    start = min(t.i for t in clause.subtree)
    between = verb.doc[verb.i + 1 : start]
    # any other verb's object before the clause means the parse hung a clause of its own on the
    # verb ("announced his candidacy, here we are")
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        return True
    return not any(t.dep_ == "dobj" and t.head == verb for t in between)


def _content_of(verb: Token) -> list[Token] | None:
    """The reported clause of a speech verb, by the shape of the parse: the complement after
    the verb, else one before it."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in clauses if c.i > verb.i]
    if after:
        return _clause_tokens(after[0], verb) if _after_ok(after[0], verb) else None
    if clauses:
        return _clause_tokens(clauses[-1], verb) if _fronted_ok(clauses[-1], verb) else None
    if verb.lemma_.lower() in OBJECT_REPORTING:
        return _object_content(verb)
    if verb.dep_ == "parataxis" and verb.head != verb:
        # "The talks, he said, had failed": the clause the report interrupts
        own = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i not in own]
    return None


def _source(
    subject: Token, tracker: SpeakerTracker, own_subject: bool = True
) -> tuple[Actor | None, SpeakerResolution]:
    """Who reports: the tracker's answer, else the words of a noun subject as written.

    A relative pronoun stands for the noun it hangs on ("the senator, who said ..."). When the
    tracker knows no one ("Twenty-four percent said ...", "the actress said", "some advocates
    said"), the subject's own words are the best name there is: the statement is kept with
    a ``description`` speaker rather than lost. Only the verb's own subject (or that of the
    verb it is coordinated with or hangs on: "X met Y, saying ...") is taken so: a subject
    borrowed from further up ("The request results from ..., asking ...") seldom speaks.
    """
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        subject = subject.head.head
    speaker, how = tracker.resolve(subject)
    if speaker is not None or subject.pos_ not in ("NOUN", "PROPN", "NUM") or not own_subject:
        return speaker, how
    words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ not in ("det", "punct")]
    words += _whose(subject)
    name = "".join(t.text_with_ws for t in words).strip() or subject.text
    plural = subject.tag_ in ("NNS", "NNPS") or subject.pos_ == "NUM" or subject.lemma_.lower() == "percent"
    kind: ActorKind = (
        "organization" if subject.lemma_.lower() in ORGANIZATION_HEADS else ("group" if plural else "person")
    )
    return Actor(name=name, role="speaker", kind=kind), "description"


def _whose(subject: Token) -> list[Token]:
    """The of-phrase naming whose the unnamed speaker is, when a named place or body follows:
    "the president of Chile", "a spokeswoman for the ministry" keeps only the title, and "the
    mayor of Springfield" is not just "mayor"."""
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != subject.i + 1:
            continue
        for owner in prep.children:
            if owner.dep_ == "pobj" and owner.ent_type_ in ("GPE", "LOC", "ORG", "NORP"):
                named = [t for t in owner.subtree if t.i <= owner.i and t.dep_ != "punct"]
                if all(t.i == prep.i + 1 + k for k, t in enumerate(named)):  # written together
                    return [prep, *named]
    return []


def _voice_behind(source: Token) -> Token:
    """Whose words an "according to" source carries when it names them: "according to fears
    expressed by a senior official", "according to a report by the ministry" -> the official,
    the ministry. A common noun only: a name is its own voice."""
    if source.pos_ != "NOUN":
        return source
    for child in source.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            voice = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "acl":  # "expressed by", "issued by"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            voice = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        else:
            continue
        if voice is not None:
            return voice
    return source


def _object_content(verb: Token) -> list[Token] | None:
    """The content of a speech act with a nominal or infinitive complement: its object, the
    object's predicate, its infinitive and the prepositions the lexicon names ("accused him of
    lying", "called for a ban": the preposition that opens the content is left out)."""
    lemma = verb.lemma_.lower()
    preps = OBJECT_REPORTING[lemma]
    parts: list[Token] = []
    for child in verb.rights:
        complement = child.dep_ in ("dobj", "oprd") or (
            child.dep_ == "xcomp" and lemma in INFINITIVE_REPORTING
        )
        if complement or (child.dep_ == "prep" and child.lower_ in preps):
            parts.extend(child.subtree)
    parts.sort(key=lambda t: t.i)
    if parts and parts[0].head == verb and parts[0].dep_ == "prep":
        parts = parts[1:]
    if not parts:
        return None
    if lemma == "call" and not (
        any(t.dep_ in ("oprd", "xcomp") and t.head == verb for t in parts) or parts[0].i == verb.i + 2
    ):
        return None  # "called a meeting for Friday", "called him": a call, not a statement
    return parts


_starts = threading.local()


def _near(sent: Span, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """The quotations that touch the sentence, by bisection (a long article has thousands)."""
    cached = getattr(_starts, "last", None)
    if cached is None or cached[0] is not quotes:
        cached = (quotes, [q.start for q in quotes], [q.end for q in quotes])
        _starts.last = cached
    _, starts, ends = cached
    return quotes[bisect.bisect_right(ends, sent.start_char) : bisect.bisect_left(starts, sent.end_char)]


def find_reports(sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker) -> list[Report]:
    """The reported speech of one sentence, in order; every source resolved by the tracker.

    ``quotes`` are the article's quotations (``find_quotes``), sorted and not overlapping."""
    reports: list[Report] = []
    local = _near(sent, quotes)
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue  # most tokens: tested before building the lemma's lower-cased string
        lemma = token.lemma_.lower()
        if lemma not in REPORTING_LEMMAS and lemma not in OBJECT_REPORTING:
            continue
        if token.dep_ in ("acl", "amod") or any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
            continue  # "names mentioned as nominees", "he was confirmed": nobody speaks here
        if inside_quotes(token, quotes) or _negated(token) or _question(token, sent):
            continue
        content = _content_of(token)
        if not content:
            continue
        subject = speaker_slot(token)
        if subject is None or inside_quotes(subject, quotes):
            continue
        own = subject.head == token or (token.dep_ in ("conj", "advcl") and subject.head == token.head)
        speaker, how = _source(subject, tracker, own)
        if speaker is None:
            continue
        report = _report(lemma, token, content, speaker, how, local)
        if report is not None:
            reports.append(report)
    source = according_to(sent, quotes)
    if source is not None:
        report = _according_report(sent, source, local, tracker)
        if report is not None:
            reports.append(report)
    return reports


def _report(
    cue: str,
    verb: Token | None,
    content: list[Token],
    speaker: Actor,
    how: SpeakerResolution,
    quotes: list[QuoteSpan],
) -> Report | None:
    bounds = _char_bounds(content)
    if bounds is None:
        return None
    start, end = bounds
    if sum(1 for t in content if t.is_alpha) < 2:
        return None  # "said so", a headline's stray word: no clause to report
    if _crosses(start, end, quotes):
        return None
    inside, covered = _quoted(start, end, quotes)
    if covered >= QUOTED_SHARE * (end - start):
        return None  # the quote itself: a direct statement
    return Report(cue, verb, speaker, how, start, end, inside)


def _according_report(
    sent: Span, source: Token, quotes: list[QuoteSpan], tracker: SpeakerTracker
) -> Report | None:
    """ "According to the ministry, the talks failed": the clause the phrase is attached to."""
    according = source.head.head  # pobj -> "to" -> "according"
    if according.lower_ != "according":
        return None
    speaker, how = _source(_voice_behind(source), tracker)
    if speaker is None:
        return None
    head = according.head if according.head != according else None
    if head is None or head.lemma_.lower() in REPORTING_LEMMAS:
        return None  # "X said at a briefing, according to Y": the speech verb's report
    phrase = {t.i for t in according.subtree}
    # a semicolon ends the clause the source vouches for ("A is X; B is Y, according to Z")
    stops = [t.i for t in sent if t.text == ";"]
    low = max((i for i in stops if i < according.i), default=sent.start - 1)
    high = min((i for i in stops if i > according.i), default=sent.end)
    content = [t for t in head.subtree if t.i not in phrase and low < t.i < high]
    return _report("according to", None, content, speaker, how, quotes)
