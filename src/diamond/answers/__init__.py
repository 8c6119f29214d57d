"""Respondents kept in a table file beside the questionnaire (``respondents_file``).

YAML is the wrong container for a survey of tens of thousands of respondents: the
same answers as CSV are a tenth of the size and read many times faster. A
questionnaire may therefore name a table (CSV or Parquet) that holds its
respondents; ``load_respondents`` reads it for the loader, and ``write`` writes it
for ``diamond import``. Like the rest of the core, this never imports typer or rich.
"""
