"""The page objects PDFium reports (paths and images, forms read inside out) as the rect,
line, curve and image dicts pdfplumber makes, following pdfminer's `paint_path`; for the
PDFium engine (`ingest.pdfium`)."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mult(m: Matrix, n: Matrix) -> Matrix:
    """m then n (pdfminer's `mult_matrix` order)."""
    a0, b0, c0, d0, e0, f0 = m
    a1, b1, c1, d1, e1, f1 = n
    return (
        a0 * a1 + b0 * c1, a0 * b1 + b0 * d1,
        c0 * a1 + d0 * c1, c0 * b1 + d0 * d1,
        e0 * a1 + f0 * c1 + e1, e0 * b1 + f0 * d1 + f1,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f



def _colour(obj: Any, getter: Callable[..., int]) -> tuple[float, ...] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _path_ops(obj: Any, m: Matrix) -> list[tuple[str, tuple[float, float]]]:
    """A path's segments as pdfminer's operators with their end points in top-down page
    space: m, l, c (its end point) and an h after each segment that closes its subpath."""
    ops: list[tuple[str, tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    bezier = 0
    start = (0.0, 0.0)
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        point = _apply(m, x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # control points: pdfminer keeps a curve's end point
            ops.append(("c", point))
        else:
            bezier = 0
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
                ops.append(("m", point))
            else:
                ops.append(("l", point))
        if pdfium_c.FPDFPathSegment_GetClose(seg):
            ops.append(("h", start))
    return ops


def _shape_dicts(
    ops: list[tuple[str, tuple[float, float]]], stroke: bool, fill: bool,
    stroke_colour: tuple[float, ...] | None, fill_colour: tuple[float, ...] | None,
    doctop: float, height: float, out: dict[str, list[dict[str, Any]]],
) -> None:
    """pdfminer's `paint_path`: each subpath a line, a rect or a curve."""
    starts = [i for i, (op, _) in enumerate(ops) if op == "m"]
    if not starts or starts[0] != 0:
        return
    for begin, end in zip(starts, [*starts[1:], len(ops)], strict=True):
        sub = ops[begin:end]
        if len(sub) < 2:
            continue
        shape = "".join(op for op, _ in sub)
        pts = [p for _, p in sub]
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts.pop()
        kind = "curve"
        if shape in ("mlh", "ml"):
            kind, pts = "line", pts[:2]
        elif shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
            if pts[0] == pts[4] and square:
                kind = "rect"
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x_lo, x_hi, top, bottom = min(xs), max(xs), min(ys), max(ys)
        shape_dict: dict[str, Any] = {
            "object_type": kind, "x0": x_lo, "x1": x_hi, "top": top, "bottom": bottom,
            "doctop": doctop + top, "width": x_hi - x_lo, "height": bottom - top,
            "y0": height - bottom, "y1": height - top,
            "stroke": stroke, "fill": fill, "stroking_color": stroke_colour,
            "non_stroking_color": fill_colour,
        }
        if kind != "rect":
            shape_dict["pts"] = pts
        out[kind].append(shape_dict)


def page_objects(
    container: Any, count: Callable[[Any], int], get: Callable[[Any, int], Any],
    m: Matrix, doctop: float, height: float, out: dict[str, list[dict[str, Any]]],
) -> None:
    """The paths and images of a page or form, forms read inside out."""
    fs = pdfium_c.FS_MATRIX()
    for i in range(count(container)):
        obj = get(container, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE,
                        pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = (ctypes.c_float() for _ in range(4))
            if pdfium_c.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, (left, bottom, right, top))):
                corners = [_apply(m, x.value, y.value)
                           for x in (left, right) for y in (bottom, top)]
                xs = [p[0] for p in corners]
                ys = [p[1] for p in corners]
                out["image"].append({"x0": min(xs), "x1": max(xs), "top": min(ys),
                                     "bottom": max(ys)})
            continue
        pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(fs))
        own: Matrix = (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            page_objects(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                     mult(own, m), doctop, height, out)
            continue
        mode, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke))
        fill = mode.value != pdfium_c.FPDF_FILLMODE_NONE
        if not fill and not stroke.value:
            continue
        _shape_dicts(
            _path_ops(obj, mult(own, m)), bool(stroke.value), fill,
            _colour(obj, pdfium_c.FPDFPageObj_GetStrokeColor),
            _colour(obj, pdfium_c.FPDFPageObj_GetFillColor), doctop, height, out,
        )
