"""Date entities the model cut short, mended once per article before any rule reads them.

The small model often tags only the unit of a relative date: in "this week's megadeal" the DATE
entity is "week", which no reader can date. The word before it that makes it relative ("this",
"last", "next", "past") belongs to the date, so the entity is widened to take it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: Units of time a relative date counts in.
_UNITS = frozenset(
    {"week", "weekend", "month", "year", "quarter", "spring", "summer", "autumn", "fall", "winter"}
)
#: Words that make a unit a relative date: "this week", "last month".
_RELATIVE = frozenset({"this", "last", "next", "past"})


def widen_relative_dates(doc: Doc) -> None:
    """Widen each DATE entity that starts with a unit right after "this/last/next/past"."""
    changed = False
    out: list[Span] = []
    for ent in doc.ents:
        before = doc[ent.start - 1] if ent.start > 0 else None
        if (
            ent.label_ == "DATE"
            and ent[0].lower_ in _UNITS
            and before is not None
            and before.lower_ in _RELATIVE
            and before.ent_iob_ == "O"
        ):
            out.append(Span(doc, ent.start - 1, ent.end, label="DATE"))
            changed = True
        else:
            out.append(ent)
    if changed:
        doc.ents = out
