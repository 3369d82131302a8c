"""Result models: what chronos returns to callers, serialised as JSON."""
from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    suggestion = "suggestion"

    @property
    def rank(self) -> int:
        return {"suggestion": 0, "warning": 1, "error": 2}[self.value]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Model):
    """Character offsets into the document (end exclusive), 1-based line and column."""

    start: int
    end: int
    line: int
    column: int


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Expression(_Model):
    """A time expression and, once the article is anchored, its TIMEX3 value."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str | None = None
    mod: str | None = None


class Anchor(_Model):
    """When the article was written: an interval and the most likely day."""

    earliest: dt.date | None
    latest: dt.date | None
    best: dt.date | None
    given: bool = False


class Fact(_Model):
    """A knowledge-base fact a finding rests on."""

    statement: str
    source: str


class Finding(_Model):
    rule: str = Field(description="Pack.Rule identifier, e.g. Tenure.FormerWhileInOffice")
    severity: Severity
    message: str
    text: str
    span: Span
    explanation: list[str] = Field(default_factory=list)
    related: list[Span] = Field(default_factory=list, description="Other spans in the conflict")
    facts: list[Fact] = Field(default_factory=list)


class Report(_Model):
    document: str
    anchor: Anchor
    expressions: list[Expression] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    error: str | None = Field(default=None, description="Set when the document could not be checked")
