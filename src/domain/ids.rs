//! Stable identifiers. An id is handed out once per workspace and never reused, so
//! links between records (a request and the activities it concerns) survive edits,
//! reordering and deletion of other records.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);
    };
}

id_type!(
    /// A processing activity in the register.
    ActivityId
);
id_type!(
    /// A rights request in the log.
    RequestId
);
id_type!(
    /// A personal-data breach in the breach log.
    BreachId
);

/// The next free reference of `year` with `letter` (`R-2026-004`, `B-2026-002`) among
/// `taken`, compared as every check of a shared reference compares them — ignoring
/// case and surrounding spaces — so a new reference never equals one in use.
pub fn next_reference<'a>(
    letter: char,
    taken: impl IntoIterator<Item = &'a str>,
    year: i16,
) -> String {
    let prefix = format!("{letter}-{year}-");
    let used: std::collections::BTreeSet<u64> = taken
        .into_iter()
        .filter_map(|reference| {
            reference
                .trim()
                .to_uppercase()
                .strip_prefix(&prefix)?
                .trim()
                .parse::<u64>()
                .ok()
        })
        .collect();
    // One above the highest; past the largest number, the first one free.
    let next = used
        .last()
        .map_or(Some(1), |highest| highest.checked_add(1))
        .or_else(|| (1..=u64::MAX).find(|n| !used.contains(n)))
        .unwrap_or(1);
    format!("{prefix}{next:03}")
}

/// Hands out ids that are unique within one workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdAllocator {
    next: u64,
}

impl Default for IdAllocator {
    fn default() -> Self {
        Self { next: 1 }
    }
}

impl IdAllocator {
    fn take(&mut self) -> u64 {
        let id = self.next;
        self.next = self.next.saturating_add(1);
        id
    }

    /// The id the next record will get.
    pub fn peek(&self) -> u64 {
        self.next
    }

    /// Makes every id handed out from now on greater than `highest` (a file whose
    /// counter fell behind its records).
    pub fn raise_above(&mut self, highest: u64) {
        self.next = self.next.max(highest.saturating_add(1));
    }

    pub fn activity(&mut self) -> ActivityId {
        ActivityId(self.take())
    }

    pub fn request(&mut self) -> RequestId {
        RequestId(self.take())
    }

    pub fn breach(&mut self) -> BreachId {
        BreachId(self.take())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_reference_never_equals_one_in_use_however_it_is_written() {
        let taken = ["r-2026-008", " R-2026-011 ", "R-2025-040", "X-2026-900"];
        assert_eq!(next_reference('R', taken, 2026), "R-2026-012");
        assert_eq!(next_reference('R', [], 2026), "R-2026-001");
        assert_eq!(next_reference('B', ["b-2026-001"], 2026), "B-2026-002");
        let largest = format!("R-2026-{}", u64::MAX);
        assert_eq!(
            next_reference('R', ["R-2026-001", largest.as_str()], 2026),
            "R-2026-002"
        );
    }

    #[test]
    fn ids_are_never_reused_across_kinds() {
        let mut ids = IdAllocator::default();
        let a = ids.activity();
        let r = ids.request();
        let b = ids.activity();
        assert_ne!(a.0, r.0);
        assert_ne!(a, b);
        assert!(b.0 > r.0);
    }
}
