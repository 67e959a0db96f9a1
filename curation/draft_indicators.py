"""Which indicator a figure reports: a table of the phrases ministry reports use for each indicator.

Each phrase names one or more indicators of ``fixtures/reference/indicators.csv``, told apart by their
unit ("diện tích" is a cluster's area in ha, a region's in km2). A figure takes the nearest phrase
with an indicator counted in the figure's unit (see ``draft_figures``); a count of provinces takes the
``provinces_*`` indicator of the measure it counts them by.
"""

import re
from dataclasses import dataclass


def _phrase(body: str) -> re.Pattern[str]:
    """A phrase as whole words, case-insensitive; a space stands for any run of spaces."""
    return re.compile(r"(?<!\w)" + body.replace(" ", r"\s+") + r"(?!\w)", re.IGNORECASE)


_GOODS = r"hàng h(?:óa|oá)"

_PARKS = r"(?:các )?khu công nghiệp"
_CLUSTERS = r"(?:các )?cụm công nghiệp"
_OCCUPANCY = r"tỷ lệ lấp đầy(?: bình quân| trung bình)?(?: (?:của|tại|các))?"

# (phrase, indicator code or codes; none for a measure the vocabulary does not hold, so that the words
# inside it are not read as another's). More specific phrases first: a match inside an earlier one is
# ignored, so "chỉ số sản xuất công nghiệp" is not also read as "sản xuất công nghiệp".
KEYWORDS: tuple[tuple[re.Pattern[str], str | tuple[str, ...]], ...] = (
    (_phrase(r"chỉ số sản xuất công nghiệp(?: \(IIP\))?"), "iip_growth"),
    (_phrase(r"IIP"), "iip_growth"),
    # The growth of production value is industrial production growth (a percentage).
    (_phrase(r"giá trị sản xuất công nghiệp"), ("industrial_production_value", "industrial_production_growth")),
    (_phrase(r"sản xuất công nghiệp"), "industrial_production_growth"),
    (_phrase(rf"tổng mức bán lẻ(?: {_GOODS}(?: và doanh thu dịch vụ(?: tiêu dùng)?)?)?"), "retail_sales"),
    (_phrase(rf"(?:tổng )?(?:kim ngạch|giá trị) xuất khẩu(?: {_GOODS})?"), "export_turnover"),
    (_phrase(rf"(?:tổng )?(?:kim ngạch|giá trị) nhập khẩu(?: {_GOODS})?"), "import_turnover"),
    # A branch of industry: its index is not the region's IIP.
    (_phrase(r"(?:ngành )?(?:công nghiệp )?(?:chế biến,? chế tạo|khai khoáng|sản xuất và phân phối điện)"), ()),
    # Exports and imports together name no indicator of the vocabulary (and neither one alone).
    (_phrase(rf"(?:tổng )?(?:kim ngạch |giá trị )?xuất,? nhập khẩu(?: {_GOODS})?"), ()),
    (_phrase(r"xuất siêu|nhập siêu|cán cân thương mại|thặng dư thương mại|thâm hụt thương mại"), "trade_balance"),
    (_phrase(r"xuất khẩu"), "export_turnover"),
    (_phrase(r"nhập khẩu"), "import_turnover"),
    (_phrase(rf"{_OCCUPANCY} {_CLUSTERS}"), "industrial_cluster_occupancy"),
    (_phrase(rf"{_OCCUPANCY} {_PARKS}"), "industrial_park_occupancy"),
    (_phrase(_OCCUPANCY), ("industrial_cluster_occupancy", "industrial_park_occupancy")),
    (_phrase(r"cụm công nghiệp đi vào hoạt động"), "industrial_clusters_operating"),
    (_phrase(r"đi vào hoạt động"), "industrial_clusters_operating"),
    (_phrase(r"cụm công nghiệp"), "industrial_clusters"),
    (_phrase(r"diện tích tự nhiên"), "area"),
    (_phrase(r"(?:tổng )?diện tích"), ("industrial_cluster_area", "area")),
    (_phrase(r"(?:tổng )?vốn đăng ký(?: đầu tư)?"), "industrial_cluster_capital"),
    (_phrase(r"dự án(?: đầu tư)?"), "industrial_cluster_projects"),
    (_phrase(r"(?:tạo )?việc làm"), "industrial_cluster_workers"),
    (_phrase(r"lao động"), "industrial_cluster_workers"),
    # Products in physical units, the region's size, market infrastructure, ratios.
    (_phrase(r"(?:sản lượng )?điện thương phẩm"), "electricity_commercial"),
    (_phrase(r"(?:sản lượng )?điện sản xuất(?: và mua)?"), "electricity_produced"),
    (_phrase(r"(?:sản lượng )?xi(?:-| )măng"), "cement_output"),  # "xi măng", "xi-măng"
    (_phrase(r"(?:sản lượng )?thép(?: các loại| thành phẩm| thô)?"), "steel_output"),
    (_phrase(r"(?:sản lượng )?chè(?: búp tươi| các loại| chế biến| khô)?"), "tea_output"),
    (_phrase(r"(?:sản lượng )?nước máy(?: thương phẩm)?"), "tap_water_output"),
    (_phrase(r"(?:sản lượng )?than(?: sạch| thương phẩm| khai thác| đá)?"), "coal_output"),
    (_phrase(r"(?:quy mô )?dân số"), "population"),
    (_phrase(r"phục hồi"), "recovery_ratio"),
)

