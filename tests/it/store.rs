//! The store as a user's files see it: round trips, bad files, privacy, backups,
//! locking and changes made by other programs.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::fs;

use common::{at, bad_files, files_in, temp_workspace};
use jiff::civil::date;
use smallprint::{
    domain::{
        Workspace,
        example::example_workspace,
        requests::{RequestKind, Status},
    },
    store::{self, Contents, Store, StoreError, backups},
};

fn opened(path: &std::path::Path) -> (Store, Workspace) {
    match Store::open(path).expect("opens") {
        (store, Contents::Workspace(workspace)) => (store, workspace),
        (_, Contents::Missing) => panic!("{} is missing", path.display()),
    }
}

#[test]
fn the_example_workspace_survives_a_save_and_load() {
    let (_dir, path) = temp_workspace();
    let (mut store, contents) = Store::open(&path).expect("opens");
    assert!(matches!(contents, Contents::Missing));
    let example = example_workspace(jiff::civil::date(2026, 11, 23));
    store
        .save(&example, at(date(2026, 11, 23), 9))
        .expect("saves");
    drop(store);
    let (_store, loaded) = opened(&path);
    assert_eq!(loaded, example);
}

#[test]
fn the_format_1_fixture_still_opens() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace-v1.json");
    let workspace = store::read_workspace(&path).expect("v1 fixture reads");
    let org = &workspace.organisation;
    assert_eq!(org.legal_name, "Morwenna Tallis");
    assert_eq!(org.trading_name, "Kestrel Forge 3D");
    assert_eq!(org.address.postcode, "ZZ1 4KF");
    assert_eq!(org.ico_renewal_date, Some(date(2027, 3, 14)));
    assert_eq!(workspace.register.len(), 4);
    assert_eq!(
        workspace.register[0].purpose,
        "Provide services and goods, including delivery"
    );
    // Format 2 gave requests a kind, a status and a timeline.
    let request = &workspace.requests[0];
    assert_eq!(request.reference, "R-2026-001");
    assert_eq!(request.kind, RequestKind::Access);
    assert_eq!(request.status, Status::Open);
    assert_eq!(request.timeline.len(), 1);
    assert_eq!(request.timeline[0].on, date(2026, 1, 31));
    assert_eq!(workspace.settings.imported_bank_holidays, None);
    let next = workspace.clone().ids.request();
    assert_eq!(next.0, 6, "ids carry on from the old file");
}

#[test]
fn a_format_5_file_opens_with_an_empty_breach_log_and_saves_as_format_6() {
    // Written by a format-5 build: the example shop, before the breach log.
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace-v5.json");
    let text = fs::read_to_string(&fixture).expect("fixture");
    assert!(text.contains("\"smallprint_format\": 5") && !text.contains("\"breaches\""));
    let (_dir, path) = temp_workspace();
    common::write_bytes(&path, text.as_bytes());
    let (mut store, workspace) = opened(&path);
    assert!(workspace.breaches.is_empty());
    assert_eq!(workspace.organisation.trading_name, "Kestrel Forge 3D");
    let example = example_workspace(date(2026, 11, 23));
    assert_eq!(workspace.register.len(), example.register.len());
    assert_eq!(workspace.requests.len(), example.requests.len());
    store
        .save(&workspace, at(date(2026, 12, 1), 9))
        .expect("saves");
    drop(store);
    let saved: serde_json::Value =
        serde_json::from_slice(&fs::read(&path).expect("read")).expect("json");
    assert_eq!(
        saved["smallprint_format"],
        smallprint::domain::FORMAT_VERSION
    );
    assert_eq!(saved["workspace"]["breaches"], serde_json::json!([]));
}

