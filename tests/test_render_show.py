"""`timeline show` as text: the line that says how the sources' dates disagree."""

import pytest

from timeline.query import source_dates
from timeline.render.show import dates_line


def sources(*dates: tuple[str, ...]) -> list[dict]:
    return [{"dates": list(d)} for d in dates]


@pytest.mark.parametrize(
    ("given", "chosen", "line"),
    [
        ([("2023-09-13",)] * 3 + [("2023-09-14",)], "2023-09-13", "3 sources say 2023-09-13, 1 says 2023-09-14"),
        ([("2023-09-13",), ("2023-09-13",)], "2023-09-13", ""),
        ([("2023-09-13",), ()], "2023-09-13", ""),  # an undated source gives no date to disagree with
        # the most specific date wins over a commoner, coarser one; it is named first
        ([("2023-09-13",), ("2023-W37",), ("2023-W37",)], "2023-09-13", "1 source says 2023-09-13, 2 say 2023-W37"),
        # ties: the chosen value first, then the earlier date
        (
            [("2023-09-15",), ("2023-09-14",), ("2023-09-13",)],
            "2023-09-14",
            "1 source says 2023-09-14, 1 says 2023-09-13, 1 says 2023-09-15",
        ),
        # one article whose two reports give two dates counts under each
        ([("2023-09-13", "2023-09-14"), ("2023-09-13",)], "2023-09-13", "2 sources say 2023-09-13, 1 says 2023-09-14"),
    ],
)
def test_dates_line(given, chosen, line):
    assert dates_line(source_dates(sources(*given), chosen)) == line