# Words that say "growth" without naming the measure: used as the indicator as written when the
# measure itself is named only in a neighbouring sentence.
GENERIC_GROWTH = _phrase(r"mức tăng(?: trưởng)?(?: bình quân)?(?: của (?:khu vực|vùng|cả nước))?|tăng trưởng")

# A count of provinces is a figure of the measure it counts them by.
PROVINCE_COUNTS = {
    "iip_growth": "provinces_iip_growth",
    "industrial_production_growth": "provinces_industrial_growth",
    "industrial_production_value": "provinces_industrial_growth",
    "export_turnover": "provinces_export_growth",
}

# The count nouns of a count of provinces (``numbers.COUNT_NOUNS`` also counts clusters, projects…).
PROVINCE_NOUNS = frozenset({"địa phương", "tỉnh", "tỉnh, thành phố", "tỉnh, thành", "tỉnh thành", "thành phố"})

# The count noun of other counts names their indicator.
COUNT_NOUN_INDICATORS = {
    "cụm công nghiệp": "industrial_clusters",
    "khu công nghiệp": "industrial_parks",
    "chợ": "markets",
    "siêu thị": "supermarkets",
    "trung tâm thương mại": "trade_centres",
    "cửa hàng tiện lợi": "convenience_stores",
    "dự án": "industrial_cluster_projects",
    "lao động": "industrial_cluster_workers",
}

# Indicators about industrial clusters: a draft notes when no cluster is named nearby.
CLUSTER_INDICATORS = frozenset(
    {
        "industrial_clusters",
        "industrial_cluster_area",
        "industrial_clusters_operating",
        "industrial_cluster_projects",
        "industrial_cluster_capital",
        "industrial_cluster_workers",
    }
)

# Which occupancy a bare "tỷ lệ lấp đầy" is: that of the clusters or parks named nearest before it.
OCCUPANCY_OF = (
    (re.compile(r"(?<!\w)cụm\s+công\s+nghiệp(?!\w)", re.IGNORECASE), "industrial_cluster_occupancy"),
    (re.compile(r"(?<!\w)khu\s+công\s+nghiệp(?!\w)", re.IGNORECASE), "industrial_park_occupancy"),
)

# Percentages that are a figure by themselves, not a growth or a share of another figure.
PERCENT_LEVELS = frozenset({"industrial_cluster_occupancy", "industrial_park_occupancy", "recovery_ratio"})

# Units that name the indicator by themselves: "11 triệu dân", "5,2 triệu người" are a population.
UNIT_INDICATORS = {"person": "population"}

# Levels at a date ("Đến hết tháng 9/2024, … có 186 cụm công nghiệp"); every other indicator is a flow
# over a period. A period taken from context is looked for of the same kind.
STOCK_INDICATORS = CLUSTER_INDICATORS | {
    "industrial_parks",
    "industrial_cluster_occupancy",
    "industrial_park_occupancy",
    "markets",
    "supermarkets",
    "trade_centres",
    "convenience_stores",
    "area",
    "population",
}


@dataclass(frozen=True)
class Keyword:
    start: int
    end: int
    text: str
    codes: tuple[str, ...]  # the indicators the phrase may name, told apart by their unit

    @property
    def indicator(self) -> str:
        return self.codes[0] if self.codes else ""


def find_keywords(text: str) -> list[Keyword]:
    """Every indicator phrase in ``text``, by position; overlapping later-table phrases dropped."""
    found: list[Keyword] = []
    taken = bytearray(len(text))
    for pattern, code in KEYWORDS:
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            codes = (code,) if isinstance(code, str) else code
            found.append(Keyword(match.start(), match.end(), match.group(), codes))
    return sorted(found, key=lambda keyword: keyword.start)
