"""Benchmarks and evaluation scripts; not part of the installed package or the test suite."""