/// Issue 21: format 6 kept a sent letter by its title; format 7 keeps its stable name,
/// with the title as sent. A format-6 file means the same after opening: its complaint
/// acknowledged (so the outcome may go and a second acknowledgement may not), and the
/// timeline reads as before.
#[test]
fn a_format_6_file_keeps_what_its_sent_letters_allow_under_format_7() {
    use smallprint::{
        documents::letters::{Template, sent_on},
        domain::requests::RequestEvent,
    };
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace-v6.json");
    let text = fs::read_to_string(&fixture).expect("fixture");
    assert!(text.contains("\"smallprint_format\": 6"));
    assert!(text.contains("\"template\": \"Complaint acknowledgement\""));
    let (_dir, path) = temp_workspace();
    common::write_bytes(&path, text.as_bytes());
    let (mut store, workspace) = opened(&path);
    let complaint = workspace
        .requests
        .iter()
        .find(|r| r.reference == "R-2026-007")
        .expect("the complaint");
    assert_eq!(
        sent_on(complaint, Template::ComplaintAcknowledgement),
        Some(date(2026, 11, 22))
    );
    let today = date(2026, 11, 23);
    assert_eq!(
        Template::ComplaintOutcome.fits(&workspace, complaint, today),
        Ok(())
    );
    assert!(
        Template::ComplaintAcknowledgement
            .fits(&workspace, complaint, today)
            .is_err()
    );
    let kept: Vec<(&str, &str)> = workspace
        .requests
        .iter()
        .flat_map(|r| &r.timeline)
        .filter_map(|entry| match &entry.event {
            RequestEvent::LetterSent {
                template, title, ..
            } => Some((template.as_str(), title.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        kept,
        [
            ("acknowledgement", "Acknowledgement"),
            ("complaint-acknowledgement", "Complaint acknowledgement")
        ]
    );
    store
        .save(&workspace, at(date(2026, 12, 1), 9))
        .expect("saves");
    drop(store);
    let saved: serde_json::Value =
        serde_json::from_slice(&fs::read(&path).expect("read")).expect("json");
    assert_eq!(
        saved["smallprint_format"],
        smallprint::domain::FORMAT_VERSION
    );
}

/// Format 7's DPIA answer was a default "not needed" for every activity: it opens as
/// "not screened", never as a "No" the shop did not give; "needed" and "done" keep the
/// shop's judgement of high risk.
#[test]
fn a_format_7_file_opens_with_dpia_screenings_that_claim_nothing() {
    use smallprint::domain::register::{DpiaOutcome, HighRisk};
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace-v7.json");
    let text = fs::read_to_string(&fixture).expect("fixture");
    assert!(text.contains("\"smallprint_format\": 7"));
    let (_dir, path) = temp_workspace();
    common::write_bytes(&path, text.as_bytes());
    let (_store, workspace) = opened(&path);
    let outcomes: Vec<DpiaOutcome> = workspace.register[..3]
        .iter()
        .map(|a| a.dpia.outcome())
        .collect();
    assert_eq!(
        outcomes,
        [
            DpiaOutcome::NotScreened,
            DpiaOutcome::Required { done: false },
            DpiaOutcome::Required { done: true },
        ]
    );
    assert_eq!(workspace.register[1].dpia.signs, [HighRisk::Other]);
    assert_eq!(workspace.register[0].dpia.required_answer(), "Not screened");

    // A value format 7 never wrote is refused, not guessed into "not screened".
    for odd in ["\"Needed\"", "5", "[]", "null", "\"maybe\""] {
        let spoiled = text.replacen("\"dpia\": \"not-needed\"", &format!("\"dpia\": {odd}"), 1);
        assert_ne!(spoiled, text);
        common::write_bytes(&path, spoiled.as_bytes());
        assert!(Store::open(&path).is_err(), "{odd} is refused");
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            spoiled,
            "{odd}: left alone"
        );
    }
}

#[test]
fn a_breach_with_every_field_filled_survives_a_save_and_load() {
    use smallprint::domain::breaches::{
        BreachEntry, BreachKind, CategoryLink, Decision, IcoReport, Individuals, RiskAssessment,
        RiskLevel, Step,
    };
    let instant = |text: &str| text.parse::<jiff::Timestamp>().expect("instant");
    let mut example = example_workspace(date(2026, 11, 23));
    let activity = example.register[0].id;
    let id = example.log_breach(
        instant("2026-10-25T01:30:00Z"),
        "Courier label on the wrong parcel".into(),
        &smallprint::clock::uk_time_zone(),
    );
    let breach = example
        .breaches
        .iter_mut()
        .find(|b| b.id == id)
        .expect("logged");
    breach.occurred = Some(instant("2026-10-24T16:00:00Z"));
    breach.occurred_estimated = true;
    breach.noticed_by = "Morwenna Tallis".into();
    breach.cause = "Labels printed in the wrong order".into();
    breach.kinds = vec![BreachKind::Confidentiality, BreachKind::Availability];
    breach.activities = vec![activity];
    breach.data_categories = vec![CategoryLink {
        activity,
        category: "Delivery address".into(),
    }];
    breach.special_category = Some(true);
    breach.people_affected = Some(2);
    breach.records_affected = Some(2);
    breach.consequences = "A stranger saw a name and address".into();
    breach.risk = Some(RiskAssessment {
        level: RiskLevel::High,
        reasoning: "Health product in the parcel".into(),
    });
    breach.steps = vec![Step {
        on: date(2026, 10, 25),
        what: "Parcel collected back".into(),
    }];
    breach.decision = Some(Decision {
        report: true,
        reasons: "Special category data".into(),
        decided_by: "Morwenna Tallis".into(),
        decided_on: date(2026, 10, 25),
    });
    breach.report = Some(IcoReport {
        at: instant("2026-10-29T09:00:00Z"),
        reference: "IC-000000-FICT".into(),
    });
    breach.delay_reasons = "Waiting for the courier's account".into();
    breach.individuals = Some(Individuals::Told {
        on: date(2026, 10, 26),
        how: "Phone call".into(),
    });
    breach.processor = "Fictional Couriers Ltd".into();
    breach.lessons = "Check labels against the packing list".into();
    breach.closed = Some(date(2026, 11, 2));
    breach
        .timeline
        .push(BreachEntry::new(instant("2026-11-02T10:00:00Z"), "Closed"));
    let mut not_told = breach.clone();
    not_told.id = example.ids.breach();
    not_told.reference = "B-2026-002".into();
    not_told.individuals = Some(Individuals::NotTold {
        why: "Parcel returned unopened".into(),
    });
    example.breaches.push(not_told);
    let (_dir, path) = temp_workspace();
    let (mut store, _) = Store::open(&path).expect("opens");
    store
        .save(&example, at(date(2026, 11, 23), 9))
        .expect("saves");
    drop(store);
    let (_store, loaded) = opened(&path);
    assert_eq!(loaded, example);
}

#[test]
fn bad_files_are_explained_and_never_written() {
    for (name, bytes, expected) in bad_files() {
        let (_dir, path) = temp_workspace();
        common::write_bytes(&path, &bytes);
        let error = Store::open(&path).expect_err(name);
        assert!(error.is_unreadable_file(), "{name}: {error:?}");
        let message = error.to_string();
        assert!(message.contains(expected), "{name}: {message}");
        assert!(
            message.contains("workspace.json"),
            "{name}: the message names the file: {message}"
        );
        assert_eq!(
            fs::read(&path).expect("read"),
            bytes,
            "{name}: file changed"
        );
    }
}

#[test]
fn a_damaged_file_reports_line_and_column() {
    let (_dir, path) = temp_workspace();
    fs::File::create(&path)
        .and_then(|mut f| {
            std::io::Write::write_all(
                &mut f,
                b"{\n  \"smallprint_format\": 1,\n  \"workspace\": {,\n}",
            )
        })
        .expect("write");
    match Store::open(&path) {
        Err(StoreError::Damaged { line, column, .. }) => assert_eq!((line, column), (3, 17)),
        other => panic!("expected a damaged file, got {other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn the_file_its_backups_and_its_lock_are_private() {
    use common::mode_of;
    let (dir, path) = temp_workspace();
    let (mut store, _) = Store::open(&path).expect("opens");
    store
        .save(
            &example_workspace(jiff::civil::date(2026, 11, 23)),
            at(date(2026, 11, 23), 9),
        )
        .expect("saves");
    store
        .save(&Workspace::default(), at(date(2026, 11, 23), 10))
        .expect("saves");
    assert_eq!(mode_of(&path), 0o600);
    assert_eq!(mode_of(&dir.path().join(".workspace.json.lock")), 0o600);
    assert_eq!(mode_of(&backups::backup_dir(&path)), 0o700);
    let saved = backups::list(&path);
    assert_eq!(saved.len(), 2);
    for backup in saved {
        assert_eq!(mode_of(&backup.path), 0o600, "{}", backup.path.display());
    }
}

#[test]
fn backups_keep_the_last_ten_saves_and_one_a_day_for_thirty_days() {
    let (_dir, path) = temp_workspace();
    let (mut store, _) = Store::open(&path).expect("opens");
    let mut workspace = example_workspace(jiff::civil::date(2026, 11, 23));
    // Five saves a day for 40 days.
    let first_day = date(2026, 10, 1);
    let mut last = first_day;
    for day_offset in 0..40 {
        let day = first_day
            .checked_add(jiff::Span::new().days(day_offset))
            .expect("date");
        for hour in 9..14 {
            workspace.organisation.trading_name = format!("Save {day} {hour}");
            store.save(&workspace, at(day, hour)).expect("saves");
        }
        last = day;
    }
    let kept = backups::list(&path);
    // Last 10 saves cover the last two days; 28 more days get one each.
    assert_eq!(kept.len(), 10 + 28, "{kept:#?}");
    let newest = store::read_workspace(&kept[0].path).expect("newest backup reads");
    assert_eq!(newest, workspace, "the newest backup is the last save");
    let oldest_day = last.checked_sub(jiff::Span::new().days(29)).expect("date");
    assert_eq!(kept.last().expect("some").day, oldest_day);
    for backup in &kept {
        store::read_workspace(&backup.path).expect("every backup reads");
    }
}

#[test]
fn a_second_writer_is_refused() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(jiff::civil::date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("write");
    let (first, _) = opened(&path);
    let (mut second, workspace) = opened(&path);
    assert!(first.is_writable());
    assert!(!second.is_writable());
    assert!(matches!(
        second.read_only_reason(),
        Some(StoreError::Locked { .. })
    ));
    let before = fs::read(&path).expect("read");
    let result = second.save(&Workspace::default(), at(date(2026, 11, 23), 9));
    assert!(matches!(result, Err(StoreError::ReadOnly)), "{result:?}");
    assert_eq!(fs::read(&path).expect("read"), before);
    drop(first);
    let (third, again) = opened(&path);
    assert!(third.is_writable(), "the lock goes with the first store");
    assert_eq!(again, workspace);
}

fn change_elsewhere(path: &std::path::Path) -> Vec<u8> {
    let mut theirs = example_workspace(jiff::civil::date(2026, 11, 23));
    theirs.organisation.trading_name = "Changed by a sync client".to_owned();
    let bytes = store::encode(&theirs);
    common::write_bytes(path, &bytes);
    bytes
}

#[test]
fn an_external_change_is_caught_before_overwrite_and_both_versions_survive() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(jiff::civil::date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("write");
    let (mut store, mut mine) = opened(&path);
    mine.organisation.trading_name = "Mine".to_owned();
    let theirs = change_elsewhere(&path);

    let result = store.save(&mine, at(date(2026, 11, 23), 9));
    assert!(
        matches!(result, Err(StoreError::ChangedOnDisk { .. })),
        "{result:?}"
    );
    assert_eq!(
        fs::read(&path).expect("read"),
        theirs,
        "nothing overwritten"
    );

    let (_, kept) = store
        .save_keeping_theirs(&mine, at(date(2026, 11, 23), 10))
        .expect("saves");
    let kept = kept.expect("their version kept");
    assert_eq!(fs::read(&kept).expect("kept copy"), theirs);
    assert_eq!(store::read_workspace(&path).expect("reads"), mine);

    // And the other way round: take theirs, keep mine.
    let theirs = change_elsewhere(&path);
    let (reloaded, kept_mine) = store
        .reload_keeping_mine(&mine, at(date(2026, 11, 23), 11))
        .expect("reloads");
    assert_eq!(store::encode(&reloaded), theirs);
    assert_eq!(store::read_workspace(&kept_mine).expect("kept"), mine);
    // Having reloaded, the store may save again.
    store
        .save(&reloaded, at(date(2026, 11, 23), 12))
        .expect("saves after reload");
}

#[test]
fn a_file_deleted_elsewhere_is_also_an_external_change() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(jiff::civil::date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("write");
    let (mut store, workspace) = opened(&path);
    fs::remove_file(&path).expect("delete");
    let result = store.save(&workspace, at(date(2026, 11, 23), 9));
    assert!(
        matches!(result, Err(StoreError::ChangedOnDisk { .. })),
        "{result:?}"
    );
}

#[test]
fn an_unreadable_file_can_be_replaced_by_its_newest_backup_without_losing_it() {
    let (dir, path) = temp_workspace();
    let (mut store, _) = Store::open(&path).expect("opens");
    let mut workspace = example_workspace(jiff::civil::date(2026, 11, 23));
    store
        .save(&workspace, at(date(2026, 11, 20), 9))
        .expect("saves");
    workspace.organisation.trading_name = "Newest".to_owned();
    store
        .save(&workspace, at(date(2026, 11, 21), 9))
        .expect("saves");
    drop(store);

    let broken = b"{ \"smallprint_format\": 1, \"workspace\": { oops".to_vec();
    common::write_bytes(&path, &broken);
    assert!(Store::open(&path).is_err());

    let (newest, _) = store::backups::newest_readable(&path).expect("a backup");
    let (mut store, restored, backup) = Store::open_from_backup(&path, &newest.path)
        .expect("io")
        .expect("a backup");
    assert_eq!(restored, workspace);
    assert_eq!(backup.saved_at, Some(at(date(2026, 11, 21), 9)));
    assert_eq!(
        fs::read(&path).expect("read"),
        broken,
        "untouched until the first save"
    );

    let saved = store
        .save(&restored, at(date(2026, 11, 23), 9))
        .expect("saves");
    let aside = saved.set_aside.expect("the broken file was set aside");
    assert_eq!(fs::read(&aside).expect("read aside"), broken);
    assert!(aside.starts_with(dir.path()));
    assert_eq!(store::read_workspace(&path).expect("reads"), workspace);
}

#[test]
fn stale_temporary_files_are_cleared_by_the_next_writer() {
    let (dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(jiff::civil::date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("write");
    let stale = dir.path().join(".workspace.json.saving-99999");
    fs::File::create(&stale).expect("stale temp");
    let (_store, _) = opened(&path);
    assert!(!stale.exists(), "{:?}", files_in(dir.path()));
}

/// Every name a save uses that someone could predict — the backup named for the save
/// time, the copy kept aside — holds a link planted by another local user: none is
/// followed, and the file the links point at is never created or changed.
#[cfg(unix)]
#[test]
fn links_planted_at_the_names_a_save_uses_are_never_followed() {
    use std::os::unix::fs::symlink;
    let (dir, path) = temp_workspace();
    let (mut store, _) = Store::open(&path).expect("opens");
    let saved_at = at(date(2026, 11, 20), 9);
    let backups_dir = dir.path().join("backups");
    fs::create_dir(&backups_dir).expect("backups");
    let victim = dir.path().join("victim.txt");
    let existing = dir.path().join("existing.txt");
    common::write_bytes(&existing, b"the user's own file");
    // Dangling (would create the victim) and to an existing file (would overwrite it).
    symlink(
        &victim,
        backups_dir.join("workspace-20261120-090000-000.json"),
    )
    .expect("plant");
    symlink(
        &existing,
        backups_dir.join("workspace-20261120-090000-000-2.json"),
    )
    .expect("plant");
    for n in 0..5 {
        symlink(
            &victim,
            dir.path().join(format!(
                ".workspace.json.saving-{}{}",
                std::process::id(),
                "-".repeat(n)
            )),
        )
        .expect("plant");
    }
    store
        .save(&example_workspace(date(2026, 11, 23)), saved_at)
        .expect("saves");
    assert!(!victim.exists(), "nothing created where a link points");
    assert_eq!(fs::read(&existing).expect("read"), b"the user's own file");
    assert!(
        backups::survey(&path)
            .iter()
            .any(|info| info.is_usable() && info.saved_at == Some(saved_at)),
        "the backup was written under a name of its own"
    );
}

/// Each field within its limit, the whole over the 64 MB the reader reads: refused, as
/// the reader would refuse the file, and the file left as it was.
#[test]
fn a_save_larger_than_the_reader_reads_is_refused() {
    let (_dir, path) = temp_workspace();
    let (mut store, _) = Store::open(&path).expect("opens");
    let mut workspace = example_workspace(date(2026, 11, 23));
    store
        .save(&workspace, at(date(2026, 11, 20), 9))
        .expect("saves");
    let before = fs::read(&path).expect("read");
    let long = "d".repeat(99_000);
    for request in 0..700 {
        let mut copy = workspace.requests[0].clone();
        copy.id = workspace.ids.request();
        copy.reference = format!("R-2025-{request:03}");
        copy.details = long.clone();
        workspace.requests.push(copy);
    }
    match store.save(&workspace, at(date(2026, 11, 21), 9)) {
        Err(StoreError::Unworkable { reason, .. }) => {
            assert!(reason.contains("64 MB"), "{reason}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(fs::read(&path).expect("read"), before);
}

/// A copy kept from a conflict or a replace is a version someone set aside: listed,
/// never "the newest good backup", whatever its time.
#[test]
fn a_kept_copy_is_listed_but_never_the_newest_good_backup() {
    let (dir, path) = temp_workspace();
    let backups_dir = dir.path().join("backups");
    fs::create_dir(&backups_dir).expect("backups");
    let mut rotating = example_workspace(date(2026, 11, 23));
    rotating.organisation.trading_name = "Rotating".to_owned();
    let mut mine = rotating.clone();
    mine.organisation.trading_name = "Set aside in a conflict".to_owned();
    common::write_bytes(
        &backups_dir.join("workspace-20261120-090000-000.json"),
        &store::encode_at(&rotating, at(date(2026, 11, 20), 9)),
    );
    common::write_bytes(
        &backups_dir.join("workspace-20261122-090000-000-mine.json"),
        &store::encode_at(&mine, at(date(2026, 11, 22), 9)),
    );
    // Another workspace's backup in the same folder ("workspace-2025" beside "workspace").
    common::write_bytes(
        &backups_dir.join("workspace-2025-20261123-090000-000.json"),
        &store::encode_at(&mine, at(date(2026, 11, 23), 9)),
    );
    let listed = backups::survey(&path);
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[0].kind, backups::Kind::Kept("mine".to_owned()));
    let (newest, workspace) = backups::newest_readable(&path).expect("a backup");
    assert_eq!(newest.kind, backups::Kind::Rotating);
    assert_eq!(workspace.organisation.trading_name, "Rotating");
}
