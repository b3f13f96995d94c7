//! The product catalogue: categories, Zipf popularity, CNY price points, names in Chinese,
//! English or both, and each product's fixed complement (its bundle partner).

use super::catalog::{is_apparel, BRANDS, CATEGORIES, COLORS, COMPUTERS, SIZES};
use super::random::{below, chance, exp, exp1, normal, powf, shuffle, Discrete};
use rand::Rng;

/// Popularity exponent: the product of global rank r is bought in proportion to r^−0.95.
const ZIPF_S: f64 = 0.95;
/// Spread of log prices around the category median.
const PRICE_SIGMA: f64 = 0.55;
/// Name language mix: Chinese, English, bilingual.
const LANGUAGES: [f64; 3] = [0.45, 0.30, 0.25];

/// Products drawn by popularity within one category.
#[derive(Debug, Clone)]
pub(super) struct CategoryPicker {
    members: Vec<u32>,
    popularity: Discrete,
}

impl CategoryPicker {
    /// One product of the category, by popularity.
    pub(super) fn sample<R: Rng>(&self, rng: &mut R) -> u32 {
        self.members
            .get(self.popularity.sample(rng))
            .copied()
            .unwrap_or(0)
    }
}

/// The shop's products; index = product number (product id − 500000).
#[derive(Debug, Clone)]
pub(super) struct Products {
    /// Category index of every product.
    pub(super) category: Vec<u8>,
    /// Shelf price in CNY cents.
    pub(super) cents: Vec<u64>,
    /// Display name.
    pub(super) name: Vec<String>,
    /// Index into `BRANDS` of the brand its name carries.
    pub(super) brand: Vec<u8>,
    /// The product most often bought together with it (never itself).
    pub(super) complement: Vec<u32>,
    /// Per category: its products by popularity.
    pub(super) by_category: Vec<CategoryPicker>,
    /// All products by popularity.
    pub(super) global: Discrete,
    /// Total popularity of every category: customers' favourite categories follow it.
    pub(super) category_popularity: Vec<f64>,
}

impl Products {
    /// A product of `category`, by popularity.
    pub(super) fn in_category<R: Rng>(&self, rng: &mut R, category: usize) -> u32 {
        self.by_category.get(category).map_or(0, |p| p.sample(rng))
    }

    /// A product of the whole shop, by popularity.
    pub(super) fn any<R: Rng>(&self, rng: &mut R) -> u32 {
        self.global.sample(rng) as u32
    }

    /// Builds `n` products (n ≥ 30, so that every category has one).
    pub(super) fn build<R: Rng>(rng: &mut R, n: usize) -> Products {
        let n_cat = CATEGORIES.len();
        // category sizes: a Zipf(0.6) over a random order of the categories
        let mut size_w: Vec<f64> = (1..=n_cat).map(|i| powf(i as f64, -0.6)).collect();
        shuffle(rng, &mut size_w);
        let sizes = Discrete::new(&size_w);
        let category: Vec<u8> = (0..n)
            .map(|j| {
                if j < n_cat {
                    j as u8
                } else {
                    sizes.sample(rng) as u8
                }
            })
            .collect();

        // Zipf popularity over a global rank; high-demand categories race to the top ranks
        let race: Vec<f64> = category
            .iter()
            .map(|&c| exp1(rng) / CATEGORIES[c as usize].demand)
            .collect();
        let mut by_race: Vec<u32> = (0..n as u32).collect();
        by_race.sort_by(|&a, &b| {
            race[a as usize]
                .total_cmp(&race[b as usize])
                .then(a.cmp(&b))
        });
        let mut popularity = vec![0.0; n];
        for (rank, &j) in by_race.iter().enumerate() {
            popularity[j as usize] = powf(rank as f64 + 1.0, -ZIPF_S);
        }

        let cents = category
            .iter()
            .map(|&c| {
                price_point(CATEGORIES[c as usize].median_price * exp(PRICE_SIGMA * normal(rng)))
            })
            .collect();

        let languages = Discrete::new(&LANGUAGES);
        let (name, brand) = category
            .iter()
            .map(|&c| product_name(rng, c as usize, &languages))
            .unzip();

        let mut by_category = Vec::with_capacity(n_cat);
        let mut category_popularity = vec![0.0; n_cat];
        for (c, total) in category_popularity.iter_mut().enumerate() {
            let members: Vec<u32> = (0..n as u32)
                .filter(|&j| category[j as usize] as usize == c)
                .collect();
            let weights: Vec<f64> = members.iter().map(|&j| popularity[j as usize]).collect();
            *total = weights.iter().sum();
            by_category.push(CategoryPicker {
                members,
                popularity: Discrete::new(&weights),
            });
        }
        let global = Discrete::new(&popularity);

        let mut products = Products {
            category,
            cents,
            name,
            brand,
            complement: Vec::new(),
            by_category,
            global,
            category_popularity,
        };
        // the bundle partner: a popular product of the same category half of the time,
        // otherwise of one of the affine categories
        products.complement = (0..n)
            .map(|j| {
                let c = products.category[j] as usize;
                let affine = CATEGORIES[c].affinity;
                let pick = affine[below(rng, affine.len() as u32) as usize];
                let partner_category = if chance(rng, 0.5) { c } else { pick };
                let p = products.in_category(rng, partner_category);
                if p as usize == j {
                    ((j + 1) % n) as u32
                } else {
                    p
                }
            })
            .collect();
        products
    }
}

