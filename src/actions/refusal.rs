//! Why an action was not done, in words the user can act on. The window shows the same
//! words the command line prints, because both show this type's `Display`.

use crate::documents::letters::PartSpec;

#[derive(Debug, Clone, thiserror::Error)]
pub enum Refusal {
    /// The law (or the request's state) does not allow it now: the rule's own reason.
    #[error("This letter cannot be sent now: {0}.")]
    NotAllowed(String),
    /// Facts only the shop can state are missing; each is a visible gap in the letter.
    #[error("Before it can go, {}.", reason_for_missing(.0))]
    Missing(Vec<&'static PartSpec>),
    /// The letter would not say who it is from or how to reach them (Art. 13(1)(a)):
    /// the same check as the notice's gate.
    #[error("This letter cannot go yet: {}. Fill them in on the Organisation screen.", .0.join("; "))]
    NoController(Vec<String>),
    #[error("Its request is no longer in the log.")]
    NoSuchRequest,
    #[error("Its breach is no longer in the log.")]
    NoSuchBreach,
}

impl Refusal {
    /// The required parts a letter lacks, when that is the reason.
    pub fn missing(&self) -> &[&'static PartSpec] {
        match self {
            Refusal::Missing(parts) => parts,
            _ => &[],
        }
    }
}

fn reason_for_missing(parts: &[&'static PartSpec]) -> String {
    crate::documents::letters::reason_for(parts).unwrap_or_default()
}

/// Two refusals are the same when they say the same thing (parts by their key).
impl PartialEq for Refusal {
    fn eq(&self, other: &Self) -> bool {
        let keys = |parts: &[&'static PartSpec]| parts.iter().map(|p| p.key).collect::<Vec<_>>();
        match (self, other) {
            (Refusal::Missing(a), Refusal::Missing(b)) => keys(a) == keys(b),
            (Refusal::NotAllowed(a), Refusal::NotAllowed(b)) => a == b,
            (Refusal::NoController(a), Refusal::NoController(b)) => a == b,
            (Refusal::NoSuchRequest, Refusal::NoSuchRequest)
            | (Refusal::NoSuchBreach, Refusal::NoSuchBreach) => true,
            _ => false,
        }
    }
}

impl Eq for Refusal {}
