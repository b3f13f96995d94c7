//! The customer card through the door: kind `customer_card`, one customer's orders and spend as
//! its output (no customer column: the rest of the card is the customer's table row).

use super::algorithm::{card, CustomerCard};
use super::messages::MESSAGES;
use super::params::CardParams;
use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::{Catalogue, Message};
use std::fmt::Write;

/// One customer's orders and spend.
pub struct CardAnalysis;

impl Analysis for CardAnalysis {
    const KIND: &'static str = "customer_card";
    const ABOUT: &'static str =
        "One customer's card: every order, newest first, and spend by category and channel.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const MESSAGES: Catalogue = MESSAGES;

    type Params = CardParams;
    type Model = CustomerCard;
    type Output = CustomerCard;

    fn fit(cx: &mut Context<'_>, params: &CardParams) -> Result<Fit<CustomerCard>, Error> {
        let c = cx
            .data
            .customers
            .iter()
            .position(|id| **id == *params.id)
            .ok_or_else(|| {
                Error::Refused(
                    Message::new("customer_card.unknown")
                        .with("id", params.id.as_str())
                        .worded_by(MESSAGES),
                )
            })?;
        Ok(Fit::Done(card(cx.data, &cx.ingest.tables, c)))
    }

    fn output(m: &CustomerCard, _cx: &Context<'_>) -> CustomerCard {
        m.clone()
    }

    fn text(c: &CustomerCard, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let mut o = String::new();
        let _ = writeln!(o, "Customer {} ({} orders)", c.customer_id, c.orders.len());
        let groups = [
            ("category", &c.categories),
            ("brand", &c.brands),
            ("channel", &c.channels),
        ];
        for (what, spends) in groups {
            for s in spends {
                let _ = writeln!(
                    o,
                    "  {what:<8} {:<24} {:>14} {:>6.1}%",
                    s.name,
                    money(s.value_cents as f64, sym),
                    s.share * 100.0
                );
            }
        }
        for order in &c.orders {
            let _ = writeln!(
                o,
                "  {}  {:<14} {:>3} lines {:>14}{}  {}",
                order.time,
                order.order_id,
                order.lines,
                money(order.value_cents as f64, sym),
                if order.is_return { " (return)" } else { "" },
                order.products.join(", ")
            );
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use crate::session::Session;
    use serde_json::json;

    const SHOP: &str = "\
order_id,customer_id,order_date,product_name,category,quantity,unit_price,channel
A1,c1,2024-06-18 10:00:00,Lipstick,Beauty,2,10.00,app
A1,c1,2024-06-18 10:05:00,Bottle,Baby,1,30.00,app
A2,c1,2024-06-20 21:00:00,Lipstick,Beauty,1,10.00,web
R1,c1,2024-07-25 09:00:00,Lipstick,Beauty,-1,10.00,app
B1,c2,2024-07-31 08:00:00,Bottle,Baby,3,20.00,web
";

    #[test]
    fn the_card_lists_orders_newest_first_and_where_the_money_went() {
        let mut s = Session::of_csv(SHOP);
        let out = s
            .run_json("customer_card", json!({ "id": "c1" }))
            .expect("a card");
        let orders: Vec<(&str, u64, i64, bool)> = out["orders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["order_id"].as_str().unwrap(),
                    o["lines"].as_u64().unwrap(),
                    o["value_cents"].as_i64().unwrap(),
                    o["is_return"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            orders,
            [
                ("R1", 1, -1000, true),
                ("A2", 1, 1000, false),
                ("A1", 2, 5000, false)
            ]
        );
        assert_eq!(out["orders"][2]["time"], "2024-06-18T10:00:00");
        assert_eq!(out["orders"][2]["products"], json!(["Lipstick", "Bottle"]));
        // a tie of 30.00 each: by name
        assert_eq!(
            out["categories"][0],
            json!({"name": "Baby", "value_cents": 3000, "share": 0.5})
        );
        assert_eq!(out["categories"][1]["name"], "Beauty");
        assert_eq!(out["channels"][0]["name"], "app");
    }

    #[test]
    fn an_unknown_customer_is_refused_by_name() {
        let mut s = Session::of_csv(SHOP);
        let err = s
            .run_json("customer_card", json!({ "id": "c9" }))
            .expect_err("no such customer");
        assert_eq!(err.to_string(), "there is no customer \"c9\" in this data");
        let err = s.run_json("customer_card", json!({})).expect_err("no id");
        assert_eq!(err.to_string(), "give the id of a customer");
    }
}
