import json
from decimal import Decimal

from rapportextract.models import Fact, Source, union_bbox


def test_union_bbox_spans_all_boxes() -> None:
    assert union_bbox([(10, 20, 30, 40), (5, 25, 20, 45)]) == (5, 20, 30, 45)
    assert union_bbox([]) is None


def _fact(value: Decimal) -> Fact:
    return Fact(
        id="x", document="d.txt", edition=2024, subject="huurders", value=value,
        unit="count", period="2023", confidence=0.9,
        source=Source(page=1, sentence="s", text="t", start=0, end=1),
    )


def test_fact_values_leave_as_json_numbers_not_strings() -> None:
    data = json.loads(_fact(Decimal("164000000")).model_dump_json())
    assert data["value"] == 164000000 and isinstance(data["value"], int)
    data = json.loads(_fact(Decimal("1.1")).model_dump_json())
    assert data["value"] == 1.1
