//! Undo and redo: what each edit changed, with the edit's name so the status line and
//! the Edit menu can say what an undo takes back.
//!
//! A step keeps only the parts of the workspace the edit changed — the organisation,
//! the settings or the id counter whole (each small), and of the register and the
//! requests only the records that changed — so an edit of one request in a log of
//! 10,000 costs one request, not a copy of the workspace. The history is bounded in
//! steps ([`UNDO_DEPTH`]) and in size ([`UNDO_BYTES`]), oldest steps dropped first.

use serde::Serialize;

use crate::domain::{
    Organisation, Workspace, breaches::Breach, ids::IdAllocator, register::ProcessingActivity,
    requests::RightsRequest, settings::Settings, website::Website,
};

/// Edits of the same kind closer together than this undo as one step, so undo takes
/// back a typed word rather than a letter.
const COALESCE_SECONDS: f64 = 1.5;
/// The most steps kept.
pub const UNDO_DEPTH: usize = 200;
/// The most the steps may hold, measured as the changed records written as JSON: 32 MB.
/// The newest step is always kept, however large.
pub const UNDO_BYTES: usize = 32 * 1024 * 1024;

/// How to turn one version of a list into another.
#[derive(Debug, Clone, PartialEq)]
enum ListPatch<T> {
    /// The same length: these elements go back at these positions.
    Replace(Vec<(usize, T)>),
    /// `remove` elements at `at` are replaced by `insert` (records added or deleted).
    Splice {
        at: usize,
        remove: usize,
        insert: Vec<T>,
    },
}

impl<T: Clone + PartialEq> ListPatch<T> {
    /// The patch that turns `from` into `to`, or `None` when they are equal.
    fn between(from: &[T], to: &[T]) -> Option<Self> {
        if from.len() == to.len() {
            let changed: Vec<(usize, T)> = from
                .iter()
                .zip(to)
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(index, (_, b))| (index, b.clone()))
                .collect();
            return (!changed.is_empty()).then_some(ListPatch::Replace(changed));
        }
        let prefix = from.iter().zip(to).take_while(|(a, b)| a == b).count();
        let room = from.len().min(to.len()) - prefix;
        let suffix = from
            .iter()
            .rev()
            .zip(to.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        Some(ListPatch::Splice {
            at: prefix,
            remove: from.len() - prefix - suffix,
            insert: to[prefix..to.len() - suffix].to_vec(),
        })
    }

    /// Applies the patch to `list`; returns the patch that undoes it.
    fn apply(self, list: &mut Vec<T>) -> Self {
        match self {
            ListPatch::Replace(items) => ListPatch::Replace(
                items
                    .into_iter()
                    .filter_map(|(index, value)| {
                        let slot = list.get_mut(index)?;
                        Some((index, std::mem::replace(slot, value)))
                    })
                    .collect(),
            ),
            ListPatch::Splice { at, remove, insert } => {
                let at = at.min(list.len());
                let end = at.saturating_add(remove).min(list.len());
                let inserted = insert.len();
                let removed: Vec<T> = list.splice(at..end, insert).collect();
                ListPatch::Splice {
                    at,
                    remove: inserted,
                    insert: removed,
                }
            }
        }
    }

    fn values(&self) -> Vec<&T> {
        match self {
            ListPatch::Replace(items) => items.iter().map(|(_, value)| value).collect(),
            ListPatch::Splice { insert, .. } => insert.iter().collect(),
        }
    }
}

/// The parts of a workspace that one edit changed, as they are to be put back.
#[derive(Debug, Clone, Default, PartialEq)]
struct Patch {
    organisation: Option<Box<Organisation>>,
    register: Option<ListPatch<ProcessingActivity>>,
    requests: Option<ListPatch<RightsRequest>>,
    breaches: Option<ListPatch<Breach>>,
    settings: Option<Box<Settings>>,
    ids: Option<IdAllocator>,
    website: Option<Box<Website>>,
}

