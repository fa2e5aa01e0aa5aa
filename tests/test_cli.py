"""The installed ``entitymatch`` command, run in a subprocess on real files.

The bundled example (examples/customers.csv against examples/csl_sample.csv,
see examples/SOURCES.md), a malformed list, empty and non-UTF-8 input rows,
a 100,000-row input, every output format read back, atomic output under a
failure and under Ctrl-C, ``compare``, ``list-info`` and ``--help``. Most runs
screen the Latin-script rows of the example against a three-entity list cut
from the example list: the first Han name a process meets loads the Han
lexicon, which takes seconds, so only the runs about Han names pay for it.
Assertions are about behaviour (rows, ids, exit status, files), never timing.
"""

from __future__ import annotations

import csv
import dataclasses
import fcntl
import io
import itertools
import json
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import sys
import sysconfig
import termios
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CUSTOMERS = EXAMPLES / "customers.csv"
CSL_SAMPLE = EXAMPLES / "csl_sample.csv"
FIXTURES = ROOT / "tests" / "fixtures" / "lists"

HIKVISION = "csl-cmic-30946"
DAHUA = "csl-el-example-dahua"
HUAWEI = "csl-cmic-30947"
SMALL_LIST_IDS = ("30946", "example-dahua", "30947")
"""CSL ``_id``s of the three-entity list most tests screen against."""

OUTPUT_COLUMNS = [
    "row",
    "input_id",
    "input_name",
    "list",
    "entity_id",
    "matched_name",
    "entity_name",
    "score",
    "explanation",
]
SUMMARY = re.compile(
    r"(?P<label>\S+): (?P<read>\d+) rows? read, (?P<screened>\d+) screened, "
    r"(?P<skipped>\d+) skipped(?: \((?P<reasons>[^)]*)\))?; "
    r"(?P<rows_with_hits>\d+) rows? with hits, (?P<hits>\d+) hits?"
)


def _command() -> list[str]:
    """The installed console script of this interpreter's environment, else ``-m``."""
    for folder in (sysconfig.get_path("scripts"), None):
        found = shutil.which("entitymatch", path=folder)
        if found:
            return [found]
    return [sys.executable, "-m", "entitymatch"]


COMMAND = _command()


@dataclasses.dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def summary(self) -> dict[str, str]:
        found = SUMMARY.search(self.stderr)
        assert found, f"no summary line in stderr:\n{self.stderr}"
        return found.groupdict()


