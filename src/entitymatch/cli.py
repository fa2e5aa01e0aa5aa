"""The ``entitymatch`` command line: ``screen``, ``compile``, ``compare`` and ``list-info``.

This is the only module that parses arguments or formats output; everything
it does goes through the public API (``Matcher``, ``compare``, ``load_list``,
``AliasTable``). ``docs/cli.md`` is the manual.

Exit status, as with grep and diff a number a script can test (a nonzero
status means "look at this"):

====  =======================================================================
0     ``screen``: no hits; ``compare``: not a match; ``list-info``, ``compile``: done
1     ``screen``: at least one hit; ``compare``: the names match
2     an error: bad arguments, an unreadable or malformed list or alias file
      (printed as ``path:line: reason``), an unreadable input, an unwritable
      output, or a bug
130   interrupted (Ctrl-C); 143 terminated (SIGTERM); 141 output pipe closed
====  =======================================================================

``screen`` streams its input: one row in memory at a time (plus the few the
matcher reads ahead), hits written as they come, so a file of ten million
rows screens in the memory of the list. Output goes to a temporary file
beside ``-o`` that replaces it only when every row is screened; an
interrupted or failed run leaves no output and no temporary file.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import dataclasses
import gzip
import io
import json
import os
import signal
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from tqdm import tqdm

import entitymatch as em
from entitymatch._version import __version__
from entitymatch.errors import EntityMatchError
from entitymatch.lists import FORMATS, ListStats, iter_list
from entitymatch.records import KINDS, parse_kind
from entitymatch.store import is_saved

if TYPE_CHECKING:
    from entitymatch.matcher import Matcher
    from entitymatch.records import Entity, Kind, Match

__all__ = ["OUTPUT_COLUMNS", "main", "render_comparison"]

PROG = "entitymatch"

EXIT_CLEAN = 0
"""``screen`` found no hits; ``compare`` found no match; ``list-info`` read the list."""
EXIT_HITS = 1
"""``screen`` found hits; ``compare`` found a match."""
EXIT_ERROR = 2
"""Bad arguments (argparse uses 2 too), unreadable or malformed files, bugs."""
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a writer whose reader went away."""
EXIT_INTERRUPTED = 130
"""128 + SIGINT: Ctrl-C."""
EXIT_TERMINATED = 143
"""128 + SIGTERM."""

OUTPUT_COLUMNS = (
    "row",
    "input_id",
    "input_name",
    "list",
    "entity_id",
    "matched_name",
    "entity_name",
    "score",
    "explanation",
)
"""Columns of ``screen`` output, one row per hit:

* ``row``: the input record's number, 1-based, header and blank lines not counted;
* ``input_id``: the ``--id-column`` value, else the row number;
* ``input_name``: the name screened, as read;
* ``list``: the entity's source as the list gives it, else the list file;
* ``entity_id``, ``matched_name`` (the entity's name or alias that scored
  best), ``entity_name`` (its primary name), ``score`` (rounded to 4 places);
* ``explanation``: ``Match.to_dict()["explanation"]``; a JSON string in CSV,
  an object in JSON lines, a JSON column in Parquet.
"""

NAME_COLUMN = "name"
ID_COLUMN = "id"
KIND_COLUMN = "kind"
"""Default input columns; ``id`` and ``kind`` are used only when present."""

INPUT_FORMATS = ("csv", "tsv", "jsonl", "parquet")
OUTPUT_FORMATS = ("csv", "jsonl", "parquet", "table")
"""``table`` is for people: aligned columns without the explanation, the
default when the output is a terminal."""
_EXTENSIONS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}

FALLBACK_ENCODING = "cp1252"
"""What a line that is not UTF-8 is read as: Windows-1252, the encoding of
most "Latin-1" files written on Windows (bytes it leaves undefined are read
as Latin-1). Per line, so one stray byte affects only its own row."""
_FALLBACK_ERRORS = "entitymatch.latin1"

PARQUET_BATCH = 8192
"""Rows per Parquet batch read or written: bounded memory, few small row groups."""
PROGRESS_EVERY = 256
"""Rows between progress-bar updates: cheap enough for millions of rows."""
MAX_SKIP_REPORTS = 1000
"""Skipped rows reported one per line on stderr; past this only counted (the
summary gives the total per reason)."""

PARQUET_HINT = "python -m pip install 'entitymatch[parquet]'"


class CliError(Exception):
    """A mistake the user can fix; printed without a traceback, exit status 2."""


class _Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that temporary files are removed."""


def _on_sigterm(signum: int, frame: object) -> NoReturn:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring).

    Args:
        argv: Arguments without the program name (default ``sys.argv[1:]``).
    """
    args = build_parser().parse_args(argv)
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread: keep the default
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        status: int = args.run(args)
        return status
    except (CliError, EntityMatchError) as error:
        _print_error(str(error))
    except KeyboardInterrupt:
        _print_error("interrupted")
        return EXIT_INTERRUPTED
    except _Terminated:
        _print_error("terminated")
        return EXIT_TERMINATED
    except BrokenPipeError:
        # The reader of stdout went away (``| head``): stop quietly. Point stdout
        # at /dev/null so that the interpreter's final flush does not fail again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception:  # a bug: say so, and do not exit 1, which means "hits"
        traceback.print_exc()
        _print_error("internal error (a bug in entitymatch; please report it with the above)")
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return EXIT_ERROR


def _print_error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr, flush=True)


# -- arguments ------------------------------------------------------------------------


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's examples as written; wraps option help."""


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {text}")
    return value


