//! Content-based similarity: products are alike when their words are. Each product is a
//! document of its name, category, brand and attributes (tags); its terms are
//!
//! - English (any Latin-script) words: runs of letters and digits, lowercased, of two
//!   characters or more and holding a letter (`500ml` is a term, `500` is not);
//! - Chinese: overlapping character bigrams of each run of CJK ideographs (a run of one
//!   character is that character), the usual segmentation-free indexing of Chinese text;
//! - the category and the brand as whole values besides, so that an exact match counts more
//!   than a shared word.
//!
//! Terms are weighed by TF-IDF as scikit-learn's `TfidfVectorizer` does by default (raw count
//! × (ln((1 + n) / (1 + df)) + 1), each document scaled to unit length), and two products'
//! similarity is the cosine of their vectors. Each product keeps its `k` most similar, in the
//! same neighbour lists item-based CF uses, so scoring and "because you bought" are shared.

use super::itemcf::ItemCf;
use super::top::Scores;
use std::collections::HashMap;

/// What describes one product.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemText {
    /// Its name or title.
    pub name: String,
    /// Its category, if known.
    pub category: String,
    /// Its brand, if known.
    pub brand: String,
    /// Its attributes or tags, if known.
    pub tags: String,
}

impl ItemText {
    /// True when nothing describes the product.
    pub fn is_empty(&self) -> bool {
        self.name.is_empty()
            && self.category.is_empty()
            && self.brand.is_empty()
            && self.tags.is_empty()
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The terms of `text`, in order (words and bigrams, see the module documentation).
pub fn terms(text: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut han: Vec<char> = Vec::new();
    let flush_word = |word: &mut String, out: &mut Vec<String>| {
        if word.chars().count() >= 2 && word.chars().any(char::is_alphabetic) {
            out.push(std::mem::take(word));
        }
        word.clear();
    };
    let flush_han = |han: &mut Vec<char>, out: &mut Vec<String>| {
        match han.len() {
            0 => {}
            1 => out.push(han[0].to_string()),
            _ => out.extend(han.windows(2).map(|w| w.iter().collect::<String>())),
        }
        han.clear();
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush_word(&mut word, out);
            han.push(c);
        } else if c.is_alphanumeric() {
            flush_han(&mut han, out);
            word.extend(c.to_lowercase());
        } else {
            flush_word(&mut word, out);
            flush_han(&mut han, out);
        }
    }
    flush_word(&mut word, out);
    flush_han(&mut han, out);
}

/// The terms of a product: those of each field, and its category and brand whole.
fn document(t: &ItemText) -> Vec<String> {
    let mut out = Vec::new();
    for field in [&t.name, &t.category, &t.brand, &t.tags] {
        terms(field, &mut out);
    }
    for (prefix, whole) in [("category:", &t.category), ("brand:", &t.brand)] {
        let v = whole.trim();
        if !v.is_empty() {
            out.push(format!("{prefix}{}", v.to_lowercase()));
        }
    }
    out
}

/// Terms in more products than this are left out of the similarities: a word every product
/// shares says nothing of which are alike (IDF weighs it near its floor), and its postings
/// would make the fit quadratic in the catalogue.
const MAX_POSTINGS: usize = 5_000;

/// Each product's `neighbours` most similar by TF-IDF cosine (every one when 0); products
/// described by nothing have none.
pub fn fit(items: &[ItemText], neighbours: usize) -> ItemCf {
    let n = items.len();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut docs: Vec<Vec<(u32, f64)>> = Vec::with_capacity(n);
    for t in items {
        let mut counts: Vec<(u32, f64)> = Vec::new();
        for term in document(t) {
            let next = ids.len() as u32;
            let id = *ids.entry(term).or_insert(next);
            counts.push((id, 1.0));
        }
        counts.sort_by_key(|&(id, _)| id);
        counts.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += b.1;
            }
            same
        });
        docs.push(counts);
    }
    let mut df = vec![0usize; ids.len()];
    for d in &docs {
        for &(id, _) in d {
            df[id as usize] += 1;
        }
    }
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| libm::log((1.0 + n as f64) / (1.0 + d as f64)) + 1.0)
        .collect();
    for d in &mut docs {
        for (id, w) in d.iter_mut() {
            *w *= idf[*id as usize];
        }
        let norm = d.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            d.iter_mut().for_each(|(_, w)| *w /= norm);
        }
    }
    // postings: per term, its products and weights
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); ids.len()];
    for (i, d) in docs.iter().enumerate() {
        for &(id, w) in d {
            postings[id as usize].push((i as u32, w));
        }
    }
    let mut dot = Scores::new(n);
    let mut out = ItemCf::empty();
    let mut row: Vec<(u32, f64)> = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        for &(id, w) in d {
            let list = &postings[id as usize];
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &(j, wj) in list {
                if j as usize != i {
                    dot.add(j, w * wj);
                }
            }
        }
        row.clear();
        row.extend(dot.take_top(&[], usize::MAX));
        out.push(&mut row, neighbours);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_words_and_chinese_bigrams() {
        let mut t = Vec::new();
        terms("Vintage 复古红色 Tea-Cup 500ml 2 件", &mut t);
        assert_eq!(
            t,
            ["vintage", "复古", "古红", "红色", "tea", "cup", "500ml", "件"]
        );
    }

    #[test]
    fn products_sharing_words_are_neighbours_weighed_by_rarity() {
        let item = |name: &str, category: &str| ItemText {
            name: name.into(),
            category: category.into(),
            ..ItemText::default()
        };
        let items = [
            item("红色 陶瓷 茶杯", "餐具"),
            item("蓝色 陶瓷 茶杯", "餐具"),
            item("红色 毛衣", "服装"),
            ItemText::default(),
        ];
        let cf = fit(&items, 0);
        // 0 and 1 share 陶瓷, 茶杯 and the category; 0 and 2 only 红色
        assert!(cf.similarity(0, 1) > cf.similarity(0, 2));
        assert!(cf.similarity(0, 2) > 0.0);
        assert_eq!(cf.similarity(1, 2), 0.0);
        assert!(
            cf.neighbours(3).0.is_empty(),
            "an undescribed product has none"
        );
        // symmetric, and a cosine of unit vectors
        assert!((cf.similarity(0, 1) - cf.similarity(1, 0)).abs() < 1e-7);
        assert!(cf.similarity(0, 1) < 1.0);
        // one neighbour: the closest
        assert_eq!(fit(&items, 1).neighbours(0).0, [1]);
    }
}
