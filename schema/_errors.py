"""Errors raised when a value does not fit the ontology.

SchemaError                 the ontology has no such type, field or endpoint pair
└── ValidationError         a record breaks a type's rules (names type, record, field, reason)
"""

from __future__ import annotations


class SchemaError(ValueError):
    """A name the ontology does not know: type, field or relationship endpoint."""


class ValidationError(SchemaError):
    """A record that breaks its type's rules.

    ``problems`` lists every (record index, key, field, reason) found in the batch, so a
    caller can report them all; ``str()`` shows the first few.
    """

    def __init__(self, type_name: str, problems: list[tuple[int, str, str, str]]) -> None:
        self.type_name = type_name
        self.problems = problems
        shown = "; ".join(
            f"{type_name}[{index}] (key={key!r}) field {field!r}: {reason}"
            for index, key, field, reason in problems[:5]
        )
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"{len(problems)} invalid record(s): {shown}{more}")
