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
pub mod marketing;
pub mod organisation;
pub mod register;
pub mod requests;
pub mod rights;
pub mod settings;
pub mod validate;
pub mod website;
pub mod workspace;

pub use ids::{ActivityId, BreachId, RequestId};
pub use organisation::{FeeTier, Nation, Organisation, PostalAddress, PrivacyContact};
pub use workspace::{FORMAT_VERSION, Workspace};

/// Every variant of a fieldless enum, in declaration order, as an array: each enum's
/// `ALL` is derived from the enum itself (strum), so a new variant cannot be left out of
/// a drop-down, the navigation or a test that walks them all.
pub const fn every_variant<T: strum::VariantArray + Copy, const N: usize>() -> [T; N] {
    match T::VARIANTS.first_chunk::<N>() {
        Some(all) if T::VARIANTS.len() == N => *all,
        _ => panic!("N is the number of variants"),
    }
}
