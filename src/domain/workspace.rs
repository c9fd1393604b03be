//! The whole of a shop's data-protection records: everything else is derived from it.

use serde::{Deserialize, Serialize};

use super::{
    holidays::Holidays,
    ids::{IdAllocator, RequestId},
    organisation::Organisation,
    register::ProcessingActivity,
    requests::{NewRequest, RightsRequest, next_reference},
    settings::Settings,
};

/// The version of the file format this build writes.
///
/// Bumped for every change of shape, additions included: a build that does not know a
/// field would drop it on save, so an older build must refuse to write a newer file.
pub const FORMAT_VERSION: u32 = 4;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub organisation: Organisation,
    pub register: Vec<ProcessingActivity>,
    pub requests: Vec<RightsRequest>,
    pub settings: Settings,
    pub ids: IdAllocator,
}

impl Workspace {
    /// The bank holidays deadlines use: the shipped data, plus any newer gov.uk feed
    /// the user imported.
    pub fn holidays(&self) -> std::borrow::Cow<'static, Holidays> {
        match &self.settings.imported_bank_holidays {
            None => std::borrow::Cow::Borrowed(Holidays::shipped()),
            Some(feed) => {
                let mut holidays = Holidays::shipped().clone();
                holidays.merge(feed);
                std::borrow::Cow::Owned(holidays)
            }
        }
    }

    /// Adds a new request with the next id and reference, its timeline started.
    pub fn log_request(&mut self, new: NewRequest) -> RequestId {
        let id = self.ids.request();
        let reference = next_reference(&self.requests, new.received.year());
        let mut request = RightsRequest::new(id, reference, new.kind, new.requester, new.received);
        request.channel = new.channel;
        request.details = new.details;
        request.activities = new.activities;
        self.requests.push(request);
        id
    }

    pub fn request(&self, id: RequestId) -> Option<&RightsRequest> {
        self.requests.iter().find(|r| r.id == id)
    }

    pub fn request_mut(&mut self, id: RequestId) -> Option<&mut RightsRequest> {
        self.requests.iter_mut().find(|r| r.id == id)
    }

    /// The name a person would call the shop: the trading name if it has one.
    pub fn display_name(&self) -> &str {
        self.organisation.display_name()
    }
}

impl Workspace {
    /// Every problem in the workspace, one per field, as `smallprint check` prints them.
    pub fn issues(&self) -> Vec<super::validate::FieldIssue> {
        let mut issues = self.organisation.issues();
        for activity in &self.register {
            issues.extend(activity.issues());
        }
        issues
    }
}
