"""Exact paragraph recall and word similarity of `rapportextract text` against paragraphs
annotated by hand, page by page.

    python benchmarks/paragraph_recall.py REFS_DIR --pdfs DIR [--engine pdfium] [--show]

REFS_DIR holds one file per annotated page, `<pdf name>-p<page>.txt`: the page's reference
paragraphs, separated by blank lines (kept outside the repository with the PDFs they describe).
Each page is cut out of `DIR/<pdf name>.pdf` with `pdfseparate` (poppler-utils) and read on its
own, so a paragraph is judged by what the page shows.

- exact paragraph recall: the share of reference paragraphs that come out as one whole block
  (text compared after Unicode NFKC and whitespace normalisation);
- word similarity: difflib's ratio between the page's words in reading order and the words of
  its reference paragraphs, counting only the output blocks that overlap a reference
  paragraph (so a figure's labels, which are not annotated, do not count against it).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _blocks(pdf: Path, page: int, engine: str, tmp: Path) -> list[str]:
    single = tmp / f"{pdf.stem}-p{page}.pdf"
    subprocess.run(["pdfseparate", "-f", str(page), "-l", str(page), str(pdf), str(single)],
                   check=True, capture_output=True)
    out = subprocess.run(
        [sys.executable, "-m", "rapportextract", "text", "-q", "--no-ocr", "--workers", "1",
         "--engine", engine, "--format", "json", "--timeout", "120", str(single)],
        capture_output=True, text=True, check=False,
    )
    if out.returncode != 0 or not out.stdout.strip():
        return []
    doc = json.loads(out.stdout)
    return [_norm(b["text"]) for p in doc["pages"] for b in p["blocks"] if b.get("text")]


def _score(refs: list[str], blocks: list[str]) -> tuple[int, float, list[str]]:
    outputs = set(blocks)
    missed = [r for r in refs if r not in outputs]
    ref_words = set(" ".join(refs).split())
    kept = [b for b in blocks if len(set(b.split()) & ref_words) >= max(1, len(b.split()) // 2)]
    ratio = difflib.SequenceMatcher(
        None, " ".join(kept).split(), " ".join(refs).split(), autojunk=False
    ).ratio()
    return len(refs) - len(missed), ratio, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("refs", type=Path)
    parser.add_argument("--pdfs", type=Path, required=True,
                        help="the folder of the PDFs the references describe")
    parser.add_argument("--engine", default="pdfium")
    parser.add_argument("--show", action="store_true", help="print the missed paragraphs")
    parser.add_argument("--json", type=Path, help="write the per-page scores here")
    args = parser.parse_args()
    total = found = 0
    ratios: list[float] = []
    per_page: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for ref in sorted(args.refs.glob("*-p*.txt")):
            match = re.fullmatch(r"(.+)-p(\d+)", ref.stem)
            if match is None:
                continue
            name, page = match.group(1), int(match.group(2))
            refs = [_norm(p) for p in ref.read_text(encoding="utf-8").split("\n\n") if p.strip()]
            blocks = _blocks(args.pdfs / f"{name}.pdf", page, args.engine, Path(tmp))
            hit, ratio, missed = _score(refs, blocks)
            total += len(refs)
            found += hit
            ratios.append(ratio)
            per_page[ref.stem] = {"paragraphs": len(refs), "whole": hit,
                                  "similarity": round(ratio, 4), "missed": missed}
            print(f"{ref.stem:45} {hit:3}/{len(refs):3}  similarity {ratio:.3f}")
            if args.show:
                for m in missed:
                    print(f"    MISSED: {m[:160]}")
    print(f"\npages {len(ratios)}, paragraphs {total}: exact paragraph recall "
          f"{found / total:.3f}, word similarity (mean of pages) {sum(ratios) / len(ratios):.3f}")
    if args.json:
        args.json.write_text(json.dumps(per_page, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
