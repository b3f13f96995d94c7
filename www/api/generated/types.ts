// Generated from the Rust types by `make types` (src/typegen/). Do not edit:
// tests/generated_types.rs fails when this file is stale.

/**
 * The business filters as applied.
 */
export type AppliedFilters = { 
/**
 * What a customer bought is left out.
 */
exclude_bought: boolean, 
/**
 * Only these categories (empty: every one).
 */
categories: Array<string>, 
/**
 * Products in the in-stock list (0: no list).
 */
in_stock_listed: number, 
/**
 * Of them, products of the data.
 */
in_stock_matched: number, 
/**
 * At most this many of one category (0: no limit).
 */
max_per_category: number, };

/**
 * Precision and recall when customers scoring at least `threshold` are flagged. Field
 * names are the JS API.
 */
export type AtThreshold = { 
/**
 * The score threshold.
 */
threshold: number, 
/**
 * Customers flagged.
 */
flagged: number, 
/**
 * Share of the flagged for whom the target happened; null when none is flagged.
 */
precision: number | null, 
/**
 * Share of the target's customers flagged.
 */
recall: number, };

/**
 * A saved audience a rule can name (`in_audience("VIP")`): dynamic, its rule evaluated
 * again on every data, or static, a frozen list of customer ids. Field names are the JS
 * API; only definitions cross, never the customers' data.
 */
export type AudienceDefinition = { 
/**
 * Its name.
 */
name: string, 
/**
 * Its rule (a dynamic audience).
 */
rule: string, 
/**
 * Its customers' ids (a static audience; the rule is then only what made it).
 */
ids: Array<string> | null, };

/**
 * Parameters of an audience: its rule, the saved audiences it may name, the columns of its
 * download, and up to four saved audiences to compare.
 */
export type AudienceParams = { 
/**
 * The audience's rule, in the rule language of rule tags (empty: every customer):
 * `rfm.segment == "champions" and lifecycle.stage == "active" and tags contains "VIP"`.
 */
where: string, 
/**
 * Saved audiences the rule may name with in_audience("NAME"): a name with a rule, or
 * with a frozen list of customer ids (JSON objects `{"name": …, "rule": …}`).
 */
audiences: Array<AudienceDefinition>, 
/**
 * Customer-table columns of the download, by any name a rule takes, comma-separated or
 * one per item (default: RFM, the segment and the lifecycle stage).
 */
columns: Array<string>, 
/**
 * Two to four saved audiences whose overlap to count.
 */
compare: Array<string>, };

/**
 * The audience's output. Field names are the JS API.
 */
export type AudienceSummary = { 
/**
 * The rule ("" = every customer).
 */
where: string, 
/**
 * The rule as the visual builder's tree (none for an empty rule).
 */
tree: RuleNode | null, 
/**
 * Customers in the audience.
 */
customers: number, 
/**
 * Customers in the data.
 */
of_customers: number, 
/**
 * `customers / of_customers`.
 */
customer_share: number, 
/**
 * Their net revenue (RFM monetary), minor units.
 */
revenue_cents: number, 
/**
 * Every customer's net revenue.
 */
of_revenue_cents: number, 
/**
 * `revenue_cents / of_revenue_cents` (0 when the whole is not positive).
 */
revenue_share: number, 
/**
 * The data's last day, `YYYY-MM-DD` (the download's summary names it).
 */
last_day: string | null, 
/**
 * The download's columns (ids).
 */
columns: Array<string>, 
/**
 * Size of each compared audience, in `compare` order.
 */
compared: Array<OverlapCell>, 
/**
 * Every non-empty intersection of the compared audiences, exclusively (UpSet's bars).
 */
overlap: Array<OverlapCell>, };

/**
 * A bar of a distribution. Field names are the JS API.
 */
export type Bar = { 
/**
 * Lower edge.
 */
from: number, 
/**
 * Upper edge.
 */
to: number, 
/**
 * Customers in it.
 */
customers: number, };

/**
 * Always predicting the training rate: what a model must beat. Field names are the JS API.
 */
export type Baseline = { 
/**
 * The training period's rate of the target (the constant score).
 */
rate: number, 
/**
 * Its Brier score on the held-out period.
 */
brier: number, 
/**
 * Its log loss on the held-out period.
 */
log_loss: number, 
/**
 * The accuracy of always answering the training period's majority class.
 */
accuracy: number, };

/**
 * The audience the baskets were restricted to. Field names are the JS API.
 */
export type BasketAudience = { 
/**
 * Its rule.
 */
rule: string, 
/**
 * Customers in it.
 */
customers: number, };

/**
 * Parameters of the market basket analysis. The defaults are stage d of the peer benchmark:
 * itemsets in at least 0.5 % of the baskets, rules with a lift of at least 1, no minimum
 * confidence; one item on the right-hand side (arules' convention).
 */
export type BasketParams = { 
/**
 * Smallest share of baskets an itemset must be in (above 0, at most 1).
 */
min_support: number, 
/**
 * Smallest confidence of a rule, P(consequent | antecedent) (0 to 1).
 */
min_confidence: number, 
/**
 * Smallest lift of a rule (0 or more; 1 keeps the rules that raise the chance).
 */
min_lift: number, 
/**
 * Most items in an itemset, both sides of a rule together (2 to 20).
 */
max_len: number, 
/**
 * Items on a rule's right-hand side: one (arules) or any number (mlxtend).
 */
consequents: Consequents, 
/**
 * The search stops with a message past this many frequent itemsets (1 to 2,000,000):
 * memory stays bounded however low the support.
 */
max_itemsets: number, 
/**
 * Only the baskets of the customers of this rule (empty: every basket), in the rule
 * language: `rfm.segment == "champions"` or `in_audience("VIP")`.
 */
where: string, 
/**
 * Saved audiences the rule may name with in_audience("NAME").
 */
audiences: Array<AudienceDefinition>, 
/**
 * A product (its id, or its name as in the file) whose frequently-bought-together list
 * to make.
 */
product: string | null, 
/**
 * Length of that list (1 to 100).
 */
together: number, };

/**
 * The market basket analysis's output. Field names are the JS API.
 */
export type BasketSummary = { 
/**
 * Baskets: orders with at least one purchase line with a product.
 */
baskets: number, 
/**
 * Distinct products in them.
 */
items: number, 
/**
 * Purchase lines read (a product twice in one order is one basket item).
 */
purchase_lines: number, 
/**
 * Mean items in a basket.
 */
mean_items: number, 
/**
 * Most items in a basket.
 */
largest: number, 
/**
 * Baskets of one item (no rule can come from them).
 */
single_item_baskets: number, 
/**
 * The parameters the rules were mined with.
 */
min_support: number, 
/**
 * The fewest baskets a frequent itemset is in (the support as a count).
 */
min_count: number, 
/**
 * The smallest confidence a rule has.
 */
min_confidence: number, 
/**
 * The smallest lift a rule has.
 */
min_lift: number, 
/**
 * The most items in an itemset.
 */
max_len: number, 
/**
 * Items on the right-hand side: one or any number.
 */
consequents: Consequents, 
/**
 * The audience, when the baskets were restricted to one.
 */
audience: BasketAudience | null, 
/**
 * Frequent itemsets: by length, then most baskets first.
 */
itemsets: Array<ItemsetRow>, 
/**
 * How many itemsets of each length.
 */
itemsets_by_length: Array<LengthCount>, 
/**
 * Rules: strongest first (lift, then confidence, then support).
 */
rules: Array<RuleRow>, 
/**
 * How many rules of each length (both sides together).
 */
rules_by_length: Array<LengthCount>, 
/**
 * The most frequent products (at most 50), most baskets first.
 */
top_items: Array<ItemCount>, 
/**
 * Product names by id, for every product named in this output whose name is known.
 */
names: { [key in string]?: string }, 
/**
 * Frequently bought together, when a product was asked for.
 */
together: Together | null, 
/**
 * What the merchant should know about these numbers.
 */
notes: Array<Message>, };

/**
 * What the page shows above the columns. Field names are the JS API.
 */
export type BehaviourSummary = { 
/**
 * Whether an events file was loaded.
 */
has_table: boolean, 
/**
 * Events in the log.
 */
events: number, 
/**
 * Of them, those of customers of the orders.
 */
events_matched: number, 
/**
 * Customers of the orders.
 */
customers: number, 
/**
 * Of them, those with an event.
 */
active_customers: number, };

/**
 * The best method by each measure (the first in table order on a tie).
 */
export type BestMethods = { 
/**
 * By precision@k.
 */
precision: RecommendMethod, 
/**
 * By recall@k.
 */
recall: RecommendMethod, 
/**
 * By MAP@k.
 */
map: RecommendMethod, 
/**
 * By NDCG@k.
 */
ndcg: RecommendMethod, 
/**
 * By hit rate.
 */
hit_rate: RecommendMethod, 
/**
 * By catalogue coverage.
 */
coverage: RecommendMethod, 
/**
 * By novelty.
 */
novelty: RecommendMethod, 
/**
 * By intra-list diversity.
 */
diversity: RecommendMethod, };

/**
 * One bin of the calibration plot (scores cut into tenths). Field names are the JS API.
 */
export type CalibrationBin = { 
/**
 * The bin's lower score.
 */
low: number, 
/**
 * Its upper score.
 */
high: number, 
/**
 * Customers whose score falls in it.
 */
customers: number, 
/**
 * Their mean score.
 */
predicted: number, 
/**
 * The share of them for whom the target happened.
 */
observed: number, };

/**
 * One order of the customer. Field names are the JS API.
 */
export type CardOrder = { 
/**
 * The order id, as in the file.
 */
order_id: string, 
/**
 * When its first line was placed (`YYYY-MM-DDThh:mm:ss`, the shop's wall clock).
 */
time: string, 
/**
 * Its lines.
 */
lines: number, 
/**
 * Units (negative on a return).
 */
units: number, 
/**
 * Its value in minor units (negative on a return).
 */
value_cents: number, 
/**
 * A return or a cancellation.
 */
is_return: boolean, 
/**
 * Its products' names (or ids), in line order, at most 5.
 */
products: Array<string>, };

/**
 * Parameters of a customer card.
 */
export type CardParams = { 
/**
 * The customer id, as in the file.
 */
id: string, };

/**
 * One value of the table.
 */
export type Cell = number | number | string | null;

/**
 * The number of clusters: `"auto"` (the best silhouette, or the lowest BIC for a mixture,
 * between `k_min` and `k_max`) or a number.
 */
