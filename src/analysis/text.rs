//! Helpers of the analyses' English text for the CLI (`Analysis::text`).

/// `1234567.5` cents → `12,345.68` with the currency symbol in front.
pub fn money(cents: f64, symbol: &str) -> String {
    let neg = cents < 0.0;
    let c = cents.abs().round() as u128;
    let (units, frac) = (c / 100, c % 100);
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{}{symbol}{grouped}.{frac:02}", if neg { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_groups_thousands_and_keeps_two_decimals() {
        assert_eq!(super::money(974_774_793.0, "£"), "£9,747,747.93");
        assert_eq!(super::money(-5.0, "¥"), "-¥0.05");
    }
}
