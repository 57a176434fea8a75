"""Load the course's tables from data/datapackage.json, checking every cell against its schema.

A learner who edits a CSV should get "places.csv, row 12, field 'lat': ..." rather than a
traceback from deep inside pandas, so rows are checked here before pandas sees them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd

from nk_course.bibliography import bib_keys, split_keys
from nk_course.paths import course_root

SOURCES_FIELD = "sources"
_PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


class DataError(ValueError):
    """A table or the package descriptor breaks its schema; the message names file, row, field."""


def load_descriptor(root: Path | None = None) -> dict[str, Any]:
    """Read data/datapackage.json and check that it lists resources with schemas."""
    root = root or course_root()
    path = root / "data" / "datapackage.json"
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: not valid JSON ({exc})") from exc
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        raise DataError(f"{path}: 'resources' must be a non-empty list")
    for i, res in enumerate(resources):
        for key in ("name", "path", "schema"):
            if key not in res:
                raise DataError(f"{path}: resource {i} has no '{key}'")
    return descriptor


def table_names(root: Path | None = None) -> list[str]:
    """Names of the tables in the data package, in the order the descriptor lists them."""
    return [res["name"] for res in load_descriptor(root)["resources"]]


def resource(name: str, root: Path | None = None) -> dict[str, Any]:
    """The descriptor entry of one table, or a DataError listing the tables that exist."""
    resources = load_descriptor(root)["resources"]
    for res in resources:
        if res["name"] == name:
            return res
    known = ", ".join(r["name"] for r in resources)
    raise DataError(f"no table named '{name}' in data/datapackage.json (tables: {known})")


def _convert(value: str, field: dict[str, Any]) -> Any:
    """Turn one CSV cell into a Python value of the field's type, or raise ValueError."""
    kind = field.get("type", "string")
    if kind == "string":
        return value
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise ValueError(f"'{value}' is not a whole number")
        return int(value)
    if kind == "number":
        if not re.fullmatch(r"-?\d+(\.\d+)?", value):
            raise ValueError(f"'{value}' is not a number (digits with an optional '.' part)")
        return float(value)
    if kind == "date":
        message = f"'{value}' is not a date in the form YYYY-MM-DD"
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            raise ValueError(message)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(message) from None
    if kind == "year":
        if not re.fullmatch(r"\d{4}", value):
            raise ValueError(f"'{value}' is not a four-digit year")
        return int(value)
    if kind == "boolean":
        if value not in ("true", "false"):
            raise ValueError(f"'{value}' is not true or false")
        return value == "true"
    raise ValueError(f"the schema gives an unsupported type '{kind}'")


def _check_constraints(value: Any, raw: str, field: dict[str, Any]) -> None:
    rules = field.get("constraints", {})
    if "enum" in rules and value not in rules["enum"]:
        raise ValueError(f"'{raw}' is not one of {', '.join(map(str, rules['enum']))}")
    if "pattern" in rules and not re.fullmatch(rules["pattern"], raw):
        raise ValueError(f"'{raw}' does not match the pattern {rules['pattern']}")
    if "minimum" in rules and value < rules["minimum"]:
        raise ValueError(f"{value} is below the minimum {rules['minimum']}")
    if "maximum" in rules and value > rules["maximum"]:
        raise ValueError(f"{value} is above the maximum {rules['maximum']}")


def read_rows(name: str, root: Path | None = None, path: Path | None = None) -> list[dict]:
    """Read and check every row of a table; `path` reads another copy under the same schema.

    Checks: the header matches the schema; every cell converts to its field's type and meets
    its constraints; required cells are filled; primary keys are unique; every key in a
    `sources` cell is an entry of references.bib.
    """
    root = root or course_root()
    res = resource(name, root)
    path = path or root / "data" / res["path"]
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    keys = bib_keys(root / "references.bib")
    primary = res["schema"].get("primaryKey")
    primary = [primary] if isinstance(primary, str) else list(primary or [])
    seen: dict[tuple, int] = {}
    rows: list[dict] = []
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found (table '{name}')") from None
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != names:
            raise DataError(f"{path}: header is {header}, but the schema expects {names}")
        for number, cells in enumerate(reader, start=1):
            where = f"{path.name}, row {number} (line {reader.line_num})"
            if len(cells) != len(names):
                raise DataError(f"{where}: has {len(cells)} cells, expected {len(names)}")
            row: dict[str, Any] = {}
            for field, raw in zip(fields, cells, strict=True):
                label = f"{where}, field '{field['name']}'"
                if raw.strip() != raw:
                    raise DataError(f"{label}: '{raw}' has spaces at its start or end")
                if raw == "":
                    if field.get("constraints", {}).get("required"):
                        raise DataError(f"{label}: is empty but required")
                    row[field["name"]] = None
                    continue
                try:
                    value = _convert(raw, field)
                    _check_constraints(value, raw, field)
                except ValueError as exc:
                    raise DataError(f"{label}: {exc}") from None
                if field["name"] == SOURCES_FIELD:
                    missing = [k for k in split_keys(raw) if k not in keys]
                    if missing:
                        raise DataError(f"{label}: no entry in references.bib for {missing}")
                row[field["name"]] = value
            if primary:
                pk = tuple(row[k] for k in primary)
                if pk in seen:
                    raise DataError(f"{where}: duplicate key {pk}, first used in row {seen[pk]}")
                seen[pk] = number
            rows.append(row)
    if not rows:
        raise DataError(f"{path}: has a header but no rows")
    return rows


def load_table(name: str, root: Path | None = None) -> pd.DataFrame:
    """Load one table of data/ as a DataFrame, after checking every row (see `read_rows`).

    Integer columns may hold gaps (pandas 'Int64'); date columns become datetimes.
    """
    res = resource(name, root)
    rows = read_rows(name, root)
    frame = pd.DataFrame(rows, columns=[f["name"] for f in res["schema"]["fields"]])
    for field in res["schema"]["fields"]:
        col = field["name"]
        kind = field.get("type", "string")
        if kind == "date":
            frame[col] = pd.to_datetime(frame[col])
        elif kind == "year":
            frame[col] = frame[col].astype("Int64")
        elif kind in _PANDAS_TYPES:
            frame[col] = frame[col].astype(_PANDAS_TYPES[kind])
    return frame
