//! What an order status says about a line: kept as a purchase, left out (cancelled, closed,
//! unpaid, voided, failed — never paid, so neither revenue, an order nor a customer), or
//! refunded (a purchase that was paid back: it stays a purchase and a return of the same
//! value is added, so gross sales, returns and net revenue all read as a shop's books do).
//!
//! The words are the platforms' own (Taobao 交易关闭, JD 已取消, Shopify `voided`, Amazon
//! `Pending`, WooCommerce `wc-failed` …). A platform profile may list its exact values
//! (`platforms::Profile::statuses`); any other value is classified by the marks below,
//! checked in order, so `退款成功` is a refund and `交易关闭` a closed order.

use serde::{Deserialize, Serialize};

/// Why a line is left out of the analyses (reported with its lines, orders and value).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum LeftOutReason {
    /// The order was cancelled (已取消, cancelled).
    Cancelled,
    /// The trade was closed without completing (交易关闭).
    Closed,
    /// The order was never paid (待付款, pending, unpaid).
    Unpaid,
    /// The payment was voided.
    Voided,
    /// The payment failed.
    Failed,
    /// The line is in another currency than the shop's main one and no rate was given.
    OtherCurrency,
    /// An earlier file has the same order with other lines (overlapping exports).
    ConflictingOrder,
    /// A line of an order its order export does not have (`orders::join`).
    NoOrder,
}

impl LeftOutReason {
    /// Every reason, in report order.
    pub const ALL: [LeftOutReason; 8] = [
        LeftOutReason::Cancelled,
        LeftOutReason::Closed,
        LeftOutReason::Unpaid,
        LeftOutReason::Voided,
        LeftOutReason::Failed,
        LeftOutReason::OtherCurrency,
        LeftOutReason::ConflictingOrder,
        LeftOutReason::NoOrder,
    ];

    /// The message code of the reason (`left_out.cancelled`).
    pub fn code(self) -> &'static str {
        match self {
            LeftOutReason::Cancelled => "left_out.cancelled",
            LeftOutReason::Closed => "left_out.closed",
            LeftOutReason::Unpaid => "left_out.unpaid",
            LeftOutReason::Voided => "left_out.voided",
            LeftOutReason::Failed => "left_out.failed",
            LeftOutReason::OtherCurrency => "left_out.other_currency",
            LeftOutReason::ConflictingOrder => "left_out.conflicting_order",
            LeftOutReason::NoOrder => "left_out.no_order",
        }
    }
}

/// What a status means for its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusMeaning {
    /// A purchase (paid, shipped, completed, in progress, or a status we do not know).
    Purchase,
    /// Left out, for this reason.
    LeftOut(LeftOutReason),
    /// Paid, then refunded in full: a purchase and a return of the same value.
    Refunded,
    /// Paid, then refunded in part: a purchase, and a return of the refunded amount when the
    /// file gives it (else none: the amount is unknown, and the report says so).
    PartlyRefunded,
}

