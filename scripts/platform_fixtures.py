#!/usr/bin/env python3
"""Order exports of the shop platforms Portrait recognises, one small shop per platform and
export type, for `tests/platforms.rs` and the browser test that drops three of them.

    python scripts/platform_fixtures.py [--out-dir tests/fixtures/platforms]

Each file has its platform's real header (in file order, exactly as written, with the
documented encoding, delimiter and cell quirks) and realistic values: Chinese and English
names, multi-line orders, cancelled, closed, unpaid, refunded and partly refunded orders.
The layouts are not invented: every platform below cites where its header and meanings are
documented, or — where the platform publishes none — the public importers of real exports
that read them.

The expected numbers are computed here from the shop *before* it is written out (the
orders, their buyers, lines, statuses and refunds), by the rules each profile states in
words — not by reading the files back — and written to <out-dir>/expected.json:

- an order whose status is cancelled / closed / unpaid / voided / failed (or that has a
  cancellation time) is left out: its rows are counted under `rows_left_out`, and it adds
  nothing to revenue, orders or customers;
- a refunded order is a sale and a return of the same value; a partly refunded one is a
  sale and a return of the refunded amount (at most the order's merchandise);
- revenue = gross sales (Σ merchandise of the orders kept) + returns (≤ 0); shipping and
  tax are never revenue;
- customers = distinct buyers of the orders kept (0 when the export names no buyer);
- a second currency without a rate is left out and reported apart.

Synthetic data only: the real exports the sources quote hold buyers' personal data.
"""
import argparse
import csv
import datetime
import io
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CN_NAMES = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄婷", "周杰", "吴倩",
            "徐明", "孙丽"]
CN_NICKS = ["tb_xiaowang", "小李爱购物", "zhangwei88", "洋洋得意", "静静_2019", "磊哥",
            "minmin", "婷婷玉立", "jay周", "倩倩", "明明白白", "丽丽"]
EN_NAMES = ["Olivia Smith", "Liam Jones", "Emma Brown", "Noah Taylor", "Ava Wilson",
            "Lucas Davies", "Mia Evans", "Ethan Thomas", "Isla Roberts", "Leo Walker",
            "Amelia Wright", "Oscar Green"]
CN_PRODUCTS = [("SKU-TEA-01", "西湖龙井 250g", 168.00), ("SKU-CUP-02", "青花瓷茶杯 两只装", 59.90),
               ("SKU-HON-03", "土蜂蜜 500g", 45.50), ("SKU-SCA-04", "真丝围巾", 299.00),
               ("SKU-MAS-05", "玻尿酸面膜 10片", 89.00)]
EN_PRODUCTS = [("BLK-BEI-L", "Throw Blanket - Beige / Large", 99.00),
               ("MUG-CER-01", "Ceramic Mug", 14.50), ("CND-SOY-02", "Soy Candle - Lavender", 22.00),
               ("TEE-ORG-M", "Organic Cotton Tee - M", 28.00), ("BAG-TOT-03", "Canvas Tote", 18.75)]
PROVINCES = ["浙江省", "江苏省", "广东省", "上海", "北京"]
CITIES = ["杭州市", "南京市", "广州市", "上海市", "北京市"]


def cents(x):
    return int(round(x * 100))


def money(c):
    return f"{c / 100:.2f}"


class Order:
    """One order of the truth model: what the expected numbers are computed from."""

    def __init__(self, oid, buyer, day, lines, fate, refund_cents=0, shipping=0):
        self.oid, self.buyer, self.day = oid, buyer, day
        self.lines = lines          # [(sku, name, qty, unit_cents, discount_cents)]
        self.fate = fate            # sale | left_out | refunded | partial
        self.refund_cents = refund_cents
        self.shipping = shipping    # cents

    def merchandise(self):
        return sum(q * u - d for (_, _, q, u, d) in self.lines)


