"""`chronos batch`: order, error records, --resume, workers, Dask, atomic output."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import chronos
from chronos import batch as batch_mod
from chronos.cli import main

ARTICLES = [
    {"id": "a1", "published": "2024-03-08", "text": "On Thursday the mayor opened the new bridge. It was finished in 2023."},
    {"id": "a2", "text": "The talks will resume next week, officials said on Monday."},
    {"id": 3, "published": "2019-11-20", "text": "Last year the company hired 300 people. In March it will open a plant."},
    {"id": "a4", "published": "2021-06-01", "text": "Storms hit the coast on May 30, 2021, and again on Sunday."},
    {"id": "a5", "published": None, "text": "Nothing here has a date at all."},
    {"id": "a6", "published": "2022-02-28T09:30:00Z", "text": "Yesterday the council voted. The vote was close."},
]


def write_jsonl(path, rows) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run(*args: str):
    result = CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_order_and_schema(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, ARTICLES)
    run(str(src), "--output", str(out), "--workers", "1")
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [a["id"] for a in ARTICLES]
    first = records[0]
    expected = chronos.check(ARTICLES[0]["text"], published=ARTICLES[0]["published"], name="a1").model_dump(mode="json")
    assert first == {"id": "a1", **expected}
    assert records[1]["anchor"]["given"] is False and records[0]["anchor"]["given"] is True
    assert records[5]["anchor"]["earliest"] == "2022-02-28"  # an ISO date-time is read as its date
    assert not (tmp_path / "out.jsonl.tmp").exists()


def test_broken_lines_become_error_records(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [ARTICLES[0], "{not json", {"id": "x", "published": "2020-02-30", "text": "On Monday."},
            {"id": "y", "text": 42}, {"id": "z"}, {"text": "no id"}, ARTICLES[1]]
    write_jsonl(src, rows)
    run(str(src), "--output", str(out), "--workers", "1")
    records = read_jsonl(out)
    assert len(records) == 7
    assert records[0]["id"] == "a1" and "anchor" in records[0]
    assert records[6]["id"] == "a2" and "anchor" in records[6]
    assert records[1] == {"id": None, "line": 2, "error": records[1]["error"]} and "JSON" in records[1]["error"]
    assert records[2]["id"] == "x" and records[2]["line"] == 3 and "published" in records[2]["error"]
    assert records[3]["id"] == "y" and "string" in records[3]["error"]
    assert records[4]["id"] == "z" and "no text" in records[4]["error"]
    assert records[5]["id"] is None and "no id" in records[5]["error"]


def test_failure_inside_check_is_an_error_record(tmp_path, monkeypatch):
    import chronos.pipeline

    real = chronos.pipeline.check_document

    def flaky(doc, options=None):
        if doc.name == "a2":
            raise RuntimeError("boom")
        return real(doc, options)

    monkeypatch.setattr(chronos.pipeline, "check_document", flaky)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, ARTICLES[:3])
    run(str(src), "--output", str(out), "--workers", "1")
    records = read_jsonl(out)
    assert [r["id"] for r in records] == ["a1", "a2", 3]
    assert records[1]["line"] == 2 and "boom" in records[1]["error"]
    assert "anchor" in records[2]


def test_resume_skips_done_ids_and_redoes_truncated_line(tmp_path, monkeypatch):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, ARTICLES + ["{bad"])
    run(str(src), "--output", str(out), "--workers", "1")
    full = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # an interrupted run: three records, then half of the fourth
    out.write_text("".join(full[:3]) + full[3][: len(full[3]) // 2], encoding="utf-8")
    seen: list = []
    real = batch_mod.check_item
    monkeypatch.setattr(batch_mod, "check_item", lambda item: seen.append(item.id) or real(item))
    result = run(str(src), "--output", str(out), "--workers", "1", "--resume")
    assert seen == ["a4", "a5", "a6", None]
    assert "3 skipped" in result.output
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == full
    # resuming a finished run does nothing (the id-less error record is known by its line)
    seen.clear()
    run(str(src), "--output", str(out), "--workers", "1", "--resume")
    assert seen == []
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == full


def test_two_workers_equal_one(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [dict(a, id=f"{a['id']}-{k}") for k in range(4) for a in ARTICLES] + ["[1, 2]"]
    write_jsonl(src, rows)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run(str(src), "--output", str(one), "--workers", "1")
    run(str(src), "--output", str(two), "--workers", "2", "--chunk-size", "3")
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert len(read_jsonl(one)) == len(rows)


def test_output_is_atomic(tmp_path, monkeypatch):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, ARTICLES)
    out.write_text("previous run\n", encoding="utf-8")

    def dying(items, workers, options=None, chunk=1):
        for i, it in enumerate(items):
            if i == 2:
                raise KeyboardInterrupt
            yield batch_mod.check_item(it)

    monkeypatch.setattr(batch_mod, "run_local", dying)
    with pytest.raises(KeyboardInterrupt):
        batch_mod.run_batch(str(src), str(out), workers=1, progress=False)
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(tmp_path.iterdir()) == sorted([src, out])  # no out.jsonl.tmp left behind


def test_dask_local_cluster(tmp_path):
    pytest.importorskip("dask.distributed")
    src = tmp_path / "in.jsonl"
    rows = [dict(a, id=f"{a['id']}-{k}") for k in range(3) for a in ARTICLES] + ["oops"]
    write_jsonl(src, rows)
    one, viadask = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    run(str(src), "--output", str(one), "--workers", "1")
    run(str(src), "--output", str(viadask), "--dask", "local", "--workers", "2", "--chunk-size", "4")
    assert viadask.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")


def test_check_does_not_import_dask():
    import subprocess
    import sys

    code = "import sys, chronos.cli; print(any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
