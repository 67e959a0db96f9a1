"""Strict parsers for figures written in Vietnamese news articles.

Pure Python (stdlib only): the build step that checks annotations against
article text imports these without Django.
"""