def run(*args: object, stdin: bytes | None = None, timeout: float = 120) -> Run:
    done = subprocess.run(
        [*COMMAND, *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return Run(
        done.returncode,
        done.stdout.decode("utf-8"),
        done.stderr.decode("utf-8"),
    )


MEASURED_TIMEOUT = 900
"""Seconds a measured run may take (the longest takes ~10 s) before it is stopped."""


def start_measured(*args: object, folder: Path) -> subprocess.Popen[bytes]:
    """Start a run with stdout and stderr to files in ``folder``.

    It runs in a session of its own with Python's fault handler on, so that a
    run that overstays can be stopped with its workers, each printing its stack.
    """
    with (folder / "stdout").open("wb") as stdout, (folder / "stderr").open("wb") as stderr:
        return subprocess.Popen(
            [*COMMAND, *map(str, args)],
            stdout=stdout,
            stderr=stderr,
            env={**os.environ, "PYTHONFAULTHANDLER": "1"},
            start_new_session=True,
        )


def wait_measured(child: subprocess.Popen[bytes], folder: Path) -> tuple[Run, int]:
    """Wait for a started run: its result, and its peak memory (KiB, Linux)."""
    deadline = time.monotonic() + MEASURED_TIMEOUT
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            os.killpg(child.pid, signal.SIGABRT)  # the fault handler prints every stack
            time.sleep(5)
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            stderr = (folder / "stderr").read_text("utf-8", errors="replace")
            pytest.fail(f"still running after {MEASURED_TIMEOUT} s; its stderr:\n{stderr}")
        time.sleep(0.05)
    child.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = (folder / "stdout").read_text("utf-8"), (folder / "stderr").read_text("utf-8")
    return Run(child.returncode, stdout, stderr), usage.ru_maxrss


def run_measured(*args: object, folder: Path) -> tuple[Run, int]:
    """Run to the end; the result and the peak memory (KiB)."""
    return wait_measured(start_measured(*args, folder=folder), folder)


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def customers() -> list[dict[str, str]]:
    return read_csv(CUSTOMERS.read_text("utf-8"))


def hits_by_input(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["input_id"], set()).add(row["entity_id"])
    return found


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture(scope="module")
def small_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hikvision, Dahua and Huawei: their rows of the example list, its header kept."""
    text = CSL_SAMPLE.read_text("utf-8")
    header, *rows = list(csv.reader(io.StringIO(text)))
    path = tmp_path_factory.mktemp("lists") / "three.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(row for row in rows if row[0] in SMALL_LIST_IDS)
    return path


@pytest.fixture(scope="module")
def latin_customers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's rows whose names are in Latin letters (no Han lexicon to load)."""
    path = tmp_path_factory.mktemp("inputs") / "customers.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["id", "name", "kind"])
        writer.writerows(
            [row["id"], row["name"], row["kind"]] for row in customers() if row["name"].isascii()
        )
    return path


LATIN_HITS = {
    **{f"C00{n}": {HIKVISION} for n in (1, 2, 3)},
    **{f"C00{n}": {DAHUA} for n in (5, 6, 8)},
    "C009": {HUAWEI},
}
"""What the Latin-script example rows hit in the three-entity list."""


LARGE_ROWS = 100_000


@dataclasses.dataclass
class LargeRun:
    """The 100,000-row run, under way in the background."""

    child: subprocess.Popen[bytes]
    folder: Path
    output: Path
    empty: int

    def finish(self) -> tuple[Run, int]:
        """Wait for it: its result and its peak memory (KiB)."""
        return wait_measured(self.child, self.folder)


@pytest.fixture(scope="module", autouse=True)
def large_run(
    tmp_path_factory: pytest.TempPathFactory, small_list: Path, latin_customers: Path
) -> Iterator[LargeRun]:
    """Start the 100,000-row run as the module starts; its test waits for it at the end.

    It takes most of this file's time, and runs beside the other tests (on
    another core when there is one). The input: real names (the example list's
    names of up to four words, the example's Latin-script names with its empty
    one) beside real addresses, so that the rows are wide and holding them
    would show in memory.
    """
    names, addresses = [], []
    with CSL_SAMPLE.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            names.append(row["name"])
            names.extend(n.strip() for n in row["alt_names"].split(";") if n.strip())
            addresses.extend(a.strip() for a in row["addresses"].split(";") if a.strip())
    # Short names screen fastest; Han names would load the Han lexicon.
    names = [name for name in names if len(name.split()) <= 4 and name.isascii()]
    names.extend(row["name"] for row in read_csv(latin_customers.read_text("utf-8")))
    folder = tmp_path_factory.mktemp("large")
    source = folder / "large.csv"
    empty = 0
    with source.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "name", "address"])
        rows = zip(itertools.cycle(names), itertools.cycle(addresses), strict=False)
        for number, (name, address) in enumerate(itertools.islice(rows, LARGE_ROWS)):
            writer.writerow([f"r{number}", name, f"{address}; {address}"])
            empty += not name.strip()
    output = folder / "hits.csv"
    child = start_measured("screen", source, "--list", small_list, "-o", output, folder=folder)
    yield LargeRun(child, folder, output, empty)
    if child.returncode is None:  # its test was not run
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()


# -- the bundled example ---------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Run:
    """The README's main job, as written there (output on stdout)."""
    return run("screen", CUSTOMERS, "--list", CSL_SAMPLE)


