"""The claim record's shape: its fields, written once in `Claim`, give the JSON Lines record and the index row.

Every stored field of the record, in the order it is declared, becomes a key
of the JSON Lines record and a column of the index, and each is written and
read by a small codec chosen by its type. So a new field is one edit (in
`Claim`), and a column out of place cannot pass: rows are read by name, not
by position.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Generic, TypeVar

from .claim import Claim
from .period import Period

R = TypeVar("R")

# A record without these is corrupt; any other field missing reads as its default
# (records written by an older version lack the fields added since).
REQUIRED = frozenset({"id", "source", "line", "column", "text", "value"})
# Field metadata: `stored=False` keeps a field out of the record (where a figure sits in a
# draft line); `missing` is what an old record without the field means, when not the default.
STORED, MISSING = "stored", "missing"
# Index columns named otherwise than their field: the table's own `id` is the row's key.
COLUMN_NAMES = {"id": "claim_id"}


def _num(value: object) -> int | float | None:
    """A figure as JSON writes it: an integer when it is one, else a float of six places at most."""
    if not isinstance(value, Decimal):
        return None
    if value == value.to_integral_value():
        return int(value)
    if value.adjusted() >= 20:  # 10000100002310110001100.01元: six places more than Decimal's 28 digits hold
        return float(value)
    return float(round(value, 6))


def _dec(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"not a number: {value!r}")
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return number


INT_MIN, INT_MAX = -(1 << 63), (1 << 63) - 1  # what an index column (SQLite, PostgreSQL bigint) holds


def _optional_int(value: object) -> int | None:
    """An added counter (subject_line): anything but a number, or one no column holds, reads as unknown."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    number = int(value)
    return number if INT_MIN <= number <= INT_MAX else None


def _strict_int(value: object) -> int:
    """A required counter (line, column): a record whose line is not a number a column holds is corrupt."""
    number = int(value)  # type: ignore[call-overload]
    if not INT_MIN <= number <= INT_MAX:
        raise ValueError(f"a number too large to be a line or column: {number}")
    return number


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _period(value: object) -> Period | None:
    return Period.from_json(value) if value else None  # type: ignore[arg-type]


def _strings(value: object) -> tuple[str, ...] | None:
    return tuple(str(v) for v in value) if isinstance(value, list) else None


def _text(value: object) -> str | None:
    return str(value) if value else None


