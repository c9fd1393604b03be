//! What the shop's website stores on visitors' devices, classed against PECR reg. 6 as
//! amended by the Data (Use and Access) Act 2025 (new Schedule A1, in force 5 Feb 2026;
//! facts §11.1).
//!
//! The shop says what each cookie is *for* and who reads it; [`classify`] — the one rule
//! the register's check, the notice's cookie section and the cookie notice all ask —
//! says whether it may be set without consent, and on what condition.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::validate::FieldIssue;

/// The website's cookies and how visitors choose about them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Website {
    /// Every cookie (or similar technology: local storage, a pixel) the site sets or
    /// lets a third party set.
    pub cookies: Vec<Cookie>,
    /// How visitors give or refuse consent before a cookie that needs it is set:
    /// "A banner with Accept and Reject buttons of equal weight; nothing is set until
    /// Accept".
    pub consent_mechanism: String,
    /// The simple, free way to object to statistics and appearance cookies (Schedule
    /// A1's two new exceptions need one): "The ‘Cookie settings’ link in every page's
    /// footer".
    pub objection_route: String,
    /// The shop says its website sets no cookies or similar technologies (or it has no
    /// website): an empty list is then a fact, not a gap.
    #[serde(default)]
    pub sets_no_cookies: bool,
}

/// One cookie, as the shop describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cookie {
    /// Its name as a browser shows it: `_ga`, `basket_id`.
    pub name: String,
    /// Who sets and reads it: the shop itself, or a named company.
    pub provider: String,
    pub set_by: Party,
    pub kind: CookieUse,
    /// What it does, in the shop's words for visitors.
    pub purpose: String,
    /// How long it stays: "Until you close the browser", "2 years".
    pub duration: String,
    /// The provider also uses what it collects for its own ends (most free analytics,
    /// advertising and video services do): then no exception applies.
    pub provider_uses_for_itself: bool,
}

/// Whose cookie it is.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum Party {
    /// Set by the shop's own site.
    #[default]
    FirstParty,
    /// Set by another company's script or embed on the site.
    ThirdParty,
}

impl Party {
    pub const ALL: [Party; <Party as strum::EnumCount>::COUNT] = super::every_variant();
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Party::FirstParty => "Our own site",
            Party::ThirdParty => "Another company",
        })
    }
}

/// What a cookie is for: the question Schedule A1 asks.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum CookieUse {
    /// Carrying the communication itself over the network: load balancing.
    Communication,
    /// Something the visitor asked for cannot work without it: the basket, logging in,
    /// keeping that service secure, remembering a cookie choice.
    ServiceRequested,
    /// Counting how the site is used, to improve it.
    Statistics,
    /// Remembering a visitor's preference for how the site looks or works: language,
    /// text size, layout.
    Appearance,
    /// Locating someone who asks for help in an emergency.
    Emergency,
    /// Advertising, retargeting or tracking across sites.
    Advertising,
    /// Set by embedded content from another site: a video, a map, a social media post.
    EmbeddedContent,
    /// Anything else — or not sure: treated as needing consent.
    #[default]
    Other,
}

impl CookieUse {
    pub const ALL: [CookieUse; <CookieUse as strum::EnumCount>::COUNT] = super::every_variant();
}

impl fmt::Display for CookieUse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CookieUse::Communication => "Needed just to connect to the site (load balancing)",
            CookieUse::ServiceRequested => "Needed for something the visitor asked for",
            CookieUse::Statistics => "Statistics to improve the site",
            CookieUse::Appearance => "Remembers the visitor's settings (language, currency, units)",
            CookieUse::Emergency => "Emergency assistance",
            CookieUse::Advertising => "Advertising or tracking",
            CookieUse::EmbeddedContent => "Embedded content (video, map, post)",
            CookieUse::Other => "Something else, or not sure",
        })
    }
}

