"""Reading drafts and writing repairs: the I/O edge of the command line.

Everything here deals in bytes, encodings and files; nothing here knows how a
draft is repaired. Problems with the input raise :class:`~fragmerge.InputError`
with a message of the form ``"<what happened>; <what to do>"`` so the CLI can
print it as one line.

>>> decode_draft("Hello.\\n".encode(), name="<stdin>", encoding="utf-8")
'Hello.\\n'
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from fragmerge.errors import InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXAMPLE_NAME",
    "STDIN",
    "Draft",
    "atomic_write",
    "check_encoding",
    "decode_draft",
    "describe_os_error",
    "load_example",
    "read_draft",
]

#: The path that means "read standard input".
STDIN = "-"

#: Inputs larger than this are refused unless the caller raises the limit.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

#: File name of the example draft bundled in the package (``fragmerge fix --example``).
EXAMPLE_NAME = "meta-datacenter.draft.txt"


@dataclass(frozen=True)
class Draft:
    """A draft read from a file, stdin or the bundled example.

    ``path`` is ``None`` for stdin and the example; ``name`` is what messages show.
    """

    name: str
    text: str
    encoding: str
    path: Path | None = None


def check_encoding(encoding: str) -> str:
    """Return the canonical name of ``encoding``, or raise ``LookupError``.

    >>> check_encoding("UTF8")
    'utf-8'
    """
    return codecs.lookup(encoding).name


def _human_size(size: int) -> str:
    """``1536`` -> ``'1.5 KB'`` (powers of 1024, one decimal)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def _too_large(name: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{name} is {_human_size(size)}, above the limit of {_human_size(max_bytes)}; "
        f"pass --max-bytes {size} (or more) to repair it anyway"
    )


def decode_draft(data: bytes, *, name: str, encoding: str) -> str:
    """Decode ``data`` and refuse what is not a text draft.

    Raises :class:`InputError` for binary data (NUL characters), undecodable
    bytes and empty or whitespace-only input.

    >>> decode_draft(b"caf\\xe9\\n", name="x.txt", encoding="latin-1")
    'café\\n'
    >>> decode_draft(b"\\x00\\x01", name="x.bin", encoding="utf-8")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    fragmerge.errors.InputError: x.bin looks like binary data (it contains NUL bytes); ...
    """
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise InputError(
                f"{name} looks like binary data (it contains NUL bytes); pass a text file"
            ) from exc
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"{name} is not valid {encoding} (byte 0x{bad} at offset {exc.start}); "
            "pass --encoding with the file's real encoding"
        ) from exc
    if "\x00" in text:
        raise InputError(f"{name} looks like binary data (it contains NUL bytes); pass a text file")
    if not text.strip():
        what = "empty" if not text else "whitespace only"
        raise InputError(f"{name} is {what}; there is nothing to repair, pass a draft")
    return text


def describe_os_error(exc: OSError, name: str) -> str:
    """One line for an ``OSError`` about ``name``: what happened and what to do.

    >>> describe_os_error(FileNotFoundError(2, "No such file or directory"), "a.md")
    'a.md does not exist; check the path'
    """
    if isinstance(exc, FileNotFoundError):
        return f"{name} does not exist; check the path"
    if isinstance(exc, IsADirectoryError):
        return f"{name} is a directory; pass a file"
    if isinstance(exc, PermissionError):
        return f"permission denied for {name}; check its permissions"
    reason = exc.strerror or str(exc)
    return f"cannot access {name} ({reason}); check the path and the disk"


def _read_limited(stream: BinaryIO, max_bytes: int, name: str) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"{name} is larger than the limit of {_human_size(max_bytes)}; "
            "pass --max-bytes with a larger value to repair it anyway"
        )
    return data


def read_draft(
    source: str,
    *,
    encoding: str = "utf-8",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Draft:
    """Read and decode the draft at ``source`` (``"-"`` reads ``stdin``).

    Every problem (missing file, directory, permissions, too large, binary,
    undecodable, empty) raises :class:`InputError` with a one-line message.
    """
    if source == STDIN:
        if stdin is None:
            raise InputError("no stdin stream to read the draft from; pass a file path")
        data = _read_limited(stdin, max_bytes, "<stdin>")
        return Draft(
            name="<stdin>",
            text=decode_draft(data, name="<stdin>", encoding=encoding),
            encoding=encoding,
        )
    path = Path(source)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", source)
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise _too_large(source, info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = _read_limited(handle, max_bytes, source)
    except OSError as exc:
        raise InputError(describe_os_error(exc, source)) from exc
    return Draft(
        name=source,
        text=decode_draft(data, name=source, encoding=encoding),
        encoding=encoding,
        path=path,
    )


def load_example() -> Draft:
    """The example draft bundled with the package (a real six-piece Japanese post).

    >>> draft = load_example()
    >>> draft.text.count("---END---")
    6
    """
    resource = resources.files("fragmerge") / "examples" / EXAMPLE_NAME
    text = resource.read_text(encoding="utf-8")
    return Draft(name=f"<example {EXAMPLE_NAME}>", text=text, encoding="utf-8")


def _current_umask() -> int:
    # os.umask can only be read by setting it; the CLI is single-threaded.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never half.

    The bytes go to a temporary file in the same directory, are flushed to disk
    and then renamed over ``path`` (``os.replace``). An existing file keeps its
    permission bits; a new file gets the usual ``0o666 & ~umask``. A read-only
    ``path`` is refused with ``PermissionError`` rather than silently replaced
    (renaming over it would succeed).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> atomic_write(target, b"repaired\\n")
    >>> target.read_bytes()
    b'repaired\\n'
    """
    mode: int | None = None
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
    if mode is not None and not os.access(path, os.W_OK):
        raise PermissionError(13, "Permission denied", str(path))
    if mode is None:
        mode = 0o666 & ~_current_umask()  # what open() would have given a new file
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)  # mkstemp creates 0600
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
