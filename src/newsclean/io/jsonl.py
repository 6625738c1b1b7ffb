"""One JSONL line parsed into a record, or the reject that says why it is not one.

Whatever the line holds, parsing it ends in a record or a reject, never an exception: an integer
of more digits than Python converts, arrays nested past Python's recursion limit, or a record
nested deeper than its fields can be written back all become rejects of that line. ``NaN`` and
``Infinity`` are read as Python reads them (floats); how they are written is the writer's affair.
"""

from __future__ import annotations

import json
from typing import Any

from newsclean.records import Reject

#: How deeply a JSONL record may nest arrays and objects. A record's fields are carried into the
#: output record, a level or two deeper, and Python's JSON writer stops near 1,000 levels; news
#: records nest a few levels.
MAX_JSON_DEPTH = 100


def parse_line(label: str, raw: bytes) -> dict[str, Any] | Reject:
    """The JSON object on line ``raw``, or a reject naming ``label``."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Reject(label, "decode", f"line is not valid UTF-8 at byte {exc.start}")
    except json.JSONDecodeError as exc:
        return Reject(label, "json", f"malformed JSON: {exc.msg} (column {exc.colno})")
    except ValueError as exc:  # an integer of over 4,300 digits (Python's own limit)
        return Reject(label, "json", f"JSON that cannot be read: {exc}")
    except RecursionError:
        return Reject(label, "json", "JSON nested too deeply to read")
    if not isinstance(record, dict):
        return Reject(label, "json", f"expected a JSON object, got {type(record).__name__}")
    if _nested_deeper(record, MAX_JSON_DEPTH):
        return Reject(label, "json", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return record


def _nested_deeper(value: Any, limit: int) -> bool:
    """Whether ``value`` nests lists and dicts deeper than ``limit`` (without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False
