//! Rotating backups in `backups/` beside the data file: the last [`KEEP_RECENT`] saves,
//! plus the newest save of each of the last [`KEEP_DAYS`] days.
//!
//! Names carry the UTC save time, `workspace-20261123-101502-417.json`, so they sort in
//! the order they were written whatever the clocks did at a daylight-saving change.

use std::{
    collections::HashSet,
    fs, io,
    path::{Path, PathBuf},
};

use jiff::{Timestamp, civil::Date, tz::TimeZone};

use super::{atomic, envelope};
use crate::domain::Workspace;

pub const KEEP_RECENT: usize = 10;
pub const KEEP_DAYS: i32 = 30;
const STAMP_LEN: usize = "20261123-101502-417".len();

pub fn backup_dir(data_file: &Path) -> PathBuf {
    data_file.with_file_name("backups")
}

fn stem(data_file: &Path) -> String {
    data_file.file_stem().map_or_else(
        || "workspace".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn stamp(at: Timestamp) -> String {
    let utc = at.to_zoned(TimeZone::UTC);
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}-{:03}",
        utc.year(),
        utc.month(),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second(),
        utc.millisecond()
    )
}

fn is_stamp(text: &str) -> bool {
    text.bytes().enumerate().all(|(i, b)| {
        if i == 8 || i == 15 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    })
}

/// A rotating backup of `data_file`, with the UTC day it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub day: Date,
}

fn parse_backup(stem: &str, path: PathBuf) -> Option<Backup> {
    let name = path.file_name()?.to_str()?;
    if kind_of(stem, name)? != Kind::Rotating {
        return None;
    }
    // `kind_of` checked the stamp right after `{stem}-`.
    let day = Date::strptime("%Y%m%d", name.get(stem.len() + 1..stem.len() + 9)?).ok()?;
    Some(Backup { path, day })
}

/// The rotating backups of `data_file`, newest first.
pub fn list(data_file: &Path) -> Vec<Backup> {
    let stem = stem(data_file);
    let Ok(entries) = fs::read_dir(backup_dir(data_file)) else {
        return Vec::new();
    };
    // Only regular files: a folder or a link named like a backup is not one of ours,
    // and must neither be pruned (failing every save) nor offered.
    let mut backups: Vec<Backup> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| parse_backup(&stem, entry.path()))
        .collect();
    backups.sort_by(|a, b| b.path.cmp(&a.path));
    backups
}

fn unused_path(dir: &Path, base: &str) -> PathBuf {
    let mut candidate = dir.join(format!("{base}.json"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-{n}.json"));
        n += 1;
    }
    candidate
}

/// Writes `bytes` as the newest backup and prunes the old ones.
pub fn record(data_file: &Path, bytes: &[u8], at: Timestamp) -> io::Result<PathBuf> {
    let dir = backup_dir(data_file);
    atomic::create_private_dir(&dir)?;
    let path = unused_path(&dir, &format!("{}-{}", stem(data_file), stamp(at)));
    // The data file itself was just synced; a backup lost to a power cut in the next
    // seconds costs nothing that the data file does not hold.
    atomic::write_atomically_unsynced(&path, bytes)?;
    prune(data_file, at.to_zoned(TimeZone::UTC).date())?;
    Ok(path)
}

/// Keeps a copy that rotation never deletes: the losing side of a conflict, so that
/// choosing one version never silently loses the other.
pub fn keep_copy(
    data_file: &Path,
    bytes: &[u8],
    at: Timestamp,
    label: &str,
) -> io::Result<PathBuf> {
    let dir = backup_dir(data_file);
    atomic::create_private_dir(&dir)?;
    let path = unused_path(&dir, &format!("{}-{}-{label}", stem(data_file), stamp(at)));
    atomic::write_durably(&path, bytes)?;
    Ok(path)
}

/// Keeps the window's unsaved version beside the data file (not in `backups/`, where
/// nobody looks on their own) when it closes with a conflict open. Never replaces a
/// file: the name is new.
pub fn keep_unsaved_copy(data_file: &Path, bytes: &[u8], at: Timestamp) -> io::Result<PathBuf> {
    let dir = match data_file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let path = unused_path(dir, &format!("{}{UNSAVED}{}", stem(data_file), stamp(at)));
    atomic::write_durably(&path, bytes)?;
    Ok(path)
}

const UNSAVED: &str = ".unsaved-";

/// The copies [`keep_unsaved_copy`] left beside `data_file`, oldest first.
pub fn unsaved_copies(data_file: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}{UNSAVED}", stem(data_file));
    let dir = match data_file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut copies: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(&prefix)
                    && Path::new(n)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            })
        })
        .collect();
    copies.sort();
    copies
}

