//! Shop-platform exports as data: one declarative `Profile` per platform and export type —
//! the headers that recognise it, the column of each field, what its statuses mean, which
//! fields only the first line of an order carries, whether a row is an order or an order
//! line, which column is the buyer — so that a merchant's export, exactly as downloaded,
//! maps with no manual step and its numbers mean what the platform means by them.
//!
//! A profile changes only data the row loop already reads (the mapping, the status
//! meanings, the carried fields, the required set); there is no per-platform code path.
//! Each profile cites where its layout is documented; `scripts/platform_fixtures.py`
//! builds a fixture of each from the same source.

mod china;
mod marketplaces;
mod western;

use super::columns::{normalize_header, ColumnAssignment, Field};
use super::status::StatusMeaning;
use serde::{Deserialize, Serialize};

/// What one row of an export is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// One row per order line (a product of an order).
    Line,
    /// One row per order: its quantity is the order's item count and its amount the order's.
    Order,
}

/// A platform's export layout and meanings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    /// Stable id (the wire, the CLI's `--platform`): `shopify.orders`.
    pub id: &'static str,
    /// The platform, as merchants name it.
    pub platform: &'static str,
    /// The export, as the platform names it.
    pub export: &'static str,
    /// Where the layout is documented.
    pub source: &'static str,
    /// Headers that together recognise the export: every one must be present.
    pub recognise: &'static [&'static str],
    /// The column of each field, by its header as the platform writes it. A field may be
    /// listed more than once (a header renamed between versions): the first present wins.
    pub columns: &'static [(Field, &'static str)],
    /// Fields written only on an order's first line, carried to its other lines.
    pub carried: &'static [Field],
    /// What one row is.
    pub grain: Grain,
    /// Status values (compared case-insensitively, whole) whose meaning the generic marks
    /// (`status::classify`) would not get right.
    pub statuses: &'static [(&'static str, StatusMeaning)],
    /// Other columns that identify the buyer, in order: used when the buyer cell is empty
    /// or masked (`186******05`), and kept for joining a customer's exports later.
    pub buyer_alternatives: &'static [&'static str],
    /// A row whose cell of this field is empty is an order's summary row above its item
    /// rows (eBay: no item number), passed over so the order is not counted twice.
    pub summary_rows_lack: Option<Field>,
    /// Lines below the data that the export adds (eBay: `3 record(s) downloaded`), passed
    /// over when a row's first cell starts with one of them (compared in lower case).
    pub footers: &'static [&'static str],
    /// The currency when the platform has one and the file does not say it (Taobao: CNY).
    pub currency: Option<&'static str>,
    /// This export holds the lines of the orders of export `lines_of` (a profile id): the
    /// two are joined on the order id, the order export giving buyer and date
    /// (`orders::join`).
    pub lines_of: Option<&'static str>,
    /// The profile's rules in words (message codes), shown in the report.
    pub rules: &'static [&'static str],
    /// The export has no dates, quantities' prices or buyers to read (a basket list): its
    /// lines are read for baskets only.
    pub undated: bool,
}

impl Profile {
    /// What a profile states when it says nothing: a line-grain export with no statuses to
    /// add, no carried fields, no fallback buyers, no summary or footer rows, no fixed
    /// currency, not the lines of another export. Profiles write `..Profile::BASE`.
    pub const BASE: Profile = Profile {
        id: "",
        platform: "",
        export: "",
        source: "",
        recognise: &[],
        columns: &[],
        carried: &[],
        grain: Grain::Line,
        statuses: &[],
        buyer_alternatives: &[],
        summary_rows_lack: None,
        footers: &[],
        currency: None,
        lines_of: None,
        rules: &[],
        undated: false,
    };

    /// True when the export identifies no buyer (Amazon leaves buyers out, Douyin encrypts
    /// them): it is read for shop totals, products and baskets only.
    pub fn no_buyer(&self) -> bool {
        self.lines_of.is_none() && !self.columns.iter().any(|(f, _)| *f == Field::CustomerId)
    }

    /// Whether every recognising header is in `keys` (the file's `header_key`s).
    fn matches(&self, keys: &[String]) -> bool {
        self.recognise
            .iter()
            .all(|h| keys.iter().any(|k| *k == header_key(h)))
    }

    /// The mapping the profile gives `headers` (fields whose column is absent are left out).
    pub fn map_columns(&self, headers: &[String]) -> Vec<ColumnAssignment> {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let mut mapping: Vec<ColumnAssignment> = Vec::new();
        for &(field, header) in self.columns {
            if mapping.iter().any(|a| a.field == field) {
                continue;
            }
            let want = header_key(header);
            if let Some(column) = keys.iter().position(|k| *k == want) {
                mapping.push(ColumnAssignment { field, column });
            }
        }
        mapping.sort_by_key(|a| Field::ALL.iter().position(|f| *f == a.field));
        mapping
    }

    /// The columns of `buyer_alternatives` present in `headers`, in order.
    pub fn alternative_columns(&self, headers: &[String]) -> Vec<usize> {
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        self.buyer_alternatives
            .iter()
            .filter_map(|h| keys.iter().position(|k| *k == header_key(h)))
            .collect()
    }

