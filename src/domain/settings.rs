//! Workspace settings that shape the shop's documents (UI preferences live in eframe
//! storage instead, never here).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::holidays::Feed;

/// How to reach the data-protection regulator, printed in every notice and letter.
///
/// Editable because the ICO is moving from Wilmslow to Manchester and is to be renamed
/// the Information Commission (facts §10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegulatorContact {
    pub name: String,
    pub postal_address: String,
    pub helpline: String,
    pub website: String,
}

impl Default for RegulatorContact {
    fn default() -> Self {
        Self {
            name: "Information Commissioner's Office".to_owned(),
            postal_address: "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF".to_owned(),
            helpline: "0303 123 1113".to_owned(),
            website: "https://www.ico.org.uk/make-a-complaint".to_owned(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub regulator: RegulatorContact,
    /// A newer gov.uk bank-holidays feed the user imported, merged over the shipped one.
    pub imported_bank_holidays: Option<Feed>,
    /// The "Last updated" date the privacy notice prints: the day its content last
    /// changed, or the date the shop set.
    pub notice_last_updated: Option<Date>,
    /// Count every deadline the "play safe" way (facts §1.2 FLAG): the day the clock
    /// starts counted as day one of "one month beginning with" it, so each date is one
    /// day earlier than the ICO's, and its working says so. Off by default.
    #[serde(default)]
    pub play_safe_deadlines: bool,
    /// A fingerprint of the notice's content as of `notice_last_updated` (see
    /// `documents::notice::notice_last_updated`). `None` with a date means the shop set
    /// the date itself, for the notice as it stands.
    pub notice_fingerprint: Option<String>,
}

impl Settings {
    /// The shop dates its notice itself (or clears the date): the date holds for the
    /// notice as it now stands, until its content next changes.
    pub fn set_notice_last_updated(&mut self, date: Option<Date>) {
        self.notice_last_updated = date;
        self.notice_fingerprint = None;
    }
}