export type ClusterCount = "auto" | number;

/**
 * The 2-D map. Field names are the JS API.
 */
export type ClusterMap = { 
/**
 * Share of the variance along each axis (the first two principal components).
 */
explained: Array<number>, 
/**
 * Customers drawn (a fixed-seed sample of at most 20,000).
 */
sample: number, 
/**
 * First component of each point.
 */
x: Array<number>, 
/**
 * Second component.
 */
y: Array<number>, 
/**
 * Each point's cluster number.
 */
cluster: Array<number>, };

/**
 * A cluster described. Field names are the JS API.
 */
export type ClusterProfile = { 
/**
 * 1, 2, … by size (largest first); 0 is DBSCAN's noise.
 */
number: number, 
/**
 * Customers in it.
 */
customers: number, 
/**
 * Their share of the clustered customers.
 */
share: number, 
/**
 * Their net revenue (RFM monetary), minor units.
 */
revenue_cents: number, 
/**
 * Its share of the clustered customers' net revenue.
 */
revenue_share: number, 
/**
 * Mean of each feature, in its own unit (before log1p and standardising).
 */
mean: Array<number>, 
/**
 * Mean z-score of each feature (standardised units): the profile the words read.
 */
z: Array<number>, 
/**
 * What sets it apart, strongest first: message codes the page words per language.
 */
traits: Array<Message>, 
/**
 * The traits in English, comma-separated.
 */
words: string, };

/**
 * Parameters of the clustering. Defaults: stage c of the peer benchmark — k-means on
 * log1p of recency, frequency and monetary, standardised — with k chosen from 2 to 10.
 */
export type ClustersParams = { 
/**
 * kmeans, gmm or dbscan.
 */
method: Method, 
/**
 * Number of clusters: auto (chosen between k-min and k-max) or a number (2 to 20);
 * DBSCAN finds its own.
 */
k: ClusterCount, 
/**
 * Fewest clusters automatic k tries.
 */
k_min: number, 
/**
 * Most clusters automatic k tries.
 */
k_max: number, 
/**
 * Customer-table columns to cluster on, by any name a rule takes (rfm.recency,
 * orders, 客单价), comma-separated or one per item; customers lacking one are left out.
 */
features: Array<string>, 
/**
 * Take log(1 + max(x, 0)) of every feature before standardising (spend and counts are
 * skewed).
 */
log1p: boolean, 
/**
 * Seed of every random choice (k-means++ picks, samples).
 */
seed: number, 
/**
 * k-means runs from different seeded starts; the lowest inertia is kept.
 */
restarts: number, 
/**
 * Automatic k: runs per k while scanning k-min to k-max (at most restarts); the k
 * chosen then gets all its restarts, so it equals a fit of that k alone.
 */
scan_restarts: number, 
/**
 * Customers (a fixed-seed sample) the silhouette is measured on.
 */
silhouette_sample: number, 
/**
 * DBSCAN's radius in standardised units; default: the knee of the k-distance curve.
 */
eps: number | null, 
/**
 * DBSCAN: neighbours within eps (the point itself counted) that make a core point.
 */
min_samples: number, 
/**
 * DBSCAN runs on a fixed-seed sample of this many customers; the others join the
 * cluster of their nearest core point within eps.
 */
dbscan_sample: number, };

/**
 * The clustering's output. Field names are the JS API.
 */
export type ClustersSummary = { 
/**
 * The method.
 */
method: Method, 
/**
 * The features, standardised.
 */
features: Array<Feature>, 
/**
 * Customers clustered.
 */
customers: number, 
/**
 * Customers left out: a feature is null for them.
 */
left_out: number, 
/**
 * Clusters found (noise not counted).
 */
k: number, 
/**
 * Whether k was chosen from the data.
 */
automatic: boolean, 
/**
 * Every k tried, for the elbow and silhouette (or BIC) curves.
 */
curve: Array<KScore>, 
/**
 * Customers the silhouette is measured on.
 */
silhouette_sample: number, 
/**
 * The chosen clustering's silhouette.
 */
silhouette: number | null, 
/**
 * The chosen k-means inertia.
 */
inertia: number | null, 
/**
 * The mixture, for `gmm`.
 */
mixture: MixtureFit | null, 
/**
 * DBSCAN, for `dbscan`.
 */
dbscan: DbscanFit | null, 
/**
 * The clusters, largest first; noise last.
 */
clusters: Array<ClusterProfile>, 
/**
 * The map.
 */
map: ClusterMap, 
/**
 * The seed.
 */
seed: number, 
/**
 * k-means restarts of the clusters kept.
 */
restarts: number, 
/**
 * Restarts of each other k of the automatic scan.
 */
scan_restarts: number, };

/**
 * Parameters of the lifetime-value models. Defaults: BG/NBD in days, 90 days ahead, 1 % a
 * month discount, the last quarter of the time range held out for validation.
 */
export type ClvParams = { 
/**
 * The repeat-purchase model: bgnbd or pareto.
 */
model: PurchaseModel, 
/**
 * The time unit of the fit: day or week (the predictions do not depend on it beyond
 * rounding; the parameters' scale does).
 */
unit: TimeUnit, 
/**
 * The last day of the calibration period (YYYY-MM-DD) for the validation; the days after
 * it are the holdout. Default: three quarters into the data's time range.
 */
calibration_end: string | null, 
/**
 * Days ahead the expected purchases and the lifetime value count (1 to 3650).
 */
horizon_days: number, 
/**
 * Monthly discount rate of the lifetime value (0 to 0.5; lifetimes' 30-day months).
 */
discount_monthly: number, 
/**
 * Whether to check the model on a holdout: a second fit on the calibration period,
 * its predictions for the days after it against what the customers did.
 */
validate: boolean, };

/**
 * The lifetime-value analysis. Field names are the JS API.
 */
export type ClvSummary = { 
/**
 * The repeat-purchase model used for the predictions.
 */
model: PurchaseModel, 
/**
 * The fitting unit.
 */
unit: TimeUnit, 
/**
 * Days ahead the predictions count.
 */
horizon_days: number, 
/**
 * Monthly discount rate.
 */
discount_monthly: number, 
/**
 * The observation end: the data's last day.
 */
observation_end: string, 
/**
 * Customers with a purchase.
 */
customers: number, 
/**
 * Of them, customers with a repeat purchase day.
 */
repeat_buyers: number, 
/**
 * The fewest repeat buyers the models are fitted on (the smallest shop they serve).
 */
min_repeat_buyers: number, 
/**
 * The repeat-purchase model fitted on all the data.
 */
purchases: FittedModel, 
/**
 * The Gamma-Gamma order-value model; null when it could not be fitted (`value_problem`).
 */
value: FittedModel | null, 
/**
 * Why there is no order-value model.
 */
value_problem: Message | null, 
/**
 * Pearson correlation of repeat buyers' frequency and mean order value (Gamma-Gamma
 * assumes none).
 */
frequency_value_correlation: number | null, 
/**
 * Σ expected purchases over the horizon.
 */
expected_purchases: Estimate, 
/**
 * Σ lifetime value over the horizon, currency units; null without an order-value model.
 */
lifetime_value: Estimate | null, 
/**
 * Mean probability alive.
 */
mean_p_alive: number, 
/**
 * Customers more likely alive than not.
 */
likely_alive: number, 
/**
 * P(alive) in ten bars of 0.1.
 */
p_alive_bars: Array<Bar>, 
/**
 * The calibration / holdout check; null when it was not asked for or cannot be made
 * (`validation_problem`).
 */
validation: Validation | null, 
/**
 * Why there is no validation.
 */
validation_problem: Message | null, 
/**
 * What to keep in mind reading the numbers (a small shop, correlated value).
 */
notes: Array<Message>, };

/**
 * The column chosen for one field (0-based column index into the header).
 */
export type ColumnAssignment = { 
/**
 * The data-contract field.
 */
field: Field, 
/**
 * 0-based column index.
 */
column: number, };

/**
 * What a column holds, for formatting and for the generated TypeScript type.
 */
export type ColumnKind = { "kind": "count" } | { "kind": "days" } | { "kind": "money" } | { "kind": "score" } | { "kind": "code", 
/**
 * The names, by code.
 */
names: Array<string>, } | { "kind": "number" } | { "kind": "share" } | { "kind": "date" } | { "kind": "hour" } | { "kind": "text" };

/**
 * A column an analysis adds to the customer table. Field names are the JS API.
 */
export type ColumnSpec = { 
/**
 * Name within its analysis (`recency`); the table calls it `kind.name`.
 */
name: string, 
/**
 * What it holds.
 */
kind: ColumnKind, 
/**
 * What it means, in English (the page words it from its feature's messages).
 */
doc: string, 
/**
 * Its Chinese label: a rule may name it so (`订单数 >= 3`); unique among all columns.
 */
zh: string, };

/**
 * One condition of a filter: `column op value`.
 */
export type Condition = { 
/**
 * Column id (`rfm.segment`).
 */
column: string, 
/**
 * Comparison.
 */
op: Op, 
/**
 * What to compare with: a number, or a code's name.
 */
value: Cell, };

/**
 * How many items the right-hand side of a rule may hold.
 */
export type Consequents = "one" | "any";

/**
 * Cumulative repeat purchases at a day. Field names are the JS API.
 */
export type CumulativePoint = { 
/**
 * The day, `YYYY-MM-DD`.
 */
date: string, 
/**
 * Repeat purchase days of the calibration customers up to it.
 */
actual: number, 
/**
 * The calibration model's expectation.
 */
predicted: number, };

/**
 * The currency the amounts are most likely in, and why we think so.
 */
export type CurrencyGuess = { 
/**
 * ISO 4217 code ("CNY", "GBP", "USD", "EUR", …), or "" when unknown.
 */
code: string, 
/**
 * Symbol to show ("¥", "£", "$", "€"), or "" when unknown.
 */
symbol: string, 
/**
 * Why: `currency.written` (a symbol in money cells), `currency.region` (the country
 * column), `currency.chinese_headers`, `currency.chinese_values` or `currency.unknown`.
 */
basis: Message, };

/**
 * The lines of one currency in a file set that has several.
 */
export type CurrencyLines = { 
/**
 * ISO code.
 */
code: string, 
/**
 * Lines in it.
 */
lines: number, 
/**
 * Σ their value in minor units of this currency.
 */
value_cents: number, 
/**
 * The main currency: the one with most lines, in which every figure is shown.
 */
main: boolean, 
/**
 * The user's rate to the main currency (1 of this = `rate` of the main), when given:
 * the lines were converted and used; without one they were left out.
 */
rate: number | null, };

