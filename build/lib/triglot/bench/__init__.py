"""Benchmarks, run as ``python -m triglot.bench.<name>``; never part of the test run."""
