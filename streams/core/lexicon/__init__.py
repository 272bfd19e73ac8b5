"""Word lists the rules consult, one module per kind of word.

Keeping them apart from the rules lets a reader see every list a rule depends on in one
place, and lets the rules stay about the parse rather than about vocabulary.
"""