impl Patch {
    /// The patch that turns `from` into `to`.
    fn between(from: &Workspace, to: &Workspace) -> Self {
        // Named field by field so a new part of the workspace cannot be forgotten here.
        let Workspace {
            organisation,
            register,
            requests,
            settings,
            ids,
            breaches,
            website,
        } = to;
        Self {
            organisation: (from.organisation != *organisation)
                .then(|| Box::new(organisation.clone())),
            register: ListPatch::between(&from.register, register),
            requests: ListPatch::between(&from.requests, requests),
            breaches: ListPatch::between(&from.breaches, breaches),
            settings: (from.settings != *settings).then(|| Box::new(settings.clone())),
            ids: (from.ids != *ids).then(|| ids.clone()),
            website: (from.website != *website).then(|| Box::new(website.clone())),
        }
    }

    /// Applies the patch to `workspace`; returns the patch that undoes it.
    fn apply(self, workspace: &mut Workspace) -> Self {
        Self {
            organisation: self
                .organisation
                .map(|value| Box::new(std::mem::replace(&mut workspace.organisation, *value))),
            register: self
                .register
                .map(|patch| patch.apply(&mut workspace.register)),
            requests: self
                .requests
                .map(|patch| patch.apply(&mut workspace.requests)),
            breaches: self
                .breaches
                .map(|patch| patch.apply(&mut workspace.breaches)),
            settings: self
                .settings
                .map(|value| Box::new(std::mem::replace(&mut workspace.settings, *value))),
            ids: self
                .ids
                .map(|value| std::mem::replace(&mut workspace.ids, value)),
            website: self
                .website
                .map(|value| Box::new(std::mem::replace(&mut workspace.website, *value))),
        }
    }

    /// What the patch holds, as the bytes of its records written as JSON (a measure
    /// proportional to the memory they take, and cheap to take once per step).
    fn bytes(&self) -> usize {
        let mut bytes = json_len(&self.organisation) + json_len(&self.settings);
        bytes += json_len(&self.ids) + json_len(&self.website);
        if let Some(patch) = &self.register {
            bytes += json_len(&patch.values());
        }
        if let Some(patch) = &self.requests {
            bytes += json_len(&patch.values());
        }
        if let Some(patch) = &self.breaches {
            bytes += json_len(&patch.values());
        }
        bytes
    }
}

/// The length of `value` written as JSON, without building the text.
fn json_len(value: &impl Serialize) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    // Writing plain data to a counter cannot fail.
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

/// One step of the history: how to go back (or forward), and what the edit was.
#[derive(Debug, Clone)]
struct Step {
    patch: Patch,
    what: String,
    bytes: usize,
}

impl Step {
    fn new(patch: Patch, what: String) -> Self {
        let bytes = patch.bytes() + what.len();
        Self { patch, what, bytes }
    }
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    last_edit: Option<(&'static str, f64)>,
}

impl History {
    /// Records an edit named `what` that turned `before` into `after`. Edits with the
    /// same `coalesce` key close together form one undo step; `None` never merges.
    pub fn record(
        &mut self,
        before: &Workspace,
        after: &Workspace,
        what: String,
        coalesce: Option<&'static str>,
        now: f64,
    ) {
        let continues_last_edit = matches!((self.last_edit, coalesce),
            (Some((last_kind, at)), Some(kind)) if last_kind == kind && now - at < COALESCE_SECONDS);
        let merged = if continues_last_edit {
            self.undo.pop().map(|last| {
                // The version before the first edit of the run, from the one before this
                // edit and the run's step so far.
                let mut start = before.clone();
                let _ = last.patch.apply(&mut start);
                Step::new(Patch::between(after, &start), last.what)
            })
        } else {
            None
        };
        let step = merged.unwrap_or_else(|| Step::new(Patch::between(after, before), what));
        self.undo.push(step);
        self.redo.clear();
        self.trim();
        self.last_edit = coalesce.map(|kind| (kind, now));
    }

