"""POS and lemmas at a fraction of the cost of the model's ``attribute_ruler`` and ``lemmatizer``.

Those two components took about 15 % of the pipeline's time, and the rules read only ``pos_``
and ``lemma_`` from them. This component computes exactly those two from the model's own
patterns and tables: POS from the tag through the attribute_ruler's TAG -> POS patterns and
exceptions, with numpy over the whole document; lemmas from the model's rule lemmatizer, each
(word, tag, POS) computed once per pipeline and looked up by string ids. Morphological features
are not set. ``tests/core/pipeline/test_pos_lemma.py`` measures the agreement with the stock
components. See docs/decisions/0007-pos-lemma-component.md.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

#: Dependency labels under which the attribute_ruler's generic patterns change POS.
_AUX_DEPS = ("aux", "auxpass")
_MAIN_VERB_DEPS = ("ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp")
_DO_HAVE = ("do", "does", "did", "'d", "have", "has", "had")
_DETERMINER_DEPS = ("det", "quantmod", "")


class PosLemma:
    """Sets ``pos`` and ``lemma`` from tags, dependencies and the model's lemmatizer tables."""

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]], lemmatizer: Any) -> None:
        strings = nlp.vocab.strings
        self._strings = strings
        self._lemmatizer = lemmatizer
        self._tag_pos: dict[int, int] = {}
        self._word_tag_pos: dict[tuple[int, int], int] = {}
        self._word_tag_lemma: dict[tuple[str, str], str] = {}
        self._word_lemma: dict[str, str] = {}
        self._tag_morph: dict[str, dict[str, str]] = {}
        self._word_tag_morph: dict[tuple[str, str], dict[str, str]] = {}
        for entry in patterns:
            if len(entry["patterns"][0]) != 1:
                continue  # two-token spelling variants ("gon na"); news text does not need them
            (cond,) = entry["patterns"][0]
            if set(cond) - {"TAG", "LOWER"}:
                continue  # dependency conditions are applied with numpy in __call__
            attrs = entry["attrs"]
            tags: list[str | None] = list(_values(cond.get("TAG"))) or [None]
            lowers: list[str | None] = list(_values(cond.get("LOWER"))) or [None]
            morph = _morph(attrs["MORPH"]) if "MORPH" in attrs else None
            for tag in tags:
                for lower in lowers:
                    if tag is not None and lower is None:
                        if "POS" in attrs:
                            self._tag_pos[strings.add(tag)] = strings.add(attrs["POS"])
                        if morph is not None:
                            self._tag_morph[tag] = morph
                    elif tag is not None and lower is not None:
                        if "POS" in attrs:
                            self._word_tag_pos[(strings.add(lower), strings.add(tag))] = strings.add(
                                attrs["POS"]
                            )
                        if "LEMMA" in attrs:
                            self._word_tag_lemma[(lower, tag)] = attrs["LEMMA"]
                        if morph is not None:
                            self._word_tag_morph[(lower, tag)] = morph
                    elif lower is not None and "LEMMA" in attrs:
                        self._word_lemma[lower] = attrs["LEMMA"]
        self._lemmas: dict[tuple[int, int, int], str] = {}
        self._ids = {
            name: strings.add(name)
            for name in ("AUX", "VERB", "SCONJ", "PRON", "TO", "IN", "DT", "WDT", "mark", "expl")
        }
        self._aux_deps = np.array([strings.add(d) for d in _AUX_DEPS], dtype=np.uint64)
        self._main_deps = np.array([strings.add(d) for d in _MAIN_VERB_DEPS], dtype=np.uint64)
        self._do_have = np.array([strings.add(w) for w in _DO_HAVE], dtype=np.uint64)
        self._det_deps = np.array([strings.add(d) for d in _DETERMINER_DEPS], dtype=np.uint64)
        self._be_forms = np.array(
            [strings.add(w) for w in ("is", "are", "was", "were", "'s", "'re")], dtype=np.uint64
        )
        self._word_lowers = np.array(sorted({w for w, _ in self._word_tag_pos}), dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        arr = doc.to_array([TAG, LOWER, DEP])
        tags, lowers, deps = arr[:, 0], arr[:, 1], arr[:, 2]
        pos = np.fromiter((self._tag_pos.get(int(t), 0) for t in tags), dtype=np.uint64, count=len(tags))
        ids = self._ids
        for i in np.nonzero(np.isin(lowers, self._word_lowers))[0]:
            found = self._word_tag_pos.get((int(lowers[i]), int(tags[i])))
            if found is not None:
                pos[i] = found
        pos[np.isin(deps, self._aux_deps) & (tags != ids["TO"])] = ids["AUX"]
        pos[np.isin(lowers, self._do_have) & np.isin(deps, self._main_deps)] = ids["VERB"]
        pos[(tags == ids["IN"]) & (deps == ids["mark"])] = ids["SCONJ"]
        pos[((tags == ids["DT"]) | (tags == ids["WDT"])) & ~np.isin(deps, self._det_deps)] = ids["PRON"]
        # "there is", "there were": the verb after an expletive is a main verb
        after_expletive = np.zeros(len(doc), dtype=bool)
        after_expletive[1:] = deps[:-1] == ids["expl"]
        pos[after_expletive & np.isin(lowers, self._be_forms)] = ids["VERB"]
        known = pos != 0
        if known.all():
            doc.from_array([POS], pos.reshape(-1, 1))  # type: ignore[arg-type]
        else:  # a tag without a mapping keeps what the tagger's doc already has
            for i in np.nonzero(known)[0]:
                doc[int(i)].pos = int(pos[i])
        # A token's lemma depends only on its text, tag and POS: look the three ids up in a
        # per-pipeline table, and build a Token object only for a combination not seen yet.
        # The table keeps strings, not their ids: inside ``nlp.memory_zone()`` a new string's
        # id stops resolving when the zone closes, so each lemma is added to the store again.
        keys = doc.to_array([ORTH, TAG, POS]).tolist()
        lemmas = np.empty(len(doc), dtype=np.uint64)
        known_lemmas = self._lemmas
        add = self._strings.add
        for index, (orth, tag, pos_id) in enumerate(keys):
            lemma = known_lemmas.get((orth, tag, pos_id))
            if lemma is None:
                lemma = self._lemma(doc[index])
                if len(known_lemmas) < 200_000:  # bounded: a long-running worker sees ever new names
                    known_lemmas[(orth, tag, pos_id)] = lemma
            lemmas[index] = add(lemma)
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def _lemma(self, token: Any) -> str:
        lower, tag = token.lower_, token.tag_
        exception = self._word_tag_lemma.get((lower, tag)) or self._word_lemma.get(lower)
        if exception is not None:
            return exception
        pos = token.pos_.lower()
        morph = self._word_tag_morph.get((lower, tag)) or self._tag_morph.get(tag, {})
        if pos in ("", "eol", "space") or _is_base_form(pos, morph):
            return str(lower)
        return str(self._lemmatizer.rule_lemmatize(token)[0])


def _values(condition: Any) -> list[str]:
    if isinstance(condition, str):
        return [condition]
    if isinstance(condition, dict) and "IN" in condition:
        return [str(v) for v in condition["IN"]]
    return []


def _morph(text: str) -> dict[str, str]:
    if not text or text == "_":
        return {}
    return dict(part.split("=", 1) for part in text.split("|") if "=" in part)


def _is_base_form(pos: str, morph: dict[str, str]) -> bool:
    """spaCy's English ``is_base_form``, on the morphology the attribute_ruler would have set."""
    if pos == "noun" and morph.get("Number") == "Sing":
        return True
    if pos == "verb" and morph.get("VerbForm") == "Inf":
        return True
    if (
        pos == "verb"
        and morph.get("VerbForm") == "Fin"
        and morph.get("Tense") == "Pres"
        and "Number" not in morph
    ):
        return True
    if pos == "adj" and morph.get("Degree") == "Pos":
        return True
    return morph.get("VerbForm") in ("Inf", "None") or morph.get("Degree") == "Pos"


@Language.factory("newsevents_pos_lemma")
def make_pos_lemma(nlp: Language, name: str) -> PosLemma:
    """Build ``PosLemma`` from this pipeline's own attribute_ruler patterns and lemmatizer.

    A factory, so that every pipeline built in a process gets a component of its own:
    the lemma table keeps ids of that pipeline's string store.
    """
    missing = [n for n in ("attribute_ruler", "lemmatizer") if n not in nlp.component_names]
    if missing:
        absent = " and ".join(missing)
        raise ValueError(f"newsevents_pos_lemma needs the model's {absent}, absent from this pipeline")
    patterns = list(nlp.get_pipe("attribute_ruler").patterns)  # type: ignore[attr-defined]
    return PosLemma(nlp, patterns, nlp.get_pipe("lemmatizer"))


def install_pos_lemma(nlp: Language) -> None:
    """Replace the attribute_ruler and lemmatizer by ``PosLemma`` built from their own data."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    nlp.add_pipe("newsevents_pos_lemma", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
