//! The use cases, between the rules (`domain`, `documents`) and the two front ends (the
//! window in `app`/`ui`, the command line in `cli`). Each front end only turns a click or
//! an argument into a call here and shows or writes what comes back, so "may this go,
//! build it, render it, write it" exists once, and the window and the CLI cannot disagree
//! about what the law allows.
//!
//! Every action takes the workspace and one [`Now`]: the instant in UK local time, from
//! which today's date (deadlines count UK days) and the UK zone (a breach's 72 hours) are
//! both read, so no caller pairs a timestamp with a zone of its own.

pub mod breach;
pub mod export;
pub mod letter;
mod refusal;
pub mod request;

pub use export::{Artifact, Export, ExportError};
pub use letter::{LetterDraft, LetterOrder, LetterSubject, draft_letter, prepare_letter};
pub use refusal::Refusal;

/// The moment an action runs: a [`jiff::Zoned`] in UK local time (as
/// [`crate::clock::Clock::now`] gives it).
pub type Now = jiff::Zoned;
