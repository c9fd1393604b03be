//! What the screens work out from the workspace — every request's deadline and the
//! agenda — computed once per change of the workspace or of the day, not every frame.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use crate::domain::{
    RequestId, Workspace,
    agenda::{self, AgendaItem, ClockStop},
    deadlines::Deadline,
    holidays::Holidays,
};

#[derive(Debug, Default)]
pub struct Derived {
    key: Option<(u64, Date)>,
    pub holidays: Holidays,
    pub deadlines: HashMap<RequestId, Deadline>,
    pub agenda: Vec<AgendaItem>,
    /// Indices into `agenda` by date, so a month is found without scanning them all.
    pub agenda_by_day: BTreeMap<Date, Vec<usize>>,
    /// Open requests whose clock is stopped, by the day it stopped: a marker, not a due
    /// date.
    pub clock_stops: BTreeMap<Date, Vec<ClockStop>>,
}

impl Derived {
    pub fn update(
        &mut self,
        workspace: &Workspace,
        revision: u64,
        today: Date,
        zone: &jiff::tz::TimeZone,
    ) -> &Derived {
        if self.key != Some((revision, today)) {
            self.holidays = workspace.holidays().into_owned();
            self.deadlines = agenda::deadlines(workspace, &self.holidays, today);
            self.agenda = agenda::agenda(workspace, &self.deadlines, today, zone);
            self.agenda_by_day = BTreeMap::new();
            for (index, item) in self.agenda.iter().enumerate() {
                self.agenda_by_day.entry(item.date).or_default().push(index);
            }
            self.clock_stops = BTreeMap::new();
            for stop in agenda::clock_stops(workspace, &self.deadlines) {
                self.clock_stops.entry(stop.date).or_default().push(stop);
            }
            self.key = Some((revision, today));
        }
        self
    }
}
