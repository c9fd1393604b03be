//! Who the shop is: the controller named in every notice and letter.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::validate::{
    FieldIssue, check_email, check_phone, check_uk_postcode, check_website, parse_date,
};

/// The UK nation whose bank holidays move the shop's deadlines. Serialised with the
/// division names of the gov.uk bank-holidays feed.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum Nation {
    #[default]
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

impl Nation {
    pub const ALL: [Nation; <Nation as strum::EnumCount>::COUNT] = crate::domain::every_variant();

    /// The gov.uk feed's division key.
    pub fn division(self) -> &'static str {
        match self {
            Nation::EnglandAndWales => "england-and-wales",
            Nation::Scotland => "scotland",
            Nation::NorthernIreland => "northern-ireland",
        }
    }
}

impl fmt::Display for Nation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Nation::EnglandAndWales => "England and Wales",
            Nation::Scotland => "Scotland",
            Nation::NorthernIreland => "Northern Ireland",
        })
    }
}

/// The ICO data-protection fee tier (facts §8).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumCount, strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum FeeTier {
    /// Tier 1: turnover up to £632,000 or no more than 10 staff.
    Micro,
    /// Tier 2: turnover up to £36m or no more than 250 staff.
    SmallOrMedium,
    /// Tier 3: everyone else.
    Large,
    /// Processing only for exempt purposes (staff, own marketing, accounts…).
    Exempt,
}

impl FeeTier {
    pub const ALL: [FeeTier; <FeeTier as strum::EnumCount>::COUNT] = crate::domain::every_variant();
}

impl fmt::Display for FeeTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FeeTier::Micro => "Tier 1 – micro (£52 a year)",
            FeeTier::SmallOrMedium => "Tier 2 – small or medium (£78 a year)",
            FeeTier::Large => "Tier 3 – large (£3,763 a year)",
            FeeTier::Exempt => "Exempt – no fee due",
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostalAddress {
    /// Street lines, one per line, without the town and postcode.
    pub lines: Vec<String>,
    pub town: String,
    pub postcode: String,
}

impl PostalAddress {
    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|line| line.trim().is_empty())
            && self.town.trim().is_empty()
            && self.postcode.trim().is_empty()
    }
}

/// Who people write to about their data: a data protection officer where the shop must
/// have one, otherwise a named person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyContact {
    pub name: String,
    pub is_data_protection_officer: bool,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The controller's legal name: a sole trader's own name, or the company's.
    pub legal_name: String,
    pub trading_name: String,
    pub address: PostalAddress,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub ico_registration_number: String,
    pub ico_fee_tier: Option<FeeTier>,
    pub ico_renewal_date: Option<Date>,
    pub privacy_contact: Option<PrivacyContact>,
    pub nation: Nation,
}

/// One of the profile form's checks of a field's text.
type Check = fn(&str) -> Result<(), String>;

impl Organisation {
    /// The name a person would call the shop: the trading name if it has one.
    pub fn display_name(&self) -> &str {
        let trading = self.trading_name.trim();
        if trading.is_empty() {
            self.legal_name.trim()
        } else {
            trading
        }
    }

    /// "Morwenna Tallis, trading as Kestrel Forge 3D": the controller as documents name
    /// it; `None` with no name at all.
    pub fn controller_name(&self) -> Option<String> {
        let (legal, trading) = (self.legal_name.trim(), self.trading_name.trim());
        match (legal.is_empty(), trading.is_empty() || trading == legal) {
            (false, true) => Some(legal.to_owned()),
            (false, false) => Some(format!("{legal}, trading as {trading}")),
            (true, false) => Some(trading.to_owned()),
            (true, true) => None,
        }
    }