    /// Drops the oldest steps beyond the bounds, always keeping the newest.
    fn trim(&mut self) {
        let mut total: usize = self.undo.iter().map(|step| step.bytes).sum();
        let mut drop = 0;
        while self.undo.len() - drop > 1
            && (self.undo.len() - drop > UNDO_DEPTH || total > UNDO_BYTES)
        {
            total -= self.undo[drop].bytes;
            drop += 1;
        }
        self.undo.drain(..drop);
    }

    fn step(from: &mut Vec<Step>, to: &mut Vec<Step>, current: &mut Workspace) -> Option<String> {
        let previous = from.pop()?;
        let what = previous.what.clone();
        let inverse = previous.patch.apply(current);
        to.push(Step {
            patch: inverse,
            what: previous.what,
            bytes: previous.bytes,
        });
        Some(what)
    }

    /// Goes back one edit; returns its name, or `None` when there is nothing to undo.
    pub fn undo(&mut self, current: &mut Workspace) -> Option<String> {
        self.last_edit = None;
        Self::step(&mut self.undo, &mut self.redo, current)
    }

    /// Goes forward one undone edit; returns its name.
    pub fn redo(&mut self, current: &mut Workspace) -> Option<String> {
        self.last_edit = None;
        Self::step(&mut self.redo, &mut self.undo, current)
    }

    /// What Undo would take back.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|step| step.what.as_str())
    }

    /// What Redo would bring back.
    pub fn next_redo(&self) -> Option<&str> {
        self.redo.last().map(|step| step.what.as_str())
    }

    /// The size of everything kept for undo and redo, measured as [`UNDO_BYTES`] is.
    pub fn bytes(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .map(|step| step.bytes)
            .sum()
    }

