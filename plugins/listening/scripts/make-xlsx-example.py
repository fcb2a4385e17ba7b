"""Writes examples/data/mentions.xlsx from the rows of mentions-utf8-bom.csv, as listening tools
export them to Excel: 发布时间 as date cells, 粉丝数 as numbers, a second sheet of notes.
Needs openpyxl (Debian: python3-openpyxl).

    /usr/bin/python3 plugins/listening/scripts/make-xlsx-example.py
"""
import csv
import datetime
import pathlib

import openpyxl

data = pathlib.Path(__file__).resolve().parents[3] / "examples" / "data"
with open(data / "mentions-utf8-bom.csv", encoding="utf-8-sig", newline="") as file:
    header, *rows = list(csv.reader(file))

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "提及"
sheet.append(header)
for row in rows:
    cells = dict(zip(header, row))
    cells["粉丝数"] = int(cells["粉丝数"])
    cells["发布时间"] = datetime.datetime.strptime(cells["发布时间"], "%Y-%m-%d %H:%M:%S")
    sheet.append([cells[name] for name in header])
for cell in sheet["F"][1:]:
    cell.number_format = "yyyy-mm-dd hh:mm:ss"
notes = book.create_sheet("说明")
notes.append(["导出自示例数据", len(rows)])
book.properties.created = datetime.datetime(2026, 12, 7)
book.properties.modified = datetime.datetime(2026, 12, 7)
book.save(data / "mentions.xlsx")
