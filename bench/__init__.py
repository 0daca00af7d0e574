"""Benchmarks that print numbers and keep them as JSON; run as ``python -m bench.<name>``."""
