"""The README's example runs and says what the code does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_example_runs_and_its_comments_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not README.exists():
        pytest.skip("README.md is not beside the tests (installed package only)")
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.DOTALL)
    assert block is not None
    namespace: dict[str, object] = {}
    monkeypatch.chdir(tmp_path)  # the example saves a matcher in the working directory
    exec(compile(block.group(1), "README.md", "exec"), namespace)
    import entitymatch as em

    r, hits = namespace["r"], namespace["hits"]
    assert isinstance(r, em.Comparison)
    assert isinstance(hits, list)
    assert round(r.score, 2) == 0.83
    assert r.is_match
    assert r.to_dict()["pairs"][0]["how"] == "exact"

    assert (
        em.compare(
            "杭州海康威视数字技术股份有限公司", "Hangzhou Hikvision Digital Technology Co Ltd"
        ).score
        == 1.0
    )
    assert em.compare("Zhao Lijian", "ZHAO, Li-jian", kind="person").score == 1.0
    assert (hits[0].entity.id, hits[0].name, hits[0].score) == ("csl-30886", "Hikvision", 1.0)
    assert hits[0].explanation["pairs"][0]["how"] == "exact+joined"
    assert capsys.readouterr().out.splitlines() == [
        "Dahua Technology ['csl-30887']",
        "Acme Ltd []",
    ]
    loaded = namespace["m"]
    assert isinstance(loaded, em.Matcher)
    assert [h.entity.id for h in loaded.match("Hik Vision")] == ["csl-30886"]
