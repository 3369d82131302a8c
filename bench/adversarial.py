"""Adversarial text against the extractors (chronos/extract): time per size, which should grow
linearly (a catastrophic-backtracking pattern shows as 10x size -> 100x time or worse).

    .venv/bin/python bench/adversarial.py                  # every case at 10 KB, 100 KB, 1 MB
    .venv/bin/python bench/adversarial.py --sizes 10000 100000 --case digits --full

Times stage 1 (chronos.extract.extract: time expressions, sentences, people, titles, ages,
events, with the knowledge base); `--full` times the whole check (solver included, its time
limit bounds that part). tests/test_hostile.py asserts a loose bound on 100 KB of each case.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

UNITS = {
    "digits": "1234567890",
    "comma_list": None,  # "1, 2, 3, ..."
    "last_last": "last ",
    "weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday ",
    "may_may": "May ",
    "capitalised": "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima ",
    "dates_lines": "Jan. 5, 2025\n",
    "since_since": "since ",
    "former_titles": "former President former Prime Minister former ",
    "punctuation": ".,;:-'\"()/ ",
    "no_spaces": "abcdefghij",
    "the_past": "the past the last the next ",
    "quarters": "third-quarter fiscal 2019 the same year-earlier ",
    "numbers_units": "5 years 5 months 5 days ago 5 ",
    "newlines": "\n \n\t\r\n",
    "late": "the late the late the late ",
}


def adversarial(case: str, size: int) -> str:
    if case == "comma_list":
        parts, n, total = [], 1, 0
        while total < size:
            s = f"{n}, "
            parts.append(s)
            total += len(s)
            n += 1
        return "".join(parts)[:size]
    unit = UNITS[case]
    return (unit * (size // len(unit) + 1))[:size]


def time_case(case: str, size: int, full: bool = False) -> float:
    from chronos.document import Document
    from chronos.extract import extract
    from chronos.kb import load_kb
    from chronos.pipeline import Options, check_document

    text = adversarial(case, size)
    started = time.perf_counter()
    if full:
        check_document(Document(text=text), Options())
    else:
        extract(text, load_kb())
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--case", nargs="*", choices=sorted(UNITS), default=sorted(UNITS))
    ap.add_argument("--full", action="store_true", help="time the whole check, not just extraction")
    args = ap.parse_args()
    from chronos.kb import load_kb

    load_kb()
    time_case("digits", 1000)  # compile the grammar first
    print(f"{'case':<16}" + "".join(f"{s:>12,}" for s in args.sizes) + "   growth per 10x")
    for case in args.case:
        times = [time_case(case, s, args.full) for s in args.sizes]
        growth = [b / a if a > 0.0005 else float("nan") for a, b in zip(times, times[1:])]
        print(f"{case:<16}" + "".join(f"{t:>11.3f}s" for t in times) + "   " + " ".join(f"{g:5.1f}x" for g in growth),
              flush=True)


if __name__ == "__main__":
    main()