/**
 * A point of a curve. Field names are the JS API.
 */
export type CurvePoint = { 
/**
 * x: false-positive rate (ROC) or recall (precision-recall).
 */
x: number, 
/**
 * y: true-positive rate (ROC) or precision (precision-recall).
 */
y: number, };

/**
 * A customer's card. Field names are the JS API.
 */
export type CustomerCard = { 
/**
 * The customer id.
 */
customer_id: string, 
/**
 * Every order, newest first.
 */
orders: Array<CardOrder>, 
/**
 * Purchase value by category, largest first (empty without a category, in the orders
 * or the product catalogue).
 */
categories: Array<Spend>, 
/**
 * Purchase value by brand, largest first (empty without a brand, in the orders or the
 * product catalogue).
 */
brands: Array<Spend>, 
/**
 * Purchase value by channel, largest first.
 */
channels: Array<Spend>, };

/**
 * One customer's list.
 */
export type CustomerList = { 
/**
 * The customer id.
 */
customer_id: string, 
/**
 * Their orders with a purchase (0: the list is the cold-start one).
 */
orders: number, 
/**
 * The products, best first.
 */
items: Array<Recommended>, };

/**
 * Which customers, with which rule tags.
 */
export type CustomersParams = { 
/**
 * Rule tags as `NAME=EXPR` (`VIP=orders >= 3`): customers matching EXPR carry tag NAME.
 */
rule: Array<string>, 
/**
 * Only this customer (the id as in the file); none: every customer.
 */
id: string | null, };

/**
 * The loaded data in numbers. Field names are the JS API.
 */
export type DataFacts = { 
/**
 * Lines used.
 */
lines: number, 
/**
 * Identified customers.
 */
customers: number, 
/**
 * First day with a line, `YYYY-MM-DD`.
 */
first_day: string | null, 
/**
 * Last day with a line.
 */
last_day: string | null, 
/**
 * The dimensions the global filter can restrict (channel, region, category), when the
 * data has them.
 */
dimensions: Array<DimensionFacts>, };

/**
 * The filter as the page's filter bar and the CLI (`--from`, `--to`, `--channel`, …) give
 * it. Empty fields filter nothing. Field names are the JS API.
 */
export type DataFilter = { 
/**
 * First day included, `YYYY-MM-DD`.
 */
from: string | null, 
/**
 * Last day included, `YYYY-MM-DD`.
 */
to: string | null, 
/**
 * Only lines of these channels.
 */
channel: Array<string>, 
/**
 * Only lines of these regions (provinces, countries).
 */
region: Array<string>, 
/**
 * Only lines of these product categories.
 */
category: Array<string>, };

/**
 * How a date column was written, as the report states it. Field names are the JS API.
 */
export type DateFormat = { 
/**
 * A pattern such as `YYYY-MM-DD hh:mm:ss` or `D/M/YYYY hh:mm` (notation, the same in
 * every language), or the message code of a named form: `date.unix_seconds`,
 * `date.unix_millis`, `date.excel_serial`, `date.excel_cells`.
 */
written: string, 
/**
 * Year-last dates: the day/month order they were read in.
 */
order: DateOrder | null, 
/**
 * A time zone suffix was present and dropped (the wall clock is kept).
 */
zone_dropped: boolean, };

/**
 * Whether `3/4/2024` is the 3rd of April (day first) or March 4th (month first).
 */
export type DateOrder = "day_first" | "month_first";

/**
 * DBSCAN's fit. Field names are the JS API.
 */
export type DbscanFit = { 
/**
 * The radius used (standardised units).
 */
eps: number, 
/**
 * The knee of the k-distance curve, the radius suggested.
 */
eps_suggested: number | null, 
/**
 * Neighbours that make a core point.
 */
min_samples: number, 
/**
 * Customers DBSCAN ran on (a fixed-seed sample when there are more).
 */
sample: number, 
/**
 * Core points in the sample.
 */
core: number, 
/**
 * Customers in no cluster.
 */
noise: number, 
/**
 * Each probe's distance to its `min_samples`-th nearest neighbour, far to near.
 */
k_distance: Array<number>, };

/**
 * What the page shows above the columns. Field names are the JS API.
 */
export type DemographicsSummary = { 
/**
 * Whether a customers file was loaded.
 */
has_table: boolean, 
/**
 * Customers of the orders.
 */
customers: number, 
/**
 * Of those, with a row in the customer list.
 */
matched: number, 
/**
 * Customers per gender, in `GENDERS` order (values no one has left out).
 */
genders: Array<ValueShare>, 
/**
 * Customers per age band, in band order.
 */
age_bands: Array<ValueShare>, };

/**
 * Optional text dimensions of an order line (data contract, orders table).
 */
export type Dimension = "category" | "brand" | "channel" | "region" | "city" | "campaign" | "payment" | "currency" | "discount";

/**
 * The values of one dimension, most lines first (ties by value).
 */
export type DimensionFacts = { 
/**
 * Which dimension.
 */
dimension: Dimension, 
/**
 * Distinct values in all.
 */
distinct: number, 
/**
 * The first `MAX_LISTED_VALUES` of them.
 */
values: Array<ValueCount>, };

/**
 * A shop total with its interval. Field names are the JS API.
 */
export type Estimate = { 
/**
 * The value at the fitted parameters.
 */
value: number, 
/**
 * A 95 % interval from the parameters' uncertainty (delta method); null without one.
 */
low: number | null, 
/**
 * Its upper end.
 */
high: number | null, };

/**
 * The offline evaluation on a time holdout.
 */
export type EvaluationSummary = { 
/**
 * Days held out.
 */
holdout_days: number, 
/**
 * The last day trained on (`YYYY-MM-DD`); the holdout is the days after it.
 */
split_date: string, 
/**
 * Customers with a purchase before the holdout.
 */
train_customers: number, 
/**
 * Products bought before the holdout: the catalogue a list can hold.
 */
catalogue: number, 
/**
 * Customers measured: those who bought in the holdout something they had not bought
 * before (with a purchase before it or not).
 */
customers: number, 
/**
 * Of them, customers without a purchase before the holdout (cold start).
 */
cold_start: number, 
/**
 * Mean relevant products per customer measured.
 */
mean_relevant: number, 
/**
 * Every method, in table order.
 */
methods: Array<MethodMeasures>, 
/**
 * The best by each measure.
 */
best: BestMethods, };

/**
 * What an export is written as.
 */
export type ExportFormat = "json" | "csv" | "xlsx";

/**
 * What to export (the page's "Export JSON" buttons, the CLI's `--json`).
 */
export type ExportRequest = { 
/**
 * One analysis (its section of the report), or none for the whole report.
 */
analysis: string | null, 
/**
 * Its parameters (missing fields take their defaults).
 */
params: Record<string, unknown> | null, 
/**
 * `json` (the default: the report, or the analysis's section) or `csv` (the analysis's
 * table, where it has one: `Analysis::csv`).
 */
format: ExportFormat, };

/**
 * A feature as clustered. Field names are the JS API.
 */
export type Feature = { 
/**
 * The name as given (`rfm.monetary`).
 */
name: string, 
/**
 * The customer-table column it reads (`rfm.monetary_cents`).
 */
column: string, 
/**
 * The mean of the transformed values (log1p when `log1p`).
 */
mean: number, 
/**
 * Their population standard deviation (1 when they do not vary), the unit of a z-score.
 */
scale: number, };

/**
 * A feature the models read. Field names are the JS API.
 */
export type FeatureInfo = { 
/**
 * Its name.
 */
name: string, 
/**
 * What it is, in English (the page words it per language).
 */
doc: string, 
/**
 * Whether the models read it (a feature constant over the training customers is left
 * out: it carries nothing to learn).
 */
used: boolean, };

/**
 * The shop median of one feature. Field names are the JS API.
 */
export type FeatureMedian = { 
/**
 * The column name (`aov_cents`).
 */
feature: string, 
/**
 * The median (pandas' definition: the mean of the two middle values of an even count);
 * null when no customer has the feature.
 */
median: number | null, 
/**
 * Customers who have it.
 */
customers: number, };

/**
 * A column of a table of the data contract (DESIGN.md): orders first, then the fields only
 * the customers, events and products tables have. Serialised in snake_case.
 */
export type Field = "order_id" | "customer_id" | "order_date" | "quantity" | "unit_price" | "line_amount" | "product_id" | "product_name" | "category" | "brand" | "channel" | "region" | "city" | "campaign" | "payment" | "status" | "currency" | "refund_amount" | "shipping" | "cancelled_at" | "line_status" | "discount" | "gender" | "birth_date" | "age" | "occupation" | "education" | "income" | "member_level" | "signup_date" | "email" | "phone" | "customer_name" | "event_type" | "event_time" | "duration" | "search_query" | "session_id" | "price" | "product_tags";

/**
 * How many fields a ragged row has against the header (the detail of `wrong_field_count`,
 * worded by the code `detail.field_count`).
 */
export type FieldCount = { 
/**
 * Fields in the header.
 */
expected: number, 
/**
 * Fields in the row.
 */
found: number, };

/**
 * What the page shows before ingest: detected format, encoding, headers, the proposed
 * column mapping and a preview. Field names are the JS API.
 */
export type FileInspection = { 
/**
 * File name.
 */
file: string, 
/**
 * "csv", "tsv", "xlsx", "json" or "jsonl" (plus "+gzip" when it was compressed).
 */
format: string, 
/**
 * Detected text encoding ("UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE", "UTF-16BE"),
 * or "binary (XLSX)".
 */
encoding: string, 
/**
 * Field delimiter of a delimited file.
 */
delimiter: string | null, 
/**
 * XLSX: every sheet name; the one read is `sheet`.
 */
sheets: Array<string>, 
/**
 * XLSX: the sheet read.
 */
sheet: string | null, 
/**
 * Header cells, in column order.
 */
headers: Array<string>, 
/**
 * The column chosen for each data-contract field (automatic or the user's override).
 */
mapping: Array<ColumnAssignment>, 
/**
 * Required fields with no column (ingest refuses the file until they are mapped).
 */
missing: Array<Field>, 
/**
 * Up to 5 data rows as text, for the mapping review (emptied in an export: they hold
 * columns that were not mapped, names and phones among them — `report::to_json`).
 */
preview: Array<Array<string>>, 
/**
 * The platform export the file is read as, when one was recognised or chosen.
 */
platform: PlatformMatch | null, 
/**
 * Columns whose values look like the required fields the header did not name.
 */
proposals: Array<Proposal>, 
/**
 * The table the file is read as.
 */
table: TableKind, };

