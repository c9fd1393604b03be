//! The rights-request log.
//!
//! The foundation keeps only what identifies a request; the deadlines issue adds the
//! requester, kind, timeline and the events that move the legal clock.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ids::RequestId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RightsRequest {
    pub id: RequestId,
    /// The human reference quoted in letters, e.g. `R-2026-004`.
    pub reference: String,
    pub received: Date,
}
