"""Blank out site boilerplate lines ("Add X As A Trusted Source", share/subscribe prompts).

Lines are replaced by spaces of the same length instead of being removed, so every
character offset the extractor reports still points into the article body as published
(``evidence.start``/``end`` are offsets into ``body``).
"""

from __future__ import annotations

import re

_BOILERPLATE = re.compile(
    r"""^\s*(?:
        add\s+\S+\s+as\s+a\s+(?:trusted|preferred)\s+source
      | (?:follow|like)\s+us\s+on\b.*
      | (?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\s+newsletter.*
      | share\s+(?:this|on)\s+(?:article|story|facebook|twitter|x|whatsapp).*
      | (?:read|see)\s+(?:more|also)\s*:.*
      | click\s+here\b.*
      | advertisement
      | (?:photo|image)\s*(?:credit)?\s*:.*
      | this\s+story\s+has\s+not\s+been\s+edited\s+by\b.*
      | download\s+(?:the|our)\s+app\b.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Longer lines are article text even when they contain a prompt-like phrase.
_MAX_BOILERPLATE_LINE = 160


def blank_boilerplate(body: str) -> str:
    """Return ``body`` with boilerplate lines replaced by spaces (same length, same newlines)."""
    out: list[str] = []
    for line in body.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if len(content) <= _MAX_BOILERPLATE_LINE and _BOILERPLATE.match(content):
            out.append(" " * len(content) + line[len(content) :])
        else:
            out.append(line)
    return "".join(out)


#: Longest run of non-space characters handed to spaCy. Its tokenizer is quadratic in the
#: length of such a run (measured: 2,000 quotation marks 0.4 s, 8,000 marks 7 s), and no
#: word, name or number in news text comes near this length; URLs longer than it carry no
#: event. Longer runs are blanked, like boilerplate, so offsets stay exact.
MAX_TOKEN_CHARS = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def blank_long_runs(text: str) -> str:
    """Replace every run of more than ``MAX_TOKEN_CHARS`` non-space characters by spaces."""
    return _LONG_RUN.sub(lambda m: " " * len(m.group(0)), text)


def prepare_for_nlp(body: str) -> str:
    """The text spaCy sees: boilerplate and pathological runs blanked, same length as ``body``."""
    return blank_long_runs(blank_boilerplate(body))