/// Marks checked in order against the lower-cased status; the first that occurs decides.
/// After-sale cases that ended without a refund come first (`无售后或售后取消` is no
/// cancellation), "partly" before "refunded", refunds before "closed" (`退款成功，交易关闭`)
/// and "cancel" before "pending" (`pending cancellation` is a cancellation).
const MARKS: &[(&str, StatusMeaning)] = &[
    // an after-sale case that ended without a refund: still a purchase
    ("无售后", StatusMeaning::Purchase),
    ("售后取消", StatusMeaning::Purchase),
    ("售后关闭", StatusMeaning::Purchase),
    ("拒绝退款", StatusMeaning::Purchase),
    ("退款关闭", StatusMeaning::Purchase),
    ("退款失败", StatusMeaning::Purchase),
    ("partially refunded", StatusMeaning::PartlyRefunded),
    ("partially_refunded", StatusMeaning::PartlyRefunded),
    ("partial refund", StatusMeaning::PartlyRefunded),
    ("部分退款", StatusMeaning::PartlyRefunded),
    ("退款成功", StatusMeaning::Refunded),
    ("已退款", StatusMeaning::Refunded),
    ("退款完成", StatusMeaning::Refunded),
    ("退货退款", StatusMeaning::Refunded),
    ("refunded", StatusMeaning::Refunded),
    ("returned", StatusMeaning::Refunded),
    ("已退货", StatusMeaning::Refunded),
    ("chargeback", StatusMeaning::Refunded),
    ("reversed", StatusMeaning::Refunded),
    ("取消", StatusMeaning::LeftOut(LeftOutReason::Cancelled)),
    ("cancel", StatusMeaning::LeftOut(LeftOutReason::Cancelled)),
    ("交易关闭", StatusMeaning::LeftOut(LeftOutReason::Closed)),
    ("已关闭", StatusMeaning::LeftOut(LeftOutReason::Closed)),
    ("订单关闭", StatusMeaning::LeftOut(LeftOutReason::Closed)),
    ("closed", StatusMeaning::LeftOut(LeftOutReason::Closed)),
    ("待付款", StatusMeaning::LeftOut(LeftOutReason::Unpaid)),
    (
        "等待买家付款",
        StatusMeaning::LeftOut(LeftOutReason::Unpaid),
    ),
    ("未付款", StatusMeaning::LeftOut(LeftOutReason::Unpaid)),
    ("待支付", StatusMeaning::LeftOut(LeftOutReason::Unpaid)),
    ("unpaid", StatusMeaning::LeftOut(LeftOutReason::Unpaid)),
    (
        "pending payment",
        StatusMeaning::LeftOut(LeftOutReason::Unpaid),
    ),
    (
        "awaiting payment",
        StatusMeaning::LeftOut(LeftOutReason::Unpaid),
    ),
    ("void", StatusMeaning::LeftOut(LeftOutReason::Voided)),
    // JD writes `(删除)` before the status of an order the merchant deleted
    ("删除", StatusMeaning::LeftOut(LeftOutReason::Voided)),
    ("作废", StatusMeaning::LeftOut(LeftOutReason::Voided)),
    ("failed", StatusMeaning::LeftOut(LeftOutReason::Failed)),
    ("支付失败", StatusMeaning::LeftOut(LeftOutReason::Failed)),
];

/// Whole values (lower-cased) that mean unpaid only on their own: `pending` alone is an
/// unpaid order (Shopify's financial status, Amazon's order status, WooCommerce's
/// `wc-pending`), but `pending shipment` is paid.
const UNPAID_WORDS: &[&str] = &["pending", "wc-pending", "on-hold", "wc-on-hold"];

/// What `status` means, by the marks above (an empty or unknown status is a purchase).
pub fn classify(status: &str) -> StatusMeaning {
    let s = status.trim();
    if s.is_empty() {
        return StatusMeaning::Purchase;
    }
    let lower = s.to_lowercase();
    if UNPAID_WORDS.contains(&lower.as_str()) {
        return StatusMeaning::LeftOut(LeftOutReason::Unpaid);
    }
    MARKS
        .iter()
        .find(|(mark, _)| lower.contains(mark))
        .map_or(StatusMeaning::Purchase, |&(_, meaning)| meaning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use LeftOutReason::*;
    use StatusMeaning::*;

    #[test]
    fn platform_words_are_classified() {
        let cases = [
            ("交易成功", Purchase),
            ("卖家已发货，等待买家确认", Purchase),
            ("交易关闭", LeftOut(Closed)),
            ("已取消", LeftOut(Cancelled)),
            ("(删除)已取消", LeftOut(Cancelled)),
            ("(删除)等待出库", LeftOut(Voided)),
            ("无售后或售后取消", Purchase),
            ("同意退款，退款成功", Refunded),
            ("已发货，退款成功", Refunded),
            ("退款成功（部分退款）", PartlyRefunded),
            ("退货后拒绝退款", Purchase),
            ("等待买家付款", LeftOut(Unpaid)),
            ("待付款", LeftOut(Unpaid)),
            ("退款成功", Refunded),
            ("退款成功，交易关闭", Refunded),
            ("paid", Purchase),
            ("pending", LeftOut(Unpaid)),
            ("Pending", LeftOut(Unpaid)),
            ("Pending - Waiting for Pick Up", Purchase),
            ("voided", LeftOut(Voided)),
            ("refunded", Refunded),
            ("partially_refunded", PartlyRefunded),
            ("Cancelled", LeftOut(Cancelled)),
            ("canceled", LeftOut(Cancelled)),
            ("wc-failed", LeftOut(Failed)),
            ("wc-completed", Purchase),
            ("", Purchase),
            ("Shipped", Purchase),
        ];
        for (status, meaning) in cases {
            assert_eq!(classify(status), meaning, "{status}");
        }
    }
}
