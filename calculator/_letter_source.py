"""Turn an offer letter (text, or a PDF or DOCX given as a path or bytes) into plain text.

Everything is read in memory; nothing is written to disk and nothing leaves the machine. A
letter is hostile input: files over :data:`MAX_BYTES`, encrypted or broken PDFs, a DOCX whose
parts would unpack to more than :data:`MAX_UNPACKED` (a zip bomb) and scanned letters with no
text layer are refused with an :class:`~calculator.errors.InputError` saying why, never a crash.
PDF text comes from pypdf, DOCX text from python-docx (paragraphs, then table rows as
"cell: cell" lines); both are imported on first use.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Final

from .errors import InputError

__all__ = ["MAX_BYTES", "MAX_CHARS", "MAX_PAGES", "MAX_UNPACKED", "letter_text"]

#: The largest file read (an offer letter is a few pages; a 20 MB upload is refused).
MAX_BYTES: Final = 10 * 1024 * 1024
#: The most a DOCX's parts may unpack to, and the most text kept from any letter.
MAX_UNPACKED: Final = 50 * 1024 * 1024
MAX_CHARS: Final = 200_000
#: PDF pages read at most (a letter with its terms; longer files are refused).
MAX_PAGES: Final = 40

_FIELD: Final = "letter"


def letter_text(source: str | bytes | os.PathLike[str]) -> str:
    """The letter's text: ``str`` is the text itself; ``bytes`` or a path is a PDF (starts
    with ``%PDF``), a DOCX (a zip) or UTF-8 text.

    >>> letter_text("Dear Sam,\\nWe are pleased to offer you the role.")
    'Dear Sam,\\nWe are pleased to offer you the role.'
    >>> letter_text(b"\\x00\\x01 not a letter")
    Traceback (most recent call last):
    ...
    calculator.errors.InputError: letter is not a PDF, a Word (.docx) file or text
    """
    if isinstance(source, str):
        return _checked_text(source)
    if isinstance(source, os.PathLike):
        return _checked_text(_file_text(_read_path(Path(source))))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _checked_text(_file_text(bytes(source)))
    raise InputError(_FIELD, f"must be text, bytes or a path, got {type(source).__name__}")


def _read_path(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(_FIELD, _too_big(size))
        return path.read_bytes()
    except OSError as error:
        raise InputError(_FIELD, f"could not be read ({error.strerror or error})") from None


def _too_big(size: int) -> str:
    return (
        f"is {size / 1024 / 1024:.1f} MB; files over {MAX_BYTES // 1024 // 1024} MB are not "
        "read (an offer letter is a few pages)"
    )


def _checked_text(text: str) -> str:
    if len(text) > MAX_CHARS:
        raise InputError(_FIELD, f"has over {MAX_CHARS:,} characters: is this an offer letter?")
    return text


def _file_text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(_FIELD, _too_big(len(data)))
    if data.lstrip()[:5] == b"%PDF-":
        return _pdf_text(data)
    if data[:4] == b"PK\x03\x04":
        return _docx_text(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(_FIELD, "is not a PDF, a Word (.docx) file or text") from None
    if "\x00" in text or not text.strip():
        raise InputError(_FIELD, "is not a PDF, a Word (.docx) file or text")
    return text


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InputError(
                _FIELD, "is an encrypted PDF: save an unprotected copy, or paste the text"
            )
        if len(reader.pages) > MAX_PAGES:
            raise InputError(_FIELD, f"has over {MAX_PAGES} pages: is this an offer letter?")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise InputError(
            _FIELD, f"is a PDF that could not be read ({type(error).__name__})"
        ) from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError(
            _FIELD, "is a PDF with no text in it (a scan?): paste the letter's text instead"
        )
    return text


def _docx_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(_FIELD, "is a damaged Word (.docx) file") from None
    if unpacked > MAX_UNPACKED:
        raise InputError(_FIELD, "is a Word file that would unpack to too much data (refused)")
    if "word/document.xml" not in names:
        raise InputError(_FIELD, "is a zip file but not a Word (.docx) document")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises lxml, KeyError and its own errors
        raise InputError(
            _FIELD, f"is a Word file that could not be read ({type(error).__name__})"
        ) from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
            lines.append(": ".join(dict.fromkeys(cells)))
    return "\n\n".join(line for line in lines if line.strip())