/// Where a cookie stands under PECR reg. 6 and Schedule A1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CookieClass {
    /// No consent needed, and no way to object needed: communication, strictly
    /// necessary for the service asked for, emergency assistance.
    Exempt(Exemption),
    /// No consent needed, but only with clear information and a simple, free way to
    /// object (the two exceptions the 2025 Act added).
    ExceptionWithObjection(Exception),
    /// Clear and comprehensive information and the visitor's consent before it is set.
    ConsentRequired(ConsentReason),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exemption {
    Communication,
    StrictlyNecessary,
    Emergency,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exception {
    Statistics,
    Appearance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsentReason {
    Advertising,
    EmbeddedContent,
    /// A statistics or appearance cookie whose provider uses what it collects for its
    /// own ends: it goes further than the exception's purpose.
    ProviderUsesItForItself,
    NoExceptionFits,
}

/// The class of `cookie`: its use, limited by who else benefits. An exemption or
/// exception holds only while the use goes no further than its purpose (facts §11.1),
/// so a provider that uses the data for itself takes any cookie out of them; a cookie
/// the shop could not place is treated as needing consent, the safe side.
pub fn classify(cookie: &Cookie) -> CookieClass {
    use CookieClass::{ConsentRequired, ExceptionWithObjection, Exempt};
    let by_use = match cookie.kind {
        CookieUse::Communication => Exempt(Exemption::Communication),
        CookieUse::ServiceRequested => Exempt(Exemption::StrictlyNecessary),
        CookieUse::Emergency => Exempt(Exemption::Emergency),
        CookieUse::Statistics => ExceptionWithObjection(Exception::Statistics),
        CookieUse::Appearance => ExceptionWithObjection(Exception::Appearance),
        CookieUse::Advertising => ConsentRequired(ConsentReason::Advertising),
        CookieUse::EmbeddedContent => ConsentRequired(ConsentReason::EmbeddedContent),
        CookieUse::Other => ConsentRequired(ConsentReason::NoExceptionFits),
    };
    match by_use {
        Exempt(_) | ExceptionWithObjection(_) if cookie.provider_uses_for_itself => {
            ConsentRequired(ConsentReason::ProviderUsesItForItself)
        }
        class => class,
    }
}

impl CookieClass {
    /// The class in a few words, for a table cell.
    pub fn short(self) -> &'static str {
        match self {
            CookieClass::Exempt(Exemption::Communication) => {
                "No consent needed: needed to connect to the site"
            }
            CookieClass::Exempt(Exemption::StrictlyNecessary) => "No consent needed: essential",
            CookieClass::Exempt(Exemption::Emergency) => "No consent needed: emergency assistance",
            CookieClass::ExceptionWithObjection(Exception::Statistics) => {
                "No consent needed, but visitors must be able to opt out: statistics"
            }
            CookieClass::ExceptionWithObjection(Exception::Appearance) => {
                "No consent needed, but visitors must be able to opt out: their settings"
            }
            CookieClass::ConsentRequired(_) => "Needs the visitor's consent first",
        }
    }

    /// Why, for the shop: the condition it meets or the reason consent is needed.
    pub fn reason(self) -> &'static str {
        match self {
            CookieClass::Exempt(Exemption::Communication) => {
                "its only purpose is to carry the communication over the network"
            }
            CookieClass::Exempt(Exemption::StrictlyNecessary) => {
                "it is strictly necessary for a service the visitor asked for; it must do nothing else"
            }
            CookieClass::Exempt(Exemption::Emergency) => {
                "it locates someone who asks for help in an emergency"
            }
            CookieClass::ExceptionWithObjection(Exception::Statistics) => {
                "it only counts how the site is used, to improve it: visitors must be told clearly and given a simple, free way to object"
            }
            CookieClass::ExceptionWithObjection(Exception::Appearance) => {
                "it only adapts the site to the visitor's preferences: visitors must be told clearly and given a simple, free way to object"
            }
            CookieClass::ConsentRequired(ConsentReason::Advertising) => {
                "advertising and tracking need consent"
            }
            CookieClass::ConsentRequired(ConsentReason::EmbeddedContent) => {
                "embedded content that sets cookies tracks visitors for its provider: it needs consent"
            }
            CookieClass::ConsentRequired(ConsentReason::ProviderUsesItForItself) => {
                "its provider uses what it collects for its own ends, which goes further than the exception allows: it needs consent"
            }
            CookieClass::ConsentRequired(ConsentReason::NoExceptionFits) => {
                "no exception fits, so it needs consent"
            }
        }
    }

    pub fn needs_consent(self) -> bool {
        matches!(self, CookieClass::ConsentRequired(_))
    }

    pub fn needs_objection_route(self) -> bool {
        matches!(self, CookieClass::ExceptionWithObjection(_))
    }
}

