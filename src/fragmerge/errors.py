"""Exceptions raised by fragmerge.

All of them derive from :class:`FragmergeError`, so one ``except`` catches
everything the library raises on purpose::

    FragmergeError
    ├── InputError           the draft cannot be repaired as given
    │                        (binary data, undecodable bytes, too large)
    ├── OptionsError         an option is invalid (a marker regex that does not compile)
    └── LowConfidenceError   strict mode: a join scored below Options.min_confidence

Every message says what to do next.
"""

from __future__ import annotations

__all__ = ["FragmergeError", "InputError", "LowConfidenceError", "OptionsError"]


class FragmergeError(Exception):
    """Base class of every error fragmerge raises on purpose."""


class InputError(FragmergeError, ValueError):
    """The draft cannot be repaired as given."""


class OptionsError(FragmergeError, ValueError):
    """An option is invalid."""


class LowConfidenceError(FragmergeError):
    """A join scored below ``Options.min_confidence`` while strict mode was on."""
