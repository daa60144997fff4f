"""Editor commands behind make check, make new and make import.

Run as ``python -m newsroom <command>`` with ``plugins`` on ``PYTHONPATH``
(the Makefile does both). They share the plugins' validation layer.
"""
