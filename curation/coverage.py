"""Completeness: every number an article prints is either part of a curated fact or set aside.

A curator who misses a figure gets told which number, on which line, nobody accounted for.
"""

import re

from curation.articles import Article

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
CONTEXT = 30


def uncovered_numbers(article: Article, covered: list[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """(line, number, context) for each number outside every covered phrase.

    ``covered`` pairs a container excerpt with a phrase inside it: the phrase counts only where it
    occurs within an occurrence of the container. An empty container means anywhere in the article.
    """
    marked = bytearray(len(article.text))
    for container, phrase in covered:
        if not phrase:
            continue
        containers = article.spans(container) if container else [(0, len(article.text))]
        for start, end in containers:
            offset = article.text.find(phrase, start, end)
            while offset != -1:
                marked[offset : offset + len(phrase)] = b"\x01" * len(phrase)
                offset = article.text.find(phrase, offset + 1, end)
    missing = []
    for match in NUMBER.finditer(article.text):
        if not all(marked[match.start() : match.end()]):
            line = article.text.count("\n", 0, match.start()) + 1
            context = article.text[max(0, match.start() - CONTEXT) : match.end() + CONTEXT].replace("\n", " ")
            missing.append((line, match.group(), context))
    return missing
