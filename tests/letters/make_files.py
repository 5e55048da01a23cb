"""Make the corpus's PDF and DOCX letters from its text letters (test setup, run by hand).

`python tests/letters/make_files.py` writes uk_salaried_analyst.pdf (a PDF with the text
wrapped at 88 characters, as a word processor would, in Helvetica with WinAnsi encoding, so "£"
survives) and us_bigtech_rsu.docx (one Word paragraph per paragraph). The files are small and
committed; tests/test_letter.py checks they still match what this script makes from the text.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
PDF_SOURCE = "uk_salaried_analyst"
DOCX_SOURCE = "us_bigtech_rsu"


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(text: str, *, width: int = 88, lines_per_page: int = 50) -> bytes:
    """A minimal text PDF (one font, pages of ``lines_per_page`` lines, no compression)."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        for line in paragraph.splitlines():
            lines.extend(textwrap.wrap(line, width) or [""])
        lines.append("")
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    objects: list[bytes] = [
        b"",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for page in pages:
        stream = (
            b"BT /F1 10 Tf 14 TL 50 800 Td "
            + b" ".join(_pdf_string(line) + b" Tj T*" for line in page)
            + b" ET"
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (len(objects))
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx_bytes(text: str) -> bytes:
    """A Word document with one paragraph per paragraph of ``text`` (python-docx)."""
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(" ".join(paragraph.split()))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    """Write the PDF and DOCX letters beside their text sources."""
    pdf_text = (HERE / f"{PDF_SOURCE}.txt").read_text(encoding="utf-8")
    (HERE / f"{PDF_SOURCE}.pdf").write_bytes(pdf_bytes(pdf_text))
    docx_text = (HERE / f"{DOCX_SOURCE}.txt").read_text(encoding="utf-8")
    (HERE / f"{DOCX_SOURCE}.docx").write_bytes(docx_bytes(docx_text))


if __name__ == "__main__":
    main()
