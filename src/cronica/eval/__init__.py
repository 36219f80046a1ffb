"""Evaluation: gold documents (the shared gold format) and TIMEX3 corpora."""