/**
 * Per-file choices the user can override in the page or on the command line.
 */
export type FileOptions = { 
/**
 * The file these options are for (matched by name).
 */
file: string, 
/**
 * XLSX: the sheet to read (default: the first).
 */
sheet: string | null, 
/**
 * Column assignments replacing the automatic mapping (all of them, when given).
 */
mapping: Array<ColumnAssignment> | null, 
/**
 * The platform export to read the file as (a profile id such as `shopify.orders`), or
 * `none` for no platform; unset: recognised from the header.
 */
platform: string | null, 
/**
 * The table the file holds (orders, customers, events, products); unset: recognised
 * from the header (`TableKind::of_headers`).
 */
table: TableKind | null, };

/**
 * Per-file facts shown in the report.
 */
export type FileReport = { 
/**
 * File name.
 */
file: string, 
/**
 * Format ("csv", "tsv", "xlsx", "json", "jsonl", maybe "+gzip").
 */
format: string, 
/**
 * Detected encoding.
 */
encoding: string, 
/**
 * Data rows read (header excluded).
 */
rows_read: number, 
/**
 * Rows kept after rejection and de-duplication.
 */
rows_used: number, 
/**
 * How dates were written (none when no row had a date).
 */
date_format: DateFormat | null, 
/**
 * Decisions the user should know about (`note.no_quantity`, …).
 */
notes: Array<Message>, 
/**
 * The platform export it was read as, with its rules.
 */
platform: PlatformMatch | null, 
/**
 * Rows left out on purpose (a status that is not a sale).
 */
rows_left_out: number, };

/**
 * A fitted model. Field names are the JS API.
 */
export type FittedModel = { 
/**
 * `bgnbd`, `pareto` or `gamma_gamma`.
 */
model: string, 
/**
 * The parameters in the fitting unit (α, β per unit; v in currency units).
 */
parameters: Array<Parameter>, 
/**
 * The log-likelihood Σ ln Lᵢ of the papers' formula, in the fitting unit.
 */
log_likelihood: number, 
/**
 * Customers it was fitted on.
 */
customers: number, 
/**
 * Optimiser iterations of the best start.
 */
iterations: number, };

/**
 * Customers who moved from one stage to another between two month ends. Field names are
 * the JS API.
 */
export type Flow = { 
/**
 * The month the move ends in (`YYYY-MM`).
 */
month: string, 
/**
 * The stage at the previous month's end; `null`: not a customer yet.
 */
from: string | null, 
/**
 * The stage at this month's end.
 */
to: string, 
/**
 * Customers.
 */
customers: number, };

/**
 * Mean holdout purchases of the customers with one calibration frequency. Field names are
 * the JS API.
 */
export type FrequencyBucket = { 
/**
 * Repeat purchases in the calibration period; the last bucket holds this many or more.
 */
frequency: number, 
/**
 * Whether this is the open last bucket (`7+`).
 */
or_more: boolean, 
/**
 * Customers in it.
 */
customers: number, 
/**
 * Their mean purchases in the holdout.
 */
actual: number, 
/**
 * The calibration model's mean prediction for them.
 */
predicted: number, };

/**
 * The top share of customers by score and what it captures (the gains and lift chart).
 * Field names are the JS API.
 */
export type Gain = { 
/**
 * Share of customers, highest scores first (0.05 … 1).
 */
share: number, 
/**
 * Share of the target's customers among them (the gains curve).
 */
captured: number, 
/**
 * captured ÷ share: how many times the average rate (the lift).
 */
lift: number, };

/**
 * What one row of an export is.
 */
export type Grain = "line" | "order";

/**
 * One cell of the R × F grid.
 */
export type GridCell = { 
/**
 * R score 1..=bins.
 */
r: number, 
/**
 * F score 1..=bins.
 */
f: number, 
/**
 * Customers in the cell.
 */
customers: number, 
/**
 * Σ monetary, minor units.
 */
revenue_cents: number, 
/**
 * The segment of the cell: with 5 bins the (R, F) pair names it; with other bins, the
 * segment all its customers share, or none when they are in several (or it is empty).
 */
segment: Segment | null, };

/**
 * A feature's weight in a model. Field names are the JS API.
 */
export type Importance = { 
/**
 * The feature's name (`recency_days` …).
 */
feature: string, 
/**
 * Share of the model's importance (Σ = 1): the trees' mean impurity decrease, the
 * logistic regression's |coefficient| on standardised features.
 */
importance: number, 
/**
 * The logistic regression's coefficient (per standard deviation of the logged
 * feature); null for the trees.
 */
coefficient: number | null, };

/**
 * Options of one ingest run. Defaults live here, once (Ruffle: TS forwards only what is set).
 */
export type IngestOptions = { 
/**
 * Per-file overrides.
 */
files: Array<FileOptions>, 
/**
 * Day/month order for slashed dates like `3/4/2024`, when the data cannot decide it.
 */
date_order: DateOrder | null, 
/**
 * Exchange rates to the main currency, by ISO code (1 SGD = `rates["SGD"]` of the main
 * one): lines in a second currency are converted with them, else left out.
 */
rates: Record<string, number>, 
/**
 * The currency of lines that do not name one, when the user knows better than the
 * guess (a UK shop whose country column is not mapped is not in yuan).
 */
currency: string | null, };

/**
 * What a finished ingest reports back: enough for the page's first screen.
 */
export type IngestSummary = { 
/**
 * Per file: format, encoding, mapping used.
 */
files: Array<FileInspection>, 
/**
 * Rows read, used and rejected (the quality view has the details).
 */
rows: RowCounts, 
/**
 * The currency the amounts are most likely in (every view formats money with it).
 */
currency: CurrencyGuess, 
/**
 * The loaded data in numbers, and the values the global filter can choose from.
 */
facts: DataFacts, };

/**
 * A product and how many baskets hold it. Field names are the JS API.
 */
export type ItemCount = { 
/**
 * Product id.
 */
product: string, 
/**
 * Baskets holding it.
 */
baskets: number, 
/**
 * baskets ÷ all baskets.
 */
support: number, };

/**
 * A frequent itemset. Field names are the JS API.
 */
export type ItemsetRow = { 
/**
 * Product ids, in the file's order of products.
 */
items: Array<string>, 
/**
 * Baskets holding all of them.
 */
baskets: number, 
/**
 * baskets ÷ all baskets.
 */
support: number, };

/**
 * Every join of the loaded tables. Field names are the JS API.
 */
export type JoinReport = { 
/**
 * Per pair of joined tables, both directions.
 */
sides: Array<JoinSide>, };

/**
 * One direction of one join: the distinct ids of `table` (by `key`) and those of them
 * `other` does not have.
 */
export type JoinSide = { 
/**
 * The table whose ids are counted.
 */
table: TableKind, 
/**
 * The table they are looked for in.
 */
other: TableKind, 
/**
 * The id joined on (`customer_id` or `product_id`).
 */
key: Field, 
/**
 * Distinct ids in `table`.
 */
ids: number, 
/**
 * Of those, not in `other`.
 */
unmatched: number, 
/**
 * The first unmatched ids.
 */
examples: Array<string>, };

/**
 * One k of the automatic choice. Field names are the JS API.
 */
export type KScore = { 
/**
 * Clusters.
 */
k: number, 
/**
 * k-means inertia (Σ squared distance to the centre, standardised units).
 */
inertia: number | null, 
/**
 * Mean silhouette on the sample.
 */
silhouette: number | null, 
/**
 * The mixture's BIC (lower is better); null when it collapsed.
 */
bic: number | null, };

/**
 * Every line left out for one reason.
 */
export type LeftOutGroup = { 
/**
 * Why (worded by `LeftOutReason::code`).
 */
reason: LeftOutReason, 
/**
 * Lines left out.
 */
lines: number, 
/**
 * Distinct orders among them.
 */
orders: number, 
/**
 * Σ their value in minor units.
 */
value_cents: number, 
/**
 * Per value that caused it, most lines first (ties: first seen).
 */
values: Array<LeftOutValue>, 
/**
 * The first five lines, in input order.
 */
examples: Array<Rejection>, };

/**
 * Why a line is left out of the analyses (reported with its lines, orders and value).
 */
export type LeftOutReason = "cancelled" | "closed" | "unpaid" | "voided" | "failed" | "other_currency" | "conflicting_order" | "no_order";

/**
 * One value that caused lines to be left out (a status, a currency), with their total.
 */
export type LeftOutValue = { 
/**
 * The cell as written (`交易关闭`, `voided`, `SGD`).
 */
value: string, 
/**
 * Lines with it.
 */
lines: number, 
/**
 * Σ their value in minor units (of their own currency).
 */
value_cents: number, };

/**
 * How many of something have a given length. Field names are the JS API.
 */
export type LengthCount = { 
/**
 * Items in the itemset (both sides of a rule together).
 */
length: number, 
/**
 * How many.
 */
count: number, };

/**
 * Parameters of the lifecycle stages. Every window left out is derived from the shop's own
 * distribution (see `Windows`); give one to set it.
 */
export type LifecycleParams = { 
/**
 * Days since the last purchase up to which a customer is active (default: the 80th
 * percentile of the shop's days between purchases).
 */
active_days: number | null, 
/**
 * Days since the last purchase beyond which a customer has churned (default: the 95th
 * percentile of the days between purchases); between the two: dormant.
 */
churn_days: number | null, 
/**
 * Days since the first purchase up to which an active customer is new (default: the
 * active window).
 */
new_days: number | null, 
/**
 * Orders from which an active customer is loyal (default: the 80th percentile of the
 * customers' orders, at least 2).
 */
loyal_orders: number | null, };

/**
 * The lifecycle's output. Field names are the JS API.
 */
export type LifecycleSummary = { 
/**
 * The day the stages are at (`YYYY-MM-DD`).
 */
snapshot_date: string | null, 
/**
 * The windows, and where each came from.
 */
windows: Windows | null, 
/**
 * Customers per stage, in `STAGES` order.
 */
stages: Array<StageCount>, 
/**
 * Customers per stage at each month end.
 */
months: Array<MonthStages>, 
/**
 * Customers who changed stage (or became customers) from one month end to the next.
 */
flows: Array<Flow>, };

