"""Horizontal bar charts, drawn on the server as SVG. Every bar carries its label and its
number as text, and a second series is hatched, so nothing is told by colour alone."""

from dataclasses import dataclass, field

WIDTH = 320
LABEL_HEIGHT = 22  # the row's label, on its own line above its bars: readable on a phone
BAR_HEIGHT = 16
BAR_GAP = 5
ROW_GAP = 12
VALUE_ROOM = 150  # room right of the longest bar for its number in words


@dataclass(frozen=True)
class Bar:
    value: float
    text: str  # what the bar says, e.g. "3 of 5"
    series: str = "first"  # "first" (solid) or "second" (hatched)


@dataclass
class Row:
    label: str
    bars: list[Bar]


@dataclass
class BarChart:
    name: str  # unique on the page: ids of its title, description and pattern
    title: str
    summary: str
    rows: list[Row]
    legend: tuple[str, str] | None = None  # (first series, second series) when there are two
    drawn: list[dict] = field(init=False)
    height: int = field(init=False)
    width: int = WIDTH

    def __post_init__(self) -> None:
        top = max((bar.value for row in self.rows for bar in row.bars), default=0) or 1
        span = WIDTH - VALUE_ROOM
        y, self.drawn = 0, []
        for row in self.rows:
            bars = []
            for index, bar in enumerate(row.bars):
                bar_y = y + LABEL_HEIGHT + index * (BAR_HEIGHT + BAR_GAP)
                length = max(3, round(bar.value / top * span, 1))
                bars.append(
                    {
                        "y": bar_y,
                        "width": length,
                        "text_x": length + 6,
                        "text_y": bar_y + BAR_HEIGHT - 3,
                        "text": bar.text,
                        "series": bar.series,
                    }
                )
            self.drawn.append({"label": row.label, "label_y": y + 16, "bars": bars})
            y += LABEL_HEIGHT + len(row.bars) * (BAR_HEIGHT + BAR_GAP) + ROW_GAP
        self.height = max(y - ROW_GAP + 4, 1)

    @property
    def bar_height(self) -> int:
        return BAR_HEIGHT
