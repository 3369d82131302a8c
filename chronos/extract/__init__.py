"""Stage 1: text -> mentions (time expressions, people with titles, ages, events)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from chronos.extract.events import (AnniversaryMention, EventMention, SeriesMention, find_anniversaries, find_event_mentions,
                                    find_series_mentions, vote_day_year)
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
    anniversaries: list[AnniversaryMention] = dataclasses.field(default_factory=list)

    def tense_of(self, start: int, end: int) -> str:
        return tense_at(self.sentences.lowered, self.sentences.sentence_of(start), start, end)


def extract(text: str, kb: KB | None) -> Mentions:
    sentences = SentenceIndex(text)
    timexes = find_timexes(text)
    tenses = [tense_at(sentences.lowered, sentences.sentence_of(t.start), t.start, t.end) for t in timexes]
    if kb is None:
        return Mentions(text, sentences, timexes, tenses, [], [], [], [], [])
    people = find_people(text, kb)
    events = find_event_mentions(text, sentences, kb)
    timexes = _years_from_event_names(timexes, events, kb, text)
    titles = find_titles(text, people, kb)
    return Mentions(
        text, sentences, timexes, tenses, people,
        titles=titles,
        ages=find_ages(text, people, titles, kb),
        series=find_series_mentions(text, sentences, people, kb),
        events=events,
        anniversaries=find_anniversaries(text, sentences, timexes, events, people),
    )


def prepare() -> None:
    """Compile the grammar and load the numeric-date parser now, not on the first document that
    needs them: a batch worker pays once at start-up (dateparser takes about a second to load)."""
    from chronos.extract._dateparse import parse_numeric

    find_timexes("")
    parse_numeric("1/2/2000")


def _years_from_event_names(timexes: list[Timex], events: list[EventMention], kb: KB, text: str) -> list[Timex]:
    """'the Jan. 6 attack', 'the Sept. 11 attacks': a yearless day inside an event's name is the
    day of that event, so it takes the event's year; so does one naming a vote ('the Oct. 30
    runoff') when the KB knows one vote of the text's countries on that day."""
    out = list(timexes)
    for em in events:
        days = {(kb.event(e).date.month, kb.event(e).date.day): kb.event(e).date.year for e in em.events}
        for i, t in enumerate(out):
            if em.start <= t.start and t.end <= em.end and t.kind == "date" and t.year is None and (t.month, t.day) in days:
                out[i] = dataclasses.replace(t, year=days[(t.month, t.day)])
    for i, t in enumerate(out):
        if t.kind == "date" and t.year is None and t.month and t.day and (year := vote_day_year(text, t.end, t.month, t.day, kb)):
            out[i] = dataclasses.replace(t, year=year)
    return out


__all__ = ["Mentions", "extract", "prepare", "AnniversaryMention", "Timex", "TitleMention", "AgeMention", "SeriesMention", "EventMention", "PersonMention"]
