//! The processing register (UK GDPR Art. 30): one activity per purpose.
//!
//! The foundation keeps only what identifies an activity; the register issue adds the
//! categories, lawful bases, recipients, transfers and retention.

use serde::{Deserialize, Serialize};

use super::ids::ActivityId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingActivity {
    pub id: ActivityId,
    /// Why the data is used, in the words the notice will print,
    /// e.g. "Provide goods and services, including delivery".
    pub purpose: String,
}
