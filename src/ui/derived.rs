//! What the screens work out from the workspace — every request's deadline and the
//! agenda — computed once per change of the workspace or of the day, not every frame.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::domain::{
    RequestId, Workspace,
    agenda::{self, AgendaItem},
    deadlines::Deadline,
    holidays::Holidays,
};

#[derive(Debug, Default)]
pub struct Derived {
    key: Option<(u64, Date)>,
    pub holidays: Holidays,
    pub deadlines: HashMap<RequestId, Deadline>,
    pub agenda: Vec<AgendaItem>,
}

impl Derived {
    pub fn update(&mut self, workspace: &Workspace, revision: u64, today: Date) -> &Derived {
        if self.key != Some((revision, today)) {
            self.holidays = workspace.holidays().into_owned();
            self.deadlines = agenda::deadlines(workspace, &self.holidays, today);
            self.agenda = agenda::agenda(workspace, &self.deadlines, today);
            self.key = Some((revision, today));
        }
        self
    }
}
