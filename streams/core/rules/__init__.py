"""The extraction rules: who the actors are, which quotes are statements, which sentences hold
meetings and agreements, and their places, dates and amounts, read from the spaCy parse."""
