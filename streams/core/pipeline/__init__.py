"""The spaCy pipeline the rules read: model loading, its faster matrix products and POS/lemma
component, and the clean-up of article text before parsing."""
