"""Tables: a numeric cell is a claim whose metric, period and unit come from its headers and caption.

One reader for Markdown tables and Word's (reading/table.py); Word's are pinned in tests/test_word.py.
"""

from __future__ import annotations

from factcheck.extract.claims import extract
from factcheck.reading.source import read_document

TABLE = """# 平湖经开2025年经济运行

表1 2025年平湖经开主要经济指标

单位：亿元

| 指标 | 2025年 | 比上年增长（%） |
|---|---|---|
| 规上工业总产值 | 1066.5 | 8.1 |
| 社会保障和就业支出 | 3.2 | -1.5 |
"""


def test_a_table_cell_is_a_claim_whose_metric_period_and_unit_come_from_its_headers_and_caption(tmp_path):
    path = tmp_path / "table.md"
    path.write_text(f"---\ndate: 2026-01-20\n---\n{TABLE}", encoding="utf-8")
    claims = {c.text: c for c in extract(read_document(path))}
    output = claims["1066.5亿元"]
    assert (output.metric, output.period.label, output.unit, output.subject) == ("规上工业总产值", "2025年", "CNY", "平湖经开")
    assert claims["8.1%"].metric == "规上工业总产值比上年增长"
    # A row header is one name, and a fall in a growth column is written as one.
    assert (claims["1.5%"].metric, claims["1.5%"].value) == ("社会保障和就业支出比上年下降", 1.5)
    # The evidence is the row under its caption and headers, as the table shows it.
    assert output.paragraph == ("表1 2025年平湖经开主要经济指标 单位：亿元 / | 指标 | 2025年 | 比上年增长（%） | / "
                                "| 规上工业总产值 | 1066.5 | 8.1 |")
    assert (output.line, output.column) == (12, TABLE.splitlines()[8].index("1066.5") + 1)  # after 3 lines of front matter


def test_a_table_under_a_dated_title_takes_its_period_and_a_unit_column_its_units(tmp_path):
    text = ("2016年国民经济和社会发展统计公报\n\n2017年3月16日\n\n表4主要林业产品产量\n\n"
            "| | 单 位 | 产量 | 比上年增长（%） |\n|---|---|---|---|\n| 木材采伐 | 万立方米 | 135.23 | 28.2 |\n"
            "| 五倍籽 | 吨 | 121 | -18.8 |\n")
    path = tmp_path / "bulletin.md"
    path.write_text(text, encoding="utf-8")
    claims = [(c.text, c.metric, c.period.label if c.period else None) for c in extract(read_document(path))]
    assert claims == [
        ("135.23万立方米", "木材采伐产量", "2016年"),
        ("28.2%", "木材采伐比上年增长", "2016年"),
        ("121吨", "五倍籽产量", "2016年"),  # 五倍 is part of a name here, no multiple
        ("18.8%", "五倍籽比上年下降", "2016年"),
    ]


def test_prose_around_a_table_is_read_as_before(tmp_path):
    text = f"---\ndate: 2026-01-20\n---\n{TABLE}\n2025年，平湖经开24家规模以上数控机床企业实现产值98亿元，同比增长8.1%。\n"
    path = tmp_path / "table.md"
    path.write_text(text, encoding="utf-8")
    prose = [c for c in extract(read_document(path)) if "数控机床" in c.sentence]
    assert [(c.text, c.metric) for c in prose] == [
        ("24家", "规模以上数控机床"), ("98亿元", "规模以上数控机床企业产值"), ("8.1%", "规模以上数控机床企业产值同比增长")]


def test_a_growth_column_beside_a_unit_column_is_a_percentage_not_the_rows_unit(tmp_path):
    """周口市2023年统计公报, 表5: `增长` alone heads the growth column, and 吨 in the 单位 column is the output's unit;
    read as 48.8吨, the growth was a second, wrong output figure."""
    text = ("表5 2023年周口市规模以上工业主要产品产量及增速\n\n| 产品名称 | 单位 | 产量 | 增长 |\n|---|---|---|---|\n"
            "| 钢材 | 吨 | 1577693 | 48.8 |\n| 糖果 | 吨 | 26073 | -3.3 |\n")
    path = tmp_path / "bulletin.md"
    path.write_text(text, encoding="utf-8")
    claims = [(c.text, c.unit, c.metric) for c in extract(read_document(path, date=None, require_date=False))]
    assert claims == [("1577693吨", "吨", "钢材产量"), ("48.8%", "%", "钢材增长"),
                      ("26073吨", "吨", "糖果产量"), ("3.3%", "%", "糖果下降")]


def _metrics(tmp_path, table: str) -> dict[str, str]:
    path = tmp_path / "bulletin.md"
    path.write_text(f"---\ndate: 2024-03-20\n---\n{table}", encoding="utf-8")
    return {c.text: c.metric for c in extract(read_document(path))}


