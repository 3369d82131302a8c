"""Stage 1: text -> mentions (time expressions, people with titles, ages, events)."""
from __future__ import annotations

from dataclasses import dataclass

from chronos.extract.events import EventMention, SeriesMention, find_event_mentions, find_series_mentions
from chronos.extract.people import AgeMention, PersonMention, TitleMention, find_ages, find_people, find_titles
from chronos.extract.sentences import SentenceIndex, tense_at
from chronos.extract.timex import Timex, find_timexes
from chronos.kb import KB


@dataclass(frozen=True)
class Mentions:
    text: str
    sentences: SentenceIndex
    timexes: list[Timex]
    tenses: list[str]  # per timex: past | present | future
    people: list[PersonMention]
    titles: list[TitleMention]
    ages: list[AgeMention]
    series: list[SeriesMention]
    events: list[EventMention]

    def tense_of(self, start: int, end: int) -> str:
        return tense_at(self.text, self.sentences.sentence_of(start), start, end)


def extract(text: str, kb: KB | None) -> Mentions:
    sentences = SentenceIndex(text)
    timexes = find_timexes(text)
    tenses = [tense_at(text, sentences.sentence_of(t.start), t.start, t.end) for t in timexes]
    if kb is None:
        return Mentions(text, sentences, timexes, tenses, [], [], [], [], [])
    people = find_people(text, kb)
    return Mentions(
        text, sentences, timexes, tenses, people,
        titles=find_titles(text, people, kb),
        ages=find_ages(text, people),
        series=find_series_mentions(text, sentences, people, kb),
        events=find_event_mentions(text, sentences, kb),
    )


__all__ = ["Mentions", "extract", "Timex", "TitleMention", "AgeMention", "SeriesMention", "EventMention", "PersonMention"]