/**
 * The measures of a set of lists. Field names are the JS API.
 */
export type Measures = { 
/**
 * Customers measured (with a relevant product).
 */
customers: number, 
/**
 * Mean of hits ÷ k.
 */
precision: number, 
/**
 * Mean of hits ÷ relevant products.
 */
recall: number, 
/**
 * Mean average precision at k.
 */
map: number, 
/**
 * Mean normalised discounted cumulative gain at k.
 */
ndcg: number, 
/**
 * Share of customers with at least one hit.
 */
hit_rate: number, 
/**
 * Distinct products recommended ÷ the catalogue.
 */
coverage: number, 
/**
 * Mean −log2(share of buyers) of the products recommended.
 */
novelty: number, 
/**
 * Mean 1 − cosine similarity of a list's pairs.
 */
diversity: number, };

/**
 * A user-facing text: a stable code (the key of its wording in every language) and the
 * values it names.
 */
export type Message = { 
/**
 * Stable code, e.g. `note.no_quantity` or `currency.region`.
 */
code: string, 
/**
 * Values the wording names, by name.
 */
params?: { [key in string]?: Param }, };

/**
 * How customers are grouped.
 */
export type Method = "kmeans" | "gmm" | "dbscan";

/**
 * One method's measures on the holdout.
 */
export type MethodMeasures = { 
/**
 * The method.
 */
method: RecommendMethod, 
/**
 * Its measures.
 */
measures: Measures, };

/**
 * A Gaussian mixture's fit. Field names are the JS API.
 */
export type MixtureFit = { 
/**
 * Mean log-likelihood per customer (standardised units).
 */
mean_log_likelihood: number, 
/**
 * Bayesian information criterion.
 */
bic: number, 
/**
 * EM iterations.
 */
iterations: number, 
/**
 * Whether EM converged (gain below 1e-3) within 100 iterations.
 */
converged: boolean, };

/**
 * A model that scores customers.
 */
export type ModelKind = "logistic" | "tree" | "forest";

/**
 * One model, evaluated on the held-out period. Field names are the JS API.
 */
export type ModelReport = { 
/**
 * logistic, tree or forest.
 */
model: ModelKind, 
/**
 * Area under the ROC curve (ties counted half).
 */
roc_auc: number, 
/**
 * Its standard error (Hanley & McNeil 1982).
 */
roc_auc_se: number, 
/**
 * Area under the precision-recall curve (average precision, scikit-learn's definition).
 */
pr_auc: number, 
/**
 * Mean squared error of the scores (lower is better).
 */
brier: number, 
/**
 * Mean log loss (scores clipped to [1e-15, 1 − 1e-15]).
 */
log_loss: number, 
/**
 * Share classified right at the score 0.5.
 */
accuracy: number, 
/**
 * The lift of the top tenth.
 */
lift_top_tenth: number, 
/**
 * Precision and recall at the chosen thresholds.
 */
at_thresholds: Array<AtThreshold>, 
/**
 * The ROC curve (at most 101 points, from (0, 0) to (1, 1)).
 */
roc: Array<CurvePoint>, 
/**
 * The precision-recall curve (at most 101 points).
 */
pr: Array<CurvePoint>, 
/**
 * Gains and lift by top share (every 5 %).
 */
gains: Array<Gain>, 
/**
 * Mean score against the observed rate, by tenth of the score.
 */
calibration: Array<CalibrationBin>, 
/**
 * Features by importance, largest first.
 */
importances: Array<Importance>, 
/**
 * Newton steps to the optimum (logistic).
 */
steps: number | null, 
/**
 * Splits of the tree; the mean splits of a forest's tree.
 */
splits: number | null, 
/**
 * Trees of the forest.
 */
trees: number | null, };

/**
 * One calendar month of the revenue series.
 */
export type MonthPoint = { 
/**
 * `YYYY-MM`.
 */
month: string, 
/**
 * Net revenue: Σ value of all lines dated this month (returns negative), minor units.
 */
revenue_cents: number, 
/**
 * Σ value of purchase lines.
 */
gross_sales_cents: number, 
/**
 * Σ value of return lines (≤ 0).
 */
returns_cents: number, 
/**
 * Purchase orders whose first purchase line is in this month.
 */
orders: number, 
/**
 * Identified customers with any line this month.
 */
active_customers: number, 
/**
 * Identified customers whose first line is in this month.
 */
new_customers: number, 
/**
 * The days looked at cover only part of the month (the first or the last one).
 */
partial: boolean, };

/**
 * Customers per stage at the end of one month. Field names are the JS API.
 */
export type MonthStages = { 
/**
 * `YYYY-MM`.
 */
month: string, 
/**
 * The snapshot day (the month's last day, or the data's last day in its last month).
 */
snapshot_date: string, 
/**
 * Customers per stage, in `STAGES` order.
 */
counts: Array<number>, 
/**
 * The snapshot is not the month's end: the data stops within the month, so its
 * counts are not those of a whole month (time charts mark it as partial).
 */
partial: boolean, };

/**
 * Parameters of an analysis that has none: `{}` on the wire.
 */
export type NoParams = Record<string, never>;

/**
 * How a filter compares.
 */
export type Op = "eq" | "ne" | "lt" | "le" | "gt" | "ge";

/**
 * Customers of an intersection of compared audiences. Field names are the JS API.
 */
export type OverlapCell = { 
/**
 * The audiences these customers are in (and in none of the other compared ones).
 */
sets: Array<string>, 
/**
 * How many.
 */
customers: number, };

/**
 * Shop overview KPIs. Field names are the JS API.
 */
export type Overview = { 
/**
 * Distinct identified customers.
 */
customers: number, 
/**
 * Purchase orders (order ids with at least one purchase line).
 */
orders: number, 
/**
 * Order ids made only of return lines (cancellations, refunds).
 */
return_orders: number, 
/**
 * Revenue net of returns: Σ value of all lines, minor units.
 */
revenue_cents: number, 
/**
 * Σ value of purchase lines.
 */
gross_sales_cents: number, 
/**
 * Σ value of return lines (≤ 0).
 */
returns_cents: number, 
/**
 * Average order value 客单价 = gross sales / purchase orders, minor units.
 */
aov_cents: number, 
/**
 * Net revenue per identified customer = Σ value of identified lines / customers.
 */
revenue_per_customer_cents: number, 
/**
 * Repeat-purchase rate = customers with ≥ 2 purchase orders / customers with ≥ 1.
 */
repeat_rate: number, 
/**
 * Items per order = Σ quantity of purchase lines / purchase orders.
 */
items_per_order: number, 
/**
 * Lines used.
 */
lines: number, 
/**
 * Distinct products; none when no line names a product (unknown, not zero).
 */
products: number | null, 
/**
 * Earliest line, ISO.
 */
date_min: string | null, 
/**
 * Latest line, ISO.
 */
date_max: string | null, 
/**
 * Calendar months from the first to the last line (months with no line included, zero).
 */
monthly: Array<MonthPoint>, 
/**
 * With a date filter: the same KPIs over the period of the same length just before it.
 */
previous: PreviousPeriod | null, };

/**
 * One parameter of a message.
 */
export type Param = number | number | string | Array<string>;

/**
 * One fitted parameter. Field names are the JS API.
 */
export type Parameter = { 
/**
 * Its name (`r`, `alpha`, `a`, `b`; `s`, `beta`; `p`, `q`, `v`).
 */
name: string, 
/**
 * The maximum-likelihood estimate.
 */
value: number, 
/**
 * Its standard error from the Hessian; null when the Hessian is not positive definite.
 */
standard_error: number | null, };

/**
 * A product bought together with the chosen one. Field names are the JS API.
 */
export type Partner = { 
/**
 * Product id.
 */
product: string, 
/**
 * Baskets holding both.
 */
baskets: number, 
/**
 * Of the baskets with the chosen product, the share that also hold this one.
 */
confidence: number, 
/**
 * confidence ÷ this product's support: how many times likelier than in any basket.
 */
lift: number, };

/**
 * One period of the time split. Field names are the JS API.
 */
export type Period = { 
/**
 * The day the features are computed as of (YYYY-MM-DD; lines up to it included).
 */
features_at: string, 
/**
 * The first day of the label window.
 */
labels_from: string, 
/**
 * The last day of the label window.
 */
labels_to: string, 
/**
 * Customers with a purchase up to `features_at`.
 */
customers: number, 
/**
 * Of them, those for whom the target happened.
 */
positives: number, };

/**
 * Every profile as the page lists it (for choosing one by hand).
 */
export type PlatformChoice = { 
/**
 * Profile id.
 */
id: string, 
/**
 * The platform's name.
 */
platform: string, 
/**
 * The export's name.
 */
export: string, };

/**
 * Which profile a file was read with, as the page and the report show it.
 */
export type PlatformMatch = { 
/**
 * Profile id (`shopify.orders`).
 */
id: string, 
/**
 * The platform's name.
 */
platform: string, 
/**
 * The export's name.
 */
export: string, 
/**
 * Recognised from the header (false: chosen by the user).
 */
recognised: boolean, 
/**
 * One row per order or per line.
 */
grain: Grain, 
/**
 * The export names no buyer: customer views are empty until a buyer id is given.
 */
no_buyer: boolean, 
/**
 * The export has no dates (a basket list): it is read for baskets only.
 */
undated: boolean, 
/**
 * Headers of the other buyer-identity columns in the file.
 */
buyer_alternatives: Array<string>, 
/**
 * The profile's rules, as message codes.
 */
rules: Array<string>, 
/**
 * Where the layout is documented.
 */
source: string, };

/**
 * The rows as the page and `--json` get them. Field names are the JS API.
 */
export type PortraitRows = { 
/**
 * Customers in `rows`.
 */
customers: number, 
/**
 * The columns of each row after `customer_id`, as customer-table ids (`profile.orders`).
 */
columns: Array<string>, 
/**
 * Analyses whose columns are not in the table because the data cannot support them (a
 * shop too small for a prediction), each with its reason.
 */
left_out: Array<Message>, 
/**
 * One object per customer: `customer_id`, then each column by its short name.
 */
rows: Array<{ customer_id: string } & Record<string, Cell>>, };

/**
 * The KPIs of the period just before the filter's date range, of the same length, with the
 * same channel, region and category filters.
 */