/// CNY price points: ¥x.9 under 20, ¥x9.9 under 1000, ¥x99 above; at least ¥1.90.
fn price_point(raw: f64) -> u64 {
    let cents = if raw < 20.0 {
        raw.floor() as u64 * 100 + 90
    } else if raw < 1000.0 {
        (raw / 10.0).floor() as u64 * 1000 + 990
    } else {
        (raw / 100.0).floor() as u64 * 10_000 + 9900
    };
    cents.max(190)
}

/// A product name in Chinese (45 %), English (30 %) or both (25 %), with brand, colour,
/// size for apparel, and a model number. English apparel names contain commas and English
/// laptop names an inch sign (`"`): readers must handle RFC 4180 quoting.
/// Returns the name and the brand's index into `BRANDS`.
fn product_name<R: Rng>(rng: &mut R, c: usize, languages: &Discrete) -> (String, u8) {
    let lang = languages.sample(rng);
    let brand = below(rng, BRANDS.len() as u32) as usize;
    let (brand_zh, brand_en) = BRANDS[brand];
    let (color_zh, color_en) = COLORS[below(rng, COLORS.len() as u32) as usize];
    let size = SIZES[below(rng, SIZES.len() as u32) as usize];
    let model = 1 + below(rng, 98);
    let generation = 2 + below(rng, 7);
    let nouns = CATEGORIES[c].nouns;
    let noun = below(rng, nouns.len() as u32) as usize;
    let (noun_zh, noun_en) = nouns[noun];
    let name = match lang {
        0 if is_apparel(c) => format!("{brand_zh}{noun_zh} {color_zh} {size}码"),
        0 => format!("{brand_zh} {noun_zh} {generation}代 {color_zh}"),
        1 if is_apparel(c) => format!("{brand_en} {noun_en}, {color_en}, {size}"),
        1 if c == COMPUTERS && noun == 0 => {
            format!("{brand_en} {noun_en} {}\" {color_en}", 13 + model % 4)
        }
        1 => format!("{brand_en} {noun_en} X{model}"),
        _ => format!("{brand_zh}{noun_zh} / {brand_en} {noun_en} {color_en} {model}"),
    };
    (name, brand as u8)
}

/// Items under ¥100 sell in multiples (up to 24); dearer ones almost always one at a time.
pub(super) fn is_cheap(cents: u64) -> bool {
    cents < 10_000
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::random::stream;

    #[test]
    fn prices_end_in_nine() {
        assert_eq!(price_point(7.3), 790);
        assert_eq!(price_point(0.2), 190);
        assert_eq!(price_point(187.0), 18_990);
        assert_eq!(price_point(2634.0), 269_900);
    }

    #[test]
    fn every_category_has_products_and_no_product_is_its_own_complement() {
        let products = Products::build(&mut stream(3, 1), 2000);
        assert_eq!(products.category.len(), 2000);
        for c in 0..CATEGORIES.len() {
            assert!(products.category.iter().any(|&x| x as usize == c));
        }
        for (j, &p) in products.complement.iter().enumerate() {
            assert_ne!(j, p as usize);
        }
    }
}