    /// How many steps Undo can take back.
    pub fn depth(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::example_workspace;

    fn named(name: &str) -> Workspace {
        let mut workspace = Workspace::default();
        workspace.organisation.legal_name = name.to_owned();
        workspace
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_and_name_the_edit() {
        let mut history = History::default();
        let mut current = named("B");
        history.record(
            &named("A"),
            &current,
            "Change the shop's name".to_owned(),
            None,
            0.0,
        );
        assert_eq!(history.next_undo(), Some("Change the shop's name"));
        assert_eq!(
            history.undo(&mut current).as_deref(),
            Some("Change the shop's name")
        );
        assert_eq!(current.organisation.legal_name, "A");
        assert_eq!(history.next_redo(), Some("Change the shop's name"));
        assert_eq!(
            history.redo(&mut current).as_deref(),
            Some("Change the shop's name")
        );
        assert_eq!(current.organisation.legal_name, "B");
        assert_eq!(history.redo(&mut current), None);
    }

    #[test]
    fn quick_edits_of_one_kind_undo_as_one_step_and_slow_ones_do_not() {
        let mut history = History::default();
        let mut current = named("ABC");
        history.record(
            &named(""),
            &named("A"),
            "typing".to_owned(),
            Some("name"),
            0.0,
        );
        history.record(
            &named("A"),
            &named("AB"),
            "typing".to_owned(),
            Some("name"),
            0.5,
        );
        history.record(
            &named("AB"),
            &current,
            "typing".to_owned(),
            Some("name"),
            5.0,
        );
        history.undo(&mut current);
        assert_eq!(current.organisation.legal_name, "AB");
        history.undo(&mut current);
        assert_eq!(current.organisation.legal_name, "");
        assert_eq!(history.undo(&mut current), None);
    }

    #[test]
    fn a_new_edit_forgets_what_was_undone() {
        let mut history = History::default();
        let mut current = named("B");
        history.record(&named("A"), &current, "first".to_owned(), None, 0.0);
        history.undo(&mut current);
        history.record(&named("A"), &named("C"), "second".to_owned(), None, 1.0);
        assert_eq!(history.next_redo(), None);
    }

    /// A workspace of `n` requests (copies of the example's first, renumbered).
    fn with_requests(n: usize) -> Workspace {
        let mut workspace = example_workspace(jiff::civil::date(2026, 11, 23));
        let template = workspace.requests[0].clone();
        workspace.requests = (0..n)
            .map(|i| {
                let mut request = template.clone();
                request.id = crate::domain::RequestId(1_000 + i as u64);
                request.reference = format!("R-2026-{i:05}");
                request
            })
            .collect();
        workspace
    }

    #[test]
    fn a_step_costs_what_the_edit_changed_not_the_workspace() {
        let start = with_requests(2_000);
        let whole = json_len(&start);
        let one = json_len(&start.requests[0]);
        let mut history = History::default();
        let mut current = start.clone();
        let mut versions = vec![start.clone()];
        for i in 0..20_u32 {
            let before = current.clone();
            current.requests[i as usize * 50].notes = format!("edit {i}");
            history.record(
                &before,
                &current,
                format!("edit {i}"),
                None,
                f64::from(i) * 10.0,
            );
            versions.push(current.clone());
        }
        // Each step holds one request (and its name), not the 2,000.
        assert!(
            history.bytes() < 20 * (one + 100),
            "{} vs one request {one}",
            history.bytes()
        );
        assert!(history.bytes() * 50 < whole);
        // And every step goes back and forth exactly.
        for version in versions.iter().rev().skip(1) {
            history.undo(&mut current);
            assert_eq!(&current, version);
        }
        for version in versions.iter().skip(1) {
            history.redo(&mut current);
            assert_eq!(&current, version);
        }
    }

    #[test]
    fn adding_and_deleting_records_undo_exactly() {
        let start = with_requests(30);
        let mut history = History::default();
        let mut current = start.clone();
        // Add at the end, delete in the middle, delete an activity (which unlinks it
        // from requests), then change the organisation and the id counter together.
        let mut versions = vec![current.clone()];
        let edits: [fn(&mut Workspace); 4] = [
            |w| {
                let extra = w.requests[3].clone();
                w.requests.push(extra);
            },
            |w| {
                w.requests.remove(10);
            },
            |w| {
                let id = w.register[0].id;
                w.delete_activity(id).expect("deleted");
            },
            |w| {
                w.organisation.legal_name = "Renamed Ltd".to_owned();
                w.add_blank_activity();
            },
        ];
        for (n, edit) in (0_u32..).zip(edits) {
            let before = current.clone();
            edit(&mut current);
            history.record(&before, &current, format!("{n}"), None, f64::from(n) * 10.0);
            versions.push(current.clone());
        }
        for version in versions.iter().rev().skip(1) {
            history.undo(&mut current);
            assert_eq!(&current, version);
        }
        assert_eq!(current, start);
        for version in versions.iter().skip(1) {
            history.redo(&mut current);
            assert_eq!(&current, version);
        }
    }

    #[test]
    fn the_history_is_bounded_in_bytes_keeping_the_newest_step() {
        let mut history = History::default();
        let big = "x".repeat(UNDO_BYTES / 5 * 2);
        let mut current = named("");
        for i in 0..5 {
            let before = current.clone();
            current.organisation.legal_name = format!("{big}{i}");
            history.record(&before, &current, format!("{i}"), None, f64::from(i) * 10.0);
        }
        assert!(history.bytes() <= UNDO_BYTES, "{}", history.bytes());
        assert_eq!(history.depth(), 2);
        assert_eq!(history.next_undo(), Some("4"));

        // One step larger than the bound is still kept (a step holds the version to
        // go back to).
        current.organisation.legal_name = "y".repeat(UNDO_BYTES + 1);
        let before = current.clone();
        current.organisation.legal_name = "z".to_owned();
        history.record(&before, &current, "huge".to_owned(), None, 100.0);
        assert_eq!(history.depth(), 1);
        history.undo(&mut current);
        assert_eq!(current, before);
    }
}