def _count(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


_SCREEN_EPILOG = """\
examples:
  entitymatch screen examples/customers.csv --list examples/csl_sample.csv
  entitymatch screen customers.csv --list sdn.csv --list consolidated.json -o hits.csv
  entitymatch screen sellers.parquet --column seller_name --id-column seller_id \\
      --list targets.simple.csv --threshold 0.85 -o hits.parquet
  zcat customers.csv.gz | entitymatch screen - --list csl.csv --format jsonl > hits.jsonl
  entitymatch screen customers.csv --list lists.ematch     (a matcher saved by compile)

input: CSV/TSV with a header, JSON lines, or Parquet (by extension, else by
content; "-" reads CSV or JSON lines from stdin; .gz files are decompressed).
Text is read as UTF-8; a line that is not UTF-8 is read as Windows-1252.
Rows with no name are reported on stderr and counted, never dropped silently.

output: one row per hit: row, input_id, input_name, list, entity_id,
matched_name, entity_name, score, explanation. Written to a temporary file
that replaces OUT only when the run completes.

exit status: 0 no hits, 1 hits, 2 error, 130 interrupted.
"""

_COMPARE_EPILOG = """\
examples:
  entitymatch compare HIKVISION "Hangzhou Hikvision Digital Technology Co., Ltd."
  entitymatch compare "Zhao Lijian" "ZHAO, Li-jian" --kind person
  entitymatch compare 杭州海康威视数字技术股份有限公司 "Hikvision" --json

exit status: 0 not a match, 1 a match (score >= threshold), 2 error.
"""

_COMPILE_EPILOG = """\
examples:
  entitymatch compile examples/csl_sample.csv -o csl.ematch
  entitymatch compile sdn.csv consolidated.json --aliases our_aliases.csv -o lists.ematch
  entitymatch screen customers.csv --list lists.ematch

A compiled matcher loads in a fraction of a second where compiling the lists
takes seconds to minutes; it is a versioned, memory-mapped file that holds no
code (see docs/performance.md). Recompile after upgrading entitymatch.

exit status: 0 written, 2 error.
"""

_LIST_INFO_EPILOG = """\
examples:
  entitymatch list-info examples/csl_sample.csv
  entitymatch list-info sdn.csv                 (alt.csv, add.csv beside it are joined)
  entitymatch list-info targets.simple.csv --json

exit status: 0 read, 2 error (a malformed record is reported as path:line: reason;
--skip-malformed skips and counts it instead).
"""

_MAIN_EPILOG = """\
examples:
  entitymatch screen examples/customers.csv --list examples/csl_sample.csv
  entitymatch compile examples/csl_sample.csv -o csl.ematch
  entitymatch compare HIKVISION "Hangzhou Hikvision Digital Technology Co., Ltd."
  entitymatch list-info examples/csl_sample.csv

Run "entitymatch COMMAND --help" for a command's options. Manual: docs/cli.md.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``entitymatch`` command and its subcommands."""
    formats = ", ".join(sorted(FORMATS))
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Screen names against sanctions and export-control lists.",
        epilog=_MAIN_EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    screen = commands.add_parser(
        "screen",
        help="screen every row of a file against one or more lists",
        description="Screen every name of a CSV, TSV, JSON lines or Parquet file against "
        "lists; write one row per hit.",
        epilog=_SCREEN_EPILOG,
        formatter_class=_HelpFormatter,
    )
    screen.set_defaults(run=_screen)
    screen.add_argument("input", metavar="INPUT", help='file to screen, or "-" for stdin')
    lists = screen.add_argument_group("lists")
    lists.add_argument(
        "-l",
        "--list",
        dest="lists",
        metavar="LIST",
        action="append",
        required=True,
        help="a list file (repeat for several; format detected unless --list-format), or "
        "one matcher saved by 'entitymatch compile'",
    )
    _list_options(lists, formats)
    columns = screen.add_argument_group("input")
    columns.add_argument(
        "--column",
        default=NAME_COLUMN,
        metavar="NAME",
        help="column (or JSON field) holding the names (default: %(default)s)",
    )
    columns.add_argument(
        "--id-column", metavar="COL", help="column of row ids (default: 'id' when present)"
    )
    columns.add_argument(
        "--kind-column",
        metavar="COL",
        help="column of kinds: person, organization, vessel, aircraft (default: 'kind' "
        "when present)",
    )
    columns.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        help="input format (default: from the extension, else from the content)",
    )
    columns.add_argument(
        "--encoding",
        metavar="ENC",
        help="read text input in this encoding (undecodable bytes replaced) instead of "
        "UTF-8 with a Windows-1252 fallback per line",
    )
    matching = screen.add_argument_group("matching")
    matching.add_argument(
        "-t",
        "--threshold",
        type=_probability,
        metavar="T",
        help="lowest score reported, 0 to 1 (default: entitymatch.DEFAULT_THRESHOLD)",
    )
    matching.add_argument(
        "-k",
        "--limit",
        type=_count(0),
        metavar="K",
        help="most hits per row, best first; 0 for all (default: 10)",
    )
    matching.add_argument(
        "--workers",
        type=_count(1),
        metavar="N",
        help="processes to screen with (default: every core)",
    )
    output = screen.add_argument_group("output")
    output.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")
    output.add_argument(
        "-f",
        "--format",
        choices=OUTPUT_FORMATS,
        help="output format (default: from OUT's extension, else table on a terminal, else csv)",
    )
    output.add_argument(
        "--no-progress", action="store_true", help="no progress bar (shown only on a terminal)"
    )
    output.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar, list summaries or per-row notes; the final summary stays",
    )

    compare = commands.add_parser(
        "compare",
        help="compare two names and explain the score",
        description="Compare two names: the score, whether it is a match, and why.",
        epilog=_COMPARE_EPILOG,
        formatter_class=_HelpFormatter,
    )
    compare.set_defaults(run=_compare)
    compare.add_argument("left", metavar="A", help="a name")
    compare.add_argument("right", metavar="B", help="another name")
    compare.add_argument("--kind", choices=KINDS, help="what both names name")
    compare.add_argument(
        "-t", "--threshold", type=_probability, metavar="T", help="score that makes a match"
    )
    compare.add_argument(
        "--json", action="store_true", help="print the explanation as JSON (Comparison.to_dict)"
    )

    compile_ = commands.add_parser(
        "compile",
        help="compile lists into a matcher file that screen loads at once",
        description="Read lists and an alias table, compile them, and save the matcher to a "
        "file for 'screen --list'.",
        epilog=_COMPILE_EPILOG,
        formatter_class=_HelpFormatter,
    )
    compile_.set_defaults(run=_compile)
    compile_.add_argument("lists", metavar="LIST", nargs="+", help="list files")
    compile_.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the matcher file to write"
    )
    _list_options(compile_, formats)

    info = commands.add_parser(
        "list-info",
        help="read a list file and count what it holds",
        description="Read a list file and print what it holds: entities per kind and per "
        "source, names, weak aliases, skipped and malformed records.",
        epilog=_LIST_INFO_EPILOG,
        formatter_class=_HelpFormatter,
    )
    info.set_defaults(run=_list_info)
    info.add_argument("list", metavar="LIST", help="a list file")
    info.add_argument("--format", metavar="F", help=f"list format: one of {formats}")
    info.add_argument(
        "--skip-malformed", action="store_true", help="skip and count malformed records"
    )
    info.add_argument("--json", action="store_true", help="print the counts as JSON")
    return parser


def _list_options(group: Any, formats: str) -> None:
    """Options on how lists are read, shared by ``screen`` and ``compile``."""
    group.add_argument(
        "--list-format", metavar="F", help=f"format of every list file: one of {formats}"
    )
    group.add_argument(
        "--skip-malformed",
        action="store_true",
        help="skip and count malformed list records instead of failing",
    )
    group.add_argument(
        "--aliases", metavar="FILE", help="alias table CSV (canonical,alias,entity_id,source)"
    )


# -- screen ---------------------------------------------------------------------------


@dataclasses.dataclass(slots=True)
class _Row:
    """One input record, whether it can be screened or not.

    Attributes:
        number: 1-based record number (header and blank lines not counted).
        where: ``path:line`` of the record, for messages.
        id: The id column's value, else the record number.
        name: The name to screen.
        kind: The kind column's value, read as a kind.
        skip: Why the row is not screened (a short reason, counted), or "".
        detail: More about the reason, for the message.
        recoded: Whether its text was not UTF-8 (see ``_Lines``).
        unknown_kind: Whether the kind column held a value that is not a kind.
    """

    number: int
    where: str
    id: str
    name: str
    kind: Kind | None = None
    skip: str = ""
    detail: str = dataclasses.field(default="", repr=False)
    recoded: bool = dataclasses.field(default=False, repr=False)
    unknown_kind: bool = dataclasses.field(default=False, repr=False)


