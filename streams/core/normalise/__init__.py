"""Value parsers on plain text: dates, money, number words and country names to canonical values.

None of them needs spaCy, so they are tested and reused on strings alone.
"""
