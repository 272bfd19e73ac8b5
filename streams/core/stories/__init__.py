"""The story stage: one story per real-world event, from the events of many articles and outlets.

Pure like the rest of the core (no Kafka, no Faust): ``mention`` reads event records,
``names`` and ``matching`` decide what belongs together, ``story`` summarises a story,
``book`` holds one block's stories and ``stage`` runs every block offline.
"""
