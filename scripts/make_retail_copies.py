#!/usr/bin/env python3
"""Writes two copies of the UCI Online Retail CSV for the ingest tests.

    python scripts/make_retail_copies.py [CACHE_DIR]      (default: target/fixtures)

* online_retail_gbk.csv - the same rows with the Chinese header
  订单号,商品编码,商品名称,数量,下单时间,单价,会员ID,国家, encoded as GB18030 (the superset of
  GBK that Windows uses for "GBK": byte-identical to GBK for every character GBK has, and it
  also holds the few "£" of the descriptions). Tests encoding detection and the Chinese
  column synonyms; every number must come out as from the original.
* online_retail.xlsx - the same rows as a workbook written by openpyxl (write-only mode),
  InvoiceDate as real Excel datetime cells, Quantity/CustomerID as integers, UnitPrice as
  numbers, ids and text as strings, a missing CustomerID or Description as an empty cell.

The source is ../shared/data/online_retail/online_retail.csv.gz (next to the repository;
--source overrides). Idempotent: an output that exists and is newer than the source is
not written again. Outputs are written to a temporary name and renamed, so an interrupted
run never leaves a half-written fixture behind.
"""
import argparse
import csv
import datetime as dt
import gzip
import io
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_SOURCE = os.path.join(REPO, "..", "shared", "data", "online_retail", "online_retail.csv.gz")
HEADER = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
          "CustomerID", "Country"]
CHINESE_HEADER = ["订单号", "商品编码", "商品名称", "数量", "下单时间", "单价", "会员ID", "国家"]


def fresh(path, source):
    return os.path.exists(path) and os.path.getmtime(path) >= os.path.getmtime(source)


def replace_atomically(out, write):
    tmp = out + ".tmp"
    try:
        write(tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def read_text(source):
    with gzip.open(source, "rb") as f:
        return f.read().decode("utf-8")


def write_gbk(text, out):
    first_newline = text.index("\n")
    if text[:first_newline].rstrip("\r") != ",".join(HEADER):
        sys.exit(f"unexpected header in the source: {text[:first_newline]!r}")
    body = ",".join(CHINESE_HEADER) + text[first_newline:]
    data = body.encode("gb18030")

    def write(tmp):
        with open(tmp, "wb") as f:
            f.write(data)

    replace_atomically(out, write)


def write_xlsx(text, out):
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Online Retail")
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows)
    if header != HEADER:
        sys.exit(f"unexpected header in the source: {header!r}")
    ws.append(header)
    for inv, code, desc, qty, date, price, cust, country in rows:
        ws.append([
            inv,
            code,
            desc if desc != "" else None,
            int(qty),
            dt.datetime.strptime(date, "%Y-%m-%d %H:%M:%S"),
            float(price),
            int(cust) if cust != "" else None,
            country,
        ])
    replace_atomically(out, wb.save)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cache_dir", nargs="?", default=os.path.join(REPO, "target", "fixtures"))
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    args = ap.parse_args()
    source = os.path.abspath(args.source)
    if not os.path.exists(source):
        sys.exit(f"source not found: {source}")
    os.makedirs(args.cache_dir, exist_ok=True)
    outputs = [
        (os.path.join(args.cache_dir, "online_retail_gbk.csv"), write_gbk),
        (os.path.join(args.cache_dir, "online_retail.xlsx"), write_xlsx),
    ]
    text = None
    for out, write in outputs:
        if fresh(out, source):
            print(f"up to date: {out}")
            continue
        if text is None:
            text = read_text(source)
        start = time.time()
        write(text, out)
        print(f"wrote {out} ({os.path.getsize(out):,} bytes, {time.time() - start:.1f} s)")


if __name__ == "__main__":
    main()
