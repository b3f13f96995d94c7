//! The profile table through the door: kind `profile`, the shop medians as its output, every
//! feature a customer column.

use super::algorithm::{
    median, profile, FeatureMedian, Profile, ProfileSummary, PRICE_BANDS, WEEKDAYS,
};
use super::messages::MESSAGES;
use super::params::{ProfileParams, ProfileValidParams};
use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::dataset::time::iso_day;
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{ColumnKind, ColumnSpec, Values, NULL_U32};
use std::fmt::Write;

/// Every customer's consumption and preference features.
pub struct ProfileAnalysis;

const fn col(
    name: &'static str,
    zh: &'static str,
    kind: ColumnKind,
    doc: &'static str,
) -> ColumnSpec {
    ColumnSpec {
        name,
        kind,
        doc,
        zh,
    }
}

impl Analysis for ProfileAnalysis {
    const KIND: &'static str = "profile";
    const ABOUT: &'static str =
        "Every customer's consumption and preference features (the profile table).";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const COLUMNS: &'static [ColumnSpec] = &[
        col("orders", "订单数", ColumnKind::Count, "Distinct orders among the customer's purchase lines (lines that are not returns)."),
        col("purchase_cents", "购买金额", ColumnKind::Money, "Value of the purchase lines, in minor units."),
        col("revenue_cents", "净收入", ColumnKind::Money, "Value of all lines, returns negative (net revenue), in minor units."),
        col("aov_cents", "客单价", ColumnKind::Money, "Average order value (客单价): purchase value ÷ orders."),
        col("items_per_order", "每单件数", ColumnKind::Number, "Units bought ÷ orders."),
        col("first_order_date", "首单日期", ColumnKind::Date, "Day of the first purchase line."),
        col("last_order_date", "末单日期", ColumnKind::Date, "Day of the last purchase line."),
        col("days_since_last_order", "距末单天数", ColumnKind::Days, "Days from the last purchase day to the data's last day."),
        col("days_since_first_order", "距首单天数", ColumnKind::Days, "Days from the first purchase day to the data's last day."),
        col("purchase_days", "购买天数", ColumnKind::Count, "Distinct days with a purchase line."),
        col("mean_days_between_orders", "平均购买间隔天数", ColumnKind::Number, "Mean gap in days between consecutive purchase days (two purchase days at least)."),
        col("median_days_between_orders", "购买间隔天数中位数", ColumnKind::Number, "Median gap in days between consecutive purchase days (two purchase days at least)."),
        col("return_rate", "退货率", ColumnKind::Share, "Units returned ÷ units bought."),
        col("preferred_hour", "偏好时段", ColumnKind::Hour, "The hour of day most of the customer's orders were placed at (ties: the earliest hour)."),
        col("preferred_weekday", "偏好星期", ColumnKind::Code { names: &WEEKDAYS }, "The weekday most of the customer's orders were placed on (ties: the earliest, Monday first)."),
        col("festival_share", "大促消费占比", ColumnKind::Share, "Share of the purchase value bought on festival days (6.18, 11.11, 12.12, the Spring Festival week, by default)."),
        col("discount_share", "优惠订单占比", ColumnKind::Share, "Share of the customer's orders bought with a discount or a coupon code on any of their lines (null when the data has neither column)."),
        col("top_channel", "主要渠道", ColumnKind::Text, "The channel with the most purchase value (ties: the first name)."),
        col("top_channel_share", "主要渠道占比", ColumnKind::Share, "The top channel's share of the purchase value."),
        col("channel_mix", "渠道构成", ColumnKind::Text, "Every channel's share of the purchase value, largest first, in whole percent (`app 67%, web 33%`)."),
        col("top_category", "偏好类目", ColumnKind::Text, "The category with the most purchase value (ties: the first name)."),
        col("top_category_share", "偏好类目占比", ColumnKind::Share, "The top category's share of the customer's purchase value."),
        col("category_affinity", "类目偏好度", ColumnKind::Number, "The top category's share of the customer's purchase value ÷ its share of the shop's (above 1: more than the average customer)."),
        col("top_categories", "偏好类目前三", ColumnKind::Text, "Up to three categories by the customer's purchase value, largest first (ties: the first name), joined by \", \" (`top_categories contains \"母婴\"`)."),
        col("top_brand", "偏好品牌", ColumnKind::Text, "The brand with the most purchase value (ties: the first name): the orders' brand column, else the product catalogue's, joined on product_id."),
        col("top_brand_share", "偏好品牌占比", ColumnKind::Share, "The top brand's share of the customer's purchase value."),
        col("brand_affinity", "品牌偏好度", ColumnKind::Number, "The top brand's share of the customer's purchase value ÷ its share of the shop's (above 1: more than the average customer)."),
        col("region", "地区", ColumnKind::Text, "The region of most of the customer's purchase lines (ties: the first name)."),
        col("price_index", "价格指数", ColumnKind::Number, "Mean of each purchase line's unit price ÷ its category's median unit price."),
        col("price_band", "价格带", ColumnKind::Code { names: &PRICE_BANDS }, "Price index below 0.8: low; above 1.25: high; else mid."),
        col("new_product_share", "新品购买占比", ColumnKind::Share, "Share of purchase lines whose product was bought within its first days on sale in the data (30 by default)."),
    ];
    const MESSAGES: Catalogue = MESSAGES;
    const LIMITS: &'static [(&'static str, i64, i64)] = &[(
        "new_product_days",
        1,
        ProfileParams::MAX_NEW_PRODUCT_DAYS as i64,
    )];

    type Params = ProfileParams;
    type Model = Profile;
    type Output = ProfileSummary;

    fn fit(cx: &mut Context<'_>, params: &ProfileValidParams) -> Result<Fit<Profile>, Error> {
        Ok(Fit::Done(profile(cx.data, &cx.ingest.tables, params)))
    }

    fn output(m: &Profile, _cx: &Context<'_>) -> ProfileSummary {
        let columns = Self::columns(m);
        let medians = Self::COLUMNS
            .iter()
            .zip(&columns)
            .filter_map(|(spec, values)| {
                let mut v: Vec<f64> = match values {
                    Values::U32(v) => v
                        .iter()
                        .filter(|&&x| x != NULL_U32)
                        .map(|&x| f64::from(x))
                        .collect(),
                    Values::I64(v) => v.iter().map(|&x| x as f64).collect(),
                    Values::F64(v) => v.iter().copied().filter(|x| !x.is_nan()).collect(),
                    _ => return None,
                };
                // an hour's median means little: only amounts, counts and measures
                (spec.kind != ColumnKind::Hour).then(|| FeatureMedian {
                    feature: spec.name.to_string(),
                    customers: v.len(),
                    median: median(&mut v),
                })
            })
            .collect();
        ProfileSummary {
            customers: m.orders.len(),
            last_day: m.last_day.map(iso_day),
            medians,
            has_channel: !m.channels.is_empty(),
            has_category: !m.categories.is_empty(),
            has_region: !m.regions.is_empty(),
            has_brand: !m.brands.is_empty(),
            has_discount: m.has_discount,
        }
    }

    fn columns(m: &Profile) -> Vec<Values<'_>> {
        vec![
            Values::U32(&m.orders),
            Values::I64(&m.purchase_cents),
            Values::I64(&m.revenue_cents),
            Values::F64(&m.aov_cents),
            Values::F64(&m.items_per_order),
            Values::Day(&m.first_order_day),
            Values::Day(&m.last_order_day),
            Values::U32(&m.days_since_last_order),
            Values::U32(&m.days_since_first_order),
            Values::U32(&m.purchase_days),
            Values::F64(&m.mean_days_between_orders),
            Values::F64(&m.median_days_between_orders),
            Values::F64(&m.return_rate),
            Values::U32(&m.preferred_hour),
            Values::Code(&m.preferred_weekday, &WEEKDAYS),
            Values::F64(&m.festival_share),
            Values::F64(&m.discount_share),
            Values::Text(&m.top_channel, &m.channels),
            Values::F64(&m.top_channel_share),
            Values::Text(&m.channel_mix, &m.channel_mixes),
            Values::Text(&m.top_category, &m.categories),
            Values::F64(&m.top_category_share),
            Values::F64(&m.category_affinity),
            Values::Text(&m.top_categories, &m.category_lists),
            Values::Text(&m.top_brand, &m.brands),
            Values::F64(&m.top_brand_share),
            Values::F64(&m.brand_affinity),
            Values::Text(&m.region, &m.regions),
            Values::F64(&m.price_index),
            Values::Code(&m.price_band, &PRICE_BANDS),
            Values::F64(&m.new_product_share),
        ]
    }

    fn text(s: &ProfileSummary, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let mut o = String::new();
        let _ = writeln!(
            o,
            "Customer profiles: {} customers (days counted to {})",
            s.customers,
            s.last_day.as_deref().unwrap_or("-")
        );
        let _ = writeln!(
            o,
            "  {:<28} {:>14} {:>10}",
            "feature", "median", "customers"
        );
        for f in &s.medians {
            let shown = match f.median {
                None => "-".to_string(),
                Some(v) if f.feature.ends_with("_cents") => money(v, sym),
                Some(v) => format!("{v:.3}"),
            };
            let _ = writeln!(o, "  {:<28} {:>14} {:>10}", f.feature, shown, f.customers);
        }
        let missing: Vec<&str> = [
            (s.has_channel, "channel"),
            (s.has_category, "category"),
            (s.has_region, "region"),
            (s.has_brand, "brand"),
            (s.has_discount, "discount"),
        ]
        .iter()
        .filter(|(has, _)| !has)
        .map(|(_, name)| *name)
        .collect();
        if !missing.is_empty() {
            let _ = writeln!(
                o,
                "  No {} column: the features from it are empty.",
                missing.join(", ")
            );
        }
        let _ = writeln!(
            o,
            "  Every customer's features: `portrait profile FILE --csv` or `--json`."
        );
        o
    }
}
