//! Masking of personal data for display: every view and export shows an email, a phone
//! number or a name only in these forms (the forms Chinese platforms use on order pages).
//! A merchant still recognises a customer (`138****5678`) without the page holding the
//! whole number on screen, in a screenshot or in a downloaded file.

/// `z***@qq.com`: the first character of the local part, then `***`, then the domain. Text
/// with no `@` is masked as a name.
pub fn email(text: &str) -> String {
    let t = text.trim();
    match t.split_once('@') {
        Some((local, domain)) if !domain.is_empty() => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        _ => name(t),
    }
}

/// `138****5678`: the digits of a phone number (a `+86` or `0086` prefix and separators
/// dropped) with all but the first three and the last four hidden; a number of seven digits
/// or fewer keeps only its last two.
pub fn phone(text: &str) -> String {
    let mut digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let t = text.trim_start();
    if (t.starts_with("+86") || t.starts_with("0086")) && digits.len() > 11 {
        digits = digits[digits.len() - 11..].to_string();
    }
    let n = digits.len();
    match n {
        0 => String::new(),
        1..=7 => format!(
            "{}{}",
            "*".repeat(n.saturating_sub(2)),
            &digits[n.saturating_sub(2)..]
        ),
        _ => format!("{}{}{}", &digits[..3], "*".repeat(n - 7), &digits[n - 4..]),
    }
}

/// `张*` / `Z***`: a name's first character, the rest hidden (at least one star).
pub fn name(text: &str) -> String {
    let t = text.trim();
    let mut chars = t.chars();
    match chars.next() {
        None => String::new(),
        Some(first) => {
            let rest = chars.count().clamp(1, 3);
            format!("{first}{}", "*".repeat(rest))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_keep_their_first_letter_and_domain() {
        assert_eq!(email("zhang.san@qq.com"), "z***@qq.com");
        assert_eq!(email(" Li@163.com "), "L***@163.com");
        assert_eq!(email("no-at-sign"), "n***");
        assert_eq!(email(""), "");
    }

    #[test]
    fn phones_keep_three_and_four_digits() {
        assert_eq!(phone("13812345678"), "138****5678");
        assert_eq!(phone("+86 138-1234-5678"), "138****5678");
        assert_eq!(phone("0086 13812345678"), "138****5678");
        assert_eq!(phone("021-6234 5678"), "021****5678");
        assert_eq!(phone("+1 (415) 555-0100"), "141****0100");
        assert_eq!(phone("12345"), "***45");
        assert_eq!(phone("n/a"), "");
    }

    #[test]
    fn names_keep_their_first_character() {
        assert_eq!(name("张三"), "张*");
        assert_eq!(name("欧阳娜娜"), "欧***");
        assert_eq!(name("Zoe Smith"), "Z***");
    }
}