    /// The meaning this profile gives `status`, when it lists the value.
    pub fn status(&self, status: &str) -> Option<StatusMeaning> {
        let s = status.trim();
        self.statuses
            .iter()
            .find(|(v, _)| v.eq_ignore_ascii_case(s))
            .map(|&(_, m)| m)
    }
}

/// A header as profiles compare it: normalised, without a unit in brackets — so
/// `商品总价(元)` and `商品总价（元）` (Pinduoduo writes both) and trailing spaces
/// (Taobao's `收货地址 `) all match.
fn header_key(header: &str) -> String {
    let cut = header.find(['(', '（', '[']).unwrap_or(header.len());
    let head = header[..cut].trim();
    normalize_header(if head.is_empty() { header } else { head })
}

/// Every profile, most specific first (a tie in recognising headers goes to the earlier).
pub static PROFILES: &[&Profile] = &[
    &western::SHOPIFY,
    &western::WOOCOMMERCE,
    &western::EBAY,
    &western::ETSY_ORDERS,
    &western::ETSY_ITEMS,
    &marketplaces::AMAZON,
    &marketplaces::SHOPEE,
    &marketplaces::LAZADA,
    &china::TAOBAO_ORDERS,
    &china::TAOBAO_ITEMS,
    &china::JD,
    &china::PINDUODUO,
    &china::DOUYIN,
    &china::YOUZAN,
    &china::KUAISHOU,
];

/// The profile whose recognising headers are all in `headers` (the one with most of them
/// when several are), if any.
pub fn recognise(headers: &[String]) -> Option<&'static Profile> {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let mut best: Option<&'static Profile> = None;
    for p in PROFILES {
        if p.matches(&keys) && best.is_none_or(|b| p.recognise.len() > b.recognise.len()) {
            best = Some(p);
        }
    }
    best
}

/// The profile with id `id`.
pub fn by_id(id: &str) -> Option<&'static Profile> {
    PROFILES.iter().copied().find(|p| p.id == id)
}

/// Which profile a file was read with, as the page and the report show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PlatformMatch {
    /// Profile id (`shopify.orders`).
    pub id: String,
    /// The platform's name.
    pub platform: String,
    /// The export's name.
    pub export: String,
    /// Recognised from the header (false: chosen by the user).
    pub recognised: bool,
    /// One row per order or per line.
    pub grain: Grain,
    /// The export names no buyer: customer views are empty until a buyer id is given.
    pub no_buyer: bool,
    /// The export has no dates (a basket list): it is read for baskets only.
    pub undated: bool,
    /// Headers of the other buyer-identity columns in the file.
    pub buyer_alternatives: Vec<String>,
    /// The profile's rules, as message codes.
    pub rules: Vec<String>,
    /// Where the layout is documented.
    pub source: String,
}

impl PlatformMatch {
    /// What the page shows of `profile` read over `headers`.
    pub fn new(profile: &Profile, headers: &[String], recognised: bool) -> PlatformMatch {
        let present = |h: &&str| {
            let want = header_key(h);
            headers.iter().find(|x| header_key(x) == want).cloned()
        };
        PlatformMatch {
            id: profile.id.to_string(),
            platform: profile.platform.to_string(),
            export: profile.export.to_string(),
            recognised,
            grain: profile.grain,
            no_buyer: profile.no_buyer(),
            undated: profile.undated,
            buyer_alternatives: profile
                .buyer_alternatives
                .iter()
                .filter_map(present)
                .collect(),
            rules: profile.rules.iter().map(|r| r.to_string()).collect(),
            source: profile.source.to_string(),
        }
    }
}

/// Every profile as the page lists it (for choosing one by hand).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PlatformChoice {
    /// Profile id.
    pub id: String,
    /// The platform's name.
    pub platform: String,
    /// The export's name.
    pub export: String,
}

/// The profiles to choose from.
pub fn choices() -> Vec<PlatformChoice> {
    PROFILES
        .iter()
        .map(|p| PlatformChoice {
            id: p.id.to_string(),
            platform: p.platform.to_string(),
            export: p.export.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_column_header_is_distinct() {
        let mut ids = std::collections::HashSet::new();
        for p in PROFILES {
            assert!(ids.insert(p.id), "two profiles are {}", p.id);
            let mut headers = std::collections::HashSet::new();
            for (f, h) in p.columns {
                assert!(headers.insert(header_key(h)), "{}: {h} ({f:?}) twice", p.id);
            }
            assert!(p.recognise.len() >= 3, "{} is recognised too easily", p.id);
            assert!(
                p.source.starts_with("http") || p.source.contains('/'),
                "{}",
                p.id
            );
        }
    }

    #[test]
    fn no_two_profiles_recognise_the_same_header_set() {
        for a in PROFILES {
            let headers: Vec<String> = a.recognise.iter().map(|h| h.to_string()).collect();
            assert_eq!(recognise(&headers).map(|p| p.id), Some(a.id), "{}", a.id);
        }
    }
}