export type PreviousPeriod = { 
/**
 * First day, ISO `YYYY-MM-DD`.
 */
from: string, 
/**
 * Last day.
 */
to: string, 
/**
 * Lines in it.
 */
lines: number, 
/**
 * See `Overview::customers`.
 */
customers: number, 
/**
 * See `Overview::orders`.
 */
orders: number, 
/**
 * See `Overview::revenue_cents`.
 */
revenue_cents: number, 
/**
 * See `Overview::aov_cents`.
 */
aov_cents: number, 
/**
 * See `Overview::revenue_per_customer_cents`.
 */
revenue_per_customer_cents: number, 
/**
 * See `Overview::repeat_rate`.
 */
repeat_rate: number, 
/**
 * See `Overview::items_per_order`.
 */
items_per_order: number, };

/**
 * Parameters of the profile table. Defaults: the festivals of Chinese e-commerce (6.18,
 * 11.11, 12.12 and the Spring Festival week); a product is new for 30 days after its first
 * sale in the data.
 */
export type ProfileParams = { 
/**
 * Festival days for `festival_share`: `MM-DD` days of every year, and
 * `spring_festival` (the seven days from Chinese New Year's day, years 2000 to 2035).
 */
festivals: Array<string>, 
/**
 * Days after a product's first sale in the data during which buying it counts as
 * buying a new product (`new_product_share`), 1 to 365.
 */
new_product_days: number, };

/**
 * The profile's summary: what the page shows above the table and the card compares with.
 * Field names are the JS API.
 */
export type ProfileSummary = { 
/**
 * Customers profiled.
 */
customers: number, 
/**
 * `L`, the day "days since" counts to (`YYYY-MM-DD`).
 */
last_day: string | null, 
/**
 * Per numeric feature: its median over the customers who have it.
 */
medians: Array<FeatureMedian>, 
/**
 * Whether the data has a channel column (the channel features are null otherwise).
 */
has_channel: boolean, 
/**
 * Whether it has a category, from the orders or the product catalogue.
 */
has_category: boolean, 
/**
 * Whether it has a region column.
 */
has_region: boolean, 
/**
 * Whether the lines have a brand, from the orders or the product catalogue.
 */
has_brand: boolean, 
/**
 * Whether it has a discount or a coupon column.
 */
has_discount: boolean, };

/**
 * Where the job is, for a progress bar. Field names are the JS API.
 */
export type Progress = { 
/**
 * What the step just taken did.
 */
stage: Stage, 
/**
 * The file being worked on.
 */
file: string, 
/**
 * Its 0-based index.
 */
file_index: number, 
/**
 * Number of files.
 */
files: number, 
/**
 * Rows parsed so far, all files.
 */
rows: number, 
/**
 * Input bytes processed (estimated within the current file).
 */
bytes_done: number, 
/**
 * Input bytes of all files.
 */
bytes_total: number, };

/**
 * Parameters of the propensity models. Defaults: churn (no purchase) in the next 90 days,
 * the forest scores the customers and all three models are compared, cutoff = the last day
 * less the horizon.
 */
export type PropensityParams = { 
/**
 * What to predict: churn (no purchase within the horizon) or purchase (one within it).
 */
target: Target, 
/**
 * With target purchase: only a purchase of this product category counts (its exact
 * name as in the file).
 */
target_category: string | null, 
/**
 * The day (YYYY-MM-DD) the held-out test looks forward from: features from the data up
 * to it, labels from the horizon after it; the models learn one horizon earlier.
 * Default: the last day less the horizon.
 */
cutoff: string | null, 
/**
 * Days ahead the target looks (7 to 730).
 */
horizon_days: number, 
/**
 * The model whose scores the customers get: logistic, tree or forest.
 */
model: ModelKind, 
/**
 * Whether to fit and compare all three models (otherwise only `model`).
 */
compare: boolean, 
/**
 * Score thresholds at which precision and recall are reported (each between 0 and 1,
 * at most 9).
 */
thresholds: Array<number>, 
/**
 * Trees in the forest (1 to 500).
 */
trees: number, 
/**
 * Deepest split of a tree (1 to 20).
 */
max_depth: number, 
/**
 * Seed of the forest's bootstrap and feature draws.
 */
seed: number, };

/**
 * The propensity analysis's output. Field names are the JS API.
 */
export type PropensitySummary = { 
/**
 * churn or purchase.
 */
target: Target, 
/**
 * The category a purchase had to be of (purchase target), if any.
 */
target_category: string | null, 
/**
 * Days the target looks ahead.
 */
horizon_days: number, 
/**
 * The model whose scores the customers have.
 */
model: ModelKind, 
/**
 * The period the models learn from: features one horizon before the cutoff, labels up to it.
 */
training: Period, 
/**
 * The held-out period every metric is measured on: features at the cutoff, labels after it.
 */
test: Period, 
/**
 * The day the customers are scored as of (the data's last day).
 */
scored_at: string, 
/**
 * Customers scored (every customer with a purchase).
 */
scored_customers: number, 
/**
 * The sum of the scores: the customers the model expects the target of in the next
 * horizon.
 */
expected: number, 
/**
 * The lowest score of the top tenth (decile 1).
 */
top_tenth_score: number, 
/**
 * The scores' distribution.
 */
score_bins: Array<ScoreBin>, 
/**
 * The features.
 */
features: Array<FeatureInfo>, 
/**
 * Each model fitted, in the order logistic, tree, forest.
 */
models: Array<ModelReport>, 
/**
 * The constant-rate baseline.
 */
baseline: Baseline, 
/**
 * Things to know when reading the numbers.
 */
notes: Array<Message>, };

/**
 * A column proposed for a field by its content.
 */
export type Proposal = { 
/**
 * The field it would feed.
 */
field: Field, 
/**
 * 0-based column.
 */
column: number, 
/**
 * Its header.
 */
header: string, 
/**
 * Up to three of its values.
 */
samples: Array<string>, };

/**
 * Which model counts the repeat purchases.
 */
export type PurchaseModel = "bgnbd" | "pareto";

/**
 * The data-quality report of one ingest run (all files together).
 */
export type QualityReport = { 
/**
 * Per file.
 */
files: Array<FileReport>, 
/**
 * Data rows read over all files.
 */
rows_read: number, 
/**
 * Rows used by the analyses (after rejections and duplicate removal).
 */
rows_used: number, 
/**
 * Rows rejected (sum of `rejected[].count`).
 */
rows_rejected: number, 
/**
 * Rejections by reason, in `RejectReason::ALL` order, only reasons that occurred.
 */
rejected: Array<RejectionGroup>, 
/**
 * Exact duplicate rows removed (every cell equal to an earlier row of the same file).
 */
duplicates_removed: number, 
/**
 * Totals of the parsed rows before duplicate removal.
 */
read: ReadTotals, 
/**
 * Rows left out on purpose (sum of `left_out[].lines`).
 */
rows_left_out: number, 
/**
 * Rows left out on purpose, by reason: cancelled, closed, unpaid, voided and failed
 * orders; lines in a second currency with no rate.
 */
left_out: Array<LeftOutGroup>, 
/**
 * Used lines that are returns or cancellations (the return lines added for refunds
 * among them).
 */
return_lines: number, 
/**
 * Refunds found on purchase lines, each added as a return line.
 */
refunds: Refunds, 
/**
 * Used lines with no customer id (in shop totals, not in customer analytics).
 */
missing_customer_lines: number, 
/**
 * Earliest order time used, ISO `YYYY-MM-DDThh:mm:ss`.
 */
date_min: string | null, 
/**
 * Latest order time used.
 */
date_max: string | null, 
/**
 * Currency guess.
 */
currency: CurrencyGuess, 
/**
 * When the lines are in more than one currency: each, with its lines and value, and
 * whether it was used (the main one, or converted at the user's rate).
 */
currencies: Array<CurrencyLines>, 
/**
 * The files of the customers, events and products tables (the fields above are the
 * orders').
 */
tables: Array<TableFileReport>, 
/**
 * How the tables join: the ids of each that the others lack.
 */
join: JoinReport, };

/**
 * A product of a baseline ranking.
 */
export type Ranked = { 
/**
 * The product id.
 */
product: string, 
/**
 * Customers who bought it (in the window, for trending).
 */
buyers: number, };

/**
 * Totals over the rows as read (every parsed row, before duplicates are removed).
 */
export type ReadTotals = { 
/**
 * Parsed rows (= rows read − rows rejected).
 */
lines: number, 
/**
 * Σ line value (quantity × unit price, or line amount) in minor units.
 */
value_cents: number, 
/**
 * Lines with a negative quantity or a cancelled order id.
 */
return_lines: number, 
/**
 * Lines whose order id marks a cancellation (Online Retail's `C` prefix).
 */
cancelled_order_lines: number, 
/**
 * Distinct order ids.
 */
orders: number, 
/**
 * Distinct customer ids.
 */
customers: number, };

/**
 * The audience the lists were made for.
 */
export type RecommendAudience = { 
/**
 * The rule.
 */
rule: string, 
/**
 * Its customers.
 */
customers: number, };

/**
 * How the lists are made.
 */
export type RecommendMethod = "popular" | "trending" | "itemcf" | "als" | "content" | "hybrid";

/**
 * Parameters of the recommendations. The ALS defaults are stage f(ii) of the peer benchmark
 * (implicit's `AlternatingLeastSquares(factors=64, iterations=15, regularization=0.01,
 * alpha=1.0)`); item-CF with `shrinkage` 0 and `neighbours` 0 is stage f(i).
 */
