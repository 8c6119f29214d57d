"""Pydantic models of the two file formats: frameworks and questionnaires."""
