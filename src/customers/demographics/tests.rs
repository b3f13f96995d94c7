use super::algorithm::{age_band, gender_code, years_between};
use super::*;
use crate::dataset::time::days_from_civil;
use crate::dataset::Dataset;
use crate::ingest::{ingest_all, IngestOptions, SourceFile};

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

const ORDERS: &str = "order_id,customer_id,order_date,quantity,unit_price\n\
A1,101,2024-03-01,1,10\nA2,102,2024-03-02,1,10\nA3,103,2024-06-30,1,10\n";

const CUSTOMERS: &str = "会员ID,性别,生日,年龄,城市,会员等级,注册时间,手机号,邮箱,姓名\n\
101,女,1990-07-01,,上海,金卡,2024-01-01,13812345678,zhang@qq.com,张三\n\
102,M,,41,杭州,,2023-06-30,+86 139-0000-1111,,\n\
101,男,1970-01-01,,北京,,,,,\n\
109,女,1985-01-01,,北京,普通,2023-02-02,,,\n";

#[test]
fn the_customer_list_joins_by_id_with_the_first_row_of_an_id() {
    let done = ingest_all(
        vec![file("orders.csv", ORDERS), file("customers.csv", CUSTOMERS)],
        IngestOptions::default(),
    )
    .expect("ingests");
    let data = Dataset::build(done.lines);
    let d = demographics(&data, &done.tables);
    assert!(d.has_table);
    assert_eq!(d.matched, 2, "101 and 102 are in the list, 103 is not");
    // the data's last day is 2024-06-30: 101 was born 1990-07-01, so is 33, not 34
    assert_eq!(d.gender, vec![0, 1, crate::table::NULL_CODE]);
    assert_eq!(d.age[0], 33.0);
    assert_eq!(d.age[1], 41.0, "no birth date: the age column");
    assert!(d.age[2].is_nan());
    assert_eq!(d.age_band[..2], [2, 3]);
    assert_eq!(d.signup_day[0], days_from_civil(2024, 1, 1) as i32);
    assert_eq!(d.tenure_days[0], 181);
    assert_eq!(d.tenure_days[1], 366);
    assert_eq!(d.masked.name(d.phone[0]), "138****5678");
    assert_eq!(d.masked.name(d.phone[1]), "139****1111");
    assert_eq!(d.masked.name(d.email[0]), "z***@qq.com");
    assert_eq!(d.masked.name(d.name[0]), "张*");
    let city = &d.texts[1];
    assert_eq!(city.2.name(city.1[0]), "上海", "the first row of 101 wins");
    // the join report: 109 is in the list only; 103 in the orders only
    let join = &done.report.join.sides;
    assert_eq!(join[0].unmatched, 1);
    assert_eq!(join[0].examples, vec!["109".to_string()]);
    assert_eq!(join[1].unmatched, 1);
    assert_eq!(join[1].examples, vec!["103".to_string()]);
}

#[test]
fn without_a_customer_list_every_attribute_is_null() {
    let done =
        ingest_all(vec![file("orders.csv", ORDERS)], IngestOptions::default()).expect("ingests");
    let data = Dataset::build(done.lines);
    let d = demographics(&data, &done.tables);
    assert!(!d.has_table);
    assert!(d.gender.iter().all(|&g| g == crate::table::NULL_CODE));
    assert!(d.age.iter().all(|a| a.is_nan()));
}

#[test]
fn genders_ages_and_bands_follow_their_stated_rules() {
    assert_eq!(gender_code("女"), 0);
    assert_eq!(gender_code(" Female "), 0);
    assert_eq!(gender_code("男性"), 1);
    assert_eq!(gender_code("保密"), 2);
    let d = |y, m, dd| days_from_civil(y, m, dd);
    assert_eq!(years_between(d(2000, 2, 29), d(2018, 2, 28)), Some(17.0));
    assert_eq!(years_between(d(2000, 2, 29), d(2018, 3, 1)), Some(18.0));
    assert_eq!(years_between(d(2030, 1, 1), d(2024, 1, 1)), None);
    let bands: Vec<u8> = [17.0, 18.0, 24.0, 25.0, 34.0, 35.0, 45.0, 54.0, 55.0, 90.0]
        .iter()
        .map(|&a| age_band(a))
        .collect();
    assert_eq!(bands, vec![0, 1, 1, 2, 2, 3, 4, 4, 5, 5]);
}