/// The backups rotation keeps: the newest [`KEEP_RECENT`], and the newest of each day
/// within [`KEEP_DAYS`] days of `today`.
pub fn to_keep(backups: &[Backup], today: Date) -> HashSet<PathBuf> {
    let mut keep: HashSet<PathBuf> = backups
        .iter()
        .take(KEEP_RECENT)
        .map(|b| b.path.clone())
        .collect();
    let oldest_day = today
        .checked_sub(jiff::Span::new().days(KEEP_DAYS - 1))
        .unwrap_or(today);
    let mut days_seen = HashSet::new();
    for backup in backups {
        if backup.day >= oldest_day && days_seen.insert(backup.day) {
            keep.insert(backup.path.clone());
        }
    }
    keep
}

fn prune(data_file: &Path, today: Date) -> io::Result<()> {
    let backups = list(data_file);
    let keep = to_keep(&backups, today);
    for backup in backups.iter().filter(|b| !keep.contains(&b.path)) {
        match fs::remove_file(&backup.path) {
            // Another process pruned it first.
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// A backup as the recovery list shows it: when it was saved, its size, what it holds,
/// and whether Smallprint could open it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// The save time recorded inside it; for a backup written before Smallprint
    /// recorded one, the file's modification time.
    pub saved_at: Option<Timestamp>,
    pub bytes: u64,
    pub kind: Kind,
    /// Requests, activities and breaches in it, when it can be read.
    pub counts: Option<Counts>,
    /// Why it cannot be opened, if it cannot: unreadable, or holding what the reader
    /// refuses.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub requests: usize,
    pub activities: usize,
    pub breaches: usize,
}

/// A save time as the recovery list says it: the day and time in `zone` (the UK's).
pub fn describe_time(at: Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone())
        .strftime("%-d %B %Y, %H:%M")
        .to_string()
}

impl BackupInfo {
    pub fn is_usable(&self) -> bool {
        self.problem.is_none()
    }
}

/// What a file in `backups/` is: a rotating backup, or a copy kept for a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Rotating,
    /// A copy never rotated: `mine` and `changed-elsewhere` (the sides of a conflict),
    /// `replaced` (a file Save as or `--force` replaced).
    Kept(String),
}

/// The kind of `name` if it is one of `stem`'s backups: `{stem}-{UTC stamp}` then
/// nothing, `-N`, `-label` or `-label-N`, then `.json`. Another workspace's backups
/// (`shop-2025-…` beside `shop`) never match: the stamp must follow the stem.
fn kind_of(stem: &str, name: &str) -> Option<Kind> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".json")?;
    let stamp = rest.get(..STAMP_LEN)?;
    if !is_stamp(stamp) {
        return None;
    }
    let suffix = &rest[STAMP_LEN..];
    if suffix.is_empty() {
        return Some(Kind::Rotating);
    }
    let suffix = suffix.strip_prefix('-')?;
    if !suffix.is_empty() && suffix.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Kind::Rotating);
    }
    let label = suffix
        .rsplit_once('-')
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map_or(suffix, |(label, _)| label);
    ["mine", "changed-elsewhere", "replaced"]
        .contains(&label)
        .then(|| Kind::Kept(label.to_owned()))
}

/// Every backup of `data_file` — rotating ones and copies kept — newest save first by
/// the time recorded inside each, not by name, which a wrong clock or a planted file
/// can make lie. Each is read to say what it holds, but none is kept in memory.
pub fn survey(data_file: &Path) -> Vec<BackupInfo> {
    let stem = stem(data_file);
    let Ok(entries) = fs::read_dir(backup_dir(data_file)) else {
        return Vec::new();
    };
    let mut found: Vec<BackupInfo> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| {
            let kind = kind_of(&stem, entry.file_name().to_str()?)?;
            Some(inspect(entry.path(), kind).0)
        })
        .collect();
    found.sort_by(|a, b| {
        b.saved_at
            .cmp(&a.saved_at)
            .then_with(|| b.path.cmp(&a.path))
    });
    found
}

fn inspect(path: PathBuf, kind: Kind) -> (BackupInfo, Option<Workspace>) {
    let modified = fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| Timestamp::try_from(t).ok());
    let (bytes, read) = match super::read::read(&path) {
        Ok(bytes) => (bytes.len() as u64, Ok(bytes)),
        Err(e) => (0, Err(e.to_string())),
    };
    let saved_at = read
        .as_ref()
        .ok()
        .and_then(|b| envelope::saved_at(b))
        .or(modified);
    let decoded = read.and_then(|bytes| envelope::decode(&path, &bytes).map_err(|e| e.to_string()));
    let (workspace, problem) = match decoded {
        Ok(workspace) => match crate::domain::integrity::blocking_summary(&workspace) {
            Some(reason) => (None, Some(reason)),
            None => (Some(workspace), None),
        },
        Err(problem) => (None, Some(problem)),
    };
    let counts = workspace.as_ref().map(|w| Counts {
        requests: w.requests.len(),
        activities: w.register.len(),
        breaches: w.breaches.len(),
    });
    (
        BackupInfo {
            path,
            saved_at,
            bytes,
            kind,
            counts,
            problem,
        },
        workspace,
    )
}

