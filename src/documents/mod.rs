//! Everything Smallprint writes for the world outside the app, derived from the
//! workspace: so far the calendar feed and the CSV register; the privacy notice and letters follow.

pub mod ics;
pub mod register_csv;