    /// What a privacy notice or a letter cannot go out without (Art. 13(1)(a)): the
    /// controller's name and at least one way to reach it. One rule for the notice's gate,
    /// every letter and the CLI, so none of them signs off as "Our business".
    pub fn controller_gaps(&self) -> Vec<String> {
        let mut gaps = Vec::new();
        if self.display_name().is_empty() {
            gaps.push("the shop has no name: give your own name if you are a sole trader, or the company's".to_owned());
        }
        let reachable = !self.email.trim().is_empty()
            || !self.phone.trim().is_empty()
            || (self
                .address
                .lines
                .iter()
                .any(|line| !line.trim().is_empty())
                && !self.address.postcode.trim().is_empty());
        if !reachable {
            gaps.push(
                "there is no way to contact the shop: give an email address, a phone number or a postal address".to_owned(),
            );
        }
        // A contact detail the form would refuse must not be printed, or linked, as one:
        // the same checks as the Organisation screen's.
        let contact_email = self
            .privacy_contact
            .as_ref()
            .map_or("", |contact| contact.email.as_str());
        let details: [(&str, &str, Check); 5] = [
            (field::EMAIL, &self.email, check_email),
            (field::CONTACT_EMAIL, contact_email, check_email),
            (field::PHONE, &self.phone, check_phone),
            (field::WEBSITE, &self.website, check_website),
            (field::POSTCODE, &self.address.postcode, check_uk_postcode),
        ];
        for (label, value, check) in details {
            if !value.trim().is_empty()
                && let Err(problem) = check(value)
            {
                gaps.push(format!("{label}: {problem}"));
            }
        }
        gaps
    }

    /// Every field-level problem of a stored profile, by the same rules as the form.
    pub fn issues(&self) -> Vec<FieldIssue> {
        OrganisationDraft::from(self).apply_valid_fields(self).1
    }
}

/// The Organisation form's editable state: text as typed, valid or not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganisationDraft {
    pub legal_name: String,
    pub trading_name: String,
    /// Street lines, one per line of text.
    pub address_lines: String,
    pub town: String,
    pub postcode: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub ico_registration_number: String,
    pub ico_fee_tier: Option<FeeTier>,
    pub ico_renewal_date: String,
    pub has_privacy_contact: bool,
    pub contact_name: String,
    pub contact_is_dpo: bool,
    pub contact_email: String,
    pub contact_phone: String,
    pub nation: Nation,
}

/// Field labels, shared by the form and the problems it reports.
pub mod field {
    pub const LEGAL_NAME: &str = "Legal name";
    pub const TRADING_NAME: &str = "Trading name";
    pub const ADDRESS: &str = "Street address";
    pub const TOWN: &str = "Town or city";
    pub const POSTCODE: &str = "Postcode";
    pub const EMAIL: &str = "Email";
    pub const PHONE: &str = "Phone";
    pub const WEBSITE: &str = "Website";
    pub const ICO_NUMBER: &str = "ICO registration number";
    pub const ICO_RENEWAL: &str = "ICO fee renewal date";
    pub const CONTACT_NAME: &str = "Privacy contact name";
    pub const CONTACT_EMAIL: &str = "Privacy contact email";
    pub const CONTACT_PHONE: &str = "Privacy contact phone";
}

impl From<&Organisation> for OrganisationDraft {
    fn from(org: &Organisation) -> Self {
        let contact = org.privacy_contact.clone().unwrap_or_default();
        Self {
            legal_name: org.legal_name.clone(),
            trading_name: org.trading_name.clone(),
            address_lines: org.address.lines.join("\n"),
            town: org.address.town.clone(),
            postcode: org.address.postcode.clone(),
            email: org.email.clone(),
            phone: org.phone.clone(),
            website: org.website.clone(),
            ico_registration_number: org.ico_registration_number.clone(),
            ico_fee_tier: org.ico_fee_tier,
            ico_renewal_date: org
                .ico_renewal_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            has_privacy_contact: org.privacy_contact.is_some(),
            contact_name: contact.name,
            contact_is_dpo: contact.is_data_protection_officer,
            contact_email: contact.email,
            contact_phone: contact.phone,
            nation: org.nation,
        }
    }
}