export type RecommendParams = { 
/**
 * How the lists are made: popular, trending, itemcf, als, content or hybrid.
 */
method: RecommendMethod, 
/**
 * Products per customer (1 to 100).
 */
k: number, 
/**
 * Also compare every method on a time holdout (the last `holdout_days` days).
 */
evaluate: boolean, 
/**
 * Days at the end of the data held out for the evaluation (1 to 3650).
 */
holdout_days: number, 
/**
 * Leave out what the customer already bought.
 */
exclude_bought: boolean, 
/**
 * Only products of these categories (empty: every category).
 */
categories: Array<string>, 
/**
 * Only these products (ids), e.g. those in stock (empty: every product).
 */
in_stock: Array<string>, 
/**
 * At most this many products of one category in a list (0: no limit; up to 100).
 */
max_per_category: number, 
/**
 * Item-CF and content: neighbours kept per product (0: every one; up to 100,000).
 */
neighbours: number, 
/**
 * Item-CF: shrinkage λ of the cosine, x·y / (‖x‖‖y‖ + λ) (0 or more).
 */
shrinkage: number, 
/**
 * ALS: latent factors (1 to 256).
 */
factors: number, 
/**
 * ALS: alternations (1 to 100).
 */
iterations: number, 
/**
 * ALS: regularisation λ (above 0).
 */
regularization: number, 
/**
 * ALS: confidence α per purchase (above 0).
 */
alpha: number, 
/**
 * ALS: seed of the starting factors.
 */
seed: number, 
/**
 * Trending: the last days counted (1 to 3650).
 */
trending_days: number, 
/**
 * Hybrid: weight of item-CF (0 or more).
 */
weight_itemcf: number, 
/**
 * Hybrid: weight of ALS (0 or more).
 */
weight_als: number, 
/**
 * Hybrid: weight of content (0 or more).
 */
weight_content: number, 
/**
 * Hybrid: weight of popularity (0 or more).
 */
weight_popular: number, 
/**
 * Only the customers of this rule get lists (empty: every customer), in the rule
 * language: `rfm.segment == "champions"` or `in_audience("VIP")`.
 */
where: string, 
/**
 * Saved audiences the rule may name with in_audience("NAME").
 */
audiences: Array<AudienceDefinition>, 
/**
 * One customer (their id) whose list to give, with its explanations.
 */
customer: string | null, };

/**
 * Why a product is in a list. Serialised names are the JS API.
 */
export type RecommendSource = "popular" | "trending" | "itemcf" | "als" | "content";

/**
 * The recommendations' output.
 */
export type RecommendSummary = { 
/**
 * The method of the lists.
 */
method: RecommendMethod, 
/**
 * Products per list.
 */
k: number, 
/**
 * Customers given a list.
 */
customers: number, 
/**
 * Of them, customers without a purchase (given trending or popular products).
 */
no_purchase: number, 
/**
 * Of them, customers with one order.
 */
one_order: number, 
/**
 * Products bought at least once: what a list can hold.
 */
items: number, 
/**
 * Customer–product pairs bought.
 */
purchases: number, 
/**
 * Whether products have names, categories, brands or tags for the content method.
 */
described: boolean, 
/**
 * The audience, when the lists were made for one.
 */
audience: RecommendAudience | null, 
/**
 * The business filters.
 */
filters: AppliedFilters, 
/**
 * The most bought products (at most 20).
 */
popular: Array<Ranked>, 
/**
 * The most bought lately (at most 20), over the last `trending_days` days.
 */
trending: Array<Ranked>, 
/**
 * The lists of the first customers (at most 20), in customer order; every list is in
 * the download (`--csv`).
 */
preview: Array<CustomerList>, 
/**
 * The list of the customer asked for.
 */
customer: CustomerList | null, 
/**
 * The comparison of every method, when asked for.
 */
evaluation: EvaluationSummary | null, 
/**
 * Product names by id, of every product above.
 */
names: { [key in string]?: string }, 
/**
 * What the merchant should know of the result.
 */
notes: Array<Message>, };

/**
 * One product of a customer's list.
 */
export type Recommended = { 
/**
 * The product id.
 */
product: string, 
/**
 * Its score under the method (for the hybrid: the weighted sum of each method's score
 * divided by its best for the customer).
 */
score: number, 
/**
 * Why it is there.
 */
source: RecommendSource, 
/**
 * The customer's purchase it follows from ("because you bought"), where the method
 * relates products.
 */
because: string | null, };

/**
 * Refunds of purchase lines (a refunded status, or a refund amount).
 */
export type Refunds = { 
/**
 * Return lines added for them.
 */
lines: number, 
/**
 * Their value in minor units (≤ 0).
 */
value_cents: number, 
/**
 * Lines whose status says partly refunded but whose file gives no refund amount.
 */
partly_refunded_unknown: number, };

/**
 * Why a row was not used. Each has a stable code (`snake_case` in JSON).
 */
export type RejectReason = "wrong_field_count" | "missing_order_id" | "missing_date" | "invalid_date" | "invalid_quantity" | "invalid_price" | "malformed" | "nul_byte" | "missing_id" | "missing_event_type" | "invalid_event_time";

/**
 * Where one rejected row was, and the offending value.
 */
export type Rejection = { 
/**
 * File name.
 */
file: string, 
/**
 * 1-based line number in the file (XLSX: the sheet row; JSON lines: the line).
 */
line: number, 
/**
 * Header of the offending column (empty when the whole row is at fault).
 */
column: string, 
/**
 * The offending value, cut to 80 characters.
 */
value: string, 
/**
 * For `wrong_field_count`: the field counts of header and row; else none.
 */
detail: FieldCount | null, };

/**
 * All rows rejected for one reason: the count and the first five examples.
 */
export type RejectionGroup = { 
/**
 * Reason code (worded by the message code `RejectReason::code`).
 */
reason: RejectReason, 
/**
 * Rows rejected for this reason.
 */
count: number, 
/**
 * The first five, in input order.
 */
examples: Array<Rejection>, };

/**
 * A rule of what a table must map: one of `any_of`; when none is mapped, `reported` is
 * the field named as missing.
 */
export type Requirement = { 
/**
 * Any of these fields satisfies it.
 */
any_of: Array<Field>, 
/**
 * The field named as missing.
 */
reported: Field, };

/**
 * Parameters of RFM. Defaults: 5 bins (quintile scores, the standard), recency counted back
 * from the day after the latest line.
 */
export type RfmParams = { 
/**
 * Score bins per metric (2 to 10): 5 gives quintile scores 1-5. Segments are always
 * named from the R and F quintiles, whatever the number of bins.
 */
bins: number, 
/**
 * Day recency is counted back from (YYYY-MM-DD, after the latest line); default: the
 * day after the latest line.
 */
snapshot_date: string | null, };

/**
 * What the page shows of RFM besides the customer table.
 */
export type RfmSummary = { 
/**
 * Identified customers scored.
 */
customers: number, 
/**
 * ISO date recency counts back from.
 */
snapshot_date: string | null, 
/**
 * All 11 segments, best first (empty ones included with zero counts).
 */
segments: Array<SegmentStats>, 
/**
 * Score bins: the grid has `bins × bins` cells.
 */
bins: number, 
/**
 * The cells, r-major (r = 1..=bins, f = 1..=bins).
 */
grid: Array<GridCell>, };

/**
 * Row counts of an ingest.
 */
export type RowCounts = { 
/**
 * Data rows read.
 */
read: number, 
/**
 * Rows used.
 */
used: number, 
/**
 * Rows rejected.
 */
rejected: number, 
/**
 * The reason most rows were rejected for, when any were.
 */
top_rejection: RejectReason | null, 
/**
 * Rows left out on purpose (a status that is not a sale).
 */
left_out: number, };

/**
 * A node of a rule. Field names are the JS API.
 */
export type RuleNode = { "type": "and", 
/**
 * The items (two or more).
 */
items: Array<RuleNode>, } | { "type": "or", 
/**
 * The items (two or more).
 */
items: Array<RuleNode>, } | { "type": "not", 
/**
 * What is negated.
 */
item: RuleNode, } | { "type": "condition", 
/**
 * The field as written.
 */
field: string, 
/**
 * The operator.
 */
op: string, 
/**
 * The values, each as written (texts with their quotes).
 */
values: Array<string>, } | { "type": "audience", 
/**
 * The audience's name.
 */
name: string, };

/**
 * An association rule antecedents → consequents and mlxtend's measures of it (defined in
 * `rules.rs` and on the page). Field names are the JS API.
 */
export type RuleRow = { 
/**
 * Product ids of the left-hand side.
 */
antecedents: Array<string>, 
/**
 * Product ids of the right-hand side.
 */
consequents: Array<string>, 
/**
 * Baskets holding both sides.
 */
baskets: number, 
/**
 * Share of baskets holding the left-hand side, s(A).
 */
antecedent_support: number, 
/**
 * Share of baskets holding the right-hand side, s(C).
 */
consequent_support: number, 
/**
 * Share of baskets holding both sides, s(A∪C).
 */
support: number, 
/**
 * P(C | A) = s(A∪C) / s(A).
 */
confidence: number, 
/**
 * confidence / s(C): how many times likelier C is with A than in any basket.
 */
lift: number, 
/**
 * s(A∪C) − s(A)·s(C): the share of baskets above independence.
 */
leverage: number, 
/**
 * Null when infinite (a confidence of 1).
 */
conviction: number | null, 
/**
 * Zhang's metric, −1 to 1: leverage / max(s(A∪C)(1 − s(A)), s(A)(s(C) − s(A∪C))).
 */
zhang: number, 
/**
 * s(A∪C) / (s(A) + s(C) − s(A∪C)).
 */
jaccard: number, 
/**
 * The mean of confidence(A→C) and confidence(C→A).
 */
kulczynski: number, 
/**
 * (confidence − s(C)) / (1 − s(C)).
 */
certainty: number, };

/**
 * A rule tag the merchant defines: customers matching `rule` carry the tag `name`. A rule
 * may also give several values checked in order, the first that holds winning:
 * `"高" if revenue > 5000, "中" if revenue > 1000, else "低"`.
 */
export type RuleTag = { 
/**
 * The tag's name (unique among the rule tags).
 */
name: string, 
/**
 * Its rule (the rule language, `crate::rules`), or its valued clauses.
 */
rule: string, };

/**
 * Parameters of the sample shop. Defaults: rows 100_000, seed 42.
 *
 * The same parameters always give the same bytes, natively and in the browser, so a
 * sample shop can be named by its parameters alone (in a bug report, a tutorial, a test).
 * They cross to the page and back as an object, so the defaults live only here.
 */
export type SampleParams = { 
/**
 * Exact number of order lines (data rows) to generate, returns included.
 * About a tenth of it becomes customers.
 */
rows: number, 
/**
 * Seed of every random draw.
 */
seed: number, };

/**
 * The customers' scores at the latest day, in twentieths. Field names are the JS API.
 */
export type ScoreBin = { 
/**
 * The bin's lower score.
 */
low: number, 
/**
 * Customers in it.
 */
customers: number, };

/**
 * The 11 named RFM segments (the common RF regex map, with R1F1 → Lost).
 */
export type Segment = "champions" | "loyal" | "potential_loyalist" | "new_customers" | "promising" | "need_attention" | "about_to_sleep" | "cannot_lose_them" | "at_risk" | "hibernating" | "lost";

/**
 * Per-segment totals for the page and the report.
 */
