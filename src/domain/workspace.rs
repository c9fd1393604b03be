//! The whole of a shop's data-protection records: everything else is derived from it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{
    breaches::{self, Breach, BreachError},
    catalogue::{ActivityTemplate, BusinessType},
    deadlines::Counting,
    holidays::{Feed, HolidaySource, Holidays},
    ids::{ActivityId, BreachId, IdAllocator, RequestId},
    organisation::{Nation, Organisation},
    register::ProcessingActivity,
    requests::{NewRequest, RecordError, RequestEvent, RightsRequest, next_reference},
    settings::Settings,
};

/// The version of the file format this build writes.
///
/// Bumped for every change of shape, additions included: a build that does not know a
/// field would drop it on save, so an older build must refuse to write a newer file.
pub const FORMAT_VERSION: u32 = 9;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub organisation: Organisation,
    pub register: Vec<ProcessingActivity>,
    pub requests: Vec<RightsRequest>,
    pub settings: Settings,
    pub ids: IdAllocator,
    /// The breach log (format 6).
    #[serde(default)]
    pub breaches: Vec<Breach>,
    /// The website's cookies (format 9).
    #[serde(default)]
    pub website: super::website::Website,
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

    /// How this workspace counts deadlines: its nation's bank holidays (`holidays`,
    /// from [`Self::holidays`]) and its "play safe" setting.
    pub fn counting<'a>(&self, holidays: &'a Holidays) -> Counting<'a> {
        Counting {
            nation: self.organisation.nation,
            holidays,
            play_safe: self.settings.play_safe_deadlines,
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

/// Why a change to the workspace was refused. Each says, in words a user can act on,
/// what to do instead.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RuleError {
    #[error("that activity is no longer in the register (it may have been deleted or undone)")]
    NoSuchActivity,
    #[error("that request is no longer in the log (it may have been undone)")]
    NoSuchRequest,
    #[error(transparent)]
    Record(#[from] RecordError),
    #[error("that breach is no longer in the log (it may have been undone)")]
    NoSuchBreach,
    #[error(transparent)]
    Breach(#[from] BreachError),
}

/// The register: adding, copying and removing activities.
impl Workspace {
    pub fn activity(&self, id: ActivityId) -> Option<&ProcessingActivity> {
        self.register.iter().find(|a| a.id == id)
    }

    /// Adds an activity with nothing filled in, for the user to describe.
    pub fn add_blank_activity(&mut self) -> ActivityId {
        let id = self.ids.activity();
        self.register.push(ProcessingActivity::new(id, ""));
        id
    }

    /// Replaces the activity with the same id by the edited version.
    pub fn update_activity(&mut self, activity: ProcessingActivity) -> Result<(), RuleError> {
        let slot = self
            .register
            .iter_mut()
            .find(|a| a.id == activity.id)
            .ok_or(RuleError::NoSuchActivity)?;
        *slot = activity;
        Ok(())
    }

    fn activity_position(&self, id: ActivityId) -> Result<usize, RuleError> {
        self.register
            .iter()
            .position(|a| a.id == id)
            .ok_or(RuleError::NoSuchActivity)
    }

    /// Copies an activity, under a new id, just after the original, with "(copy)" after
    /// its purpose so the two can be told apart in lists and in the notice.
    pub fn duplicate_activity(&mut self, id: ActivityId) -> Result<ActivityId, RuleError> {
        let original = self.activity_position(id)?;
        let mut copy = self.register[original].clone();
        copy.id = self.ids.activity();
        copy.purpose = format!("{} (copy)", copy.purpose);
        let copy_id = copy.id;
        self.register.insert(original + 1, copy);
        Ok(copy_id)
    }

    /// Removes an activity and every request's link to it, so no request points at
    /// an activity that is gone (its letters would otherwise lose their Article 15
    /// information silently).
    pub fn delete_activity(&mut self, id: ActivityId) -> Result<ProcessingActivity, RuleError> {
        let position = self.activity_position(id)?;
        for request in &mut self.requests {
            request.activities.retain(|linked| *linked != id);
        }
        for breach in &mut self.breaches {
            breach.activities.retain(|linked| *linked != id);
            breach.data_categories.retain(|link| link.activity != id);
        }
        Ok(self.register.remove(position))
    }

    /// Adds every starter activity of one kind of business, each under a new id.
    ///
    /// An activity whose purpose the register already has (every kind keeps accounts)
    /// is left out, so a shop that takes the activities of two kinds has each once.
    pub fn add_catalogue_activities(&mut self, business: &BusinessType) -> Vec<ActivityId> {
        let missing: Vec<&ActivityTemplate> = business
            .activities
            .iter()
            .filter(|template| !self.has_purpose(&template.purpose))
            .collect();
        missing
            .into_iter()
            .map(|template| self.add_catalogue_activity(template))
            .collect()
    }

    /// One starter activity, with its example text to replace or confirm.
    pub fn add_catalogue_activity(&mut self, template: &ActivityTemplate) -> ActivityId {
        let activity = template.instantiate(&mut self.ids, self.organisation.nation);
        let id = activity.id;
        self.register.push(activity);
        id
    }

    /// Whether an activity has this purpose (ignoring case and outer spaces).
    pub fn has_purpose(&self, purpose: &str) -> bool {
        let purpose = purpose.trim();
        self.register
            .iter()
            .any(|activity| activity.purpose.trim().eq_ignore_ascii_case(purpose))
    }
}

/// The breach log: logging a breach, and the decisions the law needs recorded.
impl Workspace {
    /// A breach's data categories that its activity no longer lists: linked, not
    /// retyped, so a renamed or removed category shows here rather than drifting.
    fn stale_category_links(&self, breach: &Breach) -> Vec<super::validate::FieldIssue> {
        breach
            .data_categories
            .iter()
            .filter_map(|link| {
                let activity = self.activity(link.activity)?;
                let listed = activity
                    .data_categories
                    .iter()
                    .any(|category| category == &link.category);
                (!listed).then(|| super::validate::FieldIssue {
                    record: format!("Breach {}", breach.reference),
                    field: "Data categories affected",
                    message: format!(
                        "“{}” is no longer a data category of “{}” in the register; choose it again",
                        link.category, activity.purpose
                    ),
                })
            })
            .collect()
    }

    /// Logs a breach the shop became aware of at `aware` (already read as UK time), with
    /// the next id and reference; returns its id.
    pub fn log_breach(
        &mut self,
        aware: jiff::Timestamp,
        what_happened: String,
        zone: &jiff::tz::TimeZone,
    ) -> BreachId {
        let id = self.ids.breach();
        let year = aware.to_zoned(zone.clone()).year();
        let reference = breaches::next_reference(&self.breaches, year);
        self.breaches
            .push(Breach::new(id, reference, aware, what_happened));
        id
    }

    pub fn breach(&self, id: BreachId) -> Option<&Breach> {
        self.breaches.iter().find(|b| b.id == id)
    }

    fn breach_mut(&mut self, id: BreachId) -> Result<&mut Breach, RuleError> {
        self.breaches
            .iter_mut()
            .find(|b| b.id == id)
            .ok_or(RuleError::NoSuchBreach)
    }

    /// Takes the edited facts of a breach (the one with `edited.id`), adding to its
    /// timeline what changed; refused when a linked activity is not in the register or
    /// the breach's own rules refuse.
    pub fn update_breach(
        &mut self,
        edited: &Breach,
        at: jiff::Timestamp,
        zone: &jiff::tz::TimeZone,
    ) -> Result<(), RuleError> {
        let linked = edited
            .activities
            .iter()
            .chain(edited.data_categories.iter().map(|link| &link.activity));
        for id in linked {
            self.activity(*id).ok_or(RuleError::NoSuchActivity)?;
        }
        self.breach_mut(edited.id)?.update_facts(edited, at, zone)?;
        Ok(())
    }

    /// Applies `rule` to breach `id` (a change with no wider check than the breach's own).
    pub fn change_breach(
        &mut self,
        id: BreachId,
        rule: impl FnOnce(&mut Breach) -> Result<(), BreachError>,
    ) -> Result<(), RuleError> {
        rule(self.breach_mut(id)?)?;
        Ok(())
    }
}

/// The first and last year the imported bank holidays cover, over all nations.
pub type CoveredYears = Option<(i16, i16)>;

/// Bank holidays the user imported.
impl Workspace {
    /// Merges a gov.uk feed into the bank holidays the user imported before, by the
    /// rules of [`Holidays::merge`]; returns the years the imported lists now cover.
    pub fn import_bank_holidays(&mut self, feed: &Feed) -> CoveredYears {
        let names_a_nation = Nation::ALL
            .into_iter()
            .any(|nation| feed.contains_key(nation.division()));
        if !names_a_nation {
            return None;
        }
        let mut imported = self
            .settings
            .imported_bank_holidays
            .as_ref()
            .map(Holidays::from_feed)
            .unwrap_or_default();
        imported.merge(feed);
        self.settings.imported_bank_holidays = Some(imported.to_feed());
        // The years holding an imported day, whole or added to the rules' list.
        Nation::ALL
            .into_iter()
            .flat_map(|nation| imported.coverage(nation))
            .filter(|run| {
                run.source == HolidaySource::Imported || run.added == Some(HolidaySource::Imported)
            })
            .map(|run| (run.first, run.last))
            .reduce(|(first, last), (from, to)| (first.min(from), last.max(to)))
    }
}

/// Steps and letters on requests: one check, used to offer a step and to apply it.
impl Workspace {
    /// Whether `event` may be recorded on request `id` on `on`, and if not, why.
    pub fn check_request_event(
        &self,
        id: RequestId,
        event: &RequestEvent,
        on: Date,
        today: Date,
    ) -> Result<(), RuleError> {
        self.check_request_event_with(id, event, on, today, &self.holidays())
    }

    /// [`Self::check_request_event`] with the bank holidays already worked out: the
    /// screens ask it for every step button each frame, and building the holidays (an
    /// imported feed merged over the shipped one) each time would be waste.
    pub fn check_request_event_with(
        &self,
        id: RequestId,
        event: &RequestEvent,
        on: Date,
        today: Date,
        holidays: &Holidays,
    ) -> Result<(), RuleError> {
        let request = self.request(id).ok_or(RuleError::NoSuchRequest)?;
        request.check_with(event, on, today, self.counting(holidays))?;
        Ok(())
    }

    /// Records a step on a request; a refused step changes nothing and says why.
    pub fn record_request_event(
        &mut self,
        id: RequestId,
        event: RequestEvent,
        on: Date,
        today: Date,
    ) -> Result<(), RuleError> {
        let holidays = self.holidays().into_owned();
        let counting = self.counting(&holidays);
        let request = self.request_mut(id).ok_or(RuleError::NoSuchRequest)?;
        request.record_with(event, on, today, counting)?;
        Ok(())
    }

    /// The request as it would be after a letter is sent with the step it implies:
    /// both are recorded or neither.
    fn with_letter_sent(
        &self,
        id: RequestId,
        (template, title): (&str, &str),
        text: String,
        implied: Option<RequestEvent>,
        on: Date,
        today: Date,
    ) -> Result<RightsRequest, RuleError> {
        let holidays = self.holidays();
        let counting = self.counting(&holidays);
        let mut updated = self.request(id).ok_or(RuleError::NoSuchRequest)?.clone();
        let sent = RequestEvent::LetterSent {
            template: template.to_owned(),
            title: title.to_owned(),
            text,
        };
        updated.record_with(sent, on, today, counting)?;
        if let Some(event) = implied {
            updated.record_with(event, on, today, counting)?;
        }
        Ok(updated)
    }

    /// Whether a letter can be marked as sent now, with the step it implies.
    pub fn check_letter(
        &self,
        id: RequestId,
        implied: Option<&RequestEvent>,
        on: Date,
        today: Date,
    ) -> Result<(), RuleError> {
        self.with_letter_sent(id, ("", ""), String::new(), implied.cloned(), on, today)
            .map(|_| ())
    }

    /// Keeps a sent letter word for word in the request's timeline, with the step it
    /// implies (an identity request puts the request in "awaiting identity"…). The letter
    /// is given by its template's stable name and its title as sent.
    pub fn record_letter(
        &mut self,
        id: RequestId,
        template: (&str, &str),
        text: String,
        implied: Option<RequestEvent>,
        on: Date,
        today: Date,
    ) -> Result<(), RuleError> {
        let updated = self.with_letter_sent(id, template, text, implied, on, today)?;
        let slot = self.request_mut(id).ok_or(RuleError::NoSuchRequest)?;
        *slot = updated;
        Ok(())
    }
}

impl Workspace {
    /// Every problem in the workspace, one per field, as `smallprint check` prints them.
    pub fn issues(&self) -> Vec<super::validate::FieldIssue> {
        let mut issues = self.organisation.issues();
        for activity in &self.register {
            issues.extend(activity.issues());
        }
        for breach in &self.breaches {
            issues.extend(breach.issues());
            issues.extend(self.stale_category_links(breach));
        }
        issues.extend(self.website.issues());
        issues
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::{
        catalogue::business_types,
        example::example_workspace,
        holidays::{FeedDivision, FeedEvent},
        requests::Status,
    };

    fn example() -> Workspace {
        example_workspace(date(2026, 11, 23))
    }

    #[test]
    fn two_kinds_of_business_give_each_shared_purpose_once() {
        let mut workspace = Workspace::default();
        let kinds = business_types();
        let studio = kinds
            .iter()
            .find(|b| b.kind == "digital-downloads-3d-studio")
            .or_else(|| kinds.get(1))
            .expect("a second kind");
        let shop = kinds.first().expect("a kind");
        let first = workspace.add_catalogue_activities(shop).len();
        assert_eq!(first, shop.activities.len());
        let second = workspace.add_catalogue_activities(studio).len();
        let shared = studio
            .activities
            .iter()
            .filter(|t| {
                shop.activities
                    .iter()
                    .any(|s| s.purpose.eq_ignore_ascii_case(&t.purpose))
            })
            .count();
        assert!(shared >= 1, "both keep accounts");
        assert_eq!(second, studio.activities.len() - shared);
        let accounts = workspace
            .register
            .iter()
            .filter(|a| a.purpose == "Keep accounts and tax records")
            .count();
        assert_eq!(accounts, 1);
    }

    /// An activity some request links to, with that request's id.
    fn linked_activity(workspace: &Workspace) -> (ActivityId, RequestId) {
        workspace
            .requests
            .iter()
            .find_map(|r| r.activities.first().map(|a| (*a, r.id)))
            .expect("the example links a request to an activity")
    }

    #[test]
    fn duplicating_puts_a_marked_copy_with_a_new_id_after_the_original() {
        let mut workspace = example();
        let original = workspace.register[1].clone();
        let copy = workspace.duplicate_activity(original.id).expect("exists");
        assert_ne!(copy, original.id);
        let placed = &workspace.register[2];
        assert_eq!(placed.id, copy);
        assert_eq!(placed.purpose, format!("{} (copy)", original.purpose));
        assert_eq!(placed.data_categories, original.data_categories);
        assert_eq!(workspace.register[1], original, "the original is untouched");
    }

    #[test]
    fn deleting_an_activity_unlinks_it_from_every_request() {
        let mut workspace = example();
        let (activity, request) = linked_activity(&workspace);
        let before = workspace.register.len();
        let removed = workspace.delete_activity(activity).expect("exists");
        assert_eq!(removed.id, activity);
        assert_eq!(workspace.register.len(), before - 1);
        assert!(workspace.activity(activity).is_none());
        assert!(
            workspace
                .requests
                .iter()
                .all(|r| !r.activities.contains(&activity)),
            "no request keeps a link to a deleted activity"
        );
        assert!(workspace.request(request).is_some(), "the request stays");
    }

    #[test]
    fn a_missing_activity_is_refused_and_nothing_changes() {
        let mut workspace = example();
        let before = workspace.clone();
        let gone = ActivityId(999_999);
        assert_eq!(
            workspace.duplicate_activity(gone),
            Err(RuleError::NoSuchActivity)
        );
        assert_eq!(
            workspace.delete_activity(gone).map(|a| a.id),
            Err(RuleError::NoSuchActivity)
        );
        let mut stray = workspace.register[0].clone();
        stray.id = gone;
        assert_eq!(
            workspace.update_activity(stray),
            Err(RuleError::NoSuchActivity)
        );
        assert_eq!(workspace, before);
    }

    #[test]
    fn catalogue_activities_are_added_whole_with_fresh_ids() {
        let mut workspace = Workspace::default();
        let business = &business_types()[0];
        let added = workspace.add_catalogue_activities(business);
        assert_eq!(added.len(), business.activities.len());
        let purposes: Vec<&str> = workspace
            .register
            .iter()
            .map(|a| a.purpose.as_str())
            .collect();
        let expected: Vec<&str> = business
            .activities
            .iter()
            .map(|a| a.purpose.as_str())
            .collect();
        assert_eq!(purposes, expected);
        let mut ids = added.clone();
        ids.dedup();
        assert_eq!(ids.len(), added.len(), "every activity has its own id");
        let again = workspace.add_catalogue_activities(business);
        assert!(
            again.iter().all(|id| !added.contains(id)),
            "a second use never reuses an id"
        );
    }

    fn feed(events: &[(&str, Date)]) -> Feed {
        let division = "england-and-wales".to_owned();
        let events = events
            .iter()
            .map(|(title, date)| FeedEvent {
                title: (*title).to_owned(),
                date: *date,
                notes: String::new(),
                bunting: false,
            })
            .collect();
        Feed::from([(division.clone(), FeedDivision { division, events })])
    }

    #[test]
    fn imported_bank_holidays_are_kept_and_reach_the_deadlines() {
        let mut workspace = example();
        let extra = date(2026, 12, 29);
        assert!(
            workspace
                .holidays()
                .on(Nation::EnglandAndWales, extra)
                .is_none()
        );
        let years = workspace.import_bank_holidays(&feed(&[
            ("New Year's Day", date(2026, 1, 1)),
            ("Extra day", extra),
        ]));
        assert_eq!(years, Some((2026, 2026)));
        assert!(workspace.settings.imported_bank_holidays.is_some());
        assert!(
            workspace
                .holidays()
                .on(Nation::EnglandAndWales, extra)
                .is_some()
        );
    }

    #[test]
    fn a_step_is_checked_and_recorded_by_the_same_rule() {
        let mut workspace = example();
        let open = workspace
            .requests
            .iter()
            .find(|r| r.status == Status::Open && !r.is_complaint())
            .expect("an open request")
            .clone();
        let today = date(2026, 11, 23);
        // Identity cannot arrive before it was asked for.
        let refused =
            workspace.check_request_event(open.id, &RequestEvent::IdentityReceived, today, today);
        assert!(matches!(
            refused,
            Err(RuleError::Record(RecordError::NotAllowed { .. }))
        ));
        let before = workspace.clone();
        assert_eq!(
            workspace.record_request_event(open.id, RequestEvent::IdentityReceived, today, today),
            refused
        );
        assert_eq!(workspace, before, "a refused step changes nothing");

        workspace
            .check_request_event(open.id, &RequestEvent::IdentityRequested, today, today)
            .expect("allowed");
        workspace
            .record_request_event(open.id, RequestEvent::IdentityRequested, today, today)
            .expect("recorded");
        assert_eq!(
            workspace.request(open.id).map(|r| r.status),
            Some(Status::AwaitingIdentity)
        );
    }

    #[test]
    fn a_letter_and_its_step_are_recorded_together_or_not_at_all() {
        let mut workspace = example();
        let today = date(2026, 11, 23);
        let open = workspace
            .requests
            .iter()
            .find(|r| r.status == Status::Open && !r.is_complaint())
            .expect("an open request")
            .id;
        // The implied step is refused (nothing to receive yet): no letter is kept.
        let before = workspace.clone();
        let refused = workspace.record_letter(
            open,
            ("identity-received", "Identity received"),
            "Dear…".to_owned(),
            Some(RequestEvent::IdentityReceived),
            today,
            today,
        );
        assert!(refused.is_err());
        assert_eq!(
            workspace.check_letter(open, Some(&RequestEvent::IdentityReceived), today, today),
            refused
        );
        assert_eq!(workspace, before);

        workspace
            .record_letter(
                open,
                ("identity-request", "Identity request"),
                "Dear Ms Example".to_owned(),
                Some(RequestEvent::IdentityRequested),
                today,
                today,
            )
            .expect("recorded");
        let request = workspace.request(open).expect("still there");
        let last_two: Vec<&RequestEvent> = request
            .timeline
            .iter()
            .rev()
            .take(2)
            .map(|e| &e.event)
            .collect();
        assert_eq!(last_two[0], &RequestEvent::IdentityRequested);
        assert_eq!(
            last_two[1],
            &RequestEvent::LetterSent {
                template: "identity-request".to_owned(),
                title: "Identity request".to_owned(),
                text: "Dear Ms Example".to_owned()
            }
        );
        assert_eq!(
            workspace.record_letter(
                RequestId(999_999),
                ("x", "x"),
                String::new(),
                None,
                today,
                today
            ),
            Err(RuleError::NoSuchRequest)
        );
    }

    fn uk() -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("rule")
    }

    #[test]
    fn breaches_get_yearly_references_and_the_rules_refuse_without_changing() {
        use crate::domain::breaches::{Decision, RiskAssessment, RiskLevel};
        let mut workspace = example();
        workspace.breaches.clear();
        // 23:30 UTC on 31 Dec 2026 is still 2026 in the UK (GMT).
        let first = workspace.log_breach(
            "2026-12-31T23:30:00Z".parse().expect("instant"),
            "Lost phone".into(),
            &uk(),
        );
        let second = workspace.log_breach(
            "2027-01-02T10:00:00Z".parse().expect("instant"),
            "Wrong parcel label".into(),
            &uk(),
        );
        let reference = |id| workspace.breach(id).expect("logged").reference.clone();
        assert_eq!(reference(first), "B-2026-001");
        assert_eq!(reference(second), "B-2027-001");
        let now = "2027-01-03T10:00:00Z".parse().expect("instant");
        let before = workspace.clone();
        assert_eq!(
            workspace.change_breach(first, |b| b.close(date(2027, 1, 3), now, &uk())),
            Err(RuleError::Breach(BreachError::Undecided))
        );
        let slot = workspace
            .breaches
            .iter_mut()
            .find(|b| b.id == first)
            .expect("there");
        slot.risk = Some(RiskAssessment {
            level: RiskLevel::Unlikely,
            reasoning: String::new(),
        });
        let with_risk = workspace.clone();
        let decision = Decision {
            report: false,
            reasons: "phone encrypted and wiped remotely".into(),
            decided_by: "Morwenna Tallis".into(),
            decided_on: date(2027, 1, 3),
        };
        assert_eq!(
            workspace.change_breach(first, |b| b.decide(decision, now, &uk())),
            Err(RuleError::Breach(BreachError::NoRiskReasoning))
        );
        assert_eq!(workspace, with_risk);
        assert_ne!(workspace, before);
        assert_eq!(
            workspace.change_breach(BreachId(999), |b| b.close(date(2027, 1, 3), now, &uk())),
            Err(RuleError::NoSuchBreach)
        );
    }

    #[test]
    fn deleting_an_activity_unlinks_breaches() {
        use crate::domain::breaches::CategoryLink;
        let mut workspace = example();
        workspace.breaches.clear();
        let activity = workspace.register[0].id;
        let id = workspace.log_breach(
            "2026-06-01T08:00:00Z".parse().expect("instant"),
            "Wrong recipient".into(),
            &uk(),
        );
        let slot = workspace
            .breaches
            .iter_mut()
            .find(|b| b.id == id)
            .expect("there");
        slot.activities.push(activity);
        slot.data_categories.push(CategoryLink {
            activity,
            category: "Contact details".into(),
        });
        let stale = |workspace: &Workspace| {
            workspace
                .issues()
                .iter()
                .filter(|i| i.field == "Data categories affected")
                .count()
        };
        let category = workspace.register[0].data_categories[0].clone();
        let slot = workspace
            .breaches
            .iter_mut()
            .find(|b| b.id == id)
            .expect("there");
        slot.data_categories[0].category.clone_from(&category);
        assert_eq!(stale(&workspace), 0, "{category} is the activity's");
        workspace.register[0].data_categories[0] = "Renamed".into();
        assert_eq!(stale(&workspace), 1, "the link no longer matches");
        workspace.delete_activity(activity).expect("deleted");
        assert_eq!(stale(&workspace), 0);
        let breach = workspace.breach(id).expect("still logged");
        assert!(breach.activities.is_empty() && breach.data_categories.is_empty());
    }
}
