//! Undo and redo: the workspace as it was before each edit, with the edit's name so the
//! status line and the Edit menu can say what an undo takes back.

use crate::domain::Workspace;

/// Edits of the same kind closer together than this undo as one step, so undo takes
/// back a typed word rather than a letter.
const COALESCE_SECONDS: f64 = 1.5;
const UNDO_DEPTH: usize = 200;

/// One step of the history: the version to go back to, and what the edit was.
#[derive(Debug, Clone)]
struct Step {
    workspace: Workspace,
    what: String,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    last_edit: Option<(&'static str, f64)>,
}

impl History {
    /// Records the version before an edit named `what`. Edits with the same `coalesce`
    /// key close together form one undo step; `None` never merges.
    pub fn record(
        &mut self,
        before: Workspace,
        what: String,
        coalesce: Option<&'static str>,
        now: f64,
    ) {
        let continues_last_edit = matches!((self.last_edit, coalesce),
            (Some((last_kind, at)), Some(kind)) if last_kind == kind && now - at < COALESCE_SECONDS);
        if !continues_last_edit {
            self.undo.push(Step {
                workspace: before,
                what,
            });
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_edit = coalesce.map(|kind| (kind, now));
    }

    fn step(from: &mut Vec<Step>, to: &mut Vec<Step>, current: &mut Workspace) -> Option<String> {
        let previous = from.pop()?;
        let what = previous.what.clone();
        to.push(Step {
            workspace: std::mem::replace(current, previous.workspace),
            what: previous.what,
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Workspace {
        let mut workspace = Workspace::default();
        workspace.organisation.legal_name = name.to_owned();
        workspace
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_and_name_the_edit() {
        let mut history = History::default();
        let mut current = named("B");
        history.record(named("A"), "Change the shop's name".to_owned(), None, 0.0);
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
        history.record(named(""), "typing".to_owned(), Some("name"), 0.0);
        history.record(named("A"), "typing".to_owned(), Some("name"), 0.5);
        history.record(named("AB"), "typing".to_owned(), Some("name"), 5.0);
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
        history.record(named("A"), "first".to_owned(), None, 0.0);
        history.undo(&mut current);
        history.record(named("A"), "second".to_owned(), None, 1.0);
        assert_eq!(history.next_redo(), None);
    }
}