/// Field labels, shared by the form and the problems that name them.
pub mod field {
    pub const COOKIE_NAME: &str = "Cookie name";
    pub const PROVIDER: &str = "Provider";
    pub const PURPOSE: &str = "What it does";
    pub const DURATION: &str = "How long it lasts";
    pub const CONSENT_MECHANISM: &str = "How visitors consent";
    pub const OBJECTION_ROUTE: &str = "How visitors object";
    pub const COOKIES: &str = "Cookies";
}

impl Cookie {
    /// "Cookie “_ga”", or its position when it has no name yet.
    pub fn record_name(&self, index: usize) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            format!("Cookie {}", index + 1)
        } else {
            format!("Cookie “{name}”")
        }
    }

    pub fn class(&self) -> CookieClass {
        classify(self)
    }
}

impl Website {
    /// Every problem: a cookie the notice cannot describe, and a cookie set without the
    /// consent or the way to object its class needs. One list for `check`, the window
    /// and the cookie notice's gate.
    pub fn issues(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        let website = |message: &str| FieldIssue {
            record: "Website".to_owned(),
            field: field::COOKIES,
            message: message.to_owned(),
        };
        match (self.cookies.is_empty(), self.sets_no_cookies) {
            (true, false) => issues.push(website(
                "list each cookie your website sets (your shop platform or web host lists them), or say it sets none",
            )),
            (false, true) => issues.push(website(
                "cookies are listed, but you also said the website sets none: remove them, or untick “sets no cookies”",
            )),
            _ => {}
        }
        for (index, cookie) in self.cookies.iter().enumerate() {
            let record = cookie.record_name(index);
            let mut missing = |value: &str, field: &'static str, message: &str| {
                if value.trim().is_empty() {
                    issues.push(FieldIssue {
                        record: record.clone(),
                        field,
                        message: message.to_owned(),
                    });
                }
            };
            missing(
                &cookie.name,
                field::COOKIE_NAME,
                "required: its name as a browser shows it",
            );
            missing(
                &cookie.provider,
                field::PROVIDER,
                "say who sets it: your shop, or the company's name",
            );
            missing(
                &cookie.purpose,
                field::PURPOSE,
                "say what it does, in words a visitor understands",
            );
            missing(
                &cookie.duration,
                field::DURATION,
                "say how long it stays (until the browser closes, 30 days…)",
            );
        }
        let needing = |test: fn(CookieClass) -> bool| -> Vec<String> {
            self.cookies
                .iter()
                .enumerate()
                .filter(|(_, cookie)| test(cookie.class()))
                .map(|(index, cookie)| match cookie.name.trim() {
                    "" => format!("cookie {}", index + 1),
                    name => format!("“{name}”"),
                })
                .collect()
        };
        // What each class needs recorded before such a cookie may be set.
        let needs: [Need<'_>; 2] = [
            (
                CookieClass::needs_consent,
                &self.consent_mechanism,
                field::CONSENT_MECHANISM,
                "only with the visitor's consent (PECR reg. 6): say how visitors give or refuse it before it is set, such as a banner whose Reject is as easy as Accept",
            ),
            (
                CookieClass::needs_objection_route,
                &self.objection_route,
                field::OBJECTION_ROUTE,
                "without consent only if visitors have a simple, free way to object: say what it is, such as a “Cookie settings” link on every page",
            ),
        ];
        for (test, recorded, field, condition) in needs {
            let names = needing(test);
            if !names.is_empty() && recorded.trim().is_empty() {
                issues.push(FieldIssue {
                    record: "Website".to_owned(),
                    field,
                    message: format!("{} {condition}", needs_phrase(&names)),
                });
            }
        }
        issues
    }
}