@dataclasses.dataclass(slots=True)
class _Tally:
    """Counts for the summary line: every row read is screened or skipped."""

    read: int = 0
    screened: int = 0
    skipped: Counter[str] = dataclasses.field(default_factory=Counter)
    rows_with_hits: int = 0
    hits: int = 0
    recoded: int = 0
    recoding: str = ""
    unknown_kinds: int = 0
    blank_lines: int = 0
    list_malformed: int = 0

    def summary(self, label: str) -> str:
        """The summary line.

        >>> tally = _Tally(read=5, screened=4, rows_with_hits=1, hits=3, blank_lines=1)
        >>> tally.skipped["empty name"] += 1
        >>> print(tally.summary("in.csv").replace("; ", ";\\n"))
        in.csv: 5 rows read, 4 screened, 1 skipped (1 empty name);
        1 row with hits, 3 hits;
        1 blank line ignored
        """
        skipped = self.skipped.total()
        text = f"{label}: {_n(self.read, 'row')} read, {self.screened} screened, {skipped} skipped"
        if skipped:
            reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.most_common())
            text += f" ({reasons})"
        text += f"; {_n(self.rows_with_hits, 'row')} with hits, {_n(self.hits, 'hit')}"
        extra = [
            f"{_n(count, what)} {how}"
            for count, what, how in (
                (self.recoded, "row", self.recoding),
                (self.unknown_kinds, "row", "with an unknown kind screened without one"),
                (self.blank_lines, "blank line", "ignored"),
                (self.list_malformed, "malformed list record", "skipped"),
            )
            if count
        ]
        return "; ".join([text, *extra])