def shop(rng, n, products, buyers, fates, lines_per_order=(1, 3), start=(2024, 3)):
    """`n` orders; fates[i] is order i's fate (cycled)."""
    orders = []
    y, m = start
    for i in range(n):
        k = rng.randint(*lines_per_order)
        picks = rng.sample(products, k)
        lines = []
        for (sku, name, price) in picks:
            q = rng.randint(1, 3)
            disc = cents(price * 0.1) if rng.random() < 0.3 else 0
            lines.append((sku, name, q, cents(price), disc))
        fate = fates[i % len(fates)]
        o = Order(f"{1000 + i}", buyers[i % len(buyers)], (y, m, 1 + (i * 2) % 27, 9 + i % 10, (i * 7) % 60),
                  lines, fate, shipping=cents(rng.choice([0, 6, 8, 10])))
        if fate == "partial":
            o.refund_cents = max(1, o.merchandise() // 3)
        orders.append(o)
    return orders


def expected(orders, rows_of, buyer_known=True, currency="", extra=None):
    """The numbers Portrait must report for `orders` (see the module doc)."""
    kept = [o for o in orders if o.fate != "left_out"]
    gross = sum(o.merchandise() for o in kept)
    returns = 0
    refund_lines = 0
    for o in kept:
        if o.fate == "refunded":
            returns -= o.merchandise()
            refund_lines += rows_of(o)
        elif o.fate == "partial":
            returns -= min(o.refund_cents, o.merchandise())
            refund_lines += 1
    left_rows = sum(rows_of(o) for o in orders if o.fate == "left_out")
    out = {
        "orders": len(kept),
        "customers": len({o.buyer for o in kept if o.buyer}) if buyer_known else 0,
        "gross_sales_cents": gross,
        "returns_cents": returns,
        "revenue_cents": gross + returns,
        "rows_left_out": left_rows,
        "refund_lines": refund_lines,
        "currency": currency,
    }
    out.update(extra or {})
    return out


def ts(day, sep=" "):
    y, m, d, hh, mm = day
    return f"{y:04d}-{m:02d}-{d:02d}{sep}{hh:02d}:{mm:02d}:00"


def write_csv(path, header, rows, delimiter=",", encoding="utf-8", bom=False, quoting=csv.QUOTE_MINIMAL,
              before=(), after=()):
    buf = io.StringIO()
    for line in before:
        buf.write(line + "\r\n")
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    for line in after:
        buf.write(line + "\r\n")
    data = buf.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- Shopify
# Shopify Admin › Orders › Export (https://help.shopify.com/en/manual/orders/export-orders).
# Header of the current export (79 columns) as in real exports 2023–2026, e.g.
# github.com/paramxjyot/EDA-on-Sales-Data orders_export_1.csv. Financial Status values:
# https://help.shopify.com/en/manual/migrating-to-shopify/transporter-app/csv-orders .
# Extra line items of an order leave every order field blank but Name, Email, Created at
# and the Lineitem fields; a cancelled order has `Cancelled at` set.
SHOPIFY_HEADER = ("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,"
                  "Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,"
                  "Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,"
                  "Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,"
                  "Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,"
                  "Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,"
                  "Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,"
                  "Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,"
                  "Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,"
                  "Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,"
                  "Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,"
                  "Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
                  "Payment ID,Payment Terms Name,Next Payment Due At,Payment References").split(",")


def shopify(rng, out):
    buyers = [n.split()[0].lower() + "@example.com" for n in EN_NAMES]
    fates = ["sale", "sale", "left_out", "sale", "refunded", "partial", "sale", "left_out", "sale", "sale"]
    orders = shop(rng, 14, EN_PRODUCTS, buyers, fates)
    rows = []
    for i, o in enumerate(orders):
        created = ts(o.day) + " -0700"
        status, cancelled = "paid", ""
        if o.fate == "left_out":
            # a voided (cancelled before payment) order, then a pending (never paid) one
            status, cancelled = (("voided", ts(o.day) + " -0700") if i % 2 == 0 else ("pending", ""))
        elif o.fate == "refunded":
            status = "refunded"
        elif o.fate == "partial":
            status = "partially_refunded"
        sub = o.merchandise()
        for k, (sku, name, q, u, d) in enumerate(o.lines):
            r = {"Name": f"#{o.oid}", "Email": o.buyer, "Created at": created,
                 "Lineitem quantity": q, "Lineitem name": name, "Lineitem price": money(u),
                 "Lineitem sku": sku, "Lineitem requires shipping": "true", "Lineitem taxable": "true",
                 "Lineitem fulfillment status": "fulfilled", "Vendor": "Alpha Paw",
                 "Lineitem discount": money(d)}
            if k == 0:
                r.update({"Financial Status": status, "Paid at": created if status != "pending" else "",
                          "Fulfillment Status": "fulfilled", "Accepts Marketing": "no", "Currency": "USD",
                          "Subtotal": money(sub), "Shipping": money(o.shipping), "Taxes": money(sub // 20),
                          "Total": money(sub + o.shipping + sub // 20), "Discount Amount": "0.00",
                          "Shipping Method": "Standard", "Billing Name": EN_NAMES[i % 12],
                          "Shipping City": "Omaha", "Shipping Country": "US", "Cancelled at": cancelled,
                          "Payment Method": "Shopify Payments",
                          "Refunded Amount": money(o.refund_cents) if o.fate == "partial" else
                          (money(sub + o.shipping + sub // 20) if o.fate == "refunded" else "0.00"),
                          "Outstanding Balance": "0.00", "Id": str(5096919138484 + i), "Risk Level": "Low",
                          "Source": "web"})
            rows.append(r)
    write_csv(os.path.join(out, "shopify_orders_export.csv"), SHOPIFY_HEADER, rows)
    return expected(orders, lambda o: len(o.lines), currency="USD",
                    extra={"platform": "shopify.orders", "file": "shopify_orders_export.csv"})


# ---------------------------------------------------------------- WooCommerce
# Customer / Order / Coupon Export, format "Default – One Row per Item": the extension's
# source v5.5.0 (includes/class-wc-customer-order-csv-export-formats.php, a GPL copy at
# github.com/lafranceinsoumise/woocommerce-customer-order-csv-export) and
# https://woocommerce.com/document/ordercustomer-csv-export-developer-documentation/ ;
# statuses: WooCommerce's OrderStatus (the export writes them without `wc-`).
WOO_HEADER = ("order_id,order_number,date,status,shipping_total,shipping_tax_total,fee_total,fee_tax_total,"
              "tax_total,discount_total,order_total,refunded_total,order_currency,payment_method,"
              "shipping_method,customer_id,billing_first_name,billing_last_name,billing_company,"
              "billing_email,billing_phone,billing_address_1,billing_address_2,billing_postcode,billing_city,"
              "billing_state,billing_country,shipping_first_name,shipping_last_name,shipping_address_1,"
              "shipping_address_2,shipping_postcode,shipping_city,shipping_state,shipping_country,"
              "shipping_company,customer_note,item_id,item_product_id,item_name,item_sku,item_quantity,"
              "item_subtotal,item_subtotal_tax,item_total,item_total_tax,item_refunded,item_refunded_qty,"
              "item_meta,shipping_items,fee_items,tax_items,coupon_items,order_notes,"
              "download_permissions_granted").split(",")


def woocommerce(rng, out):
    buyers = [n.split()[1].lower() + "@mail.co.uk" for n in EN_NAMES]
    fates = ["sale", "left_out", "sale", "refunded", "sale", "partial", "left_out", "sale", "left_out", "sale"]
    orders = shop(rng, 12, EN_PRODUCTS, buyers, fates)
    rows = []
    left = iter(["cancelled", "pending", "failed", "on-hold"])
    for i, o in enumerate(orders):
        status = {"sale": "completed" if i % 3 else "processing", "refunded": "refunded",
                  "partial": "completed"}.get(o.fate) or next(left)
        total = o.merchandise() + o.shipping
        if o.fate == "partial":
            # a partial refund of the order's first item
            (_, _, q0, u0, d0) = o.lines[0]
            o.refund_cents = max(1, (q0 * u0 - d0) // 2)
        for k, (sku, name, q, u, d) in enumerate(o.lines):
            line = q * u - d
            refunded = o.refund_cents if (o.fate == "partial" and k == 0) else 0
            first, last = EN_NAMES[i % 12].split()
            rows.append({"order_id": 4100 + i, "order_number": 4100 + i, "date": ts(o.day), "status": status,
                         "shipping_total": money(o.shipping), "tax_total": "0.00", "discount_total": "0.00",
                         "order_total": money(total), "refunded_total": money(o.refund_cents),
                         "order_currency": "GBP", "payment_method": "stripe", "customer_id": 30 + i % 12,
                         "billing_first_name": first, "billing_last_name": last, "billing_email": o.buyer,
                         "billing_country": "GB", "shipping_city": "Leeds", "shipping_country": "GB",
                         "item_id": 900 + 10 * i + k, "item_product_id": 70 + k, "item_name": name,
                         "item_sku": sku, "item_quantity": q, "item_subtotal": money(q * u),
                         "item_total": money(line), "item_refunded": money(refunded) if refunded else "0.00",
                         "item_refunded_qty": 0})
    write_csv(os.path.join(out, "woocommerce_orders.csv"), WOO_HEADER, rows)
    return expected(orders, lambda o: len(o.lines), currency="GBP",
                    extra={"platform": "woocommerce.orders", "file": "woocommerce_orders.csv"})


# ---------------------------------------------------------------- eBay
# Seller Hub › Orders › Download report. eBay documents no column list; this is the header of
# a 2026 US report as github.com/randomecho/shifted-sales-report README.md gives it. A
# multi-item order has a summary row (no Item Number) before its item rows, whose buyer
# columns are blank; a blank line precedes the header and "record(s) downloaded" / "Seller ID"
# lines follow the data (jukibom/ebay2hermes, third-party parsers). No status column.
EBAY_HEADER = ("Sales Record Number,Order Number,Buyer Username,Buyer Name,Buyer Email,Buyer Note,Buyer Address 1,"
               "Buyer Address 2,Buyer City,Buyer State,Buyer Zip,Buyer Country,Buyer Tax Identifier Name,"
               "Buyer Tax Identifier Value,Ship To Name,Ship To Phone,Ship To Address 1,Ship To Address 2,"
               "Ship To City,Ship To State,Ship To Zip,Ship To Country,Item Number,Item Title,Custom Label,"
               "Sold Via Promoted Listings,Quantity,Sold For,Shipping And Handling,Item Location,Item Zip Code,"
               "Item Country,eBay Collect And Remit Tax Rate,eBay Collect And Remit Tax Type,eBay Reference Name,"
               "eBay Reference Value,Tax Status,Seller Collected Tax,eBay Collected Tax,"
               "Electronic Waste Recycling Fee,Mattress Recycling Fee,Battery Recycling Fee,"
               "White Goods Disposal Tax,Tire Recycling Fee,Additional Fee,Lumber Fee,Prepaid Wireless Fee,"
               "Road Improvement And Food Delivery Fee,eBay Collected Charges,Total Price,"
               "eBay Collected Tax and Fees Included in Total,Payment Method,Sale Date,Paid On Date,Ship By Date,"
               "Minimum Estimated Delivery Date,Maximum Estimated Delivery Date,Shipped On Date,Feedback Left,"
               "Feedback Received,My Item Note,PayPal Transaction ID,Shipping Service,Tracking Number,"
               "Transaction ID,Variation Details,Global Shipping Program,Global Shipping Reference ID,"
               "Click And Collect,Click And Collect Reference Number,eBay Plus,Authenticity Verification Program,"
               "Authenticity Verification Status,Authenticity Verification Outcome Reason,PSA Vault Program,"
               "Vault Fulfillment Type,eBay Fulfillment Program,Tax City,Tax State,Tax Zip,Tax Country,"
               "eBay International Shipping").split(",")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def ebay(rng, out):
    buyers = ["olivia_s", "liamj77", "emmab", "noah.t", "ava-w", "lucasd", "mia_e", "ethan_t"]
    orders = shop(rng, 10, [(s, n, p) for (s, n, p) in EN_PRODUCTS], buyers, ["sale"])
    orders = [Order(o.oid, o.buyer, o.day, [(s, n, q, u, 0) for (s, n, q, u, _) in o.lines], "sale")
              for o in orders]
    rows = []
    for i, o in enumerate(orders):
        y, m, d, _, _ = o.day
        day = f"{MONTHS[m - 1]}-{d:02d}-{y % 100:02d}"
        buyer = {"Buyer Username": o.buyer, "Buyer Name": EN_NAMES[i % 12], "Buyer Country": "United States",
                 "Ship To Name": EN_NAMES[i % 12], "Ship To City": "Denver", "Ship To Country": "United States",
                 "Payment Method": "PayPal", "Sale Date": day, "Paid On Date": day}
        common = {"Sales Record Number": 2001 + i, "Order Number": f"12-{10000 + i}-{20000 + i}"}
        if len(o.lines) > 1:
            rows.append({**common, **buyer, "Quantity": sum(q for (_, _, q, _, _) in o.lines),
                         "Sold For": "$" + money(o.merchandise()), "Shipping And Handling": "$4.99",
                         "Total Price": "$" + money(o.merchandise() + 499)})
            for (sku, name, q, u, _) in o.lines:
                rows.append({**common, "Item Number": str(285000000000 + [p[0] for p in EN_PRODUCTS].index(sku)), "Item Title": name,
                             "Custom Label": sku, "Quantity": q, "Sold For": "$" + money(u),
                             "Transaction ID": str(3000000000 + 17 * i)})
        else:
            (sku, name, q, u, _) = o.lines[0]
            rows.append({**common, **buyer, "Item Number": str(285000000000 + [p[0] for p in EN_PRODUCTS].index(sku)),
                         "Item Title": name, "Custom Label": sku, "Quantity": q, "Sold For": "$" + money(u),
                         "Shipping And Handling": "$4.99", "Total Price": "$" + money(q * u + 499),
                         "Transaction ID": str(3000000000 + 17 * i)})
    n = len(orders)
    write_csv(os.path.join(out, "ebay_orders_report.csv"), EBAY_HEADER, rows, before=[""],
              after=["", f"{n} record(s) downloaded,from {MONTHS[2]}-01-24 to {MONTHS[2]}-28-24", "Seller ID : alpha_paw_store"])
    return expected(orders, lambda o: len(o.lines), currency="USD",
                    extra={"platform": "ebay.orders", "file": "ebay_orders_report.csv"})


# ---------------------------------------------------------------- Etsy
# Shop Manager › Settings › Options › Download Data. Etsy publishes no column list; headers of
# real exports 2021–2023 (github.com/deborahkim1123/etsy_project EtsySoldOrders2022.csv) and
# 2020–2023 (github.com/sarahhe05/Starry-Sticker-Shop-Analysis EtsySoldOrderItems2021.csv).
# `Sale Date` is MM/DD/YY; an order's discount is written on one of its item rows.
ETSY_ORDERS_HEADER = ("Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,"
                      "Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,"
                      "Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,"
                      "Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,"
                      "Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,"
                      "InPerson Discount,InPerson Location,SKU").split(",")
ETSY_ITEMS_HEADER = ("Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Coupon Details,Discount Amount,"
                     "Shipping Discount,Order Shipping,Order Sales Tax,Item Total,Currency,Transaction ID,Listing ID,"
                     "Date Paid,Date Shipped,Ship Name,Ship Address1,Ship Address2,Ship City,Ship State,"
                     "Ship Zipcode,Ship Country,Order ID,Variations,Order Type,Listings Type,Payment Type,"
                     "InPerson Discount,InPerson Location,VAT Paid by Buyer,SKU").split(",")


def etsy(rng, out):
    buyers = ["starrystickers", "", "journaljoy", "penpal_pat", "", "craftycat", "plannerlove", "washi_w"]
    orders = shop(rng, 12, EN_PRODUCTS, buyers, ["sale"], start=(2022, 12))
    # the order discount is a coupon on the whole order, written on its first item row
    for o in orders:
        o.lines = [(s, n, q, u, 0) for (s, n, q, u, _) in o.lines]
        o.order_discount = cents(2.0) if int(o.oid) % 3 == 0 else 0
    for o in orders:
        (s, n, q, u, d) = o.lines[0]
        o.lines[0] = (s, n, q, u, o.order_discount)
    # guests have no Buyer User ID; Etsy still names them in `Buyer` (the fallback)
    names = {o.oid: EN_NAMES[int(o.oid) % 12] for o in orders}
    order_rows, item_rows = [], []
    for o in orders:
        y, m, d, _, _ = o.day
        day = f"{m:02d}/{d:02d}/{y % 100:02d}"
        value = sum(q * u for (_, _, q, u, _) in o.lines)
        full = names[o.oid]
        order_rows.append({"Sale Date": day, "Order ID": 2741189941 + int(o.oid), "Buyer User ID": o.buyer,
                           "Full Name": full, "First Name": full.split()[0], "Last Name": full.split()[1],
                           "Number of Items": sum(q for (_, _, q, _, _) in o.lines), "Payment Method": "Credit Card",
                           "Ship City": "Chicago", "Ship State": "IL", "Ship Country": "United States",
                           "Currency": "USD", "Order Value": money(value),
                           "Coupon Code": "THANKYOU2021" if o.order_discount else "",
                           "Discount Amount": money(o.order_discount), "Shipping Discount": "0.00",
                           "Shipping": money(o.shipping), "Sales Tax": "0",
                           "Order Total": money(value - o.order_discount + o.shipping), "Status": "",
                           "Buyer": full, "Order Type": "online", "Payment Type": "online_cc"})
        for k, (sku, name, q, u, disc) in enumerate(o.lines):
            item_rows.append({"Sale Date": day, "Item Name": name, "Buyer": o.buyer or full, "Quantity": q,
                              "Price": money(u), "Coupon Code": "THANKYOU2021" if o.order_discount else "",
                              "Discount Amount": money(disc) if k == 0 else "0",
                              "Shipping Discount": "0", "Order Shipping": money(o.shipping) if k == 0 else "0",
                              "Order Sales Tax": "0", "Item Total": money(q * u), "Currency": "USD",
                              "Transaction ID": 2184962446 + 10 * int(o.oid) + k, "Listing ID": 826037724 + k,
                              "Ship Name": full, "Ship Country": "United States",
                              "Order ID": 2741189941 + int(o.oid), "Order Type": "online",
                              "Listings Type": "listing", "Payment Type": "online_cc"})
    write_csv(os.path.join(out, "EtsySoldOrders2022.csv"), ETSY_ORDERS_HEADER, order_rows)
    write_csv(os.path.join(out, "EtsySoldOrderItems2022.csv"), ETSY_ITEMS_HEADER, item_rows)
    # the buyer of a guest order is its `Buyer` cell
    for o in orders:
        if not o.buyer:
            o.buyer = names[o.oid]
    e_orders = expected(orders, lambda o: 1, currency="USD",
                        extra={"platform": "etsy.orders", "file": "EtsySoldOrders2022.csv"})
    e_items = expected(orders, lambda o: len(o.lines), currency="USD",
                       extra={"platform": "etsy.order_items", "file": "EtsySoldOrderItems2022.csv"})
    return [e_orders, e_items]


# ---------------------------------------------------------------- Amazon
# Seller Central All Orders report (SP-API GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL,
# https://developer-docs.amazon.com/sp-api/docs/order-reports-attributes): tab-separated, one
# row per item, `item-price` the line's total, the currency per row, no buyer. Header order of
# github.com/caponica/AmazonMwsComplete ReportFbaSalesAllByLastUpdateFlatFile.php.
AMAZON_HEADER = ("amazon-order-id,merchant-order-id,purchase-date,last-updated-date,order-status,fulfillment-channel,"
                 "sales-channel,order-channel,url,ship-service-level,product-name,sku,asin,item-status,quantity,"
                 "currency,item-price,item-tax,shipping-price,shipping-tax,gift-wrap-price,gift-wrap-tax,"
                 "item-promotion-discount,ship-promotion-discount,ship-city,ship-state,ship-postal-code,"
                 "ship-country,promotion-ids,is-business-order,purchase-order-number,price-designation").split(",")


def amazon(rng, out):
    fates = ["sale", "sale", "left_out", "sale", "refunded", "sale", "left_out", "sale"]
    orders = shop(rng, 12, EN_PRODUCTS, [""], fates)
    rows = []
    eur = {"lines": 0, "cents": 0}
    for i, o in enumerate(orders):
        status = {"sale": "Shipped", "refunded": "Shipped - Returned to Seller"}.get(o.fate) or \
            ("Cancelled" if i % 2 else "Pending")
        oid = f"058-{3718414 + i:07d}-{463502 + i:07d}"
        for (sku, name, q, u, d) in o.lines:
            rows.append({"amazon-order-id": oid, "purchase-date": ts(o.day, "T") + "+00:00",
                         "last-updated-date": ts(o.day, "T") + "+00:00", "order-status": status,
                         "fulfillment-channel": "Amazon", "sales-channel": "Amazon.com", "ship-service-level": "Standard",
                         "product-name": name, "sku": sku, "asin": "B0" + sku.replace("-", "")[:8],
                         "item-status": "Cancelled" if status == "Cancelled" else "Shipped", "quantity": q,
                         "currency": "USD", "item-price": money(q * u),
                         "item-tax": "", "shipping-price": "4.99",
                         "item-promotion-discount": ("-" + money(d)) if d else "",
                         "ship-city": "SEATTLE", "ship-state": "WA", "ship-postal-code": "98101",
                         "ship-country": "US", "is-business-order": "false"})
    # two lines sold on Amazon.de, in euros: a second currency, left out without a rate
    for j, (sku, name, price) in enumerate(EN_PRODUCTS[:2]):
        rows.append({"amazon-order-id": f"302-{5500000 + j:07d}-{1200000 + j:07d}",
                     "purchase-date": "2024-03-20T10:00:00+00:00", "last-updated-date": "2024-03-21T10:00:00+00:00",
                     "order-status": "Shipped", "fulfillment-channel": "Amazon", "sales-channel": "Amazon.de",
                     "product-name": name, "sku": sku, "item-status": "Shipped", "quantity": 1, "currency": "EUR",
                     "item-price": money(cents(price)), "ship-city": "BERLIN", "ship-country": "DE",
                     "is-business-order": "false"})
        eur["lines"] += 1
        eur["cents"] += cents(price)
    write_csv(os.path.join(out, "amazon_all_orders.txt"), AMAZON_HEADER, rows, delimiter="\t",
              quoting=csv.QUOTE_NONE)
    e = expected(orders, lambda o: len(o.lines), buyer_known=False, currency="USD",
                 extra={"platform": "amazon.all_orders", "file": "amazon_all_orders.txt",
                        "other_currency": {"code": "EUR", "lines": eur["lines"], "value_cents": eur["cents"]}})
    e["rows_left_out"] += eur["lines"]
    return e


# ---------------------------------------------------------------- Shopee
# Seller Centre › My Orders › Export (XLSX). Shopee publishes no column list; the English
# header of the Singapore export as an importer reads it (the SG column list quoted by
# github.com/ComaGear/shopeesalescoverter and two other importers). One row per item; no
# currency column — the shop's country decides it; `Return / Refund Status` beside the status.
SHOPEE_HEADER = ["Order ID", "Order Status", "Cancel reason", "Return / Refund Status", "Tracking Number*",
                 "Shipping Option", "Shipment Method", "Estimated Ship Out Date", "Ship Time", "Order Creation Date",
                 "Order Paid Time", "Parent SKU Reference No.", "Product Name", "SKU Reference No.", "Variation Name",
                 "Original Price", "Deal Price", "Quantity", "Returned quantity", "Product Subtotal", "Seller Rebate",
                 "Seller Discount", "Shopee Rebate", "SKU Total Weight", "No of product in order",
                 "Order Total Weight", "Voucher Code", "Seller Voucher", "Seller Absorbed Coin Cashback",
                 "Shopee Voucher", "Bundle Deal Indicator", "Shopee Bundle Discount", "Seller Bundle Discount",
                 "Shopee Coins Offset", "Credit Card Discount Total", "Total Amount", "Buyer Paid Shipping Fee",
                 "Shipping Rebate Estimate", "Reverse Shipping Fee", "Transaction Fee(Incl. GST)",
                 "Commission Fee (Incl. GST)", "Service Fee (incl. GST)", "Grand Total", "Estimated Shipping Fee",
                 "Username (Buyer)", "Receiver Name", "Phone Number", "Delivery Address", "Town", "District", "City",
                 "Province", "Country", "Zip Code", "Remark from buyer", "Order Complete Time", "Note"]


def shopee(rng, out, country, city, file, seed_offset, n):
    from openpyxl import Workbook

    buyers = ["tan.mei", "ahmad_r", "siti88", "kevinlim", "priya.k", "weiming", "nurul_a", "jasonng"]
    fates = ["sale", "sale", "left_out", "refunded", "sale", "left_out", "sale"]
    orders = shop(random.Random(seed_offset), n, EN_PRODUCTS, buyers, fates, lines_per_order=(1, 2))
    wb = Workbook()
    ws = wb.active
    ws.title = "orders"
    ws.append(SHOPEE_HEADER)
    for i, o in enumerate(orders):
        status = {"sale": "Completed", "refunded": "Completed"}.get(o.fate) or ("Cancelled" if i % 2 else "Unpaid")
        refund = "Request Approved" if o.fate == "refunded" else ""
        for (sku, name, q, u, d) in o.lines:
            deal = u - (d // q if q else 0)
            line = q * u - d
            r = {"Order ID": f"2406{120000 + i}{country[:2].upper()}", "Order Status": status,
                 "Cancel reason": "Canceled by buyer" if status == "Cancelled" else "",
                 "Return / Refund Status": refund, "Order Creation Date": f"2024-06-{1 + i % 27:02d} 07:{i % 60:02d}",
                 "Product Name": name, "SKU Reference No.": sku, "Original Price": money(u), "Deal Price": money(deal),
                 "Quantity": q, "Returned quantity": q if refund else 0, "Product Subtotal": money(line),
                 "Total Amount": money(o.merchandise() + 300), "Buyer Paid Shipping Fee": "3.00",
                 "Username (Buyer)": o.buyer, "Receiver Name": EN_NAMES[i % 12], "Phone Number": "******89",
                 "City": city, "Country": country}
            ws.append([r.get(h, "") for h in SHOPEE_HEADER])
    # fixed timestamps, so the workbook is byte-stable across runs (`make fixtures` diffs it)
    wb.properties.created = datetime.datetime(2024, 6, 30)
    wb.properties.modified = datetime.datetime(2024, 6, 30)
    wb.save(os.path.join(out, file))
    code = {"Singapore": "SGD", "Malaysia": "MYR"}[country]
    return expected(orders, lambda o: len(o.lines), currency=code,
                    extra={"platform": "shopee.orders", "file": file})


# ---------------------------------------------------------------- Lazada
# Seller Center › Orders › Export, the camelCase header as importers read it
# (github.com/plurantee/posms ExcelFileService.java). One row per unit, no quantity or
# currency column; statuses as Lazada's seller help describes them (`canceled`, `returned`).
LAZADA_HEADER = ("orderItemId,orderType,Guarantee,deliveryType,lazadaId,sellerSku,lazadaSku,wareHouse,createTime,"
                 "updateTime,rtsSla,ttsSla,orderNumber,invoiceRequired,invoiceNumber,deliveredDate,customerName,"
                 "customerEmail,nationalRegistrationNumber,shippingName,shippingAddress,shippingAddress2,"
                 "shippingAddress3,shippingAddress4,shippingAddress5,shippingPhone,shippingPhone2,shippingCity,"
                 "shippingPostCode,shippingCountry,shippingRegion,billingName,billingAddr,billingAddr2,billingAddr3,"
                 "billingAddr4,billingAddr5,billingPhone,billingPhone2,billingCity,billingPostCode,billingCountry,"
                 "taxCode,branchNumber,taxInvoiceRequested,payMethod,paidPrice,unitPrice,sellerDiscountTotal,"
                 "shippingFee,walletCredit,itemName,variation,cdShippingProvider,shippingProvider,shipmentTypeName,"
                 "shippingProviderType,cdTrackingCode,trackingCode,trackingUrl,shippingProviderFM,trackingCodeFM,"
                 "promisedShippingTime,premium,status,buyerFailedDeliveryReturnInitiator,buyerFailedDeliveryReason,"
                 "buyerFailedDeliveryDetail,buyerFailedDeliveryUserName,bundleId,bundleDiscount,refundAmount").split(",")


def lazada(rng, out):
    emails = ["maria.santos@gmail.com", "", "jose.reyes@yahoo.com", "ana.cruz@gmail.com", "mark.lim@outlook.com"]
    fates = ["sale", "left_out", "sale", "refunded", "sale", "sale", "left_out"]
    orders = shop(rng, 10, EN_PRODUCTS, emails, fates, lines_per_order=(1, 2))
    rows = []
    item = 0
    for i, o in enumerate(orders):
        status = {"sale": "delivered" if i % 2 else "shipped", "refunded": "returned"}.get(o.fate) or "canceled"
        name = EN_NAMES[i % 12]
        # one row per unit: a line of quantity q is q rows of its unit's paid price
        units = []
        for (sku, pname, q, u, d) in o.lines:
            for k in range(q):
                units.append((sku, pname, u, d if k == 0 else 0))
        o.lines = [(sku, pname, 1, u, d) for (sku, pname, u, d) in units]
        day, month = 1 + (2 * i) % 27, "Jul"
        for (sku, pname, _, u, d) in o.lines:
            item += 1
            rows.append({"orderItemId": 37000000 + item, "orderType": "Normal", "lazadaId": 2000 + item,
                         "sellerSku": sku, "lazadaSku": f"{sku}-PH", "createTime": f"{day:02d} {month} 2022 11:{i:02d}",
                         "updateTime": f"{day:02d} {month} 2022 12:00", "orderNumber": 611000000000 + i,
                         "customerName": name, "customerEmail": o.buyer, "shippingName": name,
                         "shippingCity": "Quezon City", "shippingCountry": "Philippines", "payMethod": "COD",
                         "paidPrice": money(u - d), "unitPrice": money(u), "sellerDiscountTotal": money(d),
                         "shippingFee": "38.00", "itemName": pname, "status": status,
                         "refundAmount": money(u - d) if status == "returned" else "0.00"})
        # the buyer of an order without an email is its customer name (the fallback)
        if not o.buyer:
            o.buyer = name
    write_csv(os.path.join(out, "lazada_orders.csv"), LAZADA_HEADER, rows)
    return expected(orders, lambda o: len(o.lines), currency="PHP",
                    extra={"platform": "lazada.orders", "file": "lazada_orders.csv"})


# ---------------------------------------------------------------- Taobao / Tmall
# 千牛 › 交易 › 订单报表 (ExportOrderList*.csv, GBK, one row per order, 订单编号 written as
# ="…", several headers with a trailing space). Taobao publishes no column list; the 2018
# header as a pandas importer reads it (names list) and github.com/harperjiang/harper-bookstore
# TaobaoCSVImportController.java (status texts). 买家实际支付金额 includes postage.
TAOBAO_HEADER = ["订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额",
                 "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址 ",
                 "运送方式", "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ", "宝贝标题 ", "宝贝种类 ",
                 "物流单号 ", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费",
                 "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息", "特权订金订单id", "是否上传合同照片",
                 "是否上传小票", "是否代付", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣",
                 "集分宝抵扣", "是否是O2O交易", "新零售交易类型", "新零售导购门店名称", "新零售导购门店id",
                 "新零售发货门店名称", "新零售发货门店id", "退款金额", "预约门店", "确认收货时间", "打款商家金额",
                 "含应开票给个人的个人红包"]


def taobao(rng, out):
    fates = ["sale", "left_out", "sale", "partial", "sale", "left_out", "sale", "sale", "left_out"]
    orders = shop(rng, 12, CN_PRODUCTS, CN_NICKS, fates)
    rows = []
    left = iter(["交易关闭", "等待买家付款", "交易关闭", "没有创建支付宝交易"])
    for i, o in enumerate(orders):
        status = "交易成功" if o.fate in ("sale", "partial") else next(left)
        if o.fate == "sale" and i % 4 == 2:
            status = "卖家已发货，等待买家确认"
        goods = o.merchandise()
        paid = goods + o.shipping
        titles = "，".join(n for (_, n, _, _, _) in o.lines)
        rows.append({"订单编号": f'="{1930679858170647 + 1000 * i}"', "买家会员名": o.buyer,
                     "买家支付宝账号": f"{o.buyer}@qq.com", "买家应付货款": money(goods),
                     "买家应付邮费": money(o.shipping), "买家支付积分": "0", "总金额": money(paid), "返点积分": "0",
                     "买家实际支付金额": money(paid if status != "等待买家付款" else paid), "买家实际支付积分": "0",
                     "订单状态": status, "收货人姓名": CN_NAMES[i % 12],
                     "收货地址 ": f"{PROVINCES[i % 5]} {CITIES[i % 5]} 西湖区 文三路{i + 1}号(310000)",
                     "运送方式": "快递", "联系手机": f"'1380013{i:04d}", "订单创建时间": ts(o.day),
                     "订单付款时间 ": ts(o.day) if status not in ("等待买家付款", "没有创建支付宝交易") else "",
                     "宝贝标题 ": titles, "宝贝种类 ": len(o.lines), "宝贝总数量": sum(q for (_, _, q, _, _) in o.lines),
                     "店铺名称": "西湖茶舍", "订单关闭原因": "订单未关闭" if status != "交易关闭" else "买家不想买了",
                     "是否手机订单": "手机订单", "退款金额": money(o.refund_cents)})
    write_csv(os.path.join(out, "ExportOrderList202403011200.csv"), TAOBAO_HEADER, rows, encoding="gb18030",
              quoting=csv.QUOTE_MINIMAL)
    # 宝贝报表: the same orders' lines (价格 the unit price, no discount allocated to lines)
    item_rows = []
    for i, o in enumerate(orders):
        status = rows[i]["订单状态"]
        for (sku, name, q, u, d) in o.lines:
            item_rows.append({"订单编号": f'="{1930679858170647 + 1000 * i}"', "标题": name, "价格": money(u),
                              "购买数量": q, "外部系统编号": "", "商品属性": "颜色分类：默认", "套餐信息": "",
                              "备注": "", "订单状态": status, "商家编码": sku})
    write_csv(os.path.join(out, "ExportOrderDetailList202403011200.csv"), TAOBAO_ITEMS_HEADER, item_rows,
              encoding="gb18030")
    alone = expected(orders, lambda o: 1, currency="CNY",
                     extra={"platform": "taobao.orders", "file": "ExportOrderList202403011200.csv"})
    # the two reports joined: lines from 宝贝报表 at their unit price, refunds from 订单报表
    # (capped at the order's merchandise as 订单报表 gives it: paid less postage)
    kept = [o for o in orders if o.fate != "left_out"]
    gross = sum(q * u for o in kept for (_, _, q, u, _) in o.lines)
    returns = -sum(min(o.refund_cents, o.merchandise()) for o in kept if o.fate == "partial")
    left = [o for o in orders if o.fate == "left_out"]
    pair = {
        "platform": "taobao.order_items", "files": ["ExportOrderList202403011200.csv",
                                                    "ExportOrderDetailList202403011200.csv"],
        "orders": len(kept), "customers": len({o.buyer for o in kept}), "gross_sales_cents": gross,
        "returns_cents": returns, "revenue_cents": gross + returns,
        "rows_left_out": len(left) + sum(len(o.lines) for o in left),
        "refund_lines": sum(1 for o in kept if o.fate == "partial"), "currency": "CNY",
    }
    return alone, pair


# 宝贝报表 (ExportOrderDetailList*.csv, GBK, one row per line): the 10 columns of the 2018 export
# as the same importers read them (harper-bookstore reads 0 订单编号, 1 标题, 2 价格, 3 购买数量,
# 9 商家编码); no buyer and no date — those are in 订单报表, joined on 订单编号.
TAOBAO_ITEMS_HEADER = ["订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态",
                       "商家编码"]


# ---------------------------------------------------------------- JD
# 京东商家后台 › 订单导出 (GBK CSV, one row per order line; 京东价 the unit price). JD publishes no
# column list; the header of a real 2015 export quoted in
# github.com/howenx/sharp-admin app/controllers/SaleCtrl.java; statuses as JD's status enum
# in an importer (等待出库, 等待确认收货, 完成, 取消, and the `(删除)` prefix).
JD_HEADER = ["订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额", "余额支付",
             "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型",
             "发票抬头", "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间", "增值税发票",
             "货号", "订单完成时间", "订单来源", "订单渠道"]


def jd(rng, out):
    pins = ["jd_wangfang", "lina1988", "zhangwei_jd", "liuyang66", "chenjing", "yanglei"]
    fates = ["sale", "sale", "left_out", "sale", "left_out", "sale", "sale"]
    orders = shop(rng, 12, CN_PRODUCTS, pins, fates)
    for o in orders:
        o.lines = [(s, n, q, u, 0) for (s, n, q, u, _) in o.lines]
    rows = []
    left = iter(["取消", "(删除)等待出库", "取消", "(删除)锁定"])
    for i, o in enumerate(orders):
        status = ["完成", "等待确认收货", "等待出库"][i % 3] if o.fate == "sale" else next(left)
        total = o.merchandise()
        for (sku, name, q, u, _) in o.lines:
            rows.append({"订单号": 11729384072 + i, "商品ID": 1953814331 + CN_PRODUCTS.index(
                next(p for p in CN_PRODUCTS if p[0] == sku)), "商品名称": name, "订购数量": q,
                "支付方式": "在线支付", "下单时间": ts(o.day), "京东价": money(u), "订单金额": money(total),
                "结算金额": money(total), "余额支付": "0.00", "应付金额": money(total + o.shipping),
                "订单状态": status, "订单类型": "销售订单", "下单帐号": o.buyer, "客户姓名": CN_NAMES[i % 12],
                "客户地址": f"{PROVINCES[i % 5]}{CITIES[i % 5]}中山路{i + 8}号", "联系电话": f"1376711{i:04d}",
                "运费金额": money(o.shipping), "付款确认时间": ts(o.day), "订单来源": "移动端订单", "订单渠道": "暂无来源"})
    write_csv(os.path.join(out, "jd_orders.csv"), JD_HEADER, rows, encoding="gb18030")
    return expected(orders, lambda o: len(o.lines), currency="CNY",
                    extra={"platform": "jd.orders", "file": "jd_orders.csv"})


# ---------------------------------------------------------------- Pinduoduo
# 拼多多商家后台 › 订单查询 › 导出 (CSV, one row per order of one product, cells written after a
# tab). Pinduoduo publishes no column list; the 2020 header as a Go importer's table mirrors it
# (github.com/jiangtaozy/pdd-management-api database/item-order.go, positions confirmed by a
# second importer); statuses and 售后状态 as importers map them. No buyer account.
PDD_HEADER = ["商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "邮费(元)",
              "上门安装费(元)", "送货入户费(元)", "送货入户并安装费(元)", "用户实付金额(元)", "商家实收金额(元)",
              "商品数量(件)", "身份证姓名", "身份证号码", "收货人", "手机", "是否审核中", "省", "市", "区", "街道",
              "支付时间", "拼单成功时间", "订单确认时间", "承诺发货时间", "发货时间", "确认收货时间", "商品id", "商品规格",
              "用户购买手机号", "样式ID", "商家编码-SKU维度", "商家编码-商品维度", "快递单号", "快递公司", "海淘清关订单号",
              "支付ID", "支付方式", "是否抽奖或0元试用", "是否顺丰加价", "商家备注", "售后状态", "买家留言", "关联货品编码",
              "货品名称", "货品类型", "子货品", "仓库名称", "仓库所在地址", "是否门店自提", "门店名称", "门店自定义编码",
              "旅行类信息", "消费者资料"]


def pinduoduo(rng, out):
    fates = ["sale", "sale", "left_out", "refunded", "sale", "left_out", "sale"]
    orders = shop(rng, 12, CN_PRODUCTS, [""], fates, lines_per_order=(1, 1))
    rows = []
    left = iter(["已取消", "待支付", "已取消", "待支付"])
    for i, o in enumerate(orders):
        (sku, name, q, u, d) = o.lines[0]
        if o.fate == "sale":
            status, after = ["已签收", "待发货", "已发货，待签收"][i % 3], "无售后或售后取消"
        elif o.fate == "refunded":
            status, after = "已签收，退款成功", "退款成功"
        else:
            status, after = next(left), "无售后或售后取消"
        paid = q * u - d + o.shipping
        t = "\t"
        rows.append({"商品": name, "订单号": f"{t}200508-{430000000000000 + i}", "订单状态": status,
                     "商品总价(元)": money(q * u), "店铺优惠折扣(元)": money(d), "平台优惠折扣(元)": "0",
                     "邮费(元)": money(o.shipping), "用户实付金额(元)": money(paid), "商家实收金额(元)": money(paid),
                     "商品数量(件)": f"{t}{q}", "收货人": CN_NAMES[i % 12], "手机": f"1387677{i:04d}",
                     "省": PROVINCES[i % 5], "市": CITIES[i % 5], "区": "西湖区",
                     "支付时间": "" if status == "待支付" else f"{t}{ts(o.day)}",
                     "拼单成功时间": "" if status == "待支付" else f"{t}{ts(o.day)}",
                     "商品id": f"{t}{100000 + CN_PRODUCTS.index(next(p for p in CN_PRODUCTS if p[0] == sku))}",
                     "商品规格": "默认", "样式ID": f"{t}{500000 + i}", "商家编码-SKU维度": sku, "支付方式": "微信",
                     "售后状态": after})
    write_csv(os.path.join(out, "pinduoduo_orders.csv"), PDD_HEADER, rows)
    return expected(orders, lambda o: 1, buyer_known=False, currency="CNY",
                    extra={"platform": "pinduoduo.orders", "file": "pinduoduo_orders.csv"})


# ---------------------------------------------------------------- Douyin
# 抖店 › 订单管理 › 批量导出 (CSV, UTF-8 with BOM, one row per sub-order, ids after a tab, `-`
# for empty; buyer fields encrypted). Douyin publishes no column list (its help page, mirrored
# at http://gtc8.cn/baike/i103939.html, says CSV and the two dimensions); the columns as the
# importer of github.com/tong2/cool-admin-midway src/modules/finance/service/orders.ts reads them.
DOUYIN_HEADER = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额",
                 "运费", "优惠总金额", "平台优惠", "商家优惠", "达人优惠", "商家改价", "支付优惠", "红包抵扣", "支付方式",
                 "手续费", "收件人", "收件人手机号", "省", "市", "区", "街道", "详细地址", "是否修改过地址", "买家留言",
                 "订单提交时间", "旗帜颜色", "商家备注", "订单完成时间", "支付完成时间", "APP渠道", "流量来源", "订单状态",
                 "承诺发货时间", "订单类型", "鲁班落地页ID", "达人ID", "达人昵称", "所属门店ID", "售后状态", "取消原因",
                 "预约发货时间", "仓库ID", "仓库名称", "是否安心购", "广告渠道", "流量类型", "流量体裁", "流量渠道", "发货主体",
                 "发货主体明细", "发货时间", "降价类优惠", "平台实际承担优惠金额", "商家实际承担优惠金额", "达人实际承担优惠金额",
                 "预计送达时间", "是否平台仓自流转", "车型", "预约送达时间", "建议发货时间（起）", "建议发货时间（止）"]


def douyin(rng, out):
    fates = ["sale", "refunded", "sale", "left_out", "sale", "sale", "left_out"]
    orders = shop(rng, 11, CN_PRODUCTS, [""], fates, lines_per_order=(1, 2))
    rows = []
    for i, o in enumerate(orders):
        if o.fate == "sale":
            status, after = ["已完成", "已发货", "备货中"][i % 3], "-"
            if i % 4 == 0:
                after = "售后关闭"
        elif o.fate == "refunded":
            status, after = "已完成", "同意退款，退款成功"
        else:
            status, after = "已关闭", "-"
        main = 6917926768823643751 + 100 * i
        for k, (sku, name, q, u, d) in enumerate(o.lines):
            sub = main if len(o.lines) == 1 else main + k + 1
            rows.append({"主订单编号": f"\t{main}", "子订单编号": f"\t{sub}", "选购商品": name, "商品规格": "默认",
                         "商品数量": q, "商品ID": f"\t{3500000000 + k}", "商家编码": f"\t{sku}",
                         "商品单价": money(u), "订单应付金额": money(q * u - d), "运费": "0.00",
                         "优惠总金额": money(d), "平台优惠": "0.00", "商家优惠": money(d), "支付方式": "抖音支付",
                         "收件人": "##密文", "收件人手机号": "$$密文", "省": PROVINCES[i % 5], "市": CITIES[i % 5],
                         "区": "西湖区", "详细地址": "##密文", "订单提交时间": ts(o.day),
                         "订单完成时间": ts(o.day) if status == "已完成" else "-",
                         "支付完成时间": ts(o.day) if status != "已关闭" else "-", "APP渠道": "抖音",
                         "流量来源": "直播", "订单状态": status, "售后状态": after,
                         "取消原因": "超时未支付" if status == "已关闭" else "-"})
    write_csv(os.path.join(out, "douyin_orders.csv"), DOUYIN_HEADER, rows, bom=True)
    return expected(orders, lambda o: len(o.lines), buyer_known=False, currency="CNY",
                    extra={"platform": "douyin.orders", "file": "douyin_orders.csv"})


# ---------------------------------------------------------------- Youzan
# 有赞 › 订单 › 导出 订单维度 (CSV, UTF-8 with BOM, one row per order). Youzan publishes no column
# list; the header of an export mirrored in github.com/srafyhucl-cpu/yunxibakebot
# tests/scripts/test_audit_youzan_customer_migration.py; 订单退款状态 values as
# github.com/LiwinLi23/HelloJava PurchasedCustomerModel.java lists them.
YOUZAN_HEADER = ("订单号,销售渠道,归属店铺,订单类型,订单状态,推广方式,订单来源,订单创建时间,买家付款时间,交易成功时间,付款方式,"
                 "支付流水号,商品金额合计,运费,店铺优惠合计,应收订单金额,订单实付金额,支付优惠合计,订单实收金额,订单抵用积分数,"
                 "店铺优惠方式,支付优惠方式,全部商品名称,商品种类数,订单配送方式,同城送达时间/提货时间,收货人省份,收货人城市,"
                 "收货人地区,详细收货地址/提货地址,收货人/提货人,收货人手机号/提货人手机号,买家备注,订单星级,买家昵称,"
                 "买家是否会员,买家手机号,下单网点,收银员,分销员,销售导购,专属导购,订单退款状态,订单已退款金额,商家订单备注,"
                 "桌号,挂账主体,挂账手机号,团长订单,订单风险标签,分销员,分销员手机号,分销员所属店铺,分销员所属团队,"
                 "分销员所属分组,分销员等级,订单佣金类型,订单佣金金额,订单下级卖货提成类型,订单下级卖货提成金额").split(",")


def youzan(rng, out):
    phones = ["13800138000", "186******05", "13912345678", "15088886666", "186******05", "13700001111"]
    fates = ["sale", "partial", "sale", "left_out", "refunded", "sale", "left_out"]
    orders = shop(rng, 12, CN_PRODUCTS, phones, fates)
    rows = []
    left = iter(["交易关闭", "待付款", "交易关闭"])
    for i, o in enumerate(orders):
        nick = CN_NICKS[i % 12]
        if o.fate in ("sale", "partial", "refunded"):
            status = ["交易完成", "已发货", "待发货"][i % 3]
        else:
            status = next(left)
        refund = {"partial": "退款成功（部分退款）", "refunded": "退款成功（全额退款）"}.get(o.fate, "")
        goods = o.merchandise()
        paid = goods + o.shipping
        rows.append({"订单号": f"E2026052522054306{5306 + i:04d}", "销售渠道": "网店", "归属店铺": "芸熙烘焙",
                     "订单类型": "普通订单", "订单状态": status, "订单来源": "商家小程序", "订单创建时间": ts(o.day),
                     "买家付款时间": ts(o.day) if status != "待付款" else "", "付款方式": "微信支付",
                     "商品金额合计": money(goods), "运费": money(o.shipping), "店铺优惠合计": "0",
                     "应收订单金额": money(paid), "订单实付金额": money(paid), "支付优惠合计": "0.00",
                     "订单实收金额": money(paid), "全部商品名称": "，".join(f"{n}({q}件)" for (_, n, q, _, _) in o.lines),
                     "商品种类数": len(o.lines), "订单配送方式": "快递发货", "收货人省份": PROVINCES[i % 5],
                     "收货人城市": CITIES[i % 5], "收货人地区": "西湖区", "收货人/提货人": CN_NAMES[i % 12],
                     "收货人手机号/提货人手机号": o.buyer, "买家昵称": nick, "买家是否会员": "是", "买家手机号": o.buyer,
                     "订单退款状态": refund, "订单已退款金额": money(o.refund_cents) if o.fate == "partial" else
                     (money(paid) if o.fate == "refunded" else "0.00"), "团长订单": "否", "订单风险标签": "——"})
        # a masked phone is no identity: the buyer is the nickname (the fallback)
        if "**" in o.buyer:
            o.buyer = nick
    write_csv(os.path.join(out, "youzan_orders.csv"), YOUZAN_HEADER, rows, bom=True)
    return expected(orders, lambda o: 1, currency="CNY",
                    extra={"platform": "youzan.orders", "file": "youzan_orders.csv"})


# ---------------------------------------------------------------- Weidian
# 微店 has no fixture and no profile: no public source of its order export's header was found
# (Weidian's help pages and public importers were searched on 2026-12-02), and a layout is never
# invented. src/ingest/platforms/china.rs says the same.


# ---------------------------------------------------------------- Kuaishou
# 快手小店 › 订单 › 导出. Kuaishou publishes no column list; the header an importer checks
# uploaded exports against (github.com/KevinFan1/FinEngine backend/app/tasks/processors/
# kuaishou.py KUAISHOU_ORDER_HEADERS). Only 交易成功 and 已发货 are documented as its status
# values, so this shop has no cancelled or refunded orders; one item per order (the export's
# grain is not documented).
KUAISHOU_HEADER = ["订单号", "赠品订单号", "活动订单编号", "订单创建时间", "订单支付时间", "预售定金支付时间", "订单状态", "实付款",
                   "快递费", "店铺优惠", "平台补贴", "主播补贴", "混资活动优惠", "支付优惠", "支付方式", "成交数量", "买家留言",
                   "账号类型", "账号明细", "订单备注", "旗帜颜色", "售后状态", "活动订单", "预售/承诺发货时间", "订单载体",
                   "商品名称", "商品ID", "商品规格", "SKU编码", "商品单价", "渠道", "CPS达人ID", "CPS达人昵称", "预估推广佣金",
                   "预估推广者分佣比例", "团长ID", "团长昵称", "快赚客ID", "快赚客昵称", "授权推广者ID", "授权推广者昵称",
                   "收货人姓名", "收货人电话", "收货地址-省", "收货地址-市", "收货地址-区", "收货地址-街道", "收货地址",
                   "发货时间", "快递公司", "快递单号", "物流信息", "集运类型", "直邮类型", "仓库名称", "仓库地址", "实名姓名",
                   "服务门店ID", "服务门店名称", "服务门店地址", "国补/类国补/消费券"]


def kuaishou(rng, out):
    orders = shop(rng, 8, CN_PRODUCTS, [""], ["sale"], lines_per_order=(1, 1))
    rows = []
    for i, o in enumerate(orders):
        (sku, name, q, u, d) = o.lines[0]
        rows.append({"订单号": f"{2412010000000 + i}", "订单创建时间": ts(o.day), "订单支付时间": ts(o.day),
                     "订单状态": "交易成功" if i % 2 else "已发货", "实付款": money(q * u - d + o.shipping),
                     "快递费": money(o.shipping), "店铺优惠": money(d), "支付方式": "微信", "成交数量": q,
                     "商品名称": name, "商品ID": f"{20000 + i}", "商品规格": "默认", "SKU编码": sku,
                     "商品单价": money(u), "渠道": "直播间", "收货人姓名": CN_NAMES[i % 12],
                     "收货人电话": "138****0000", "收货地址-省": PROVINCES[i % 5], "收货地址-市": CITIES[i % 5]})
    write_csv(os.path.join(out, "kuaishou_orders.csv"), KUAISHOU_HEADER, rows)
    return expected(orders, lambda o: 1, buyer_known=False, currency="CNY",
                    extra={"platform": "kuaishou.orders", "file": "kuaishou_orders.csv"})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "tests", "fixtures", "platforms"))
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    rng = random.Random(20261202)
    cases = [shopify(rng, args.out_dir), woocommerce(rng, args.out_dir), ebay(rng, args.out_dir)]
    cases += etsy(rng, args.out_dir)
    cases += [amazon(rng, args.out_dir),
              shopee(rng, args.out_dir, "Singapore", "Singapore", "shopee_sg_orders.xlsx", 7, 9),
              shopee(rng, args.out_dir, "Malaysia", "Kuala Lumpur", "shopee_my_orders.xlsx", 8, 6),
              lazada(rng, args.out_dir), *taobao(rng, args.out_dir), jd(rng, args.out_dir),
              pinduoduo(rng, args.out_dir), douyin(rng, args.out_dir), youzan(rng, args.out_dir),
              kuaishou(rng, args.out_dir)]
    with open(os.path.join(args.out_dir, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(cases)} platform fixtures to {args.out_dir}")


if __name__ == "__main__":
    main()
