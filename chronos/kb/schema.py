"""The knowledge base's YAML schema. Every fact carries a source."""
from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Person(_Fact):
    id: str = Field(description="A readable slug ('angela-merkel'), or an imported dataset's id")
    name: str
    aliases: list[str] = Field(default_factory=list, description="Names as news writes them")
    born: dt.date | None = None
    born_by: dt.date | None = Field(default=None, description="Where sources give different birth dates: the latest; "
                                                             "`born` is then the earliest")
    died: dt.date | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-2")
    qid: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$",
                            description="The person's Wikidata item, where a stored source shows it beside the name "
                                        "(when `source` names another page)")
    source: str


class Office(_Fact):
    id: str
    label: str = Field(description="The office in words: 'President of the United States'")
    titles: list[str] = Field(description="Titles written before a name: 'President', 'Prime Minister'")
    country: str | None = None
    state: str | None = Field(default=None, pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$",
                              description="A state's or province's office (ISO 3166-2: 'US-NH'): the country's national "
                                          "elections and inaugurations are not its own")
    single_holder: bool = True
    title_for_life: bool = Field(default=False, description="A holder keeps the title after leaving ('Justice O'Connor' in "
                                                            "retirement): a title then claims only that the term had begun")
    courtesy_titles: list[str] = Field(default_factory=list, description="Titles a holder keeps after leaving by courtesy, "
                                                                         "spelled out ('Senator Mitchell' years on); the news "
                                                                         "form ('Sen.') still claims the office")
    inauguration_days: int | None = Field(default=None, ge=0, description="A holder takes office on the term's `start` and "
                                                                          "is inaugurated up to this many days later "
                                                                          "(a pope, at a Mass after the conclave)")
    source: str


class Term(_Fact):
    person: str
    office: str
    start: dt.date
    end: dt.date | None = Field(default=None, description="First day out of office; None while serving")
    elected: dt.date | None = Field(default=None, description="Election day, for '-elect' titles")
    acting: bool = False
    ordinal: int | None = Field(default=None, ge=1, description="The holder's number as the office's list counts them, "
                                                                "as its `source` gives it: 45 for Trump's first term as "
                                                                "President of the United States, 47 for his second")
    source: str

    @model_validator(mode="after")
    def _ordered(self) -> "Term":
        if self.end is not None and self.end < self.start:
            raise ValueError(f"term of {self.person} as {self.office} ends ({self.end}) before it starts ({self.start})")
        return self


class Country(_Fact):
    id: str = Field(description="ISO 3166 alpha-2")
    name: str
    names: list[str] = Field(description="Names, demonyms and metonyms: 'Russia', 'Russian', 'Moscow', 'the Kremlin'")
    source: str


class Event(_Fact):
    id: str
    label: str
    date: dt.date
    end: dt.date | None = None
    runoff: bool = Field(False, description="`end` is a second round: the event was on `date` and on `end`, not between")
    kind: str = Field(description="summit, election, inauguration, war, conclave, ...")
    country: str | None = Field(None, description="an inauguration: the country whose office it inaugurates")
    names: list[str] = Field(default_factory=list, description="How news names it: 'NATO summit'")
    ongoing: bool = Field(False, description="Its names speak of a state lasting from `date` (to `end`, else still): "
                                             "'Russia's invasion of Ukraine' on any day since; a told phrase ('Russia "
                                             "launched its invasion') still dates its first day")
    told: list[str] = Field(default_factory=list, description="How news tells it with a verb, for an event that happens once: "
                                                               "'Charles III was crowned'")
    context: list[str] = Field(default_factory=list, description="Words one of which the text must hold for the names to name this "
                                                                 "event ('NATO' for 'the Brussels summit', which the EU holds too)")
    edition: int | None = Field(None, ge=1, description="Its number in a numbered series: 12 for the 12th G20 summit, "
                                                         "which 'the 12th G20 summit' then denotes")
    place: str | None = Field(None, description="Where it was held, as news writes it after 'in': 'Osaka'")
    qid: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$",
                            description="The event's Wikidata item, where a stored source shows it beside the event's name "
                                        "(when `source` names another page)")
    source: str


class SeriesEvent(_Fact):
    date: dt.date
    note: str = ""
    source: str


class Party(_Fact):
    person: str | None = None
    country: str | None = None