fn check_ico_number(text: &str) -> Result<(), String> {
    let upper = text.trim().to_ascii_uppercase();
    let mut chars = upper.chars();
    let valid = upper.len() == 8
        && chars.next() == Some('Z')
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_digit());
    if valid {
        Ok(())
    } else {
        Err(format!(
            "“{}” is not an ICO registration number, which looks like ZA123456",
            text.trim()
        ))
    }
}

impl OrganisationDraft {
    /// Applies every field that is valid onto `current` and lists the problems of the
    /// others, which keep their value in `current`. So one mistyped field never blocks,
    /// or loses, the rest of the form.
    #[expect(
        clippy::too_many_lines,
        reason = "one check per field, in the form's order"
    )]
    pub fn apply_valid_fields(&self, current: &Organisation) -> (Organisation, Vec<FieldIssue>) {
        let mut org = current.clone();
        let mut issues = Vec::new();
        let mut problem = |field: &'static str, message: String| {
            issues.push(FieldIssue {
                record: "Organisation".to_owned(),
                field,
                message,
            });
        };
        let optional = |text: &str, check: fn(&str) -> Result<(), String>| {
            if text.trim().is_empty() {
                Ok(())
            } else {
                check(text)
            }
        };

        if self.legal_name.trim().is_empty() {
            problem(
                field::LEGAL_NAME,
                "required: your own name if you are a sole trader, or the company's".to_owned(),
            );
        } else {
            org.legal_name = self.legal_name.trim().to_owned();
        }
        org.trading_name = self.trading_name.trim().to_owned();

        let lines: Vec<String> = self
            .address_lines
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect();
        org.address.lines = lines;
        org.address.town = self.town.trim().to_owned();
        let has_street = !org.address.lines.is_empty() || !org.address.town.is_empty();
        if self.postcode.trim().is_empty() && has_street {
            problem(field::POSTCODE, "required with a postal address".to_owned());
        } else {
            match optional(&self.postcode, check_uk_postcode) {
                Ok(()) => org.address.postcode = self.postcode.trim().to_ascii_uppercase(),
                Err(message) => problem(field::POSTCODE, message),
            }
        }

        if self.email.trim().is_empty() {
            problem(
                field::EMAIL,
                "required: people need an address to send requests to".to_owned(),
            );
        } else {
            match check_email(&self.email) {
                Ok(()) => org.email = self.email.trim().to_owned(),
                Err(message) => problem(field::EMAIL, message),
            }
        }
        match optional(&self.phone, check_phone) {
            Ok(()) => org.phone = self.phone.trim().to_owned(),
            Err(message) => problem(field::PHONE, message),
        }
        match optional(&self.website, check_website) {
            Ok(()) => org.website = self.website.trim().to_owned(),
            Err(message) => problem(field::WEBSITE, message),
        }
        match optional(&self.ico_registration_number, check_ico_number) {
            Ok(()) => {
                org.ico_registration_number =
                    self.ico_registration_number.trim().to_ascii_uppercase();
            }
            Err(message) => problem(field::ICO_NUMBER, message),
        }
        org.ico_fee_tier = self.ico_fee_tier;
        if self.ico_renewal_date.trim().is_empty() {
            org.ico_renewal_date = None;
        } else {
            match parse_date(&self.ico_renewal_date) {
                Ok(date) => org.ico_renewal_date = Some(date),
                Err(message) => problem(field::ICO_RENEWAL, message),
            }
        }

        if self.has_privacy_contact {
            let mut contact = current.privacy_contact.clone().unwrap_or_default();
            if self.contact_name.trim().is_empty() {
                problem(
                    field::CONTACT_NAME,
                    "required for a privacy contact".to_owned(),
                );
            } else {
                contact.name = self.contact_name.trim().to_owned();
            }
            contact.is_data_protection_officer = self.contact_is_dpo;
            match optional(&self.contact_email, check_email) {
                Ok(()) => contact.email = self.contact_email.trim().to_owned(),
                Err(message) => problem(field::CONTACT_EMAIL, message),
            }
            match optional(&self.contact_phone, check_phone) {
                Ok(()) => contact.phone = self.contact_phone.trim().to_owned(),
                Err(message) => problem(field::CONTACT_PHONE, message),
            }
            org.privacy_contact = Some(contact);
        } else {
            org.privacy_contact = None;
        }
        org.nation = self.nation;
        (org, issues)
    }

    /// The profile, if every field is valid.
    pub fn validate(&self) -> Result<Organisation, Vec<FieldIssue>> {
        let (org, issues) = self.apply_valid_fields(&Organisation::default());
        if issues.is_empty() {
            Ok(org)
        } else {
            Err(issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_draft() -> OrganisationDraft {
        OrganisationDraft {
            legal_name: "Morwenna Tallis".into(),
            trading_name: "Kestrel Forge 3D".into(),
            address_lines: "Unit 4, Tinker's Yard\n".into(),
            town: "Exampleton".into(),
            postcode: "zz1 4kf".into(),
            email: "hello@kestrelforge.example".into(),
            ..OrganisationDraft::default()
        }
    }

    #[test]
    fn a_valid_draft_becomes_an_organisation() {
        let org = valid_draft().validate().expect("valid");
        assert_eq!(org.display_name(), "Kestrel Forge 3D");
        assert_eq!(org.address.lines, vec!["Unit 4, Tinker's Yard"]);
        assert_eq!(org.address.postcode, "ZZ1 4KF");
        assert_eq!(OrganisationDraft::from(&org).validate(), Ok(org));
    }

    #[test]
    fn each_rule_names_its_field() {
        type Spoil = fn(&mut OrganisationDraft);
        let cases: [(Spoil, &str); 7] = [
            (|d| d.legal_name = "  ".into(), field::LEGAL_NAME),
            (|d| d.email = "hello at kestrel".into(), field::EMAIL),
            (|d| d.postcode = "ZZ14".into(), field::POSTCODE),
            (|d| d.phone = "01632".into(), field::PHONE),
            (|d| d.website = "kestrel".into(), field::WEBSITE),
            (
                |d| d.ico_renewal_date = "31/12/2026".into(),
                field::ICO_RENEWAL,
            ),
            (
                |d| d.ico_registration_number = "12345678".into(),
                field::ICO_NUMBER,
            ),
        ];
        for (spoil, expected_field) in cases {
            let mut draft = valid_draft();
            spoil(&mut draft);
            let issues = draft.validate().expect_err(expected_field);
            assert_eq!(issues.len(), 1, "{issues:?}");
            assert_eq!(issues[0].field, expected_field);
        }
    }

    #[test]
    fn invalid_fields_keep_their_old_value_while_valid_ones_apply() {
        let current = valid_draft().validate().expect("valid");
        let mut draft = OrganisationDraft::from(&current);
        draft.trading_name = "Kestrel Forge".into();
        draft.email = "oops".into();
        let (org, issues) = draft.apply_valid_fields(&current);
        assert_eq!(org.trading_name, "Kestrel Forge");
        assert_eq!(org.email, current.email);
        assert_eq!(issues.len(), 1);
    }

    #[test]
    fn a_privacy_contact_needs_a_name() {
        let mut draft = valid_draft();
        draft.has_privacy_contact = true;
        let issues = draft.validate().expect_err("no name");
        assert_eq!(issues[0].field, field::CONTACT_NAME);
    }

    #[test]
    fn nation_serialises_as_the_feed_division() {
        let json = serde_json::to_string(&Nation::NorthernIreland).expect("serialise");
        assert_eq!(json, format!("\"{}\"", Nation::NorthernIreland.division()));
    }
}
