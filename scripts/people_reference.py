#!/usr/bin/env python3
"""Reference basic attributes (`demographics`), behaviour features (`behaviour`) and brand
preferences (the profile's brand features) of every customer, computed by pandas from the
sample shop's four files, for Portrait's demographics, behaviour and profile analyses.

    python scripts/people_reference.py [--cache target/fixtures] [--out-dir tests/fixtures/people]
                                       [--portrait target/release/portrait]

Input
-----
`sample_20000_seed42`: the files `portrait sample --rows 20000 --seed 42 --out orders.csv
--customers customers.csv --events events.csv --products products.csv` writes (made in <cache>/sample_20000_seed42/
with the CLI when absent; the test makes the same bytes in process and checks their sha256
against <case>.json). Their layouts are the sample generator's (src/sample/people.rs):

- orders: order_id, customer_id, order_date, product_id, product_name, category, quantity,
  unit_price, channel, region;
- customers (a CRM export's Chinese header): 会员ID, 性别, 出生日期, 省份, 城市, 会员等级,
  注册时间, 手机号, 邮箱;
- events: 用户ID, 商品ID, 行为类型 (浏览/加购/收藏/搜索/购买), 时间, 停留时长, 搜索词, 渠道;
- products (the catalogue): 商品编码, 商品名称, 类目, 品牌, 价格.

Every cell is read as text; an empty cell is null. Times are the wall clock as written.

Definitions
-----------
Customers = every customer id of the orders (any line), sorted as integers. L = the latest
day of all order lines. Per customer c, from the first row of the customer list whose 会员ID
is c (none: every attribute null):

- gender: 女/女性/f/female/w/woman/女士 → female; 男/男性/m/male/man/先生 → male; any other
  non-empty value (保密) → other; compared trimmed and lower-cased.
- age: whole years from 出生日期 to L by calendar date (one less when L's month and day come
  before the birth's); null when the birth is after L or there is none.
- age_band: under_18 (< 18), 18_24, 25_34, 35_44, 45_54, 55_plus.
- home_region = 省份, home_city = 城市, member_level = 会员等级, as written; occupation,
  education, income and name are null (the sample has no such column).
- signup_date: the day of 注册时间; tenure_days = L − signup day, null when negative.
- email: the first character of the part before `@`, `***`, `@` and the domain.
- phone: the digits of 手机号; eight or more: the first three, a star for each hidden digit,
  the last four (`138****5678`).

From the events log, rows whose 用户ID is a customer (other rows are visitors; they count
only for E). E = the latest day of all event rows. With the log loaded, a customer with no
event has 0 active days and 0 of each event kind, and every other feature null. Per c:

- active_days: distinct days with an event.
- visits_per_30_days: visits / (E − c's first event day + 1) × 30, where visits = active
  days (the log has no session column).
- views, carts, favourites, searches, purchase_events: events of type 浏览, 加购, 收藏, 搜索, 购买.
- view_to_cart = carts / views (null without views); cart_to_purchase = purchase_events /
  carts (null without carts).
- mean_dwell_seconds: the mean of 停留时长 over c's events that have one; null without.
- top_search_term: the 搜索词 on most of c's rows that have one; ties → the one whose first
  row comes first in the file; null without.
- last_active_date: the day of c's last event; days_since_last_active = E − that day.

Brands (the orders have no brand column: each line's brand is the 品牌 of the first catalogue
row whose 商品编码 is the line's product_id). A line's value = quantity × round(100 ×
unit_price) cents; purchase lines are those with quantity > 0 and a customer. Per c:
purchase_cents = Σ value of c's purchase lines (with or without a brand);

- top_brand: the brand with the largest Σ value over c's purchase lines with a brand; ties →
  the smallest name (Python string order); null when none, or that largest sum ≤ 0.
- top_brand_share: that sum / purchase_cents; null when top_brand is null or
  purchase_cents ≤ 0.
- brand_affinity: top_brand_share / shop_share, shop_share = Σ value of all customers'
  purchase lines of that brand / Σ value of all customers' purchase lines; null when
  top_brand_share is null or shop_share ≤ 0.

Outputs
-------
<out-dir>/sample_20000_seed42_demographics.csv, ..._behaviour.csv and ..._brands.csv
(customer_id, top_brand, top_brand_share, brand_affinity): one row per customer
in that order; integers as integers, floats as Python repr(float), null as an empty field
(csv module, "\\n" line ends). <out-dir>/sample_20000_seed42.json: the three inputs' sha256,
the row counts, L, E and a few column sums.

Needs pandas (scripts/requirements-fixtures.txt).
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from filter_reference import sha256  # noqa: E402  (the fixtures' one file hash)
ROWS, SEED = 20000, 42
CASE = f"sample_{ROWS}_seed{SEED}"

DEMOGRAPHICS = ["customer_id", "gender", "age", "age_band", "home_region", "home_city",
                "occupation", "education", "income", "member_level", "signup_date",
                "tenure_days", "email", "phone", "name"]
BEHAVIOUR = ["customer_id", "active_days", "visits_per_30_days", "views", "carts", "favourites",
             "searches", "purchase_events", "view_to_cart", "cart_to_purchase",
             "mean_dwell_seconds", "top_search_term", "last_active_date",
             "days_since_last_active"]
BRANDS = ["customer_id", "top_brand", "top_brand_share", "brand_affinity"]
FLOATS = {"age", "visits_per_30_days", "view_to_cart", "cart_to_purchase", "mean_dwell_seconds",
          "top_brand_share", "brand_affinity"}

FEMALE = {"女", "女性", "f", "female", "w", "woman", "女士"}
MALE = {"男", "男性", "m", "male", "man", "先生"}
KINDS = {"浏览": "views", "加购": "carts", "收藏": "favourites", "搜索": "searches",
         "购买": "purchase_events"}


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def gender(text):
    t = text.strip().lower()
    if not t:
        return None
    return "female" if t in FEMALE else "male" if t in MALE else "other"


def whole_years(birth, on):
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return years if years >= 0 else None


def age_band(age):
    for bound, band in ((18, "under_18"), (25, "18_24"), (35, "25_34"), (45, "35_44"),
                        (55, "45_54")):
        if age < bound:
            return band
    return "55_plus"


def mask_email(text):
    local, _, domain = text.strip().partition("@")
    return f"{local[:1]}***@{domain}"


def mask_phone(text):
    digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
    if len(digits) < 8:
        raise SystemExit(f"people_reference: a short phone number {text!r} (not in the sample)")
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def demographics(customers, orders_L, people):
    first = people.drop_duplicates(subset="会员ID", keep="first").set_index("会员ID")
    rows = []
    for c in customers:
        r = {"customer_id": c}
        key = str(c)
        if key in first.index:
            p = first.loc[key]
            r["gender"] = gender(p["性别"])
            if p["出生日期"]:
                age = whole_years(pd.Timestamp(p["出生日期"]), orders_L)
                if age is not None:
                    r["age"], r["age_band"] = float(age), age_band(age)
            for col, name in (("省份", "home_region"), ("城市", "home_city"),
                              ("会员等级", "member_level")):
                r[name] = p[col] or None
            if p["注册时间"]:
                signup = pd.Timestamp(p["注册时间"]).normalize()
                r["signup_date"] = signup.strftime("%Y-%m-%d")
                tenure = (orders_L - signup).days
                if tenure >= 0:
                    r["tenure_days"] = tenure
            if p["邮箱"]:
                r["email"] = mask_email(p["邮箱"])
            if p["手机号"]:
                r["phone"] = mask_phone(p["手机号"])
        rows.append(r)
    return rows


def behaviour(customers, events):
    events = events.assign(
        row=range(len(events)),
        day=pd.to_datetime(events["时间"], format="%Y-%m-%d %H:%M:%S").dt.normalize(),
    )
    E = events["day"].max()
    known = set(str(c) for c in customers)
    own = events[events["用户ID"].isin(known)].copy()
    own["customer_id"] = own["用户ID"].astype("int64")
    g = own.groupby("customer_id")
    active_days = g["day"].nunique()
    first_day, last_day = g["day"].min(), g["day"].max()
    kinds = own.assign(kind=own["行为类型"].map(KINDS)).dropna(subset=["kind"])
    counts = kinds.groupby(["customer_id", "kind"]).size().unstack(fill_value=0)
    dwell = own[own["停留时长"] != ""].assign(seconds=lambda f: f["停留时长"].astype(float))
    mean_dwell = dwell.groupby("customer_id")["seconds"].mean()
    searched = own[own["搜索词"] != ""]
    terms = searched.groupby(["customer_id", "搜索词"]).agg(n=("row", "size"), first=("row", "min"))
    terms = terms.reset_index().sort_values(["customer_id", "n", "first"],
                                            ascending=[True, False, True])
    top_term = terms.drop_duplicates(subset="customer_id").set_index("customer_id")["搜索词"]

    rows = []
    for c in customers:
        r = {"customer_id": c}
        for k in KINDS.values():
            r[k] = int(counts.at[c, k]) if c in counts.index and k in counts.columns else 0
        r["active_days"] = int(active_days.get(c, 0))
        if c in active_days.index:
            span = (E - first_day[c]).days + 1
            r["visits_per_30_days"] = r["active_days"] / span * 30
            if r["views"] > 0:
                r["view_to_cart"] = r["carts"] / r["views"]
            if r["carts"] > 0:
                r["cart_to_purchase"] = r["purchase_events"] / r["carts"]
            if c in mean_dwell.index:
                r["mean_dwell_seconds"] = float(mean_dwell[c])
            if c in top_term.index:
                r["top_search_term"] = top_term[c]
            r["last_active_date"] = last_day[c].strftime("%Y-%m-%d")
            r["days_since_last_active"] = int((E - last_day[c]).days)
        rows.append(r)
    return rows, E


def brands(customers, orders, catalogue):
    brand_of = catalogue.drop_duplicates(subset="商品编码", keep="first").set_index("商品编码")["品牌"]
    lines = orders[orders["customer_id"] != ""].copy()
    lines["customer_id"] = lines["customer_id"].astype("int64")
    lines["quantity"] = lines["quantity"].astype("int64")
    lines["value"] = lines["quantity"] * lines["unit_price"].map(lambda p: round(float(p) * 100))
    purchase = lines[lines["quantity"] > 0].copy()
    purchase["brand"] = purchase["product_id"].map(brand_of).fillna("")
    purchase_cents = purchase.groupby("customer_id")["value"].sum()
    branded = purchase[purchase["brand"] != ""]
    sums = branded.groupby(["customer_id", "brand"])["value"].sum().reset_index()
    sums = sums[sums["value"] > 0].sort_values(["customer_id", "value", "brand"],
                                               ascending=[True, False, True])
    top = sums.drop_duplicates(subset="customer_id").set_index("customer_id")
    shop_total = int(purchase["value"].sum())
    shop_share = {b: int(v) / shop_total for b, v in branded.groupby("brand")["value"].sum().items()}
    rows = []
    for c in customers:
        r = {"customer_id": c}
        if c in top.index:
            r["top_brand"] = top.at[c, "brand"]
            pc = int(purchase_cents.get(c, 0))
            if pc > 0:
                r["top_brand_share"] = int(top.at[c, "value"]) / pc
                share = shop_share.get(r["top_brand"], 0.0)
                if share > 0:
                    r["brand_affinity"] = r["top_brand_share"] / share
        rows.append(r)
    return rows


def cell(name, value):
    if value is None:
        return ""
    if name in FLOATS:
        v = float(value)
        if math.isnan(v):
            raise ValueError(f"{name}: NaN")
        return repr(v)
    return str(value)


def write(path, columns, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([cell(k, r.get(k)) for k in columns])


def inputs(cache, portrait):
    folder = os.path.join(cache, CASE)
    paths = {k: os.path.join(folder, k + ".csv") for k in ("orders", "customers", "events", "products")}
    if not all(os.path.exists(p) for p in paths.values()):
        os.makedirs(folder, exist_ok=True)
        command = [portrait] if portrait else ["cargo", "run", "--release", "--quiet", "--bin",
                                               "portrait", "--"]
        subprocess.run(command + ["sample", "--rows", str(ROWS), "--seed", str(SEED),
                                  "--out", paths["orders"], "--customers", paths["customers"],
                                  "--events", paths["events"], "--products", paths["products"]],
                       check=True, cwd=ROOT)
    return paths


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(ROOT, "target", "fixtures"))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "people"))
    ap.add_argument("--portrait", help="the CLI to make the sample with [default: cargo run]")
    a = ap.parse_args()
    paths = inputs(a.cache, a.portrait)
    orders, people, events, catalogue = (read(paths[k]) for k in ("orders", "customers", "events", "products"))
    L = pd.to_datetime(orders["order_date"], format="%Y-%m-%d %H:%M:%S").dt.normalize().max()
    customers = sorted(int(c) for c in orders["customer_id"].unique() if c)
    basic = demographics(customers, L, people)
    acts, E = behaviour(customers, events)
    os.makedirs(a.out_dir, exist_ok=True)
    write(os.path.join(a.out_dir, CASE + "_demographics.csv"), DEMOGRAPHICS, basic)
    write(os.path.join(a.out_dir, CASE + "_behaviour.csv"), BEHAVIOUR, acts)
    write(os.path.join(a.out_dir, CASE + "_brands.csv"), BRANDS, brands(customers, orders, catalogue))
    meta = {
        "input": f"portrait sample --rows {ROWS} --seed {SEED} --out orders.csv "
                 "--customers customers.csv --events events.csv --products products.csv",
        "sha256": {k: sha256(p) for k, p in paths.items()},
        "rows": {"orders": len(orders), "customers": len(people), "events": len(events),
                 "products": len(catalogue)},
        "customers": len(customers),
        "orders_last_day": L.strftime("%Y-%m-%d"),
        "events_last_day": E.strftime("%Y-%m-%d"),
        "matched": sum(1 for r in basic if r.get("gender") or r.get("phone")),
        "sums": {k: sum(r[k] for r in acts) for k in KINDS.values()},
        "pandas": pd.__version__,
    }
    with open(os.path.join(a.out_dir, CASE + ".json"), "w") as f:
        json.dump(meta, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"people_reference: {CASE}: {meta['customers']} customers, {meta['matched']} in the "
          f"list, event sums {meta['sums']}", file=sys.stderr)


if __name__ == "__main__":
    main()
