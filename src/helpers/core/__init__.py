"""Shared foundations: project paths, table I/O, Arabic text handling, word lists, calendar names,
and where per-document work runs (engine)."""
