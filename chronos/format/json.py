"""`--format json`: {"reports": [...]}, one report per document."""
from __future__ import annotations

import json

from chronos.model import Report


def render(reports: list[Report], docs=None) -> str:
    return json.dumps({"reports": [r.model_dump(mode="json") for r in reports]}, ensure_ascii=False, indent=2) + "\n"
