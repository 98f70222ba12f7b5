"""A real-world-like annual report PDF for the engine benchmark: what makes real reports slow
to read, unlike the light corpus PDFs. 64 pages by default; every page has a logo image, a
running header and footer, two columns of prose in an embedded subset TrueType font, headings
in an embedded Type 1 font; every other page a vector bar chart (bars, gridlines, a curved
trend line) or a ruled table.

    python benchmarks/make_realworld_pdf.py OUT.pdf [--pages 64]
"""

from __future__ import annotations

import argparse
import io
import math
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

rl_config.invariant = 1

FONTS = Path(rl_config.__file__).resolve().parent / "fonts"
W, H = 595.0, 842.0

SENTENCES = [
    "In {year} hadden {n} huishoudens een huurachterstand van meer dan drie maanden.",
    "De corporaties zetten {e} huurders uit, {c} procent minder dan het jaar ervoor.",
    "Het totale bedrag aan achterstallige huur liep op tot \u20ac {m} miljoen.",
    "Met {a} huurders werd een betalingsregeling getroffen voordat de zaak bij de rechter kwam.",
    "De schuldhulpverlening van de gemeente werd in {g} procent van de gevallen ingeschakeld.",
    "Vroegsignalering bereikte dit jaar {v} huishoudens die nog geen achterstand hadden.",
]


def _fonts() -> tuple[str, str]:
    """An embedded subset TrueType font for the prose, an embedded Type 1 font for headings."""
    pdfmetrics.registerFont(TTFont("Vera", str(FONTS / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("VeraBd", str(FONTS / "VeraBd.ttf")))
    face = pdfmetrics.EmbeddedType1Face(str(FONTS / "DarkGardenMK.afm"),
                                        str(FONTS / "DarkGardenMK.pfb"))
    pdfmetrics.registerTypeFace(face)
    pdfmetrics.registerFont(pdfmetrics.Font("DarkGarden", face.name, "WinAnsiEncoding"))
    return "Vera", "DarkGarden"


def _logo() -> ImageReader:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 80), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, 76, 76), fill=(0, 90, 160))
    draw.rectangle((90, 24, 230, 56), fill=(200, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return ImageReader(buffer)


def _prose(pdf: canvas.Canvas, number: int, x: float, width: float, top: float,
           bottom: float, font: str) -> None:
    pdf.setFont(font, 9)
    y, k = top, 0
    while y > bottom:
        text = " ".join(
            SENTENCES[(number + k + i) % len(SENTENCES)].format(
                year=2010 + (number + k) % 14, n=f"{20 + (number * 7 + k) % 60}.{k % 10}00",
                e=f"{1 + k % 5}.{(number + k) % 10}00", c=f"{1 + k % 9},{k % 10}",
                m=120 + (number + k) % 90, a=f"{3 + k % 7}.{k % 10}50", g=20 + k % 50,
                v=f"{10 + k % 30}.000",
            ) for i in range(3)
        )
        line = ""
        for word in text.split():
            if pdf.stringWidth(f"{line} {word}", font, 9) > width:
                pdf.drawString(x, y, line)
                y -= 11.5
                line = word
                if y <= bottom:
                    return
            else:
                line = f"{line} {word}".strip()
        pdf.drawString(x, y, line)
        y -= 18
        k += 1


def _chart(pdf: canvas.Canvas, number: int, x: float, y: float, font: str) -> None:
    """A bar chart drawn as vector paths: gridlines, bars, labels, a curved trend line."""
    pdf.setFont(font, 8)
    pdf.drawString(x, y + 150, f"Grafiek {number}: huisuitzettingen per jaar")
    pdf.setStrokeColorRGB(0.8, 0.8, 0.8)
    pdf.setLineWidth(0.5)
    for i in range(5):
        pdf.line(x, y + i * 30, x + 230, y + i * 30)
        pdf.drawRightString(x - 4, y + i * 30 - 3, f"{i * 1000}")
    values = [2200 + (number * 37 + i * 410) % 1800 for i in range(6)]
    pdf.setFillColorRGB(0.0, 0.35, 0.63)
    for i, value in enumerate(values):
        pdf.rect(x + 10 + i * 37, y, 24, value * 30 / 1000, stroke=0, fill=1)
    pdf.setFillColorRGB(0, 0, 0)
    for i, value in enumerate(values):
        pdf.drawCentredString(x + 22 + i * 37, y + value * 30 / 1000 + 3, f"{value}")
        pdf.drawCentredString(x + 22 + i * 37, y - 10, f"{2017 + i}")
    path = pdf.beginPath()
    path.moveTo(x + 22, y + values[0] * 30 / 1000 + 12)
    for i in range(1, 6):
        x0, x1 = x + 22 + (i - 1) * 37, x + 22 + i * 37
        y1 = y + values[i] * 30 / 1000 + 12
        path.curveTo(x0 + 12, y1 + 6 * math.sin(i), x1 - 12, y1, x1, y1)
    pdf.setStrokeColorRGB(0.8, 0.2, 0.2)
    pdf.drawPath(path, stroke=1, fill=0)
    pdf.setStrokeColorRGB(0, 0, 0)


def _table(pdf: canvas.Canvas, number: int, x: float, y: float, font: str) -> None:
    """A ruled table: a header row and six rows of figures."""
    pdf.setFont(font, 8)
    pdf.drawString(x, y + 14, f"Tabel {number}: huurachterstanden per regio")
    widths = [90, 45, 45, 45]
    pdf.setLineWidth(0.5)
    rows = [["Regio", "2021", "2022", "2023"]] + [
        [f"Regio {r}", *(f"{(number * 13 + r * 7 + c * 3) % 90 + 10}.{c}00" for c in range(3))]
        for r in range(1, 7)
    ]
    for r, row in enumerate(rows):
        top = y - r * 14
        cx = x
        for c, (cell, width) in enumerate(zip(row, widths, strict=True)):
            pdf.rect(cx, top - 14, width, 14, stroke=1, fill=0)
            if c:
                pdf.drawRightString(cx + width - 3, top - 10, cell)
            else:
                pdf.drawString(cx + 3, top - 10, cell)
            cx += width


def make_realworld_pdf(path: Path, pages: int = 64) -> Path:
    prose, heading = _fonts()
    logo = _logo()
    pdf = canvas.Canvas(str(path), pagesize=(W, H))
    pdf.setTitle("Jaarverslag huurschulden 2023")
    for number in range(1, pages + 1):
        pdf.drawImage(logo, 480, 800, width=72, height=24)
        pdf.setFont(prose, 7)
        pdf.drawString(50, 810, "Jaarverslag 2023 | Woonstichting Voorbeeld")
        pdf.drawCentredString(W / 2, 30, f"{number}")
        pdf.setFont(heading, 15)
        pdf.drawString(50, 770, f"Hoofdstuk {number}: huurschulden in 2023")
        if number % 2 == 0:
            _chart(pdf, number, 340, 560, prose)
            _prose(pdf, number, 50, 230, 740, 60, prose)
            _prose(pdf, number + 1, 315, 230, 520, 60, prose)
        elif number % 4 == 1:
            _table(pdf, number, 315, 730, prose)
            _prose(pdf, number, 50, 230, 740, 60, prose)
            _prose(pdf, number + 1, 315, 230, 600, 60, prose)
        else:
            _prose(pdf, number, 50, 230, 740, 60, prose)
            _prose(pdf, number + 1, 315, 230, 740, 60, prose)
        pdf.showPage()
    pdf.save()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--pages", type=int, default=64)
    args = parser.parse_args()
    make_realworld_pdf(args.output, args.pages)


if __name__ == "__main__":
    main()
