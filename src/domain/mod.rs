//! The shop's workspace as plain data and pure rules: no egui, no file I/O, no clock.

pub mod agenda;
pub mod breach_clock;
pub mod breaches;
pub mod catalogue;
pub mod deadlines;
pub mod example;
pub mod holidays;
pub mod ids;
pub mod integrity;
pub mod lia;
pub mod organisation;
pub mod register;
pub mod requests;
pub mod settings;
pub mod validate;
pub mod workspace;

pub use ids::{ActivityId, BreachId, RequestId};
pub use organisation::{FeeTier, Nation, Organisation, PostalAddress, PrivacyContact};
pub use workspace::{FORMAT_VERSION, Workspace};