/// A class's need: which cookies have it, what the shop recorded for it, the field it
/// is recorded in, and the condition the law sets.
type Need<'a> = (fn(CookieClass) -> bool, &'a str, &'static str, &'static str);

/// "“_ga” may be set" / "“_ga” and “lang” may be set".
fn needs_phrase(names: &[String]) -> String {
    let list = match names {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    format!("{list} may be set")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cookie(kind: CookieUse, provider_uses_for_itself: bool) -> Cookie {
        Cookie {
            name: "c".into(),
            provider: "p".into(),
            set_by: Party::FirstParty,
            kind,
            purpose: "does".into(),
            duration: "1 day".into(),
            provider_uses_for_itself,
        }
    }

    #[test]
    fn a_provider_using_the_data_for_itself_takes_a_cookie_out_of_either_new_exception() {
        for kind in [CookieUse::Statistics, CookieUse::Appearance] {
            assert!(!classify(&cookie(kind, false)).needs_consent());
            assert!(classify(&cookie(kind, false)).needs_objection_route());
            assert_eq!(
                classify(&cookie(kind, true)),
                CookieClass::ConsentRequired(ConsentReason::ProviderUsesItForItself)
            );
        }
    }

    #[test]
    fn a_provider_using_the_data_for_itself_takes_a_cookie_out_of_every_exemption() {
        for kind in [
            CookieUse::Communication,
            CookieUse::ServiceRequested,
            CookieUse::Emergency,
        ] {
            assert!(!classify(&cookie(kind, false)).needs_consent());
            assert_eq!(
                classify(&cookie(kind, true)),
                CookieClass::ConsentRequired(ConsentReason::ProviderUsesItForItself)
            );
        }
    }

    #[test]
    fn an_empty_list_is_a_gap_until_the_shop_says_its_site_sets_none() {
        let mut website = Website::default();
        assert_eq!(website.issues()[0].field, field::COOKIES);
        website.sets_no_cookies = true;
        assert!(website.issues().is_empty());
        website
            .cookies
            .push(cookie(CookieUse::ServiceRequested, false));
        assert_eq!(website.issues().len(), 1, "a contradiction");
    }

    #[test]
    fn a_consent_cookie_without_a_mechanism_is_a_problem_naming_it() {
        let mut website = Website {
            cookies: vec![Cookie {
                name: "_fbp".into(),
                ..cookie(CookieUse::Advertising, true)
            }],
            ..Website::default()
        };
        let issues = website.issues();
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].field, field::CONSENT_MECHANISM);
        assert!(
            issues[0].message.contains("“_fbp”"),
            "{}",
            issues[0].message
        );
        website.consent_mechanism = "Banner: Accept or Reject".into();
        assert!(website.issues().is_empty());
    }

    #[test]
    fn a_statistics_cookie_needs_a_way_to_object_and_a_blank_cookie_names_each_gap() {
        let website = Website {
            cookies: vec![cookie(CookieUse::Statistics, false), Cookie::default()],
            ..Website::default()
        };
        let fields: Vec<_> = website.issues().iter().map(|i| i.field).collect();
        assert_eq!(
            fields,
            [
                field::COOKIE_NAME,
                field::PROVIDER,
                field::PURPOSE,
                field::DURATION,
                field::CONSENT_MECHANISM,
                field::OBJECTION_ROUTE
            ]
        );
    }
}
