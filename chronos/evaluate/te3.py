"""TempEval-3 Task A (time expressions) scores, as the official TE3 toolkit computes them.

The official scorer (evaluation-entities/evaluate_entities.py, after TimeML-Normalizer has
given overlapping gold and system TIMEX3s the same id) counts, over all documents:

* strict match: a gold and a system TIMEX3 with the same extent;
* relaxed match: a gold and a system TIMEX3 that overlap (one to one);
* P = matches / system TIMEX3s, R = matches / gold TIMEX3s, F1 their harmonic mean;
* type / value accuracy: relaxed matches whose type / value string is equal, over relaxed matches;
* type F1 / value F1 ("attribute F1"): accuracy x relaxed F1.

The DCT (tid t0) is not scored; only TIMEX3s inside <TEXT> are.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from chronos.timeml import Tag, TimeMLDoc, TimeMLError, output_name, read, text_of


@dataclass
class Error:
    doc: str
    kind: str  # FN (gold missed) | FP (spurious) | extent | type | value
    gold: Tag | None
    system: Tag | None

    def line(self) -> str:
        g = f"{self.gold.text!r} {self.gold.type} {self.gold.value}" if self.gold else "-"
        s = f"{self.system.text!r} {self.system.type} {self.system.value}" if self.system else "-"
        return f"{self.kind:6} {Path(self.doc).name}: gold {g} | system {s}"


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_match: int = 0
    value_match: int = 0
    docs: int = 0
    errors: list[Error] = field(default_factory=list)

    def add(self, other: "Scores") -> None:
        for k in ("gold", "system", "strict", "relaxed", "type_match", "value_match", "docs"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors += other.errors

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @staticmethod
    def _ratio(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    @property
    def strict_p(self) -> float:
        return self._ratio(self.strict, self.system)

    @property
    def strict_r(self) -> float:
        return self._ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return self._f(self.strict_p, self.strict_r)

    @property
    def relaxed_p(self) -> float:
        return self._ratio(self.relaxed, self.system)

    @property
    def relaxed_r(self) -> float:
        return self._ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return self._f(self.relaxed_p, self.relaxed_r)

    @property
    def type_accuracy(self) -> float:
        return self._ratio(self.type_match, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return self._ratio(self.value_match, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed_f1

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_f1

    def as_dict(self) -> dict[str, float | int]:
        keys = ["strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1",
                "type_accuracy", "value_accuracy", "type_f1", "value_f1"]
        return {"docs": self.docs, "gold": self.gold, "system": self.system,
                **{k: round(100 * getattr(self, k), 2) for k in keys}}

    def table(self) -> str:
        pct = lambda x: f"{100 * x:6.2f}"  # noqa: E731
        rows = [
            f"TempEval-3 Task A (timex): {self.docs} documents, {self.gold} gold, {self.system} system TIMEX3",
            f"{'':16}{'F1':>8}{'P':>8}{'R':>8}",
            f"{'Strict match':16}{pct(self.strict_f1):>8}{pct(self.strict_p):>8}{pct(self.strict_r):>8}",
            f"{'Relaxed match':16}{pct(self.relaxed_f1):>8}{pct(self.relaxed_p):>8}{pct(self.relaxed_r):>8}",
            f"{'':16}{'F1':>8}{'Acc':>8}",
            f"{'Value':16}{pct(self.value_f1):>8}{pct(self.value_accuracy):>8}",
            f"{'Type':16}{pct(self.type_f1):>8}{pct(self.type_accuracy):>8}",
        ]
        return "\n".join(rows) + "\n"


def align(gold: list[Tag], system: list[Tag]) -> list[tuple[Tag, Tag]]:
    """One-to-one pairs of overlapping TIMEX3s: equal extents first, then the rest in text order."""
    pairs: list[tuple[Tag, Tag]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    by_span = {(s.start, s.end): j for j, s in enumerate(system)}
    for i, g in enumerate(gold):
        j = by_span.get((g.start, g.end))
        if j is not None and j not in used_s:
            pairs.append((g, system[j]))
            used_g.add(i)
            used_s.add(j)
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        for j, s in enumerate(system):
            if j not in used_s and s.start < g.end and g.start < s.end:
                pairs.append((g, s))
                used_g.add(i)
                used_s.add(j)
                break
    return pairs


def score_doc(gold: list[Tag], system: list[Tag], name: str = "") -> Scores:
    gold = [g for g in gold if g.tid != "t0" and g.text.strip()]
    system = [s for s in system if s.tid != "t0" and s.text.strip()]
    sc = Scores(gold=len(gold), system=len(system), docs=1)
    pairs = align(gold, system)
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g, s in pairs:
        sc.relaxed += 1
        exact = (g.start, g.end) == (s.start, s.end)
        sc.strict += exact
        sc.type_match += g.type == s.type
        sc.value_match += g.value == s.value
        if not exact:
            sc.errors.append(Error(name, "extent", g, s))
        if g.value != s.value:
            sc.errors.append(Error(name, "value", g, s))
        elif g.type != s.type:
            sc.errors.append(Error(name, "type", g, s))
    sc.errors += [Error(name, "FN", g, None) for g in gold if id(g) not in matched_g]
    sc.errors += [Error(name, "FP", None, s) for s in system if id(s) not in matched_s]
    return sc


def score_docs(pairs: list[tuple[TimeMLDoc, TimeMLDoc]]) -> Scores:
    total = Scores()
    for g, s in pairs:
        if g.text != s.text:
            raise TimeMLError(f"{s.name}: its text differs from the gold {g.name}")
        total.add(score_doc(g.timexes, s.timexes, g.name))
    return total


def gold_files(gold_dir: str | Path) -> list[Path]:
    p = Path(gold_dir)
    if p.is_file():
        return [p]
    if not p.is_dir():
        raise TimeMLError(f"{gold_dir}: no such file or directory")
    files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in (".tml", ".TE3input") and not f.name.startswith("."))
    if not files:
        raise TimeMLError(f"{gold_dir}: no .tml files")
    return files


def score_dirs(gold_dir: str | Path, system_dir: str | Path) -> Scores:
    """Every gold file against the system file of the same name (a missing one scores as empty)."""
    pairs = []
    gold_root = Path(gold_dir)
    for gf in gold_files(gold_dir):
        rel = gf.relative_to(gold_root) if gold_root.is_dir() else Path(gf.name)
        sf = Path(system_dir) / rel.parent / output_name(rel.name)
        if not sf.exists():
            sf = Path(system_dir) / output_name(rel.name)
        g = read(gf)
        if sf.exists():
            s = read(sf)
            if text_of(sf.read_text(encoding="utf-8")) != text_of(gf.read_text(encoding="utf-8")):
                raise TimeMLError(f"{sf}: its text differs from the gold {gf}")
        else:
            s = TimeMLDoc(name=str(sf), text=g.text, dct=g.dct, timexes=[])
        pairs.append((g, s))
    return score_docs(pairs)
