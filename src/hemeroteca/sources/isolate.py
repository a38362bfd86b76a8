"""Read untrusted documents (PDF, Word, images) in a child process with memory and time limits.

A PDF bomb (a stream that inflates to gigabytes), a ZIP bomb in a .docx or an
image that decodes to billions of pixels are refused by checks in the readers,
but parsers of such formats have had many ways to run away. So each document
is read in a child Python process whose address space and CPU time are capped
(``resource.setrlimit``) and whose wall time is bounded: whatever the file
does, the worst outcome is one refused file and one line saying why, and the
archive is untouched. Where ``resource`` does not exist (Windows), only the
time limit applies.

The child gets the bytes on stdin and answers with one JSON object on stdout.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from typing import Any

from hemeroteca.sources.decode import DecodeError

MEMORY_LIMIT_BYTES = 2_000_000_000
"""Tesseract on a 300 dpi page needs ~300 MB, pdfminer on a dense page less: 2 GB is a runaway."""
TIME_LIMIT_S = 300
"""Several scanned pages at a few seconds each on a busy machine; a file that needs more is refused."""


def run_isolated(task: str, data: bytes, **options: Any) -> dict[str, Any]:
    """``task`` (one of ``TASKS``) over ``data`` in a limited child; DecodeError with its one-line reason."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # Tesseract's threads only fight over shared cores
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hemeroteca.sources.isolate", task, json.dumps(options)],
            input=data,
            capture_output=True,
            timeout=TIME_LIMIT_S,
            env=env,
            preexec_fn=_limits if os.name == "posix" else None,  # noqa: PLW1509 - nothing threaded runs yet
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DecodeError(f"reading the file took longer than {TIME_LIMIT_S} s: refused") from exc
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = None
    if not isinstance(answer, dict):
        if done.returncode < 0 or b"MemoryError" in done.stderr:
            raise DecodeError(
                f"reading the file needed more than {MEMORY_LIMIT_BYTES // 1_000_000_000} GB of memory "
                "or was killed: refused (a PDF or ZIP bomb?)"
            )
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no answer"]
        raise DecodeError(f"the file could not be read: {last[0][:200]}")
    if "error" in answer:
        raise DecodeError(str(answer["error"]))
    return answer


def _limits() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT_S, TIME_LIMIT_S))


def _pdf(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    from hemeroteca.sources.pdf import read_pdf

    return dataclasses.asdict(read_pdf(data))


def _docx(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    from hemeroteca.sources.docx import read_docx

    return dataclasses.asdict(read_docx(data))


def _ocr(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    from hemeroteca.sources.ocr import image_pages, ocr_pages, pdf_pages, require_tesseract

    require_tesseract()
    pages = pdf_pages(data) if options.get("pdf") else image_pages(data)
    return dataclasses.asdict(ocr_pages(pages, options.get("language")))


TASKS = {"pdf": _pdf, "docx": _docx, "ocr": _ocr}


def _main() -> None:
    task, options = sys.argv[1], json.loads(sys.argv[2])
    data = sys.stdin.buffer.read()
    try:
        answer = TASKS[task](data, options)
    except DecodeError as exc:
        answer = {"error": str(exc)}
    except MemoryError:
        answer = {"error": f"reading the file needed more than {MEMORY_LIMIT_BYTES // 1_000_000_000} GB "
                  "of memory: refused (a PDF or ZIP bomb?)"}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))


if __name__ == "__main__":
    _main()
