"""The build summary a person reads on the terminal (the CLI's; the library returns the typed
`batch.BuildReport`)."""

from __future__ import annotations

from rapportextract.batch.report import BuildReport


def summary_text(report: BuildReport) -> str:
    """A short account for a terminal: documents, editions, series, conflicts, outputs."""
    lines = []
    parts = [f"{report.count(s)} {s}" for s in ("extracted", "cached", "failed", "duplicate")
             if report.count(s)]
    lines.append(f"{len(report.documents)} documents: {', '.join(parts) or 'none'}")
    scanned = [d for d in report.documents if d.ocr_pages]
    if scanned:
        pages = sum(len(d.ocr_pages) for d in scanned)
        lines.append(
            f"{pages} {'page' if pages == 1 else 'pages'} read by OCR in {len(scanned)} "
            f"{'report' if len(scanned) == 1 else 'reports'}: check their figures "
            "(ocr_pages in facts.json)"
        )
    editions = report.editions
    lines.append(f"editions: {_span(editions)} ({len(editions)})" if editions
                 else "editions: none")
    series = report.series
    conflicts = sum(len(s.conflicts) for s in series)
    concepts = sum(s.concept is not None and s.kind == "level" for s in series)
    statements = sum(s.concept is None and s.kind == "level" for s in series)
    changes = sum(s.kind == "change" for s in series)
    lines.append(
        f"{report.facts} facts; {len(series)} series ({concepts} concepts, "
        f"{statements} statements, {changes} of changes); {conflicts} observations in conflict"
    )
    if series:
        rows = [
            (
                s.id if len(s.id) <= 48 else s.id[:47] + "…",
                f"{_period_span(s.periods)} ({len(s.periods)})",
                f"{_span(s.editions)} ({len(s.editions)})",
                ", ".join(s.conflicts) or "-",
            )
            for s in series
        ]
        header = ("series", "periods", "editions", "conflicts")
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
        for row in [header, *rows]:
            cells = [row[i].ljust(widths[i]) for i in range(3)]
            lines.append("  " + "  ".join([*cells, row[3]]))
    if report.warnings:
        lines.append(f"{len(report.warnings)} warnings about facts and series (in series.json)")
    if report.outputs:
        plots = sum(p.suffix == ".png" for p in report.outputs)
        files = [p.name for p in report.outputs if p.suffix != ".png"]
        lines.append(f"written to {report.outdir}: {', '.join(files)}, plots/ ({plots})")
    return "\n".join(lines)


def _span(years: list[int]) -> str:
    if not years:
        return "-"
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}"


def _period_span(periods: list[str]) -> str:
    if not periods:
        return "-"
    return periods[0] if len(periods) == 1 else f"{periods[0]}..{periods[-1]}"