def _json_text(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _from_json_text(value: object) -> object:
    return None if value is None else json.loads(str(value))


@dataclass(frozen=True, slots=True)
class Codec:
    """How one type is written: to a JSON value and back, and to an index column and back.

    `read` is lenient (a record is data from disk): it gives None for what
    is absent or empty, and the field's default stands in.
    """

    to_json: Callable[[object], object]
    read: Callable[[object], object]
    sql: str  # the column's type
    to_row: Callable[[object], object]
    from_row: Callable[[object], object]


def _same(value: object) -> object:
    return value


def _decimal_row(value: object) -> object:
    return None if value is None else Decimal(str(value))


# Index rows repeat these few texts (one period for a whole story, `[]` for most tuples): each is
# decoded once per process, not once per row. Both results are immutable, so sharing them is safe.
@lru_cache(maxsize=1 << 12)
def _period_row(value: object) -> object:
    return _period(_from_json_text(value))


@lru_cache(maxsize=1 << 12)
def _tuple_row(value: object) -> object:
    items = _from_json_text(value)
    return tuple(items) if isinstance(items, list) else ()


def _date_json(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else None


CODECS: dict[object, Codec] = {
    str: Codec(_same, _text, "TEXT", _same, _same),
    int: Codec(_same, _optional_int, "INTEGER", _same, _same),
    bool: Codec(_same, bool, "INTEGER", int, bool),  # type: ignore[arg-type]
    Decimal: Codec(_num, _dec, "TEXT", lambda v: None if v is None else str(v), _decimal_row),  # str(Decimal) is exact
    dt.date: Codec(_date_json, _date, "TEXT", _date_json, lambda v: _date(v)),
    Period: Codec(lambda v: v.to_json() if isinstance(v, Period) else None, _period, "TEXT",
                  lambda v: _json_text(v.to_json()) if isinstance(v, Period) else None, _period_row),
    tuple: Codec(lambda v: list(v), _strings, "TEXT", lambda v: _json_text(list(v)), _tuple_row),  # type: ignore[call-overload]
}
# Required fields are read strictly: a record whose line is not a number is corrupt, not line 0.
_STRICT_READ: dict[object, Callable[[object], object]] = {int: _strict_int, str: str}


def _enum_codec(kind: type[StrEnum]) -> Codec:
    """A StrEnum is written as its plain string and read back as its member (an unknown one is corrupt)."""

    def read(value: object) -> object:
        return kind(str(value)) if value else None

    def plain(value: object) -> object:
        return value.value if isinstance(value, kind) else value

    return Codec(plain, read, "TEXT", plain, read)


def _base_type(hint: object) -> tuple[object, bool]:
    """The codec's type for an annotation, and whether it may be None (X | None)."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        kinds = [a for a in args if a is not type(None)]
        if len(kinds) != 1:
            raise TypeError(f"no codec for {hint!r}")
        return _base_type(kinds[0])[0], True
    origin = typing.get_origin(hint) or hint
    if isinstance(origin, type) and issubclass(origin, StrEnum):
        CODECS.setdefault(origin, _enum_codec(origin))
    if origin not in CODECS:
        raise TypeError(f"no codec for {hint!r}")
    return origin, False


@dataclass(frozen=True, slots=True)
class Column:
    """One stored field: its name in the record, its column in the index, and how it is written."""

    name: str
    column: str
    codec: Codec
    read: Callable[[object], object]  # from a JSON value: lenient, or strict for a required field
    required: bool
    default: object  # what a record without it (or with it empty) means


@dataclass(frozen=True, slots=True)
class Shape(Generic[R]):
    """The stored fields of a record type, in declaration order, and the conversions they give."""

    record: type[R]
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.column for c in self.columns)

    def position(self, name: str) -> int:
        """Where a field sits in a row: by name, never by a number written down elsewhere."""
        return self.names.index(name)

    def to_json(self, obj: object) -> dict[str, object]:
        """The JSON Lines record: every stored field, by name, in declaration order."""
        return {c.name: c.codec.to_json(v) if (v := getattr(obj, c.name)) is not None else None for c in self.columns}

    def from_json(self, rec: Mapping[str, object]) -> R:
        """The record a JSON object stands for; a required field missing is a KeyError, a bad one a ValueError."""
        values = {}
        for c in self.columns:
            value = c.read(rec[c.name] if c.required else rec.get(c.name))
            if value is None:
                if c.required:
                    raise ValueError(f"a claim needs a {c.name}")
                value = c.default
            values[c.name] = value
        return self.record(**values)

    def to_row(self, obj: object) -> tuple[object, ...]:
        """The index's column values, in `columns` order."""
        return tuple(c.codec.to_row(v) if (v := getattr(obj, c.name)) is not None else None for c in self.columns)

    def from_row(self, row: Sequence[object]) -> R:
        """The record an index row stands for; it equals what `from_json` gives for the same record.

        A check converts a thousand rows before its first verdict, so columns
        stored as they are read are passed through without a call.
        """
        names, readers, defaults = _row_plan(self)
        if len(row) != len(readers):
            raise ValueError(f"a row of {len(row)} values for {len(readers)} columns")
        # NULL in a column added since the row was written (offset) reads as the field's default.
        return self.record(**dict(zip(names, [
            d if v is None else v if read is None else read(v) for read, v, d in zip(readers, row, defaults)
        ])))

    def table(self, name: str, leading: str = "", types: Mapping[str, str] | None = None) -> str:
        """CREATE TABLE with a column per stored field, after the table's own `leading` columns.

        `types` overrides a field's column type, for a field the table keeps elsewhere (by id).
        """
        types = types or {}
        fields = ", ".join(f"{quote(c.column)} {types.get(c.name, c.codec.sql)}" for c in self.columns)
        return f"CREATE TABLE {name}({leading + ', ' if leading else ''}{fields});"


def quote(column: str) -> str:
    """A column name as SQL reads it: `column` is a keyword."""
    return f'"{column}"'


def _default(f: dataclasses.Field[object], optional: bool, kind: object) -> object:
    if MISSING in f.metadata:
        return f.metadata[MISSING]
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return None if optional else kind()  # type: ignore[operator]


_SHAPES: dict[type, Shape[object]] = {}
_RowPlan = tuple[tuple[str, ...], tuple[Callable[[object], object] | None, ...], tuple[object, ...]]
_ROW_PLANS: dict[int, tuple[object, _RowPlan]] = {}  # by id, holding the shape so the id stays its own


def _row_plan(shape: Shape[R]) -> _RowPlan:
    """The field names, and each column's from_row or None where the value is the field's (text, integers)."""
    known = _ROW_PLANS.get(id(shape))
    if known is None:
        plan = (shape.names, tuple(None if c.codec.from_row is _same else c.codec.from_row for c in shape.columns),
                tuple(None if c.required else c.default for c in shape.columns))
        known = _ROW_PLANS[id(shape)] = (shape, plan)
    return known[1]


def shape_of(record: type[R]) -> Shape[R]:
    """The shape of a dataclass record, from `dataclasses.fields` and its annotations (worked out once)."""
    known = _SHAPES.get(record)
    if known is None:
        known = _SHAPES[record] = _shape(record)  # type: ignore[assignment]
    return known  # type: ignore[return-value]


def _shape(record: type[R]) -> Shape[R]:
    hints = typing.get_type_hints(record)
    columns = []
    for f in dataclasses.fields(typing.cast(typing.Any, record)):
        if not f.metadata.get(STORED, True):
            continue
        kind, optional = _base_type(hints[f.name])
        required = f.name in REQUIRED
        columns.append(Column(
            name=f.name,
            column=COLUMN_NAMES.get(f.name, f.name),
            codec=CODECS[kind],
            read=_STRICT_READ.get(kind, CODECS[kind].read) if required else CODECS[kind].read,
            required=required,
            default=_default(f, optional, kind),
        ))
    return Shape(record, tuple(columns))


CLAIM = shape_of(Claim)


def claim_to_record(claim: Claim) -> dict[str, object]:
    """The record other tools parse: its field names and order are `Claim`'s (see Shape); keep them."""
    return CLAIM.to_json(claim)


def record_to_claim(rec: dict[str, object]) -> Claim:
    """A claim from its record; fields a record of an older version lacks read as their defaults."""
    return CLAIM.from_json(rec)


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number a claim can have")


def claim_from_line(line: str) -> Claim:
    """A claim from one JSON Lines record; NaN, Infinity or anything but an object is an error."""
    rec = json.loads(line, parse_constant=_refuse_constant)
    if not isinstance(rec, dict):
        raise TypeError("not a JSON object")
    return record_to_claim(rec)
