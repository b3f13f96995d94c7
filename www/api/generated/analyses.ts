// Generated from the Rust types by `make types` (src/typegen/). Do not edit:
// tests/generated_types.rs fails when this file is stale.
import type { AudienceParams, AudienceSummary, BasketParams, BasketSummary, BehaviourSummary, CardParams, ClustersParams, ClustersSummary, ClvParams, ClvSummary, ColumnSpec, CustomerCard, CustomersParams, DemographicsSummary, LifecycleParams, LifecycleSummary, NoParams, Overview, PortraitRows, ProfileParams, ProfileSummary, PropensityParams, PropensitySummary, QualityReport, RecommendParams, RecommendSummary, RfmParams, RfmSummary, TableKind, TagsParams, TagsSummary } from './types';

/** Every analysis by kind: its parameters, its output and the customer columns it adds. */
export interface Analyses {
  quality: {
    params: NoParams;
    output: QualityReport;
    columns: { };
  };
  overview: {
    params: NoParams;
    output: Overview;
    columns: { };
  };
  rfm: {
    params: RfmParams;
    output: RfmSummary;
    columns: { recency: number; frequency: number; monetary_cents: number; r_score: number; f_score: number; m_score: number; segment: "champions" | "loyal" | "potential_loyalist" | "new_customers" | "promising" | "need_attention" | "about_to_sleep" | "cannot_lose_them" | "at_risk" | "hibernating" | "lost"; };
  };
  clusters: {
    params: ClustersParams;
    output: ClustersSummary;
    columns: { cluster: number; };
  };
  profile: {
    params: ProfileParams;
    output: ProfileSummary;
    columns: { orders: number; purchase_cents: number; revenue_cents: number; aov_cents: number; items_per_order: number; first_order_date: number; last_order_date: number; days_since_last_order: number; days_since_first_order: number; purchase_days: number; mean_days_between_orders: number; median_days_between_orders: number; return_rate: number; preferred_hour: number; preferred_weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"; festival_share: number; discount_share: number; top_channel: number; top_channel_share: number; channel_mix: number; top_category: number; top_category_share: number; category_affinity: number; top_categories: number; top_brand: number; top_brand_share: number; brand_affinity: number; region: number; price_index: number; price_band: "low" | "mid" | "high"; new_product_share: number; };
  };
  demographics: {
    params: NoParams;
    output: DemographicsSummary;
    columns: { gender: "female" | "male" | "other"; age: number; age_band: "under_18" | "18_24" | "25_34" | "35_44" | "45_54" | "55_plus"; home_region: number; home_city: number; occupation: number; education: number; income: number; member_level: number; signup_date: number; tenure_days: number; email: number; phone: number; name: number; };
  };
  behaviour: {
    params: NoParams;
    output: BehaviourSummary;
    columns: { active_days: number; visits_per_30_days: number; views: number; carts: number; favourites: number; searches: number; purchase_events: number; view_to_cart: number; cart_to_purchase: number; mean_dwell_seconds: number; top_search_term: number; last_active_date: number; days_since_last_active: number; };
  };
  lifecycle: {
    params: LifecycleParams;
    output: LifecycleSummary;
    columns: { stage: "new" | "active" | "loyal" | "returning" | "dormant" | "churned"; };
  };
  tags: {
    params: TagsParams;
    output: TagsSummary;
    columns: { tags: number; };
  };
  customer_card: {
    params: CardParams;
    output: CustomerCard;
    columns: { };
  };
  customers: {
    params: CustomersParams;
    output: PortraitRows;
    columns: { };
  };
  audience: {
    params: AudienceParams;
    output: AudienceSummary;
    columns: { };
  };
  clv: {
    params: ClvParams;
    output: ClvSummary;
    columns: { repeat_days: number; p_alive: number; expected_purchases: number; purchase_probability: number; expected_order_value_cents: number; lifetime_value_cents: number; next_purchase: number; next_purchase_early: number; next_purchase_late: number; };
  };
  propensity: {
    params: PropensityParams;
    output: PropensitySummary;
    columns: { churn_risk: number; purchase_chance: number; decile: number; };
  };
  basket: {
    params: BasketParams;
    output: BasketSummary;
    columns: { };
  };
  recommend: {
    params: RecommendParams;
    output: RecommendSummary;
    columns: { };
  };
}

/** A kind of analysis. */
export type AnalysisKind = keyof Analyses;

/** Every analysis at run time: the tables it needs, whether the report holds it, its columns. */
export const ANALYSES = {
  quality: { needs: ["orders"] as TableKind[], in_report: true, columns: [] as ColumnSpec[] },
  overview: { needs: ["orders"] as TableKind[], in_report: true, columns: [] as ColumnSpec[] },
  rfm: { needs: ["orders"] as TableKind[], in_report: true, columns: [{"name":"recency","kind":{"kind":"days"},"doc":"Days from the customer's last line to the snapshot (at least 1).","zh":"RFM最近购买天数"},{"name":"frequency","kind":{"kind":"count"},"doc":"Distinct orders, return orders included.","zh":"RFM购买频次"},{"name":"monetary_cents","kind":{"kind":"money"},"doc":"Sum of the customer's line values, returns negative, in minor units.","zh":"RFM消费金额"},{"name":"r_score","kind":{"kind":"score"},"doc":"Recency score: the most recent customers score highest.","zh":"R分"},{"name":"f_score","kind":{"kind":"score"},"doc":"Frequency score.","zh":"F分"},{"name":"m_score","kind":{"kind":"score"},"doc":"Monetary score.","zh":"M分"},{"name":"segment","kind":{"kind":"code","names":["champions","loyal","potential_loyalist","new_customers","promising","need_attention","about_to_sleep","cannot_lose_them","at_risk","hibernating","lost"]},"doc":"The named segment of the R and F quintiles.","zh":"RFM分群"}] as ColumnSpec[] },
  clusters: { needs: ["orders"] as TableKind[], in_report: false, columns: [{"name":"cluster","kind":{"kind":"count"},"doc":"The customer's cluster: 1 is the largest; 0 is DBSCAN's noise; empty when a feature is missing.","zh":"聚类"}] as ColumnSpec[] },
  profile: { needs: ["orders"] as TableKind[], in_report: false, columns: [{"name":"orders","kind":{"kind":"count"},"doc":"Distinct orders among the customer's purchase lines (lines that are not returns).","zh":"订单数"},{"name":"purchase_cents","kind":{"kind":"money"},"doc":"Value of the purchase lines, in minor units.","zh":"购买金额"},{"name":"revenue_cents","kind":{"kind":"money"},"doc":"Value of all lines, returns negative (net revenue), in minor units.","zh":"净收入"},{"name":"aov_cents","kind":{"kind":"money"},"doc":"Average order value (客单价): purchase value ÷ orders.","zh":"客单价"},{"name":"items_per_order","kind":{"kind":"number"},"doc":"Units bought ÷ orders.","zh":"每单件数"},{"name":"first_order_date","kind":{"kind":"date"},"doc":"Day of the first purchase line.","zh":"首单日期"},{"name":"last_order_date","kind":{"kind":"date"},"doc":"Day of the last purchase line.","zh":"末单日期"},{"name":"days_since_last_order","kind":{"kind":"days"},"doc":"Days from the last purchase day to the data's last day.","zh":"距末单天数"},{"name":"days_since_first_order","kind":{"kind":"days"},"doc":"Days from the first purchase day to the data's last day.","zh":"距首单天数"},{"name":"purchase_days","kind":{"kind":"count"},"doc":"Distinct days with a purchase line.","zh":"购买天数"},{"name":"mean_days_between_orders","kind":{"kind":"number"},"doc":"Mean gap in days between consecutive purchase days (two purchase days at least).","zh":"平均购买间隔天数"},{"name":"median_days_between_orders","kind":{"kind":"number"},"doc":"Median gap in days between consecutive purchase days (two purchase days at least).","zh":"购买间隔天数中位数"},{"name":"return_rate","kind":{"kind":"share"},"doc":"Units returned ÷ units bought.","zh":"退货率"},{"name":"preferred_hour","kind":{"kind":"hour"},"doc":"The hour of day most of the customer's orders were placed at (ties: the earliest hour).","zh":"偏好时段"},{"name":"preferred_weekday","kind":{"kind":"code","names":["monday","tuesday","wednesday","thursday","friday","saturday","sunday"]},"doc":"The weekday most of the customer's orders were placed on (ties: the earliest, Monday first).","zh":"偏好星期"},{"name":"festival_share","kind":{"kind":"share"},"doc":"Share of the purchase value bought on festival days (6.18, 11.11, 12.12, the Spring Festival week, by default).","zh":"大促消费占比"},{"name":"discount_share","kind":{"kind":"share"},"doc":"Share of the customer's orders bought with a discount or a coupon code on any of their lines (null when the data has neither column).","zh":"优惠订单占比"},{"name":"top_channel","kind":{"kind":"text"},"doc":"The channel with the most purchase value (ties: the first name).","zh":"主要渠道"},{"name":"top_channel_share","kind":{"kind":"share"},"doc":"The top channel's share of the purchase value.","zh":"主要渠道占比"},{"name":"channel_mix","kind":{"kind":"text"},"doc":"Every channel's share of the purchase value, largest first, in whole percent (`app 67%, web 33%`).","zh":"渠道构成"},{"name":"top_category","kind":{"kind":"text"},"doc":"The category with the most purchase value (ties: the first name).","zh":"偏好类目"},{"name":"top_category_share","kind":{"kind":"share"},"doc":"The top category's share of the customer's purchase value.","zh":"偏好类目占比"},{"name":"category_affinity","kind":{"kind":"number"},"doc":"The top category's share of the customer's purchase value ÷ its share of the shop's (above 1: more than the average customer).","zh":"类目偏好度"},{"name":"top_categories","kind":{"kind":"text"},"doc":"Up to three categories by the customer's purchase value, largest first (ties: the first name), joined by \", \" (`top_categories contains \"母婴\"`).","zh":"偏好类目前三"},{"name":"top_brand","kind":{"kind":"text"},"doc":"The brand with the most purchase value (ties: the first name): the orders' brand column, else the product catalogue's, joined on product_id.","zh":"偏好品牌"},{"name":"top_brand_share","kind":{"kind":"share"},"doc":"The top brand's share of the customer's purchase value.","zh":"偏好品牌占比"},{"name":"brand_affinity","kind":{"kind":"number"},"doc":"The top brand's share of the customer's purchase value ÷ its share of the shop's (above 1: more than the average customer).","zh":"品牌偏好度"},{"name":"region","kind":{"kind":"text"},"doc":"The region of most of the customer's purchase lines (ties: the first name).","zh":"地区"},{"name":"price_index","kind":{"kind":"number"},"doc":"Mean of each purchase line's unit price ÷ its category's median unit price.","zh":"价格指数"},{"name":"price_band","kind":{"kind":"code","names":["low","mid","high"]},"doc":"Price index below 0.8: low; above 1.25: high; else mid.","zh":"价格带"},{"name":"new_product_share","kind":{"kind":"share"},"doc":"Share of purchase lines whose product was bought within its first days on sale in the data (30 by default).","zh":"新品购买占比"}] as ColumnSpec[] },
  demographics: { needs: ["orders", "customers"] as TableKind[], in_report: false, columns: [{"name":"gender","kind":{"kind":"code","names":["female","male","other"]},"doc":"The gender in the customer list (女/F/female: female; 男/M/male: male; any other value: other).","zh":"性别"},{"name":"age","kind":{"kind":"number"},"doc":"Whole years at the data's last day from the birth date; else the age column as given.","zh":"年龄"},{"name":"age_band","kind":{"kind":"code","names":["under_18","18_24","25_34","35_44","45_54","55_plus"]},"doc":"The age in bands: under 18, 18–24, 25–34, 35–44, 45–54, 55 and over.","zh":"年龄段"},{"name":"home_region","kind":{"kind":"text"},"doc":"The region (province, state, country) in the customer list (the orders' region is `profile.region`).","zh":"所在省份"},{"name":"home_city","kind":{"kind":"text"},"doc":"The city in the customer list.","zh":"所在城市"},{"name":"occupation","kind":{"kind":"text"},"doc":"The occupation in the customer list.","zh":"职业"},{"name":"education","kind":{"kind":"text"},"doc":"The education in the customer list.","zh":"学历"},{"name":"income","kind":{"kind":"text"},"doc":"The income or income band in the customer list, as written.","zh":"收入"},{"name":"member_level","kind":{"kind":"text"},"doc":"The member level in the customer list.","zh":"会员等级"},{"name":"signup_date","kind":{"kind":"date"},"doc":"The day the customer signed up.","zh":"注册日期"},{"name":"tenure_days","kind":{"kind":"days"},"doc":"Days from signup to the data's last day.","zh":"注册天数"},{"name":"email","kind":{"kind":"text"},"doc":"The email, masked (z***@qq.com): only its first letter and its domain are shown.","zh":"邮箱"},{"name":"phone","kind":{"kind":"text"},"doc":"The phone number, masked (138****5678): its first three and last four digits.","zh":"手机号"},{"name":"name","kind":{"kind":"text"},"doc":"The name, masked (张*): its first character.","zh":"姓名"}] as ColumnSpec[] },
  behaviour: { needs: ["orders", "events"] as TableKind[], in_report: false, columns: [{"name":"active_days","kind":{"kind":"count"},"doc":"Distinct days with an event.","zh":"活跃天数"},{"name":"visits_per_30_days","kind":{"kind":"number"},"doc":"Visits (distinct sessions, else days with an event) ÷ the days from the first event to the log's last day × 30.","zh":"每30天访问次数"},{"name":"views","kind":{"kind":"count"},"doc":"View events (pv, view, 浏览).","zh":"浏览次数"},{"name":"carts","kind":{"kind":"count"},"doc":"Add-to-cart events (cart, addtocart, 加购).","zh":"加购次数"},{"name":"favourites","kind":{"kind":"count"},"doc":"Favourite events (fav, 收藏).","zh":"收藏次数"},{"name":"searches","kind":{"kind":"count"},"doc":"Search events (search, 搜索).","zh":"搜索次数"},{"name":"purchase_events","kind":{"kind":"count"},"doc":"Purchase events in the log (buy, transaction, 购买).","zh":"购买行为次数"},{"name":"view_to_cart","kind":{"kind":"share"},"doc":"Carts ÷ views (null without views).","zh":"浏览加购率"},{"name":"cart_to_purchase","kind":{"kind":"number"},"doc":"Purchase events ÷ carts (null without carts; above 1 when items are bought without a cart).","zh":"加购购买率"},{"name":"mean_dwell_seconds","kind":{"kind":"number"},"doc":"Mean of the duration column over the events that have one, in seconds.","zh":"平均停留秒数"},{"name":"top_search_term","kind":{"kind":"text"},"doc":"The query searched most often (ties: the first searched).","zh":"常用搜索词"},{"name":"last_active_date","kind":{"kind":"date"},"doc":"Day of the last event.","zh":"最近活跃日期"},{"name":"days_since_last_active","kind":{"kind":"days"},"doc":"Days from the last event to the log's last day.","zh":"距最近活跃天数"}] as ColumnSpec[] },
  lifecycle: { needs: ["orders"] as TableKind[], in_report: false, columns: [{"name":"stage","kind":{"kind":"code","names":["new","active","loyal","returning","dormant","churned"]},"doc":"The customer's lifecycle stage at the data's last day.","zh":"生命周期阶段"}] as ColumnSpec[] },
  tags: { needs: ["orders"] as TableKind[], in_report: false, columns: [{"name":"tags","kind":{"kind":"text"},"doc":"Every tag the customer carries, comma-separated (a valued rule tag as name:value).","zh":"标签"}] as ColumnSpec[] },
  customer_card: { needs: ["orders"] as TableKind[], in_report: false, columns: [] as ColumnSpec[] },
  customers: { needs: ["orders"] as TableKind[], in_report: false, columns: [] as ColumnSpec[] },
  audience: { needs: ["orders"] as TableKind[], in_report: false, columns: [] as ColumnSpec[] },
  clv: { needs: ["orders"] as TableKind[], in_report: false, columns: [{"name":"repeat_days","kind":{"kind":"count"},"doc":"Purchase days after the first (the models' frequency x).","zh":"重复购买天数"},{"name":"p_alive","kind":{"kind":"share"},"doc":"Probability that the customer is still a customer at the data's last day.","zh":"存活概率"},{"name":"expected_purchases","kind":{"kind":"number"},"doc":"Expected purchase days over the horizon.","zh":"预测购买次数"},{"name":"purchase_probability","kind":{"kind":"share"},"doc":"Probability of at least one purchase within the horizon (BG/NBD).","zh":"预测复购概率"},{"name":"expected_order_value_cents","kind":{"kind":"money"},"doc":"Expected value of a purchase day (Gamma-Gamma).","zh":"预测客单价"},{"name":"lifetime_value_cents","kind":{"kind":"money"},"doc":"Lifetime value over the horizon, discounted monthly.","zh":"预测生命周期价值"},{"name":"next_purchase","kind":{"kind":"date"},"doc":"Median day of the next purchase if the customer is still a customer (BG/NBD); empty beyond ten years.","zh":"预计下次购买日"},{"name":"next_purchase_early","kind":{"kind":"date"},"doc":"The early end (10 %) of the next purchase's 80 % interval.","zh":"下次购买最早"},{"name":"next_purchase_late","kind":{"kind":"date"},"doc":"The late end (90 %) of the next purchase's 80 % interval; empty beyond ten years.","zh":"下次购买最晚"}] as ColumnSpec[] },
  propensity: { needs: ["orders"] as TableKind[], in_report: false, columns: [{"name":"churn_risk","kind":{"kind":"share"},"doc":"Probability of no purchase within the horizon (target churn; empty otherwise).","zh":"流失风险"},{"name":"purchase_chance","kind":{"kind":"share"},"doc":"Probability of a purchase within the horizon (target purchase; empty otherwise).","zh":"购买倾向"},{"name":"decile","kind":{"kind":"score"},"doc":"The score's tenth among the customers: 1 = the highest tenth.","zh":"倾向十分位"}] as ColumnSpec[] },
  basket: { needs: ["orders"] as TableKind[], in_report: false, columns: [] as ColumnSpec[] },
  recommend: { needs: ["orders"] as TableKind[], in_report: false, columns: [] as ColumnSpec[] },
} as const;