/// The newest rotating backup Smallprint can open — read, decoded, and within the
/// reader's limits — for when the data file cannot be. A copy kept from a conflict or
/// a replace is a version someone set aside, never "the newest good backup".
pub fn newest_readable(data_file: &Path) -> Option<(BackupInfo, Workspace)> {
    survey(data_file)
        .into_iter()
        .filter(|info| info.kind == Kind::Rotating && info.is_usable())
        .find_map(|info| {
            let (fresh, workspace) = inspect(info.path, info.kind);
            Some((fresh, workspace?))
        })
}

/// The backup of `data_file` at `path` as the recovery list shows it, with its
/// workspace if it can be opened; a file that is not one of `data_file`'s backups (a
/// stale choice, another workspace's) is refused.
pub fn open_one(data_file: &Path, path: &Path) -> (BackupInfo, Option<Workspace>) {
    let kind = path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| kind_of(&stem(data_file), name));
    match kind {
        Some(kind) if path.parent() == Some(backup_dir(data_file).as_path()) => {
            inspect(path.to_owned(), kind)
        }
        _ => (
            BackupInfo {
                path: path.to_owned(),
                saved_at: None,
                bytes: 0,
                kind: Kind::Rotating,
                counts: None,
                problem: Some("it is not one of this file's backups".to_owned()),
            },
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn backup(name: &str) -> Backup {
        parse_backup("workspace", PathBuf::from(format!("backups/{name}"))).expect(name)
    }

    #[test]
    fn another_workspaces_backups_are_not_this_ones() {
        assert_eq!(
            kind_of("shop", "shop-20261123-101502-417.json"),
            Some(Kind::Rotating)
        );
        assert_eq!(
            kind_of("shop", "shop-20261123-101502-417-3.json"),
            Some(Kind::Rotating)
        );
        assert_eq!(
            kind_of("shop", "shop-20261123-101502-417-mine-2.json"),
            Some(Kind::Kept("mine".to_owned()))
        );
        assert_eq!(
            kind_of("shop", "shop-20261123-101502-417-changed-elsewhere.json"),
            Some(Kind::Kept("changed-elsewhere".to_owned()))
        );
        for other in [
            "shop-2025-20261123-101502-417.json",
            "shop-20261123-101502-417-anything.json",
            "shop-20261123.json",
            "shopping-20261123-101502-417.json",
        ] {
            assert_eq!(kind_of("shop", other), None, "{other}");
        }
    }

    #[test]
    fn names_are_recognised_exactly() {
        assert_eq!(
            backup("workspace-20261123-101502-417.json").day,
            date(2026, 11, 23)
        );
        assert!(parse_backup("workspace", "workspace-20261123-101502-417-2.json".into()).is_some());
        for other in [
            "workspace-20261123-101502-417-conflict-mine.json",
            "shop-20261123-101502-417.json",
            "workspace-2026112-101502-4170.json",
            "workspace-20261123-101502-417.json.tmp",
        ] {
            assert!(parse_backup("workspace", other.into()).is_none(), "{other}");
        }
    }

    #[test]
    fn rotation_keeps_ten_recent_and_one_a_day_for_thirty_days() {
        // 40 days with three saves a day, newest first.
        let today = date(2026, 11, 23);
        let mut backups = Vec::new();
        for days_ago in 0..40 {
            let day = today
                .checked_sub(jiff::Span::new().days(days_ago))
                .expect("date");
            for hour in [18, 12, 9] {
                let name = format!(
                    "workspace-{}-{hour:02}0000-000.json",
                    day.strftime("%Y%m%d")
                );
                backups.push(backup(&name));
            }
        }
        let keep = to_keep(&backups, today);
        // 10 newest = 3 today + 3 + 3 + 1 on the 4th day; plus one for each of the
        // other 26 days in the 30-day window.
        assert_eq!(keep.len(), 10 + 26);
        assert!(keep.contains(&backups[9].path));
        assert!(!keep.contains(&backups[10].path));
        assert!(
            keep.contains(&backups[29 * 3].path),
            "newest of the 30th day"
        );
        assert!(!keep.contains(&backups[29 * 3 + 1].path));
        assert!(!keep.contains(&backups[30 * 3].path), "31 days ago");
    }
}