export type SegmentStats = { 
/**
 * Segment code.
 */
segment: Segment, 
/**
 * English name (the references' spelling).
 */
label: string, 
/**
 * Customers in the segment.
 */
customers: number, 
/**
 * Share of all customers, 0..1.
 */
customer_share: number, 
/**
 * Σ monetary of the segment, minor units.
 */
revenue_cents: number, 
/**
 * Share of Σ monetary over all customers, 0..1 (0 when that sum is not positive).
 */
revenue_share: number, 
/**
 * Mean recency in days.
 */
mean_recency_days: number, 
/**
 * Mean frequency.
 */
mean_frequency: number, 
/**
 * Mean monetary, minor units.
 */
mean_monetary_cents: number, };

/**
 * Purchase value by one value of a dimension. Field names are the JS API.
 */
export type Spend = { 
/**
 * The category or channel.
 */
name: string, 
/**
 * Purchase value in minor units.
 */
value_cents: number, 
/**
 * Its share of the customer's purchase value.
 */
share: number, };

/**
 * The head of a split file, as the head worker marks it (`splitHead`).
 */
export type SplitHead = { 
/**
 * Which of the queued files.
 */
file_index: number, 
/**
 * Where it is cut.
 */
plan: SplitPlan, 
/**
 * Its bytes so far are the first chunk; the rest comes by `appendBytes`.
 */
streamed: boolean, };

/**
 * Where to cut one file. Field names are the JS API.
 */
export type SplitPlan = { 
/**
 * Bytes before the first data row (byte-order mark, header line): the tail reads them too.
 */
prefix_len: number, 
/**
 * First byte of the tail: just after a line break near the middle.
 */
split: number, 
/**
 * Size of the whole file.
 */
size: number, 
/**
 * Field delimiter, as the head detects it; the tail uses it rather than guessing.
 */
delimiter: number, };

/**
 * What the tail worker reads (`startTail`).
 */
export type SplitTail = { 
/**
 * Where the file is cut.
 */
plan: SplitPlan, 
/**
 * The head's ingest options (the same mapping and date order).
 */
options: IngestOptions, 
/**
 * The bytes given are the first chunk; the rest comes by `appendBytes`.
 */
streamed: boolean, };

/**
 * What the job was doing in the step just taken.
 */
export type Stage = "decoding" | "parsing" | "cleaning" | "done";

/**
 * Customers and net revenue of one stage. Field names are the JS API.
 */
export type StageCount = { 
/**
 * The stage's name (`STAGES`).
 */
stage: string, 
/**
 * Customers in it.
 */
customers: number, 
/**
 * Their share of the customers with a stage.
 */
share: number, 
/**
 * Their net revenue (all their lines, returns negative), in minor units.
 */
revenue_cents: number, };

/**
 * The outcome of one `step`: the one name of this concept in the job, the session, the
 * wasm layer and the worker (`{kind: "progress", …}` on the wire). Field names are the JS
 * API.
 */
export type Step = { "kind": "progress" } & Progress | { "kind": "need_part", 
/**
 * Which file.
 */
file_index: number, } | { "kind": "need_bytes", 
/**
 * Which file.
 */
file_index: number, } | { "kind": "part" } | { "kind": "done" };

/**
 * What the quality report says of one file of a side table. Field names are the JS API.
 */
export type TableFileReport = { 
/**
 * File name.
 */
file: string, 
/**
 * The table it was read as.
 */
table: TableKind, 
/**
 * Data rows read (header excluded).
 */
rows_read: number, 
/**
 * Rows kept.
 */
rows_used: number, 
/**
 * Rows rejected, with their reasons and first examples (file, line, column).
 */
rows_rejected: number, 
/**
 * The rejections, by reason.
 */
rejected: Array<RejectionGroup>, 
/**
 * Rows that repeat an earlier row exactly.
 */
duplicates_removed: number, 
/**
 * Events whose type is none of view, cart, favourite, search, purchase (kept, as
 * "other").
 */
other_events: number, };

/**
 * A table of the data contract.
 */
export type TableKind = "orders" | "customers" | "events" | "products";

/**
 * One page of the customer table. Field names are the JS API.
 */
export type TablePage = { 
/**
 * Customers matching the filter and search.
 */
total: number, 
/**
 * First row of this page.
 */
offset: number, 
/**
 * The columns of each row, after `customer_id`.
 */
columns: Array<string>, 
/**
 * The rows: `customer_id`, then one value per column.
 */
rows: Array<{ customer_id: string } & Record<string, Cell>>, };

/**
 * A request on the customer table: columns, filter, search, sort, then one page.
 */
export type TableQuery = { 
/**
 * Columns to return, besides the customer id (`rfm.recency`, …).
 */
columns: Array<string>, 
/**
 * Customers matching every condition.
 */
filter: Array<Condition>, 
/**
 * Customers matching this rule too (`crate::rules`; "" = all): `orders >= 3 and
 * top_category == "美妆"`.
 */
rule: string, 
/**
 * Saved audiences the rule may name (`in_audience("VIP")`).
 */
audiences: Array<AudienceDefinition>, 
/**
 * Case-insensitive substring of the customer id ("" = all).
 */
search: string, 
/**
 * Sort column (none: customer id).
 */
sort: string | null, 
/**
 * Descending instead of ascending.
 */
descending: boolean, 
/**
 * First row of the page.
 */
offset: number, 
/**
 * Rows in the page (1 to `MAX_PAGE_ROWS`).
 */
limit: number, };

/**
 * One tag: a name, the rule that gives it, and how many customers carry it. Field names are
 * the JS API.
 */
export type TagStats = { 
/**
 * Its family (`FAMILIES`; `rule` for the merchant's own).
 */
family: string, 
/**
 * A built-in tag's code (the page names it per language), or a rule tag's name.
 */
tag: string, 
/**
 * A valued rule tag's value (`"高"`), else null.
 */
value: string | null, 
/**
 * The rule (the rule language); a valued tag's last value may be `else`.
 */
rule: string, 
/**
 * Customers carrying it.
 */
customers: number, 
/**
 * Their share of all customers.
 */
share: number, 
/**
 * Their share of the net revenue.
 */
revenue_share: number, };

/**
 * Parameters of the tags: the built-in families always, and these rule tags.
 */
export type TagsParams = { 
/**
 * The merchant's rule tags, in order.
 */
rules: Array<RuleTag>, };

/**
 * The tags' output. Field names are the JS API.
 */
export type TagsSummary = { 
/**
 * Customers tagged.
 */
customers: number, 
/**
 * Every tag, family by family.
 */
tags: Array<TagStats>, };

/**
 * What the models predict for each customer over the horizon.
 */
export type Target = "churn" | "purchase";

/**
 * The time unit the models are fitted in (the parameters α, β and v are in it).
 */
export type TimeUnit = "day" | "week";

/**
 * "Frequently bought together" for one product: the products most often in its baskets
 * (at least two shared baskets, a lift above 1), most shared baskets first. Field names are
 * the JS API.
 */
export type Together = { 
/**
 * The product asked for (its id).
 */
product: string, 
/**
 * Baskets holding it.
 */
baskets: number, 
/**
 * baskets ÷ all baskets.
 */
support: number, 
/**
 * Its partners.
 */
partners: Array<Partner>, };

/**
 * The calibration / holdout check. Field names are the JS API.
 */
export type Validation = { 
/**
 * The calibration period's last day.
 */
calibration_end: string, 
/**
 * Days held out (after the calibration end, up to the last day).
 */
holdout_days: number, 
/**
 * The purchase model fitted on the calibration period.
 */
fit: FittedModel, 
/**
 * Holdout purchases of the calibration customers.
 */
actual: number, 
/**
 * What the calibration model expected of them.
 */
predicted: number, 
/**
 * Mean absolute error per customer of the holdout purchases.
 */
mean_absolute_error: number, 
/**
 * Predicted vs actual by calibration frequency (0 to 7+).
 */
by_frequency: Array<FrequencyBucket>, 
/**
 * Predicted vs actual cumulative repeat purchases, a point a week.
 */
cumulative: Array<CumulativePoint>, };

/**
 * One value of a dimension and how many lines hold it.
 */
export type ValueCount = { 
/**
 * The value as in the file.
 */
value: string, 
/**
 * Lines holding it.
 */
lines: number, };

/**
 * What a field holds, so the row loop knows how to read its cells.
 */
export type ValueKind = "id" | "date" | "quantity" | "money" | "text" | "status";

/**
 * How many customers have each value of a coded attribute.
 */
export type ValueShare = { 
/**
 * The code (`female`, `25_34`).
 */
value: string, 
/**
 * Customers with it.
 */
customers: number, };

/**
 * One window and where its value came from. Field names are the JS API.
 */
export type Window = { 
/**
 * Days (or orders, for `loyal_orders`).
 */
value: number, 
/**
 * Where it came from.
 */
source: WindowSource, };

/**
 * Where a window's value came from. Field names are the JS API.
 */
export type WindowSource = { "kind": "given" } | { "kind": "gap_percentile", 
/**
 * Which percentile.
 */
percentile: number, } | { "kind": "orders_percentile", 
/**
 * Which percentile.
 */
percentile: number, } | { "kind": "active_window" } | { "kind": "fallback" };

/**
 * The windows the stages were assigned with. Field names are the JS API.
 */
export type Windows = { 
/**
 * Days since the last order up to which a customer is active.
 */
active_days: Window, 
/**
 * Days since the last order beyond which a customer has churned.
 */
churn_days: Window, 
/**
 * Days since the first order up to which an active customer is new.
 */
new_days: Window, 
/**
 * Orders from which an active customer is loyal.
 */
loyal_orders: Window, };

/**
 * An error as plain data: a stable `code` the page translates, the `params` it words, the
 * English `message` (the CLI's wording, for logs and as a last fallback), and the location
 * when the error is about a place in a file. Field names are the JS API.
 */
export type WireError = { 
/**
 * Stable code, e.g. `ingest.missing_columns`, `session.no_data`.
 */
code: string, 
/**
 * What the wording of the code names.
 */
params?: { [key in string]?: Param }, 
/**
 * The English wording (names file, line and column where there is one).
 */
message: string, 
/**
 * File name.
 */
file?: string | null, 
/**
 * 1-based line.
 */
line?: number | null, 
/**
 * Column header.
 */
column?: string | null, };

/**
 * How far a stepped fit has come. Field names are the JS API.
 */
export type Work = { 
/**
 * Units of work done.
 */
done: number, 
/**
 * Units of work in all (≥ `done`).
 */
total: number, };
