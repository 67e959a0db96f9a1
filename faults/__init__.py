"""Proofs under faults: load, data reloads, broken fixtures and a database restart (see README)."""
