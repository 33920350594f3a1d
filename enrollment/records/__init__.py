"""The intake record: people, intakes, consent, captures, results, decisions; stored with SQLAlchemy."""
