"""The one exception type the core raises for bad input.

Every check in the core raises :class:`InputError`, a :class:`ValueError` that names the
field at fault and the rule it broke, so the UI can show the message next to that field.
"""

from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """Bad input: names the field and the rule it broke.

    >>> err = InputError("base_salary", "must be positive, got -5")
    >>> str(err)
    'base_salary must be positive, got -5'
    >>> err.field
    'base_salary'
    >>> isinstance(err, ValueError)
    True
    """

    def __init__(self, field: str, rule: str) -> None:
        self.field = field
        self.rule = rule
        super().__init__(f"{field} {rule}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return (type(self), (self.field, self.rule))