def test_example_finds_hikvision_and_dahua_in_every_spelling(example: Run) -> None:
    assert example.code == 1, example.stderr
    found = hits_by_input(read_csv(example.stdout))
    for input_id in ("C001", "C002", "C003", "C004"):  # HIKVISION, Hik Vision, full, 杭州海康威视…
        assert HIKVISION in found[input_id]
    for input_id in (
        "C005",
        "C006",
        "C007",
        "C008",
    ):  # Dahua Technology, Zhejiang …, 浙江大华…, DAHUA
        assert DAHUA in found[input_id]
    assert HUAWEI in found["C009"]
    assert HUAWEI in found["C010"]  # 华为技术有限公司
    assert HUAWEI in found["C026"]  # mixed script: "Huawei 技术有限公司"
    assert "csl-cmic-33091" in found["C014"]  # mixed script: "旷视 Megvii Technology Limited"
    assert "csl-el-example-iflytek" in found["C016"]  # 科大讯飞股份有限公司
    assert "csl-sdn-3754" in found["C024"]  # a person, natural order vs "SURNAME, Given"


def test_example_clean_names_and_the_generic_name_give_no_hits(example: Run) -> None:
    found = hits_by_input(read_csv(example.stdout))
    clean = [f"C{n:03d}" for n in range(28, 42)]  # generic name, Uniview, SEC registrants
    assert not set(clean) & set(found)


def test_example_output_columns_and_explanations(example: Run) -> None:
    rows = read_csv(example.stdout)
    assert list(rows[0]) == OUTPUT_COLUMNS
    first = rows[0]
    assert (first["row"], first["input_id"], first["input_name"]) == ("1", "C001", "HIKVISION")
    assert first["entity_name"] == "Hangzhou Hikvision Digital Technology Co., Ltd."
    assert first["list"].startswith("Non-SDN Chinese Military-Industrial Complex")
    for row in rows:
        explanation = json.loads(row["explanation"])
        assert explanation["pairs"], row
        assert 0.0 < float(row["score"]) <= 1.0


def test_example_reports_and_counts_the_empty_name(example: Run) -> None:
    assert re.search(r"customers\.csv:28: row 27 not screened: empty name", example.stderr)
    counts = example.summary()
    assert (counts["read"], counts["screened"], counts["skipped"]) == ("41", "40", "1")
    assert counts["reasons"] == "1 empty name"
    rows = read_csv(example.stdout)
    assert counts["hits"] == str(len(rows))
    assert counts["rows_with_hits"] == str(len({row["row"] for row in rows}))
    assert "csl_sample.csv [csl-csv]: 212 entities" in example.stderr


# -- formats --------------------------------------------------------------------------


