//! Field-level problems and the shape checks shared by every form.
//!
//! A form edits a draft of strings; a pure function turns the draft into domain values
//! or a list of [`FieldIssue`]s that the screen shows beside the fields and that
//! `smallprint check` prints one a line.

use std::fmt;

use jiff::civil::Date;

/// One problem with one field of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The record, as a person would name it: "Organisation", "Activity “Marketing”".
    pub record: String,
    /// The field's label as the form shows it.
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for FieldIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} → {}: {}", self.record, self.field, self.message)
    }
}

/// Checks the rough shape of an email address: something@domain.tld, no spaces.
/// Deliverability is not knowable offline, so this only catches typing slips.
pub fn check_email(text: &str) -> Result<(), String> {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return Err("an email address needs an @, like name@example.co.uk".to_owned());
    };
    if local.is_empty() || domain.is_empty() || domain.contains('@') {
        return Err("an email address has one @ with text on both sides".to_owned());
    }
    if text.chars().any(char::is_whitespace) {
        return Err("an email address has no spaces".to_owned());
    }
    // Each of these would end the address inside a `mailto:` link or a form's action
    // (a subject lost after `#`, a second recipient after `,` or `?cc=`), so a published
    // address may not hold them.
    if let Some(odd) = text
        .chars()
        .find(|ch| ch.is_control() || "?#&,;:%/\\<>\"'()[]=".contains(*ch))
    {
        return Err(format!(
            "an email address cannot hold “{}”: only letters, digits and . _ + - around one @",
            odd.escape_debug()
        ));
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|label| label.is_empty()) {
        return Err(format!("“{domain}” is not a domain, like example.co.uk"));
    }
    Ok(())
}

/// Checks a UK postcode's shape (outward code, space optional, inward code 9AA),
/// including the special GIR 0AA.
pub fn check_uk_postcode(text: &str) -> Result<(), String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact == "GIR0AA" {
        return Ok(());
    }
    let shape: String = compact
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_ascii_uppercase() {
                'A'
            } else {
                '?'
            }
        })
        .collect();
    let valid_outward = ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"];
    let valid = shape.len() >= 5
        && shape.ends_with("9AA")
        && valid_outward.contains(&&shape[..shape.len() - 3]);
    if valid {
        Ok(())
    } else {
        Err(format!(
            "“{}” is not a UK postcode, like SW1A 1AA",
            text.trim()
        ))
    }
}

/// Checks that a phone number has only the characters people write in one
/// and enough digits to be dialled.
pub fn check_phone(text: &str) -> Result<(), String> {
    let allowed = |c: char| c.is_ascii_digit() || " +()-.".contains(c);
    if let Some(bad) = text.chars().find(|&c| !allowed(c)) {
        return Err(format!("a phone number cannot contain “{bad}”"));
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits < 7 {
        return Err("a phone number has at least 7 digits".to_owned());
    }
    Ok(())
}

/// Checks a website address: a domain with a dot, optionally with http(s)://.
pub fn check_website(text: &str) -> Result<(), String> {
    let text = text.trim();
    if text.chars().any(char::is_whitespace) {
        return Err("a web address has no spaces".to_owned());
    }
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or(text);
    let host = rest.split('/').next().unwrap_or_default();
    if host.contains('.') && !host.starts_with('.') && !host.ends_with('.') {
        Ok(())
    } else {
        Err(format!(
            "“{text}” is not a web address, like https://example.co.uk"
        ))
    }
}

/// Parses a date typed as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| format!("“{}” is not a date written YYYY-MM-DD", text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(check_email("studio@kestrel.example").is_ok());
        assert!(check_email(" a.b+c@d.co.uk ").is_ok());
        for bad in [
            "", "studio", "@x.com", "a@", "a@b", "a b@c.uk", "a@b..uk", "a@@b.uk",
        ] {
            assert!(check_email(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn postcodes() {
        for good in [
            "SW1A 1AA", "m1 1ae", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A0AX", "GIR 0AA", "EC1A 1BB",
        ] {
            assert!(check_uk_postcode(good).is_ok(), "{good:?} should pass");
        }
        for bad in [
            "", "12345", "SW1A", "SW1A 1A", "SW1A 11A", "ABC1 1AA", "SW1A-1AA",
        ] {
            assert!(check_uk_postcode(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn phones_and_websites() {
        assert!(check_phone("+44 (0)1632 960 123").is_ok());
        assert!(check_phone("01632 9").is_err());
        assert!(check_phone("call me").is_err());
        assert!(check_website("https://kestrel.example/shop").is_ok());
        assert!(check_website("kestrel.example").is_ok());
        assert!(check_website("kestrel").is_err());
        assert!(check_website("https://my shop.example").is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date(" 2026-02-28 "),
            Ok(jiff::civil::date(2026, 2, 28))
        );
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("28/02/2026").is_err());
    }
}

/// "1 day", "3 days": a count with its noun, singular or plural. `plural` is given whole
/// so irregular nouns ("activity"/"activities") read right.
pub fn count(n: impl TryInto<i64>, singular: &str, plural: &str) -> String {
    let n: i64 = n.try_into().unwrap_or(i64::MAX);
    format!("{n} {}", if n == 1 { singular } else { plural })
}

#[cfg(test)]
mod count_tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "day", "days"), "1 day");
        assert_eq!(count(0, "day", "days"), "0 days");
        assert_eq!(count(2, "activity", "activities"), "2 activities");
        assert_eq!(count(-1, "day", "days"), "-1 days");
        assert_eq!(count(3_usize, "item", "items"), "3 items");
    }
}