def test_the_kinds_listed_under_a_total_are_that_totals_parts(tmp_path):
    # 周口's 交通运输主要指标 (a 2023 bulletin): #铁路, 水运, 公路 under 货物运输总量
    text = ("表6 2023年交通运输主要指标\n\n| 指标 | 单位 | 绝对数 | 比上年增长（%） |\n|---|---|---|---|\n"
            "| 货物运输总量 | 亿吨 | 2.92 | 6.6 |\n| #铁路 | 亿吨 | 0.80 | -6.6 |\n| 水运 | 亿吨 | 0.35 | 7.3 |\n"
            "| 旅客运输周转量 | 亿人公里 | 36.73 | 67.4 |\n| #铁路 | 亿人公里 | 1.36 | 83.8 |\n")
    metrics = _metrics(tmp_path, text)
    assert metrics["0.80亿吨"] == "铁路货物运输量" and metrics["0.35亿吨"] == "水运货物运输量"
    assert metrics["1.36亿人公里"] == "铁路旅客运输周转量"
    # where the value column names the measure (产量), the row names only the product: 猪肉产量, as before
    text = ("表5 2023年主要畜产品产量\n\n| 指标 | 产量（万吨） | 比上年增长（%） |\n|---|---|---|\n"
            "| 猪牛羊禽肉产量 | 19.23 | 5.1 |\n| #猪肉 | 13.49 | 7.4 |\n")
    metrics = _metrics(tmp_path, text)
    assert metrics["13.49万吨"] == "猪肉产量"


def claims_of(tmp_path, text: str, name: str = "page.md") -> dict[str, object]:
    path = tmp_path / name
    path.write_text(f"---\ndate: 2022-07-19\n---\n\n{text}", encoding="utf-8")
    return {c.text: c for c in extract(read_document(path))}


# A research note's page as pdfplumber gives it: a key-value table set beside the forecasts, the years heading
# only the right-hand columns, each label run together with its first figure, growth rows under their measure.
SIDE_BY_SIDE = """公司点评 高测股份（688556.SH）

| 股票数据 |  | 主要财务数据及预测 |  |  |
|---|---|---|---|---|
| 总股本(百万股)： | 227.92 | 2020 | 2021 | 2022E |
| 流通股(百万股)： |  | 营业收入(百万元)746 | 1,567 | 3,684 |
|  |  | (+/-)YOY(%)4.5% | 110.0% | 135.1% |
| 总资产(百万元)： | 3,508.81 |  |  |  |
|  |  | 全面摊薄EPS(元)0.43 | 1.07 | 2.91 |
"""


def test_a_table_beside_another_reads_its_own_years_labels_units_and_growth_rows(tmp_path):
    claims = claims_of(tmp_path, SIDE_BY_SIDE)
    read = {t: (c.metric, c.period.label if c.period else None, c.unit, c.subject) for t, c in claims.items()
            if c.period is not None}
    assert read["746百万元"] == ("营业收入", "2020年", "CNY", "高测股份")
    assert read["1,567百万元"] == ("营业收入", "2021年", "CNY", "高测股份")
    assert read["4.5%"] == ("营业收入同比增长", "2020年", "%", "高测股份")
    assert read["1.07元"] == ("全面摊薄EPS", "2021年", "CNY", "高测股份")
    # 2022E is a forecast for 2022, not 2022's outcome
    from factcheck.judge.identity import modality
    assert claims["3,684百万元"].period.label == "2022年" and modality(claims["3,684百万元"]) == "forecast"


# A saved page's table: title rows above the header, a county spanning rows, reference marks, and an infobox
# label's own period (人口（2020年底）) that dates nothing else.
PAGE_TABLE = """# 雄安新区

人口（2020年底）

# 行政区划与空间布局

新区规划范围包括安新、容城等县及周边部分区域。

| 新区 |  |  |  |  |
|---|---|---|---|---|
| 地图[注 1] |  |  |  |  |
| 行政区划 |  | 面积（平方公里） | 人口（万人） | 生产总值（亿人民币）[69] |
| 保定市 | 安新县[71] | 724 | 45.37 | 57.82 |
|  | 容城县[73] | 314 | 27.32 | 59.4 |
"""


def test_a_pages_table_finds_its_header_below_its_title_rows_and_a_label_spanning_rows(tmp_path):
    claims = claims_of(tmp_path, PAGE_TABLE)
    read = {t: (c.metric[-2:], c.unit, c.period) for t, c in claims.items() if "|" in c.paragraph}
    assert read == {
        "724平方公里": ("面积", "平方公里", None), "45.37万人": ("人口", "人", None), "57.82亿人民币": ("总值", "CNY", None),
        "314平方公里": ("面积", "平方公里", None), "27.32万人": ("人口", "人", None), "59.4亿人民币": ("总值", "CNY", None),
    }
    assert claims["724平方公里"].metric in ("面积", "安新县面积") and claims["314平方公里"].metric in ("面积", "容城县面积")
