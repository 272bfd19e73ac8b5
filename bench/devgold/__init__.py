"""The team's own development gold for meetings and agreements (issue 15), kept as character spans."""