def _n(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless 1.

    >>> _n(1, "row"), _n(2, "blank line"), _n(0, "hit"), _n(3, "entity")
    ('1 row', '2 blank lines', '0 hits', '3 entities')
    """
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"


class _Console:
    """Messages on stderr, written around the progress bar when there is one."""

    def __init__(self, *, quiet: bool, progress: bool) -> None:
        self.quiet = quiet
        self.progress = progress and not quiet and sys.stderr.isatty()
        self.bar: Any = None

    def say(self, message: str) -> None:
        """A message that ``--quiet`` keeps (the summary)."""
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr, flush=True)

    def note(self, message: str) -> None:
        """A message that ``--quiet`` drops."""
        if not self.quiet:
            self.say(message)


def _screen(args: argparse.Namespace) -> int:
    started = time.monotonic()
    console = _Console(quiet=args.quiet, progress=not args.no_progress)
    output_format = args.format or _format_from_extension(args.output, OUTPUT_FORMATS)
    if output_format is None:
        to_terminal = args.output in (None, "-") and sys.stdout.isatty()
        output_format = "table" if to_terminal else "csv"
    if output_format == "parquet":
        _require_pyarrow("Parquet output")
    _check_output_path(args)
    tally = _Tally()
    # The output is opened before the lists are read, so that a run that cannot
    # write fails at once; a failure from here on leaves no output file.
    with _open_input(args) as source, _output_stream(args.output) as stream:
        source.notify = console.note
        matcher, list_files = _build_matcher(args, console, tally)
        options = _screen_options(args)
        with _make_sink(output_format, stream) as sink:
            _run_screen(
                matcher=matcher,
                options=options,
                source=source,
                sink=sink,
                list_files=list_files,
                console=console,
                tally=tally,
            )
    elapsed = time.monotonic() - started
    console.say(f"{tally.summary(source.label)} ({elapsed:.1f} s)")
    return EXIT_HITS if tally.hits else EXIT_CLEAN


def _check_output_path(args: argparse.Namespace) -> None:
    """Refuse an output that would replace the input or a list when it is renamed over it."""
    if args.output in (None, "-"):
        return
    target = Path(args.output).resolve()
    for given in [args.input, *args.lists, args.aliases]:
        if given not in (None, "-") and Path(given).resolve() == target:
            raise CliError(f"-o {args.output} would replace the file it reads: {given}")


def _run_screen(
    *,
    matcher: Matcher,
    options: Mapping[str, Any],
    source: _Source,
    sink: _Sink,
    list_files: Mapping[str, str],
    console: _Console,
    tally: _Tally,
) -> None:
    """Feed the matcher a generator of names and write hits as results come back.

    Rows waiting for their result sit in ``pending`` (the matcher may read
    ahead); skipped rows never reach the matcher but are counted here.
    """
    pending: deque[_Row] = deque()
    kinds: deque[Kind | None] = deque()
    bar = _progress_bar(console, source)

    def names() -> Iterator[str]:
        for row in source:
            tally.read += 1
            if bar is not None and tally.read % PROGRESS_EVERY == 0:
                _advance(bar, tally.read, source)
            if row.recoded:
                tally.recoded += 1
            if row.skip:
                tally.skipped[row.skip] += 1
                skipped = tally.skipped.total()
                if skipped <= MAX_SKIP_REPORTS:
                    detail = f" ({row.detail})" if row.detail else ""
                    console.note(f"{row.where}: row {row.number} not screened: {row.skip}{detail}")
                elif skipped == MAX_SKIP_REPORTS + 1:
                    console.note(f"{source.label}: more rows not screened; only counted from here")
                continue
            if row.unknown_kind:
                tally.unknown_kinds += 1
            pending.append(row)
            kinds.append(row.kind)
            yield row.name

    def row_kinds() -> Iterator[Kind | None]:
        while True:  # the matcher takes one kind per name, after the name
            yield kinds.popleft()

    results = matcher.screen(names(), kinds=row_kinds() if source.has_kinds else None, **options)
    try:
        for hits in results:
            row = pending.popleft()
            tally.screened += 1
            if not hits:
                continue
            tally.rows_with_hits += 1
            tally.hits += len(hits)
            for match in hits:
                sink.write(_record(row, match, list_files))
    finally:
        if bar is not None:
            _advance(bar, tally.read, source, done=True)
            bar.close()
            console.bar = None
    if pending or tally.read != tally.screened + tally.skipped.total():
        raise RuntimeError(  # the matcher broke its one-result-per-name promise
            f"{tally.read} rows read but {tally.screened} screened and "
            f"{tally.skipped.total()} skipped"
        )
    tally.blank_lines = source.blank_lines
    tally.recoding = source.recoding


def _record(row: _Row, match: Match, list_files: Mapping[str, str]) -> dict[str, Any]:
    hit = match.to_dict()
    return {
        "row": row.number,
        "input_id": row.id,
        "input_name": row.name,
        "list": hit.get("source") or list_files.get(hit["entity_id"], ""),
        "entity_id": hit["entity_id"],
        "matched_name": hit["name"],
        "entity_name": hit["entity_name"],
        "score": round(float(hit["score"]), 4),
        "explanation": hit.get("explanation", {}),
    }


def _screen_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keywords for ``Matcher.screen``: only those given, so library defaults hold."""
    options: dict[str, Any] = {}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    if args.limit is not None:
        options["limit"] = args.limit or None  # 0: every hit
    if args.workers is not None:
        options["workers"] = args.workers
    return options


def _build_matcher(
    args: argparse.Namespace, console: _Console, tally: _Tally
) -> tuple[Matcher, dict[str, str]]:
    """Load a compiled matcher, or load the lists and the alias table and compile them.

    Returns:
        The matcher, and the list file of each entity id (for the ``list``
        column when a list does not name its source; empty for a compiled
        matcher, whose entities carry their source).
    """
    saved = [path for path in args.lists if is_saved(path)]
    if saved:
        if len(args.lists) > 1 or args.aliases:
            raise CliError(
                f"{saved[0]} is a compiled matcher: give it as the only --list, without "
                "--aliases (compile the lists and aliases together instead)"
            )
        started = time.monotonic()
        matcher = em.Matcher.load(saved[0])
        console.note(
            f"{saved[0]}: compiled matcher of {_n(len(matcher), 'entity')}, "
            f"{_n(matcher.name_count, 'name')} (loaded in {time.monotonic() - started:.2f} s)"
        )
        return matcher, {}
    aliases = em.AliasTable.from_csv(args.aliases) if args.aliases else None
    entities, list_files = _load_lists(args.lists, args, console, tally)
    return em.Matcher(entities, aliases=aliases), list_files


def _compile(args: argparse.Namespace) -> int:
    started = time.monotonic()
    console = _Console(quiet=False, progress=False)
    if any(is_saved(path) for path in args.lists):
        raise CliError("compile reads list files, not compiled matchers")
    if any(Path(path).resolve() == Path(args.output).resolve() for path in args.lists):
        raise CliError(f"-o {args.output} would replace a list it reads")
    aliases = em.AliasTable.from_csv(args.aliases) if args.aliases else None
    entities, list_files = _load_lists(args.lists, args, console, _Tally())
    # The saved entities name their list, for screen's "list" column.
    entities = [
        entity if entity.source else dataclasses.replace(entity, source=list_files[entity.id])
        for entity in entities
    ]
    matcher = em.Matcher(entities, aliases=aliases)
    size = matcher.save(args.output)
    console.say(
        f"{args.output}: {_n(len(matcher), 'entity')}, {_n(matcher.name_count, 'name')}, "
        f"{size / 1e6:.1f} MB ({time.monotonic() - started:.1f} s)"
    )
    return EXIT_CLEAN


def _load_lists(
    paths: Sequence[str], args: argparse.Namespace, console: _Console, tally: _Tally
) -> tuple[list[Entity], dict[str, str]]:
    entities: list[Entity] = []
    list_files: dict[str, str] = {}
    seen: set[str] = set()
    for path in paths:
        key = os.path.realpath(path)
        if key in seen:
            console.note(f"{path}: given more than once; read once")
            continue
        seen.add(key)
        stats = ListStats()
        loaded = em.load_list(
            path,
            args.list_format,
            errors="skip" if args.skip_malformed else "raise",
            stats=stats,
        )
        renamed = 0
        for listed in loaded:
            entity = listed
            if entity.id in list_files:
                entity = _renamed(entity, Path(path).name, list_files)
                renamed += 1
            list_files[entity.id] = path
            entities.append(entity)
        tally.list_malformed += stats.malformed
        console.note(stats.summary())
        for problem in stats.problems:
            console.note(f"  {problem}")
        if renamed:
            console.note(
                f"{path}: {_n(renamed, 'entity id')} already used by an earlier list, "
                f"prefixed with '{Path(path).name}:'"
            )
    return entities, list_files


def _renamed(entity: Entity, prefix: str, taken: Mapping[str, str]) -> Entity:
    candidate, n = f"{prefix}:{entity.id}", 1
    while candidate in taken:
        n += 1
        candidate = f"{prefix}#{n}:{entity.id}"
    return dataclasses.replace(entity, id=candidate)


# -- progress -------------------------------------------------------------------------


def _progress_bar(console: _Console, source: _Source) -> Any:
    if not console.progress:
        return None
    bar = tqdm(
        total=source.total_rows,
        desc="screening",
        unit=" rows",
        file=sys.stderr,
        dynamic_ncols=True,
        smoothing=0.1,
    )
    console.bar = bar
    return bar


def _advance(bar: Any, rows: int, source: _Source, *, done: bool = False) -> None:
    """Move the bar to ``rows``; for a text file, estimate the total from the bytes read."""
    if done:
        bar.total = rows
    elif source.total_rows is None and source.size:
        position = source.position()
        if position:
            bar.total = max(rows, round(rows * source.size / position))
    bar.update(rows - bar.n)


# -- input ----------------------------------------------------------------------------


def _fallback_decode(error: UnicodeError) -> tuple[str, int]:
    """Decode bytes that Windows-1252 leaves undefined as Latin-1 (C1 controls)."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(_FALLBACK_ERRORS, _fallback_decode)


def _decode_line(raw: bytes) -> tuple[str, bool]:
    """A line as text, and whether it needed the fallback (it is not UTF-8).

    >>> _decode_line("Zoë\\n".encode()), _decode_line(b"Caf\\xe9 \\x81\\n")
    (('Zoë\\n', False), ('Café \\x81\\n', True))
    """
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode(FALLBACK_ENCODING, errors=_FALLBACK_ERRORS), True


class _Lines:
    """Text lines of a byte stream, decoded one line at a time.

    By default each line is UTF-8 (a byte order mark dropped), and a line that
    is not is decoded as Windows-1252 (``_decode_line``): a file in a legacy
    encoding, or a UTF-8 file with a stray byte, loses no row and no letter.
    With an explicit encoding (or a UTF-16 byte order mark) the stream is
    decoded in that encoding, undecodable bytes replaced by U+FFFD.
    ``recoded`` counts the lines that took the fallback or a replacement.

    >>> lines = _Lines(io.BytesIO(b"name\\nCaf\\xe9\\nZo\\xc3\\xab\\n"), None, "in.csv")
    >>> [(n, text, recoded) for n, text, recoded in lines]
    [(1, 'name\\n', False), (2, 'Café\\n', True), (3, 'Zoë\\n', False)]
    >>> lines.recoded
    1
    """

    def __init__(self, binary: IO[bytes], encoding: str | None, label: str) -> None:
        self.number = 0
        self.recoded = 0
        self._binary = binary
        self._label = label
        if encoding is None and _peek(binary, 2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            encoding = "utf-16"
        if encoding is not None:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise CliError(f"unknown encoding {encoding!r}") from None
        self._encoding = encoding
        self.recoding = (
            f"decoded as {FALLBACK_ENCODING} (not UTF-8)"
            if encoding is None
            else f"with bytes undecodable as {encoding} replaced"
        )

    def __iter__(self) -> Iterator[tuple[int, str, bool]]:
        """``(line number, text, recoded)`` for each line."""
        try:
            for text, recoded in self._decoded():
                self.number += 1
                if recoded:
                    self.recoded += 1
                yield (
                    self.number,
                    text.removeprefix("\ufeff") if self.number == 1 else text,
                    recoded,
                )
        except (OSError, EOFError) as error:  # gzip.BadGzipFile is an OSError
            raise CliError(f"{self._label}:{self.number + 1}: cannot read input: {error}") from None

    def _decoded(self) -> Iterator[tuple[str, bool]]:
        if self._encoding is None:
            for raw in self._binary:
                yield _decode_line(raw)
            return
        text = io.TextIOWrapper(
            self._binary,
            encoding=self._encoding,
            errors="replace",
            newline="",
        )
        for line in text:
            yield line, "\ufffd" in line


class _Source:
    """An input read record by record; subclasses read one format.

    Attributes:
        label: How messages name the input (its path, or ``<stdin>``).
        has_kinds: Whether rows carry a kind (a kind column is used).
        blank_lines: Blank lines met, which are not rows.
        recoding: What a recoded row went through, for the summary.
        total_rows: Rows in the input when known before reading (Parquet).
        size: Bytes in the input file when known, for the progress estimate.
        notify: Called with one-time notes (the first line not in UTF-8).
    """

    label: str = ""
    has_kinds: bool = False
    blank_lines: int = 0
    recoding: str = ""
    total_rows: int | None = None
    size: int = 0
    notify: Callable[[str], None] = staticmethod(lambda message: None)

    def __iter__(self) -> Iterator[_Row]:
        raise NotImplementedError

    def position(self) -> int:
        """Bytes of the input read so far (0 when unknown)."""
        return 0


def _find_column(columns: Sequence[str], wanted: str) -> int | None:
    """Index of a column by exact name, else ignoring case and surrounding spaces.

    >>> _find_column(["ID", " Name "], "name"), _find_column(["a"], "name")
    (1, None)
    """
    if wanted in columns:
        return list(columns).index(wanted)
    folded = [c.strip().casefold() for c in columns]
    key = wanted.strip().casefold()
    return folded.index(key) if key in folded else None


@dataclasses.dataclass(frozen=True, slots=True)
class _Columns:
    """Where a record's name, id and kind are: indexes into its cells."""

    name: int
    id: int | None
    kind: int | None


def _choose_columns(label: str, columns: Sequence[str], args: argparse.Namespace) -> _Columns:
    """The name column (required), and the id and kind columns when asked for or present."""
    found = ", ".join(repr(c) for c in columns) or "none"

    def pick(wanted: str | None, default: str, option: str) -> int | None:
        index = _find_column(columns, wanted or default)
        if index is None and wanted is not None:
            raise CliError(f"{label}: no column {wanted!r} for {option}; columns: {found}")
        return index

    name = _find_column(columns, args.column)
    if name is None:
        raise CliError(f"{label}: no column {args.column!r} for --column; columns: {found}")
    return _Columns(
        name,
        pick(args.id_column, ID_COLUMN, "--id-column"),
        pick(args.kind_column, KIND_COLUMN, "--kind-column"),
    )


def _cell_row(number: int, where: str, cells: Sequence[Any], columns: _Columns) -> _Row:
    """A row from a record's cells (CSV fields, JSON values, Parquet values).

    >>> _cell_row(3, "in.csv:4", ["C3", "", "person"], _Columns(1, 0, 2))
    _Row(number=3, where='in.csv:4', id='C3', name='', kind='person', skip='empty name')
    """

    def cell(index: int | None) -> Any:
        return cells[index] if index is not None and index < len(cells) else None

    ident = cell(columns.id)
    row = _Row(number, where, str(number) if ident is None else _text(ident), "")
    if columns.kind is not None:
        kind = cell(columns.kind)
        text = _text(kind).strip() if kind is not None else ""
        row.kind = parse_kind(text)
        row.unknown_kind = bool(text) and row.kind is None
    value = cell(columns.name)
    if columns.name >= len(cells):
        row.skip = "no value in the name column"
        row.detail = f"the row has {_n(len(cells), 'field')}"
    elif value is None:
        row.skip = "empty name"
    elif isinstance(value, str | bytes | int | float) and not isinstance(value, bool):
        row.name = _text(value)
        if not row.name.strip():
            row.skip = "empty name"
    else:
        row.skip = "unreadable name"
        row.detail = f"a {type(value).__name__}, not a string"
    return row


def _text(value: Any) -> str:
    """A cell as text; bytes (a Parquet binary column) decoded like a text line."""
    if isinstance(value, bytes):
        return _decode_line(value)[0]
    return str(value)


def _delimiter_of(header: str) -> str:
    r"""The delimiter a header line uses: tab, else ``;`` (with no comma), else comma.

    >>> _delimiter_of("id\tname\n"), _delimiter_of("id;name\n"), _delimiter_of("id,name;x\n")
    ('\t', ';', ',')
    """
    if "\t" in header:
        return "\t"
    if ";" in header and "," not in header:
        return ";"
    return ","


class _TextSource(_Source):
    """A text input read line by line (see ``_Lines``), whose file position is known."""

    def __init__(
        self,
        label: str,
        binary: IO[bytes],
        args: argparse.Namespace,
        *,
        position: Callable[[], int],
        size: int,
    ) -> None:
        self.label = label
        self.size = size
        self._position = position
        self._lines = _Lines(binary, args.encoding, label)
        self.recoding = self._lines.recoding
        self._iter = iter(self._lines)

    def position(self) -> int:
        return self._position()


class _CsvSource(_TextSource):
    """CSV or TSV with a header line; records may span lines (quoted newlines)."""

    def __init__(
        self,
        label: str,
        binary: IO[bytes],
        args: argparse.Namespace,
        *,
        delimiter: str | None,
        position: Callable[[], int],
        size: int,
    ) -> None:
        super().__init__(label, binary, args, position=position, size=size)
        self._first_recoded = 0
        try:
            _, header_line, recoded = next(self._iter)
        except StopIteration:
            raise CliError(f"{label}: empty input: a header line is needed") from None
        if recoded:
            self._first_recoded = 1
        self._delimiter = delimiter or _delimiter_of(header_line)
        try:
            header = next(csv.reader([header_line], delimiter=self._delimiter))
        except (csv.Error, StopIteration) as error:
            raise CliError(f"{label}:1: unreadable header line: {error}") from None
        self._columns = _choose_columns(label, header, args)
        self.has_kinds = self._columns.kind is not None

    def _texts(self) -> Iterator[str]:
        for number, text, recoded in self._iter:
            if recoded and not self._first_recoded:
                self._first_recoded = number
                self.notify(f"{self.label}:{number}: {self.recoding}; so is any other such line")
            yield text

    def __iter__(self) -> Iterator[_Row]:
        reader = csv.reader(self._texts(), delimiter=self._delimiter)
        lines = self._lines
        number = 0
        while True:
            start, recoded = lines.number + 1, lines.recoded
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                number += 1
                where = f"{self.label}:{start}"
                yield _Row(number, where, str(number), "", skip="malformed CSV", detail=str(error))
                continue
            if not fields:
                self.blank_lines += 1
                continue
            number += 1
            row = _cell_row(number, f"{self.label}:{start}", fields, self._columns)
            row.recoded = lines.recoded > recoded
            if not row.skip and lines.number > start and ("\n" in row.name or "\r" in row.name):
                row.skip = "name spans several lines"
                row.detail = f"lines {start}-{lines.number}: an unbalanced quote?"
            yield row


class _JsonLinesSource(_TextSource):
    """JSON lines: one object per line; the first object stands for a header."""

    def __init__(
        self,
        label: str,
        binary: IO[bytes],
        args: argparse.Namespace,
        *,
        position: Callable[[], int],
        size: int,
    ) -> None:
        super().__init__(label, binary, args, position=position, size=size)
        # Lines up to the first object are kept to be read again as rows.
        self._head: list[tuple[int, str, bool]] = []
        first: dict[str, Any] | None = None
        for line in self._iter:
            self._head.append(line)
            text = line[1].strip()
            if text.startswith("[") and len(self._head) == 1:
                raise CliError(
                    f"{label}:1: a JSON array, not JSON lines (one object per line); "
                    "convert it with: jq -c '.[]'"
                )
            with contextlib.suppress(ValueError):
                value = json.loads(text) if text else None
                if isinstance(value, dict):
                    first = value
                    break
        fields = list(first) if first is not None else [args.column]
        columns = _choose_columns(label, fields, args)
        self._keys = (
            fields[columns.name],
            None if columns.id is None else fields[columns.id],
            None if columns.kind is None else fields[columns.kind],
        )
        self.has_kinds = columns.kind is not None

    def _all_lines(self) -> Iterator[tuple[int, str, bool]]:
        yield from self._head
        self._head = []
        yield from self._iter

    def __iter__(self) -> Iterator[_Row]:
        name_key, id_key, kind_key = self._keys
        columns = _Columns(0, None if id_key is None else 1, None if kind_key is None else 2)
        reported = False
        number = 0
        for line_number, line, recoded in self._all_lines():
            text = line.strip()
            if not text:
                self.blank_lines += 1
                continue
            number += 1
            where = f"{self.label}:{line_number}"
            if recoded and not reported:
                reported = True
                self.notify(f"{where}: {self.recoding}; so is any other such line")
            try:
                value = json.loads(text)
            except ValueError as error:
                yield _Row(number, where, str(number), "", skip="bad JSON", detail=str(error))
                continue
            if not isinstance(value, dict):
                detail = f"a JSON {type(value).__name__}"
                yield _Row(number, where, str(number), "", skip="not a JSON object", detail=detail)
                continue
            if name_key not in value:
                yield _Row(number, where, str(number), "", skip=f"no field {name_key!r}")
                continue
            cells = (
                value[name_key],
                None if id_key is None else value.get(id_key),
                None if kind_key is None else value.get(kind_key),
            )
            row = _cell_row(number, where, cells, columns)
            row.recoded = recoded
            yield row


class _ParquetSource(_Source):
    """Parquet, read in batches of the needed columns only."""

    def __init__(self, label: str, path: str, args: argparse.Namespace) -> None:
        _, pq = _require_pyarrow("Parquet input")
        self.label = label
        try:
            self._file = pq.ParquetFile(path)
        except Exception as error:  # pyarrow raises OSError, ArrowInvalid ... for a bad file
            raise CliError(f"{label}: cannot read Parquet: {error}") from None
        names = list(self._file.schema_arrow.names)
        columns = _choose_columns(label, names, args)
        self._read = [names[columns.name]]
        for index in (columns.id, columns.kind):
            if index is not None:
                self._read.append(names[index])
        self._columns = _Columns(
            0,
            None if columns.id is None else 1,
            None if columns.kind is None else (2 if columns.id is not None else 1),
        )
        self.has_kinds = columns.kind is not None
        self.total_rows = self._file.metadata.num_rows

    def __iter__(self) -> Iterator[_Row]:
        number = 0
        try:
            for batch in self._file.iter_batches(batch_size=PARQUET_BATCH, columns=self._read):
                values = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
                for cells in zip(*values, strict=True):
                    number += 1
                    yield _cell_row(number, f"{self.label}: row {number}", cells, self._columns)
        except OSError as error:  # pyarrow's errors for unreadable data derive from it
            raise CliError(f"{self.label}: row {number + 1}: cannot read: {error}") from None


def _format_from_extension(path: str | None, allowed: Sequence[str]) -> str | None:
    """A format from a file name's extension, looking through ``.gz``.

    >>> _format_from_extension("hits.jsonl", OUTPUT_FORMATS)
    'jsonl'
    >>> _format_from_extension("in.tsv.gz", INPUT_FORMATS), _format_from_extension("in", ())
    ('tsv', None)
    """
    if not path or path == "-":
        return None
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    found = _EXTENSIONS.get(suffixes[-1]) if suffixes else None
    return found if found in allowed else None


@contextlib.contextmanager
def _open_input(args: argparse.Namespace) -> Iterator[_Source]:
    """Open INPUT, read its header and check its columns; the source streams the rest.

    The format is ``--input-format``, else the extension, else the content:
    Parquet's magic bytes, JSON lines when the first character is ``{``,
    else CSV. Gzip is decompressed on the fly.
    """
    path: str = args.input
    label = "<stdin>" if path == "-" else path
    fmt = args.input_format or _format_from_extension(path, INPUT_FORMATS)
    if fmt == "parquet" and path != "-":
        yield _ParquetSource(label, path, args)
        return
    with contextlib.ExitStack() as stack:
        try:
            if path == "-":
                raw: IO[bytes] = sys.stdin.buffer
            else:
                raw = stack.enter_context(open(path, "rb"))
            size = os.fstat(raw.fileno()).st_size if path != "-" else 0
            head = _peek(raw, 4)
        except OSError as error:
            raise CliError(f"cannot read input {label}: {error}") from None
        if head.startswith(b"PAR1") or fmt == "parquet":
            if path == "-":
                raise CliError("Parquet input must be a file: Parquet is read by seeking")
            stack.close()
            yield _ParquetSource(label, path, args)
            return
        binary: IO[bytes] = raw
        if head.startswith(b"\x1f\x8b"):
            binary = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb"))  # type: ignore[arg-type]
            try:
                head = _peek(binary, 4)
            except OSError as error:
                raise CliError(f"cannot read input {label}: {error}") from None

        def position() -> int:
            try:
                return raw.tell()
            except (OSError, ValueError):
                return 0

        if fmt is None:
            fmt = "jsonl" if head.lstrip()[:1] in (b"{", b"[") else "csv"
        source: _Source
        if fmt == "jsonl":
            source = _JsonLinesSource(label, binary, args, position=position, size=size)
        else:
            delimiter = "\t" if fmt == "tsv" else None
            source = _CsvSource(
                label, binary, args, delimiter=delimiter, position=position, size=size
            )
        yield source


def _peek(stream: IO[bytes], size: int) -> bytes:
    """The next bytes of a buffered stream without consuming them (b"" if it cannot peek)."""
    peek = getattr(stream, "peek", None)
    return bytes(peek(size)[:size]) if peek is not None else b""


# -- output ---------------------------------------------------------------------------


@contextlib.contextmanager
def _output_stream(path: str | None) -> Iterator[IO[bytes]]:
    """A binary stream for the output: stdout, or a temporary file beside ``path``.

    The temporary file replaces ``path`` (``os.replace``, atomic on POSIX and
    Windows) only when the block completes; on any exception, Ctrl-C
    included, it is deleted and ``path`` is left as it was.
    """
    if path is None or path == "-":
        sys.stdout.flush()
        try:  # a stream of its own, so that closing it leaves sys.stdout open
            stream = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
        except (OSError, ValueError, io.UnsupportedOperation):  # no file descriptor
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
            return
        with stream:
            yield stream
        return
    target = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as error:
        raise CliError(f"cannot write output {path}: {error}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private (0600)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class _Sink:
    """Writes hit records in one format to a binary stream it does not own.

    Used as a context manager: finished on success; on failure let go of the
    stream without finishing (a temporary output is deleted anyway, and
    stdout stays open).
    """

    def write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output: flush, write a footer."""

    def abandon(self) -> None:
        """Let go of the stream after a failure."""

    def __enter__(self) -> _Sink:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()


class _TextSink(_Sink):
    """A sink writing UTF-8 text."""

    def __init__(self, stream: IO[bytes], *, line_buffering: bool = False) -> None:
        self._text = io.TextIOWrapper(
            stream, encoding="utf-8", newline="", line_buffering=line_buffering
        )

    def close(self) -> None:
        self._text.detach()  # flushes, and leaves the stream to its owner

    def abandon(self) -> None:
        with contextlib.suppress(Exception):  # e.g. the pipe is gone
            self._text.detach()


class _CsvSink(_TextSink):
    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__(stream)
        self._writer = csv.writer(self._text, lineterminator="\n")
        self._writer.writerow(OUTPUT_COLUMNS)

    def write(self, record: dict[str, Any]) -> None:
        explanation = json.dumps(record["explanation"], ensure_ascii=False, separators=(",", ":"))
        self._writer.writerow([*(record[c] for c in OUTPUT_COLUMNS[:-1]), explanation])


class _JsonLinesSink(_TextSink):
    def write(self, record: dict[str, Any]) -> None:
        self._text.write(json.dumps(record, ensure_ascii=False))
        self._text.write("\n")


class _ParquetSink(_Sink):
    """Parquet in batches of ``PARQUET_BATCH`` rows.

    The explanation is a JSON column (Parquet's JSON logical type where
    pyarrow has it, else a string): its shape varies from row to row (empty
    lists, optional members, the algorithm's version), and a streamed file
    needs one schema before its first row.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        pa, pq = _require_pyarrow("Parquet output")

        self._pa = pa
        json_type = pa.json_() if hasattr(pa, "json_") else pa.string()
        self._schema = pa.schema(
            [
                ("row", pa.int64()),
                ("input_id", pa.string()),
                ("input_name", pa.string()),
                ("list", pa.string()),
                ("entity_id", pa.string()),
                ("matched_name", pa.string()),
                ("entity_name", pa.string()),
                ("score", pa.float64()),
                ("explanation", json_type),
            ]
        )
        self._writer = pq.ParquetWriter(stream, self._schema)
        self._batch: dict[str, list[Any]] = {c: [] for c in OUTPUT_COLUMNS}

    def write(self, record: dict[str, Any]) -> None:
        for column in OUTPUT_COLUMNS[:-1]:
            self._batch[column].append(record[column])
        self._batch["explanation"].append(
            json.dumps(record["explanation"], ensure_ascii=False, separators=(",", ":"))
        )
        if len(self._batch["row"]) >= PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch["row"]:
            table = self._pa.Table.from_pydict(self._batch, schema=self._schema)
            self._writer.write_table(table)
            self._batch = {c: [] for c in OUTPUT_COLUMNS}

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def abandon(self) -> None:
        with contextlib.suppress(Exception):
            self._writer.close()


class _TableSink(_TextSink):
    """Aligned columns for a terminal: who matched whom, how well; no explanation."""

    WIDTHS = (5, 10, 36, 5, 36)
    """Display columns of row, input id, input name, score and matched name;
    longer values are cut with an ellipsis, the entity id is last and whole."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__(stream, line_buffering=True)  # a person is watching
        self._line("row", "id", "name", "score", "matched name", "entity")

    def _line(self, *cells: str) -> None:
        parts = [
            _fit(cell, width, right=i in (0, 3))
            for i, (cell, width) in enumerate(zip(cells, self.WIDTHS, strict=False))
        ]
        self._text.write("  ".join([*parts, cells[-1]]).rstrip() + "\n")

    def write(self, record: dict[str, Any]) -> None:
        self._line(
            str(record["row"]),
            str(record["input_id"]),
            record["input_name"],
            f"{record['score']:.3f}",
            record["matched_name"],
            record["entity_id"],
        )


def _fit(text: str, width: int, *, right: bool = False) -> str:
    """``text`` cut or padded to ``width`` terminal columns.

    >>> _fit("Hikvision", 6), _fit("海康威视数字", 7), _fit("7", 3, right=True)
    ('Hikvi…', '海康威…', '  7')
    """
    text = " ".join(text.split())
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    pad = " " * (width - _width(text))
    return pad + text if right else text + pad


def _make_sink(fmt: str, stream: IO[bytes]) -> _Sink:
    if fmt == "table":
        return _TableSink(stream)
    if fmt == "parquet":
        return _ParquetSink(stream)
    if fmt == "jsonl":
        return _JsonLinesSink(stream)
    return _CsvSink(stream)


def _require_pyarrow(what: str) -> tuple[Any, Any]:
    """``pyarrow`` and ``pyarrow.parquet``, or a CliError saying how to install them."""
    try:
        # An optional extra (entitymatch[parquet]), imported only when needed.
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError:
        raise CliError(f"{what} needs pyarrow, which is not installed: {PARQUET_HINT}") from None
    return pa, pq


# -- compare --------------------------------------------------------------------------


def _compare(args: argparse.Namespace) -> int:
    options: dict[str, Any] = {"kind": args.kind}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    comparison = em.compare(args.left, args.right, **options)
    details = comparison.to_dict()
    if args.json:
        print(json.dumps(details, ensure_ascii=False, indent=2))
    else:
        print(render_comparison(args.left, args.right, details))
    return EXIT_HITS if comparison.is_match else EXIT_CLEAN


def render_comparison(left: str, right: str, details: Mapping[str, Any]) -> str:
    """A comparison's explanation (``Comparison.to_dict()``) as text for people.

    Members the dictionary lacks are left out, so older and newer explanation
    shapes both render.

    >>> print(render_comparison("HIKVISION", "Hikvision Co Ltd", {
    ...     "score": 0.9, "is_match": True, "threshold": 0.8, "rule": "tokens",
    ...     "pairs": [{"left": "hikvision", "right": "hikvision", "left_source": "hikvision",
    ...                "right_source": "hikvision", "left_form": "hikvision",
    ...                "right_form": "hikvision", "similarity": 1.0, "how": "exact",
    ...                "weight": 1.7}],
    ...     "unmatched": {"left": [], "right": [], "counted": "full"},
    ...     "legal_forms": {"left": [], "right": ["limited"], "penalty": 0.0},
    ...     "notes": []}))
    score        0.9000  match (threshold 0.8)
    rule         tokens
    A            HIKVISION
    B            Hikvision Co Ltd
    <BLANKLINE>
    pairs        A          B          similarity  weight  how
                 hikvision  hikvision       1.000   1.700  exact
    unmatched    A: -
                 B: -
    legal forms  A: -
                 B: limited
    """
    score = details.get("score")
    verdict = "match" if details.get("is_match") else "no match"
    threshold = details.get("threshold")
    lines = [
        _field(
            "score",
            f"{_number(score, 4)}  {verdict}"
            + (f" (threshold {threshold})" if threshold is not None else ""),
        ),
        _field("rule", _rule(details)),
        _field("A", left),
        _field("B", right),
        "",
    ]
    pairs = details.get("pairs") or []
    if pairs:
        table = [["A", "B", "similarity", "weight", "how"]]
        for pair in pairs:
            table.append(
                [
                    _side(pair.get("left", ""), pair.get("left_source"), pair.get("left_form")),
                    _side(pair.get("right", ""), pair.get("right_source"), pair.get("right_form")),
                    _number(pair.get("similarity"), 3),
                    _number(pair.get("weight"), 3),
                    str(pair.get("how", "")),
                ]
            )
        rows = _table(table, right_aligned={2, 3})
        lines.append(_field("pairs", rows[0]))
        lines.extend(_field("", row) for row in rows[1:])
    else:
        lines.append(_field("pairs", "none: no word of A was aligned with a word of B"))
    unmatched = details.get("unmatched")
    if isinstance(unmatched, Mapping):
        counted = unmatched.get("counted")
        title = "unmatched"
        lines.append(_field(title, "A: " + _tokens(unmatched.get("left"))))
        lines.append(_field("", "B: " + _tokens(unmatched.get("right"))))
        if counted and counted != "full" and (unmatched.get("left") or unmatched.get("right")):
            lines.append(_field("", f"counted {counted}"))
    legal = details.get("legal_forms")
    if isinstance(legal, Mapping):
        lines.append(_field("legal forms", "A: " + (", ".join(legal.get("left") or []) or "-")))
        lines.append(_field("", "B: " + (", ".join(legal.get("right") or []) or "-")))
        if legal.get("penalty"):
            lines.append(_field("", f"penalty {legal['penalty']}"))
    for index, note in enumerate(details.get("notes") or []):
        lines.append(_field("notes" if index == 0 else "", f"- {note}"))
    return "\n".join(line.rstrip() for line in lines)


def _rule(details: Mapping[str, Any]) -> str:
    """The rule that decided, with the alignment's own score when a rule changed it."""
    rule = str(details.get("rule", "?"))
    base, score = details.get("base_score"), details.get("score")
    if isinstance(base, int | float) and isinstance(score, int | float) and base != score:
        rule += f" (the word alignment alone scored {base:.4f})"
    return rule


def _field(title: str, text: str) -> str:
    return f"{title:<12} {text}"


def _number(value: Any, places: int) -> str:
    return f"{value:.{places}f}" if isinstance(value, int | float) else "?"


def _side(token: str, source: str | None, form: str | None) -> str:
    """A side of a pair: the words as written, how they were read, what was compared.

    >>> _side("haikangweishi", "海康威视", "hikvision")
    '海康威视 (haikangweishi) as hikvision'
    >>> _side("digital technology", "digital technology", "digitaltechnology")
    'digital technology'
    """
    text = token
    if source and source != token:
        text = f"{source} ({token})"
    if form and form.replace(" ", "") != token.replace(" ", ""):
        text += f" as {form}"
    return text


def _tokens(items: Any) -> str:
    if not items:
        return "-"
    shown = []
    for item in items:
        if not isinstance(item, Mapping):
            shown.append(str(item))
            continue
        token = str(item.get("token", ""))
        source = item.get("source")
        word = f"{source} ({token})" if source and source != token else token
        facts = [str(item["tag"])] if item.get("tag") else []
        if isinstance(item.get("weight"), int | float):
            facts.append(f"weight {item['weight']:.3f}")
        shown.append(f"{word} [{', '.join(facts)}]" if facts else word)
    return ", ".join(shown)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide letters take two.

    >>> _width("Hikvision"), _width("海康威视")
    (9, 8)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[list[str]], right_aligned: set[int]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in right_aligned else cell + pad)
        lines.append("  ".join(cells))
    return lines


# -- list-info ------------------------------------------------------------------------


def _list_info(args: argparse.Namespace) -> int:
    stats = ListStats()
    kinds: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for entity in iter_list(
        args.list, args.format, errors="skip" if args.skip_malformed else "raise", stats=stats
    ):
        kinds[entity.kind or "(not given)"] += 1
        sources[entity.source or "(not given)"] += 1
    if args.json:
        print(json.dumps(_list_info_dict(stats, kinds, sources), ensure_ascii=False, indent=2))
    else:
        print(_render_list_info(stats, kinds, sources, detected=args.format is None))
    return EXIT_CLEAN


def _list_info_dict(stats: ListStats, kinds: Counter[str], sources: Counter[str]) -> dict[str, Any]:
    return {
        "path": stats.path,
        "format": stats.format,
        "encoding": stats.encoding,
        "records": stats.rows,
        "entities": stats.entities,
        "names": stats.names,
        "weak_aliases": stats.weak_aliases,
        "skipped": stats.skipped,
        "malformed": stats.malformed,
        "ignored": stats.ignored,
        "unjoined": stats.unjoined,
        "kinds": dict(kinds.most_common()),
        "sources": dict(sources.most_common()),
        "problems": list(stats.problems),
    }


def _render_list_info(
    stats: ListStats, kinds: Counter[str], sources: Counter[str], *, detected: bool
) -> str:
    lines = [
        stats.path,
        _field("format", f"{stats.format} ({'detected' if detected else 'given'})"),
        _field("encoding", stats.encoding or "-"),
        _field("records", f"{stats.rows} read"),
        _field("entities", str(stats.entities)),
        _field("names", f"{stats.names} (primary names and aliases)"),
        _field("weak aliases", str(stats.weak_aliases)),
        _field("skipped", f"{stats.skipped} without a usable name"),
        _field("malformed", f"{stats.malformed} skipped" if stats.malformed else "0"),
    ]
    if stats.ignored:
        lines.append(_field("ignored", f"{stats.ignored} (not listed parties)"))
    if stats.unjoined:
        lines.append(_field("unjoined", f"{stats.unjoined} side-file rows without an entry"))
    for title, counts in (("kinds", kinds), ("sources", sources)):
        width = max((len(str(n)) for n in counts.values()), default=1)
        for index, (what, n) in enumerate(counts.most_common()):
            lines.append(_field(title if index == 0 else "", f"{n:>{width}}  {what}"))
    for index, problem in enumerate(stats.problems):
        lines.append(_field("problems" if index == 0 else "", problem))
    return "\n".join(lines)
