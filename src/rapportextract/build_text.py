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
    lines += _disagreement_lines(report)
    if report.left_out_scope:
        n = report.left_out_scope
        lines.append(f"{n} {'fact' if n == 1 else 'facts'} not about the whole country left "
                     "out of the series (they stay in facts.json)")
    for d in report.documents:
        if d.status == "duplicate" and d.error and d.error.startswith("the same "):
            lines.append(f"{d.path}: {d.error}")
    if report.warnings:
        n = len(report.warnings)
        lines.append(f"{n} {'warning' if n == 1 else 'warnings'} about facts and series "
                     "(in build.json)")
    if report.outputs:
        plots = sum(p.suffix == ".png" for p in report.outputs)
        files = [p.name for p in report.outputs if p.suffix != ".png"]
        lines.append(f"written to {report.outdir}: {', '.join(files)}, plots/ ({plots})")
    return "\n".join(lines)


def _disagreement_lines(report: BuildReport) -> list[str]:
    """Each disagreement with its values and where they stand, the value taken first."""
    within = [d for d in report.disagreements if d.kind == "within_edition"]
    between = [d for d in report.disagreements if d.kind == "between_editions"]
    lines = []
    if within:
        lines.append(f"{len(within)} within one edition (the first value is taken; every "
                     "value is in series.json and series.csv):")
        for d in within:
            values = "; ".join(f"{v['value']} ({v['text']!r}, page {v['page']})"
                               for v in d.values)
            lines.append(f"  {d.series_id} {_point(d.period, d.base_period)}, "
                         f"{d.edition} edition ({d.values[0]['document']}): {values}")
    if between:
        lines.append(f"{len(between)} between editions (the first value is the headline):")
        for d in between:
            values = "; ".join(f"{v['value']} ({v['edition']}, {v['document']} page {v['page']})"
                               for v in d.values)
            lines.append(f"  {d.series_id} {_point(d.period, d.base_period)}: {values}")
    return lines


def _point(period: str, base_period: str | None) -> str:
    return f"{period} against {base_period}" if base_period else period


def _span(years: list[int]) -> str:
    if not years:
        return "-"
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}"


def _period_span(periods: list[str]) -> str:
    if not periods:
        return "-"
    return periods[0] if len(periods) == 1 else f"{periods[0]}..{periods[-1]}"