def write_jsonl(source: Path, path: Path) -> None:
    with path.open("w", encoding="utf-8") as file:
        for row in read_csv(source.read_text("utf-8")):
            file.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_parquet(source: Path, path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = read_csv(source.read_text("utf-8"))
    table = pa.table({column: [row[column] for row in rows] for column in rows[0]})
    pq.write_table(table, path, row_group_size=16)  # several row groups


def read_output(path: Path) -> list[dict[str, object]]:
    if path.suffix == ".parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        records: list[dict[str, object]] = pq.read_table(path).to_pylist()
        for record in records:
            record["explanation"] = json.loads(str(record["explanation"]))
        return records
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    records = [dict(row) for row in read_csv(path.read_text("utf-8"))]
    for record in records:
        record["explanation"] = json.loads(str(record["explanation"]))
    return records


@pytest.mark.parametrize(
    ("input_name", "output_name"),
    [
        ("-", "hits.csv"),  # CSV from stdin
        ("customers.jsonl", "hits.parquet"),
        ("customers.parquet", "hits.jsonl"),
    ],
)
def test_input_and_output_formats_read_back(
    tmp_path: Path, small_list: Path, latin_customers: Path, input_name: str, output_name: str
) -> None:
    stdin = None
    if input_name == "-":
        stdin = latin_customers.read_bytes()
    elif input_name.endswith(".jsonl"):
        write_jsonl(latin_customers, tmp_path / input_name)
    else:
        write_parquet(latin_customers, tmp_path / input_name)
    source = input_name if input_name == "-" else tmp_path / input_name
    output = tmp_path / output_name
    result = run("screen", source, "--list", small_list, "-o", output, stdin=stdin)
    assert result.code == 1, result.stderr
    assert result.stdout == ""
    records = read_output(output)
    assert [list(record) for record in records[:1]] == [OUTPUT_COLUMNS]
    found: dict[str, set[str]] = {}
    for record in records:
        assert isinstance(record["explanation"], dict)
        assert record["explanation"]["pairs"]
        found.setdefault(str(record["input_id"]), set()).add(str(record["entity_id"]))
    assert found == LATIN_HITS
    assert result.summary()["hits"] == str(len(records))
    assert leftovers(tmp_path) == []


def test_parquet_output_without_pyarrow_says_how_to_install(
    tmp_path: Path, small_list: Path
) -> None:
    # A site directory whose pyarrow cannot be imported stands for a missing install.
    blocker = tmp_path / "site"
    (blocker / "pyarrow").mkdir(parents=True)
    (blocker / "pyarrow" / "__init__.py").write_text("raise ImportError('no pyarrow here')\n")
    env = {**os.environ, "PYTHONPATH": str(blocker)}
    done = subprocess.run(
        [*COMMAND, "screen", str(CUSTOMERS), "--list", str(small_list), "-o", "x.parquet"],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert "pip install 'entitymatch[parquet]'" in done.stderr.decode()
    assert not (tmp_path / "x.parquet").exists()
    assert leftovers(tmp_path) == []


# -- rows that cannot be screened, and encodings -----------------------------------------


def test_empty_and_missing_names_are_reported_and_counted(tmp_path: Path, small_list: Path) -> None:
    source = tmp_path / "names.csv"
    source.write_text(
        "id,name,kind\n"
        "a1,HIKVISION,organization\n"
        "a2,,organization\n"
        "a3,   \n"
        "a4\n"
        "\n"
        "a5,Nokia Corp.,organization\n",
        encoding="utf-8",
    )
    result = run("screen", source, "--list", small_list)
    assert result.code == 1
    assert f"{source}:3: row 2 not screened: empty name" in result.stderr
    assert f"{source}:4: row 3 not screened: empty name" in result.stderr
    assert f"{source}:5: row 4 not screened: no value in the name column" in result.stderr
    counts = result.summary()
    assert (counts["read"], counts["screened"], counts["skipped"]) == ("5", "2", "3")
    assert counts["reasons"] == "2 empty name, 1 no value in the name column"
    assert "1 blank line ignored" in result.stderr
    assert hits_by_input(read_csv(result.stdout)) == {"a1": {HIKVISION}}

    no_hits = tmp_path / "no_hits.csv"
    no_hits.write_text("name\n\nNokia Corp.\n\n", encoding="utf-8")
    result = run("screen", no_hits, "--list", small_list)
    assert result.code == 0
    assert read_csv(result.stdout) == []
    assert result.summary()["read"] == "1"


def test_jsonl_rows_that_cannot_be_read_are_reported(tmp_path: Path, small_list: Path) -> None:
    source = tmp_path / "names.jsonl"
    source.write_text(
        '{"id": 1, "name": "Hik Vision"}\n'
        '{"id": 2, "name": null}\n'
        '{"id": 3}\n'
        "not json\n"
        '["a list"]\n'
        '{"id": 6, "name": ["not", "a", "string"]}\n'
        '{"id": 7, "name": "DAHUA"}\n',
        encoding="utf-8",
    )
    result = run("screen", source, "--list", small_list)
    assert result.code == 1
    counts = result.summary()
    assert (counts["read"], counts["screened"], counts["skipped"]) == ("7", "2", "5")
    for line, reason in [
        (2, "empty name"),
        (3, "no field 'name'"),
        (4, "bad JSON"),
        (5, "not a JSON object"),
        (6, "unreadable name"),
    ]:
        assert f"{source}:{line}: row {line} not screened: {reason}" in result.stderr
    assert hits_by_input(read_csv(result.stdout)) == {"1": {HIKVISION}, "7": {DAHUA}}


def test_non_utf8_bytes_lose_no_row(tmp_path: Path) -> None:
    # The list is the real CSL fixture written in Windows-1252 (Murat Bükey).
    cp1252_list = FIXTURES / "csl_cp1252.csv"
    source = tmp_path / "mixed.csv"
    source.write_bytes(
        b"id,name\n"
        b"u1,Murat B\xc3\xbckey\n"  # UTF-8
        b"w1,Murat B\xfckey\n"  # Windows-1252 in a UTF-8 file
        b"w2,\x93Murat B\xfckey\x94\n"  # cp1252 curly quotes around it
        b"x1,Caf\xe9 \x81 Nowhere Ltd\n"  # 0x81 is undefined in cp1252: read as Latin-1
        b"u2,Nokia Corp.\n"
    )
    result = run("screen", source, "--list", cp1252_list)
    assert result.code == 1, result.stderr
    counts = result.summary()
    assert (counts["read"], counts["screened"], counts["skipped"]) == ("5", "5", "0")
    assert f"{source}:3: decoded as cp1252 (not UTF-8)" in result.stderr
    assert "3 rows decoded as cp1252 (not UTF-8)" in result.stderr
    rows = read_csv(result.stdout)
    names = {row["input_id"]: row["input_name"] for row in rows}
    assert names == {"u1": "Murat Bükey", "w1": "Murat Bükey", "w2": "“Murat Bükey”"}
    assert {row["matched_name"] for row in rows} == {"Murat Bükey"}


def test_utf16_and_an_explicit_encoding(tmp_path: Path) -> None:
    cp1252_list = FIXTURES / "csl_cp1252.csv"
    source = tmp_path / "utf16.tsv"
    source.write_text("id\tname\nk1\tMurat Bükey\n", encoding="utf-16")  # with a BOM
    result = run("screen", source, "--list", cp1252_list)
    assert result.code == 1, result.stderr
    assert read_csv(result.stdout)[0]["input_name"] == "Murat Bükey"
    macintosh = tmp_path / "mac.csv"
    macintosh.write_bytes("id,name\nk2,Murat Bükey\n".encode("mac_roman"))
    result = run("screen", macintosh, "--list", cp1252_list, "--encoding", "mac_roman")
    assert result.code == 1, result.stderr
    assert read_csv(result.stdout)[0]["input_name"] == "Murat Bükey"


# -- lists ----------------------------------------------------------------------------


@pytest.fixture
def malformed_list(tmp_path: Path) -> tuple[Path, int]:
    """The example list with a last row cut mid-field, as the 2023 CSL export ends."""
    text = CSL_SAMPLE.read_text("utf-8")
    last = text.rstrip("\n").rsplit("\n", 1)[1]
    path = tmp_path / "cut.csv"
    path.write_text(text + last[:120], encoding="utf-8")
    return path, text.count("\n") + 1


def test_malformed_list_fails_with_file_and_line_and_leaves_no_output(
    tmp_path: Path, malformed_list: tuple[Path, int]
) -> None:
    path, line = malformed_list
    output = tmp_path / "out" / "hits.csv"
    output.parent.mkdir()
    result = run("screen", CUSTOMERS, "--list", path, "-o", output)
    assert result.code == 2
    assert f"{path}:{line}: truncated row" in result.stderr
    # The output was opened before the list failed: nothing is left of it.
    assert list(output.parent.iterdir()) == []


def test_skip_malformed_counts_the_list_row(
    latin_customers: Path, malformed_list: tuple[Path, int]
) -> None:
    path, _ = malformed_list
    result = run("screen", latin_customers, "--list", path, "--skip-malformed")
    assert result.code == 1
    assert "1 malformed list record skipped" in result.stderr
    assert HIKVISION in hits_by_input(read_csv(result.stdout))["C001"]


def test_several_lists_and_an_alias_table(tmp_path: Path, small_list: Path) -> None:
    # A plain CSV list whose ids repeat the CSL list's: renamed, both kept.
    plain = tmp_path / "own.csv"
    plain.write_text(f"id,name\n{HIKVISION},Nokia Corporation\n", encoding="utf-8")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(
        f"canonical,alias,entity_id,source\n,Hangzhou HV,{HIKVISION},internal note\n",
        encoding="utf-8",
    )
    source = tmp_path / "in.csv"
    source.write_text("name\nNokia Corp.\nHangzhou HV\n", encoding="utf-8")
    lists = ["--list", small_list, "--list", plain, "--aliases", aliases]
    result = run("screen", source, *lists, "--workers", "2")
    assert result.code == 1, result.stderr
    rows = read_csv(result.stdout)
    expected = {
        ("Nokia Corp.", f"own.csv:{HIKVISION}", str(plain)[:20]),  # the file: no source column
        ("Hangzhou HV", HIKVISION, "Non-SDN Chinese Mili"),  # the CSL's source
    }
    assert {(row["input_name"], row["entity_id"], row["list"][:20]) for row in rows} == expected
    assert f"{plain}: 1 entity id already used by an earlier list" in result.stderr

    # The same lists and aliases compiled into one file screen the same.
    compiled = tmp_path / "lists.ematch"
    done = run("compile", small_list, plain, "--aliases", aliases, "-o", compiled)
    assert done.code == 0, done.stderr
    assert f"{compiled}: 4 entities" in done.stderr
    again = run("screen", source, "--list", compiled)
    assert again.code == 1, again.stderr
    assert read_csv(again.stdout) == rows
    assert "compiled matcher of 4 entities" in again.stderr


def test_compiled_matcher_errors(tmp_path: Path, small_list: Path) -> None:
    compiled = tmp_path / "three.ematch"
    assert run("compile", small_list, "-o", compiled).code == 0
    source = tmp_path / "in.csv"
    source.write_text("name\nHIKVISION\n", encoding="utf-8")
    # A compiled matcher holds its lists: it cannot be merged with more.
    mixed = run("screen", source, "--list", compiled, "--list", small_list)
    assert mixed.code == 2
    assert "is a compiled matcher: give it as the only --list" in mixed.stderr
    # A damaged file fails with its path and what is wrong, never a traceback.
    damaged = tmp_path / "damaged.ematch"
    damaged.write_bytes(compiled.read_bytes()[:200])
    broken = run("screen", source, "--list", damaged)
    assert broken.code == 2
    assert str(damaged) in broken.stderr
    assert "Traceback" not in broken.stderr
    # compile reads lists, and never writes over one.
    assert run("compile", compiled, "-o", tmp_path / "x.ematch").code == 2
    assert run("compile", small_list, "-o", small_list).code == 2


# -- atomic output -------------------------------------------------------------------


def test_ctrl_c_leaves_no_partial_output(tmp_path: Path, small_list: Path) -> None:
    source = tmp_path / "hits.csv"
    source.write_text("name\n" + "HIKVISION\nDahua Technology\n" * 20_000, encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    output = folder / "hits.csv"
    # A command run in the background by a non-interactive shell (a CI script's
    # "&") starts with SIGINT ignored, as does every process it starts, and the
    # CLI then rightly goes on. A handler (reset to the default by exec) while
    # the child starts makes it hear Ctrl-C whatever this process was given.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        child = subprocess.Popen(
            [*COMMAND, "screen", str(source), "--list", str(small_list), "-o", str(output)],
            stderr=subprocess.PIPE,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    deadline = time.monotonic() + 60
    started = False  # hits written to the temporary file: the run is under way
    while not started and child.poll() is None and time.monotonic() < deadline:
        started = any(p.stat().st_size for p in folder.iterdir() if p.name.endswith(".part"))
        time.sleep(0.01)
    assert started, "the run never wrote to its temporary output"
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=60)
    assert (child.returncode, "interrupted" in stderr.decode()) == (130, True), stderr.decode()
    assert list(folder.iterdir()) == []


def test_output_replaces_an_existing_file_only_when_complete(
    tmp_path: Path, small_list: Path, latin_customers: Path, malformed_list: tuple[Path, int]
) -> None:
    output = tmp_path / "hits.jsonl"
    output.write_text("previous results\n", encoding="utf-8")
    failed = run("screen", latin_customers, "--list", malformed_list[0], "-o", output)
    assert failed.code == 2
    assert output.read_text("utf-8") == "previous results\n"
    done = run("screen", latin_customers, "--list", small_list, "-o", output)
    assert done.code == 1
    assert len(output.read_text("utf-8").splitlines()) == int(done.summary()["hits"])
    assert leftovers(tmp_path) == []


# -- progress ---------------------------------------------------------------------------


def test_progress_bar_on_a_terminal_only(
    small_list: Path, latin_customers: Path, tmp_path: Path
) -> None:
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    output = tmp_path / "hits.csv"
    command = [
        *COMMAND,
        "screen",
        str(latin_customers),
        "--list",
        str(small_list),
        "-o",
        str(output),
    ]
    child = subprocess.Popen(command, stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert child.wait(timeout=60) == 1
    on_terminal = b"".join(chunks).decode("utf-8")
    rows = len(read_csv(latin_customers.read_text("utf-8")))
    bar = rf"screening: 100%.*{rows}/{rows} \[[0-9:]+<[0-9:]+, +[0-9.]+ rows/s\]"
    assert re.search(bar, on_terminal), on_terminal

    piped = run("screen", latin_customers, "--list", small_list, "-o", output)
    assert "rows/s" not in piped.stderr
    assert "\r" not in piped.stderr


# -- compare --------------------------------------------------------------------------


def test_compare_explains_a_match() -> None:
    result = run("compare", "HIKVISION", "Hangzhou Hikvision Digital Technology Co., Ltd.")
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert re.match(r"score +[01]\.\d{4}  match \(threshold 0\.8\)", lines[0])
    assert re.search(
        r"^ +hikvision +hikvision +1\.000 +[0-9.]+ +exact$", result.stdout, re.MULTILINE
    )
    assert re.search(r"^unmatched +A: -$", result.stdout, re.MULTILINE)
    assert re.search(r"hangzhou \[place, weight", result.stdout)
    assert re.search(r"^legal forms +A: -\n +B: limited$", result.stdout, re.MULTILINE)


def test_compare_cross_script_and_json() -> None:
    result = run("compare", "杭州海康威视数字技术股份有限公司", "Hikvision", "--json")
    assert result.code == 1
    details = json.loads(result.stdout)
    assert details["is_match"] is True
    assert any(pair["left_source"] == "海康威视" for pair in details["pairs"])


def test_compare_generic_words_are_not_a_match() -> None:
    result = run(
        "compare", "Hangzhou Technology Co Ltd", "Hangzhou Hikvision Digital Technology Co Ltd"
    )
    assert result.code == 0
    assert "no match" in result.stdout.splitlines()[0]
    assert re.search(r"^notes +- ", result.stdout, re.MULTILINE)


def test_compare_person_with_a_threshold() -> None:
    result = run("compare", "Zhao Lijian", "ZHAO, Li-jian", "--kind", "person", "-t", "0.99")
    assert result.code == 1
    assert "(threshold 0.99)" in result.stdout


# -- list-info -----------------------------------------------------------------------


def test_list_info_counts() -> None:
    result = run("list-info", CSL_SAMPLE)
    assert result.code == 0
    text = result.stdout
    assert re.search(r"^format +csl-csv \(detected\)$", text, re.MULTILINE)
    assert re.search(r"^entities +212$", text, re.MULTILINE)
    assert re.search(r"^names +\d+ \(primary names and aliases\)$", text, re.MULTILINE)
    assert re.search(r"^sources +108  Entity List \(EL\)", text, re.MULTILINE)
    assert re.search(r"^ +68  Non-SDN Chinese Military-Industrial Complex", text, re.MULTILINE)
    assert re.search(r"^kinds +\d+  ", text, re.MULTILINE)


def test_list_info_json_and_weak_aliases() -> None:
    result = run("list-info", FIXTURES / "ofac_sdn" / "sdn.csv", "--json")
    assert result.code == 0
    info = json.loads(result.stdout)
    assert info["format"] == "ofac-csv"
    assert info["weak_aliases"] > 0
    assert sum(info["kinds"].values()) == info["entities"]


def test_list_info_malformed(malformed_list: tuple[Path, int]) -> None:
    path, line = malformed_list
    failed = run("list-info", path)
    assert failed.code == 2
    assert f"{path}:{line}: truncated row" in failed.stderr
    skipped = run("list-info", path, "--skip-malformed")
    assert skipped.code == 0
    assert re.search(r"^malformed +1 skipped$", skipped.stdout, re.MULTILINE)
    assert re.search(rf"^problems +{re.escape(str(path))}:{line}: ", skipped.stdout, re.MULTILINE)


# -- arguments and help ----------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["screen"], ["compare"], ["list-info"]])
def test_help(command: Sequence[str]) -> None:
    result = run(*command, "--help")
    assert result.code == 0
    assert result.stdout.startswith("usage: entitymatch")
    assert "examples:\n  entitymatch " in result.stdout


def test_version_and_python_m() -> None:
    from entitymatch import __version__

    assert run("--version").stdout.strip() == f"entitymatch {__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "entitymatch", "--version"], capture_output=True, check=False
    )
    assert done.stdout.decode().strip() == f"entitymatch {__version__}"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["screen", CUSTOMERS], "the following arguments are required: -l/--list"),
        (["screen", CUSTOMERS, "--list", CSL_SAMPLE, "-t", "1.5"], "must be between 0 and 1"),
        (["screen", CUSTOMERS, "--list", CSL_SAMPLE, "--column", "nme"], "no column 'nme'"),
        (["screen", "no/such.csv", "--list", CSL_SAMPLE], "cannot read input no/such.csv"),
        (["screen", CUSTOMERS, "--list", "no/such.csv"], "no/such.csv: no such list file"),
        (
            ["screen", CUSTOMERS, "--list", CSL_SAMPLE, "--list-format", "xml"],
            "unknown list format",
        ),
        (["list-info", CUSTOMERS, "--format", "csl-json"], "customers.csv"),
        (["screen", CUSTOMERS, "--list", CSL_SAMPLE, "-o", CUSTOMERS], "would replace the file"),
    ],
)
def test_errors_exit_2(
    arguments: list[object], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # In this process (each subprocess would cost a start-up): main() as the script calls it.
    from entitymatch.cli import main

    try:
        code = main([str(argument) for argument in arguments])
    except SystemExit as stop:  # argparse exits by itself
        code = stop.code if isinstance(stop.code, int) else 1
    stderr = capsys.readouterr().err
    assert code == 2
    assert message in stderr
    assert "Traceback" not in stderr


# -- a large input (last: the large_run fixture started it in the background) ---------


def test_100000_rows_are_all_accounted_for_in_constant_memory(
    large_run: LargeRun, tmp_path: Path, small_list: Path, latin_customers: Path
) -> None:
    result, peak = large_run.finish()
    assert result.code == 1, result.stderr
    counts = result.summary()
    assert counts["read"] == str(LARGE_ROWS)
    assert int(counts["screened"]) + int(counts["skipped"]) == LARGE_ROWS
    assert counts["skipped"] == str(large_run.empty)
    with large_run.output.open(encoding="utf-8") as file:
        hits = sum(1 for _ in csv.DictReader(file))
    assert str(hits) == counts["hits"]
    assert int(counts["hits"]) > 0

    few = tmp_path / "few.csv"
    small, baseline = run_measured(
        "screen", latin_customers, "--list", small_list, "-o", few, folder=tmp_path
    )
    assert small.code == 1
    # Peak memory of the 100,000-row run, against a 34-row run with the same list:
    # holding the input's rows would take over 40 MiB more.
    assert peak - baseline < 24 * 1024, (peak, baseline)