class Series(_Fact):
    """Events news counts: 'the sixth call since...', 'their first direct talks since 2022'."""

    id: str
    label: str
    nouns: list[str] = Field(description="Words that name one event of the series: 'call', 'phone call'")
    excluded_by: list[str] = Field(default_factory=list, description="Words that, in the sentence, make it speak of another kind "
                                                                     "of event: 'video link' for talks held in person")
    parties: list[Party]
    complete_from: dt.date = Field(description="The ledger lists every event from this day ...")
    complete_to: dt.date = Field(description="... to this day")
    events: list[SeriesEvent]
    source: str

    @model_validator(mode="after")
    def _sorted(self) -> "Series":
        dates = [e.date for e in self.events]
        if dates != sorted(dates):
            raise ValueError(f"series {self.id}: events must be in date order")
        return self


class MemberCount(_Fact):
    count: int = Field(ge=1)
    start: dt.date
    end: dt.date | None = Field(None, description="The day the count changed (exclusive); none: still so")
    source: str


class Body(_Fact):
    """A group whose size news states: 'the 28-member European Union', 'NATO's 32 allies'."""

    id: str
    label: str
    names: list[str] = Field(description="How news names it: 'European Union', 'EU'")
    generic: list[str] = Field(default_factory=list, description="Common nouns that name it in a text that also names it: 'bloc'")
    counts: list[MemberCount] = Field(description="Its members over time, from the first day listed (a count before it is not checked); "
                                                  "two counts may overlap where news used both ('the EU's 27' during the Brexit talks)")
    source: str

    @model_validator(mode="after")
    def _sorted(self) -> "Body":
        starts = [c.start for c in self.counts]
        if not starts or starts != sorted(starts):
            raise ValueError(f"body {self.id}: counts must be given, in order of their start")
        if any(c.end is not None and c.end <= c.start for c in self.counts):
            raise ValueError(f"body {self.id}: a count ends before it starts")
        return self


class Coinage(_Fact):
    """A name that came into use on a known day ('COVID-19', 11 Feb 2020): a text using it was
    written on or after that day; or that went out of use on one ('Nur-Sultan', renamed Astana on
    17 Sep 2022; the kuna, replaced by the euro): a text using it as current was written before."""

    id: str
    label: str
    names: list[str] = Field(description="How text writes it, matched as written (case counts): 'COVID-19', 'Covid-19'")
    since: dt.date | None = Field(default=None, description="The first day it was used (when sources differ, the earliest)")
    until: dt.date | None = Field(default=None, description="The first day it was out of official use (a place renamed, a currency replaced)")
    money: bool = Field(default=False, description="A currency: only an amount in it ('3,000 kuna') says it is current")
    source: str

    @model_validator(mode="after")
    def _dated(self) -> "Coinage":
        if self.since is None and self.until is None:
            raise ValueError(f"coinage {self.id}: give `since`, `until` or both")
        if self.since is not None and self.until is not None and self.until <= self.since:
            raise ValueError(f"coinage {self.id}: `until` before `since`")
        return self


class RankHolder(_Fact):
    country: str
    start: dt.date
    end: dt.date | None = Field(None, description="The day another took the rank (exclusive); none: still so")
    source: str


class Ranking(_Fact):
    """A standing one country holds for a time ('the world's most populous country'): news that
    gives it to another country at a later time is out of date."""

    id: str
    label: str
    phrases: list[str] = Field(description="How news writes it: \"world's most populous country\"")
    holders: list[RankHolder] = Field(description="From the first day listed (a holder before it is not checked); two may "
                                                  "overlap where sources disagree on the day of the change")
    source: str


class MajorityHolder(_Fact):
    party: str = Field(description="A key of the chamber's `parties`")
    start: dt.date
    end: dt.date | None = Field(None, description="The day another party took the majority (exclusive); none: still so")
    source: str


class Majority(_Fact):
    """Which party held a chamber's majority: news that calls it 'the Republican-controlled House'
    when the Democrats held it is out of date."""

    id: str
    label: str = Field(description="The chamber in words: 'the United States House of Representatives'")
    country: str
    chambers: list[str] = Field(description="How news names the chamber after the party: 'House', 'Senate'")
    parties: dict[str, list[str]] = Field(description="Each party and the words news writes for it: {Republican: [Republican, GOP]}")
    holders: list[MajorityHolder] = Field(description="From the first day listed (a time before it is not checked)")
    source: str


class KBFile(BaseModel):
    """One YAML file under rules/kb/: any of these sections."""

    model_config = ConfigDict(extra="forbid")
    people: list[Person] = Field(default_factory=list)
    offices: list[Office] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    countries: list[Country] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    series: list[Series] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    coinages: list[Coinage] = Field(default_factory=list)
    rankings: list[Ranking] = Field(default_factory=list)
    majorities: list[Majority] = Field(default_factory=list)
