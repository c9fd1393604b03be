//! The file format: a versioned envelope around the workspace, and the migrations
//! that bring an older file up to the current format.
//!
//! ```json
//! { "smallprint_format": 1, "saved_by": "Smallprint 0.1.0",
//!   "saved_at": "2026-12-03T10:15:02Z", "workspace": { … } }
//! ```
//!
//! `saved_at` (when a store saved it, absent in files written before it existed) orders
//! backups whatever their names or the clock said; older builds ignore it.

use std::path::Path;

use serde::{Deserialize, Serialize, de::IgnoredAny};
use serde_json::{Value, error::Category};

use super::error::StoreError;
use crate::domain::{FORMAT_VERSION, Workspace};

const VERSION_KEY: &str = "smallprint_format";

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    smallprint_format: u32,
    saved_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved_at: Option<jiff::Timestamp>,
    workspace: &'a Workspace,
}

/// Only when the file was saved, read leniently: a file without it, or with a value
/// this build cannot read, simply has no time.
#[derive(Deserialize)]
struct SaveTime {
    #[serde(default)]
    saved_at: Option<Value>,
}

/// When the envelope says the file was saved, if it says.
pub fn saved_at(bytes: &[u8]) -> Option<jiff::Timestamp> {
    let bytes = bytes.strip_prefix(super::read::BOM).unwrap_or(bytes);
    let stamp: SaveTime = serde_json::from_slice(bytes).ok()?;
    stamp.saved_at?.as_str()?.parse().ok()
}

#[derive(Deserialize)]
struct EnvelopeIn<W> {
    #[allow(
        dead_code,
        reason = "read in `Header`; named here so the typed read accepts it"
    )]
    smallprint_format: u64,
    #[serde(default)]
    #[allow(dead_code, reason = "kept for people reading the file, not read back")]
    saved_by: String,
    workspace: W,
}

/// Only the version, so a newer file is recognised before its content is judged.
#[derive(Deserialize)]
struct Header {
    smallprint_format: u64,
    #[allow(
        dead_code,
        reason = "named so a file without a workspace is not taken for one"
    )]
    workspace: IgnoredAny,
}

/// One step of the migration path: turns a file of format `from` into `from + 1`.
struct Migration {
    from: u32,
    apply: fn(&mut Value),
}

/// Every format change, in order. Format 1 is the first released format; a change of
/// shape adds a step here and bumps [`FORMAT_VERSION`].
const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        apply: v1_to_v2,
    },
    Migration {
        from: 2,
        apply: v2_to_v3,
    },
    Migration {
        from: 3,
        apply: v3_to_v4,
    },
    Migration {
        from: 4,
        apply: v4_to_v5,
    },
    Migration {
        from: 5,
        apply: v5_to_v6,
    },
    Migration {
        from: 6,
        apply: v6_to_v7,
    },
    Migration {
        from: 7,
        apply: v7_to_v8,
    },
    Migration {
        from: 8,
        apply: v8_to_v9,
    },
];

/// Format 9 adds the website's cookies and each marketing activity's channels and PECR
/// ground. A format 8 file says nothing of either, and the defaults say the same —
/// no cookies listed, no channel or ground given — so `check` asks for them rather than
/// the upgrade guessing a fact.
fn v8_to_v9(_workspace: &mut Value) {}

/// Format 8 records a DPIA screening instead of a bare answer. Format 7's "not-needed"
/// was the default every activity started with, so it says nothing was screened: it
/// becomes "not screened". "needed" and "done" were the shop's own judgement of high
/// risk, kept as that judgement ("another reason"), with whether the DPIA was done.
fn v7_to_v8(workspace: &mut Value) {
    let Some(register) = workspace.get_mut("register").and_then(Value::as_array_mut) else {
        return;
    };
    for activity in register.iter_mut().filter_map(Value::as_object_mut) {
        let screening = match activity.get("dpia") {
            Some(Value::String(answer)) if answer == "needed" => {
                serde_json::json!({ "signs": ["other"] })
            }
            Some(Value::String(answer)) if answer == "done" => {
                serde_json::json!({ "signs": ["other"], "done": true })
            }
            Some(Value::String(answer)) if answer == "not-needed" => serde_json::json!({}),
            None => serde_json::json!({}),
            // Not one of format 7's answers (a file edited by hand, "Needed", 5): left for
            // the reader to refuse with its line rather than guessed "not screened". An
            // array would read as the struct's fields in order, so it goes as text.
            Some(other @ (Value::String(_) | Value::Object(_))) => other.clone(),
            Some(other) => Value::String(other.to_string()),
        };
        activity.insert("dpia".to_owned(), screening);
    }
}

/// The request letters' titles as format 6 stored them, with each letter's stable name.
/// Frozen here: a title renamed later must not change what an old file meant.
const FORMAT_6_LETTER_TITLES: &[(&str, &str)] = &[
    ("Acknowledgement", "acknowledgement"),
    ("Identity or authority request", "identity-request"),
    ("Clarification request", "clarification-request"),
    ("Fee notice", "fee-notice"),
    ("Extension notice", "extension"),
    ("Subject access response", "access-response"),
    ("Erasure done", "erasure-done"),
    ("Erasure refused", "erasure-refused"),
    ("Rectification done", "rectification-done"),
    ("Rectification refused", "rectification-refused"),
    ("Restriction applied", "restriction-applied"),
    ("Notice before lifting a restriction", "restriction-lifting"),
    ("Direct marketing stopped", "marketing-objection"),
    ("Objection: processing stopped", "objection-stopped"),
    ("Objection: compelling grounds", "objection-refused"),
    ("Data portability", "portability"),
    ("Refusal (manifestly unfounded or excessive)", "refusal"),
    ("Complaint acknowledgement", "complaint-acknowledgement"),
    ("Complaint outcome", "complaint-outcome"),
];

/// Format 7 keeps a sent letter by its template's stable name (`template`), with the
/// title it had when sent (`title`) for the timeline; format 6 kept only the title. A
/// title no release used stays as it was, as both (it then allows nothing it did not).
fn v6_to_v7(workspace: &mut Value) {
    let Some(requests) = workspace.get_mut("requests").and_then(Value::as_array_mut) else {
        return;
    };
    let timelines = requests
        .iter_mut()
        .filter_map(|request| request.get_mut("timeline").and_then(Value::as_array_mut));
    for entry in timelines.flatten().filter_map(Value::as_object_mut) {
        if entry.get("event").and_then(Value::as_str) != Some("letter-sent") {
            continue;
        }
        let title = entry
            .get("template")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let name = FORMAT_6_LETTER_TITLES
            .iter()
            .find(|(old, _)| *old == title)
            .map_or(title.as_str(), |(_, name)| name)
            .to_owned();
        entry.insert("template".to_owned(), Value::String(name));
        entry.insert("title".to_owned(), Value::String(title));
    }
}

/// Format 6 added the breach log, empty in every older file.
fn v5_to_v6(workspace: &mut Value) {
    if let Some(workspace) = workspace.as_object_mut() {
        workspace
            .entry("breaches")
            .or_insert_with(|| Value::Array(Vec::new()));
    }
}

/// Words in a purpose that say it is direct marketing, for files written before the
/// register recorded it.
const MARKETING_WORDS: &[&str] = &["marketing", "newsletter", "promotion", "offers"];

/// Format 5 marked direct marketing (with how people object to it), kept the starter
/// catalogue's unconfirmed example text and suggested LIA answers, fingerprinted the
/// notice's content for its "Last updated" date, and gave settings the "play safe"
/// reading of deadlines, off as before.
///
/// An activity whose purpose or business function speaks of marketing becomes direct
/// marketing, objected to the way its consent is withdrawn (blank when it has none,
/// which the register then asks for); every other activity is not.
fn v4_to_v5(workspace: &mut Value) {
    use serde_json::json;
    if let Some(activities) = workspace.get_mut("register").and_then(Value::as_array_mut) {
        for activity in activities.iter_mut().filter_map(Value::as_object_mut) {
            let text = ["purpose", "business_function"]
                .iter()
                .filter_map(|key| activity.get(*key).and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            let marketing = MARKETING_WORDS.iter().any(|word| text.contains(word));
            let bases = activity
                .get_mut("lawful_bases")
                .and_then(Value::as_array_mut);
            let mut how_to_object = String::new();
            for basis in bases.into_iter().flatten().filter_map(Value::as_object_mut) {
                match basis.get("basis").and_then(Value::as_str) {
                    Some("legitimate-interests") => {
                        basis.entry("drafts").or_insert_with(|| json!({}));
                    }
                    Some("consent") if how_to_object.is_empty() => {
                        how_to_object = basis
                            .get("how_to_withdraw")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned();
                    }
                    _ => {}
                }
            }
            let direct_marketing = if marketing {
                json!({ "how_to_object": how_to_object })
            } else {
                Value::Null
            };
            activity
                .entry("direct_marketing")
                .or_insert(direct_marketing);
            activity.entry("placeholders").or_insert_with(|| json!([]));
        }
    }
    if let Some(settings) = workspace.get_mut("settings").and_then(Value::as_object_mut) {
        settings.entry("notice_fingerprint").or_insert(Value::Null);
        settings
            .entry("play_safe_deadlines")
            .or_insert(Value::Bool(false));
    }
}

/// Format 4 gave the privacy notice its "Last updated" date.
fn v3_to_v4(workspace: &mut Value) {
    if let Some(settings) = workspace.get_mut("settings").and_then(Value::as_object_mut) {
        settings.entry("notice_last_updated").or_insert(Value::Null);
    }
}

/// Format 3 gave register activities their full Art. 30 record: categories, sources,
/// lawful bases with justifications, recipients, transfers, retention and more.
fn v2_to_v3(workspace: &mut Value) {
    use serde_json::json;
    if let Some(activities) = workspace.get_mut("register").and_then(Value::as_array_mut) {
        for activity in activities.iter_mut().filter_map(Value::as_object_mut) {
            let defaults = json!({
                "business_function": "",
                "description": "",
                "individuals": [],
                "data_categories": [],
                "special_category": null,
                "criminal_offence_data": false,
                "sources": [],
                "requirement": "not-required",
                "if_not_provided": "",
                "lawful_bases": [],
                "processors": [],
                "other_recipients": [],
                "transfers": [],
                "retention": { "period": "", "reason": "" },
                "security_measures": "",
                "automated_decisions": null,
                "dpia": "not-needed",
                "location": "",
                "review_on": null,
            });
            if let Value::Object(defaults) = defaults {
                for (key, value) in defaults {
                    activity.entry(key).or_insert(value);
                }
            }
        }
    }
}

/// Format 2 gave requests their kind, requester, clock events and timeline, and
/// settings a place for imported bank holidays. A format-1 request becomes an open
/// access request with a "logged" step on its received date.
fn v1_to_v2(workspace: &mut Value) {
    use serde_json::json;
    if let Some(requests) = workspace.get_mut("requests").and_then(Value::as_array_mut) {
        for request in requests.iter_mut().filter_map(Value::as_object_mut) {
            let received = request.get("received").cloned().unwrap_or(Value::Null);
            let defaults = json!({
                "kind": "access",
                "requester": { "name": "", "email": "", "postal_address": "", "acting_for": "", "authority_needed": false },
                "channel": "email",
                "details": "",
                "activities": [],
                "identity_requested": null,
                "identity_received": null,
                "fee_requested": null,
                "fee_received": null,
                "clarifications": [],
                "extension": null,
                "status": "open",
                "response": null,
                "notes": "",
                "timeline": [{ "on": received, "event": "logged", "status": "open" }],
            });
            if let Value::Object(defaults) = defaults {
                for (key, value) in defaults {
                    request.entry(key).or_insert(value);
                }
            }
        }
    }
    if let Some(settings) = workspace.get_mut("settings").and_then(Value::as_object_mut) {
        settings
            .entry("imported_bank_holidays")
            .or_insert(Value::Null);
    }
}

/// The file's bytes, with no save time (an example, a test fixture).
pub fn encode(workspace: &Workspace) -> Vec<u8> {
    encode_with(workspace, None)
}

/// The file's bytes as a store saves them at `at`.
pub fn encode_at(workspace: &Workspace, at: jiff::Timestamp) -> Vec<u8> {
    encode_with(workspace, Some(at))
}

fn encode_with(workspace: &Workspace, saved_at: Option<jiff::Timestamp>) -> Vec<u8> {
    let envelope = EnvelopeOut {
        smallprint_format: FORMAT_VERSION,
        saved_by: format!("Smallprint {}", env!("CARGO_PKG_VERSION")),
        saved_at,
        workspace,
    };
    // Serialising plain data with string keys cannot fail.
    let mut bytes = serde_json::to_vec_pretty(&envelope).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

pub fn decode(path: &Path, bytes: &[u8]) -> Result<Workspace, StoreError> {
    decode_with(path, bytes, FORMAT_VERSION, MIGRATIONS)
}

fn damaged(path: &Path, error: &serde_json::Error) -> StoreError {
    let message = error.to_string();
    // serde_json appends " at line L column C"; we say it in our own words.
    let problem = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head)
        .to_owned();
    StoreError::Damaged {
        path: path.to_owned(),
        problem,
        line: error.line(),
        column: error.column(),
    }
}

fn decode_with(
    path: &Path,
    bytes: &[u8],
    current: u32,
    migrations: &[Migration],
) -> Result<Workspace, StoreError> {
    // Notepad and some editors begin UTF-8 files with a byte-order mark; JSON allows
    // none, but the text after it is the workspace.
    let bytes = bytes.strip_prefix(super::read::BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StoreError::Empty {
            path: path.to_owned(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| StoreError::NotText {
        path: path.to_owned(),
        offset: e.valid_up_to(),
    })?;

    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        Category::Data => StoreError::NotAWorkspace {
            path: path.to_owned(),
            problem: format!("it has no “{VERSION_KEY}” number and “workspace” section"),
        },
        Category::Io | Category::Syntax | Category::Eof => damaged(path, &e),
    })?;
    let found = header.smallprint_format;
    if found > u64::from(current) {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found,
            supported: current,
        });
    }
    if found == 0 {
        return Err(StoreError::NotAWorkspace {
            path: path.to_owned(),
            problem: "its format number is 0, which Smallprint never wrote".to_owned(),
        });
    }

    if found == u64::from(current) {
        // Read straight from the text so a wrong value is reported with its line.
        let envelope: EnvelopeIn<Workspace> =
            serde_json::from_str(text).map_err(|e| damaged(path, &e))?;
        return Ok(envelope.workspace);
    }

    let envelope: EnvelopeIn<Value> = serde_json::from_str(text).map_err(|e| damaged(path, &e))?;
    let mut value = envelope.workspace;
    let mut version = u32::try_from(found).unwrap_or(current);
    while version < current {
        let Some(migration) = migrations.iter().find(|m| m.from == version) else {
            break;
        };
        (migration.apply)(&mut value);
        version += 1;
    }
    if version != current {
        return Err(StoreError::NotAWorkspace {
            path: path.to_owned(),
            problem: format!("Smallprint knows no way to upgrade format {found}"),
        });
    }
    serde_json::from_value(value).map_err(|e| StoreError::NotAWorkspace {
        path: path.to_owned(),
        problem: format!("after upgrading it from format {found}: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::example_workspace;

    fn path() -> &'static Path {
        Path::new("workspace.json")
    }

    /// Every field path the saved file holds (array elements as `[]`), one a line, sorted.
    fn shape(value: &Value, at: &str, paths: &mut std::collections::BTreeSet<String>) {
        match value {
            Value::Object(fields) => {
                for (key, field) in fields {
                    let path = format!("{at}.{key}");
                    paths.insert(path.clone());
                    shape(field, &path, paths);
                }
            }
            Value::Array(items) => {
                for item in items {
                    shape(item, &format!("{at}[]"), paths);
                }
            }
            _ => {}
        }
    }

    /// The saved shape of the example shop is pinned per format version: a field added,
    /// renamed or removed without a new format (and its migration) fails here. After a
    /// deliberate bump, write the new version's shape with `SMALLPRINT_WRITE_SHAPE=1`.
    #[test]
    fn the_saved_shape_changes_only_with_a_new_format_version() {
        let today = jiff::civil::date(2026, 11, 23);
        let mut workspace = example_workspace(today);
        // What the example shop does not hold yet: a legal obligation (a sole trader's
        // tax records, from the catalogue) and a letter kept as sent.
        let studio = crate::domain::catalogue::business_type("digital-downloads-3d-studio")
            .expect("the studio's catalogue");
        workspace.add_catalogue_activities(studio);
        let open = workspace
            .requests
            .iter()
            .find(|r| r.status.is_open() && !r.is_complaint())
            .map(|r| r.id)
            .expect("an open request");
        workspace
            .record_letter(
                open,
                ("acknowledgement", "Acknowledgement"),
                "Dear…".to_owned(),
                None,
                today,
                today,
            )
            .expect("recorded");
        let value: Value = serde_json::from_slice(&encode(&workspace)).expect("json");
        let mut paths = std::collections::BTreeSet::new();
        shape(&value, "", &mut paths);
        let shape: String = paths.into_iter().map(|p| p + "\n").collect();
        let pinned = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/shape")
            .join(format!("format-{FORMAT_VERSION}.txt"));
        if std::env::var_os("SMALLPRINT_WRITE_SHAPE").is_some() {
            #[expect(
                clippy::disallowed_methods,
                reason = "a test fixture beside the sources, not a workspace"
            )]
            std::fs::write(&pinned, &shape).expect("shape written");
        }
        let expected = std::fs::read_to_string(&pinned).unwrap_or_default();
        assert!(
            expected == shape,
            "the saved workspace's shape differs from {} — a change of shape needs FORMAT_VERSION bumped and a migration in MIGRATIONS, then this file written with SMALLPRINT_WRITE_SHAPE=1",
            pinned.display()
        );
    }

    #[test]
    fn encode_then_decode_is_identity() {
        let workspace = example_workspace(jiff::civil::date(2026, 11, 23));
        let bytes = encode(&workspace);
        assert_eq!(decode(path(), &bytes).expect("decodes"), workspace);
    }

    #[test]
    fn a_format_4_file_gains_the_play_safe_setting_off() {
        let workspace = example_workspace(jiff::civil::date(2026, 11, 23));
        let mut value = serde_json::to_value(&workspace).expect("value");
        value["settings"]
            .as_object_mut()
            .expect("settings")
            .remove("play_safe_deadlines")
            .expect("written by this build");
        let v4 = serde_json::json!({ "smallprint_format": 4, "workspace": value });
        let bytes = serde_json::to_vec(&v4).expect("bytes");
        let decoded = decode(path(), &bytes).expect("migrates");
        assert!(!decoded.settings.play_safe_deadlines);
        assert_eq!(decoded, workspace);

        // And the setting, once on, survives a save.
        let mut safe = workspace;
        safe.settings.play_safe_deadlines = true;
        let round = decode(path(), &encode(&safe)).expect("decodes");
        assert!(round.settings.play_safe_deadlines);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let workspace = example_workspace(jiff::civil::date(2026, 11, 23));
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(encode(&workspace));
        assert_eq!(decode(path(), &bytes).expect("decodes"), workspace);
    }

    #[test]
    fn a_type_error_names_its_line() {
        let text = format!(
            "{{\n \"smallprint_format\": {FORMAT_VERSION},\n \"workspace\": {{\n  \"organisation\": 7\n }}\n}}"
        );
        match decode(path(), text.as_bytes()) {
            Err(StoreError::Damaged { line, .. }) => assert_eq!(line, 4),
            other => panic!("expected a damaged-file error, got {other:?}"),
        }
    }

    #[test]
    fn a_format_4_file_gains_marketing_drafts_and_the_notice_fingerprint() {
        // The example as format 4 wrote it: none of the format-5 fields.
        let mut expected = example_workspace(jiff::civil::date(2026, 11, 23));
        // Format 4 had no screening: the migration leaves activities "not screened".
        for activity in &mut expected.register {
            *activity.dpia = crate::domain::register::DpiaScreening::default();
        }
        expected.settings.notice_last_updated = Some(jiff::civil::date(2026, 3, 1));
        let mut value = serde_json::to_value(&expected).expect("value");
        for activity in value["register"].as_array_mut().expect("register") {
            let activity = activity.as_object_mut().expect("activity");
            activity.remove("direct_marketing");
            activity.remove("placeholders");
            for basis in activity["lawful_bases"].as_array_mut().expect("bases") {
                basis.as_object_mut().expect("basis").remove("drafts");
            }
        }
        // A newsletter on consent, as a format-4 user may have recorded it.
        let mut newsletter = value["register"][0].clone();
        newsletter["purpose"] = "Monthly newsletter".into();
        newsletter["business_function"] = "Marketing".into();
        newsletter["lawful_bases"] = serde_json::json!([{
            "basis": "consent",
            "how_obtained": "A box",
            "wording": "Yes please",
            "how_to_withdraw": "The unsubscribe link",
            "records_kept_at": "Log"
        }]);
        value["register"]
            .as_array_mut()
            .expect("register")
            .push(newsletter);
        value["settings"]
            .as_object_mut()
            .expect("settings")
            .remove("notice_fingerprint");
        let v4 = serde_json::json!({ "smallprint_format": 4, "workspace": value });
        let bytes = serde_json::to_vec(&v4).expect("bytes");
        let decoded = decode(path(), &bytes).expect("a format-4 file opens");

        assert_eq!(decoded.register[..3], expected.register[..3]);
        // Marketing on legitimate interests: marked, with how to object left for the
        // shop to say (the register asks for it).
        let marketing = &decoded.register[3];
        assert_eq!(marketing.direct_marketing, Some(Box::default()));
        assert!(
            marketing
                .issues()
                .iter()
                .any(|issue| issue.field == crate::domain::register::field::DIRECT_MARKETING)
        );
        let newsletter = decoded.register.last().expect("the newsletter");
        assert_eq!(
            newsletter.direct_marketing,
            Some(Box::new(crate::domain::register::DirectMarketing {
                how_to_object: "The unsubscribe link".to_owned(),
                ..Default::default()
            })),
            "objecting is how consent was withdrawn"
        );
        assert!(decoded.register[0].direct_marketing.is_none());
        assert!(newsletter.placeholders.is_empty());
        assert_eq!(decoded.settings, expected.settings, "the set date is kept");
        assert_eq!(decoded.settings.notice_fingerprint, None);
    }

    #[test]
    fn migrations_run_in_order_up_to_the_current_format() {
        // A format-3 world: 1 → 2 renames a key, 2 → 3 drops a legacy one.
        let migrations = [
            Migration {
                from: 1,
                apply: |v| {
                    if let Some(map) = v.as_object_mut()
                        && let Some(org) = map.remove("org")
                    {
                        map.insert("organisation".to_owned(), org);
                    }
                },
            },
            Migration {
                from: 2,
                apply: |v| {
                    if let Some(map) = v.as_object_mut() {
                        map.remove("legacy");
                    }
                },
            },
        ];
        let mut expected = example_workspace(jiff::civil::date(2026, 11, 23));
        expected.register.clear();
        let mut workspace_value = serde_json::to_value(&expected).expect("value");
        let map = workspace_value.as_object_mut().expect("object");
        let org = map.remove("organisation").expect("org");
        map.insert("org".to_owned(), org);
        map.insert("legacy".to_owned(), Value::Bool(true));
        let v1 = serde_json::json!({ "smallprint_format": 1, "workspace": workspace_value });
        let bytes = serde_json::to_vec(&v1).expect("bytes");
        let decoded = decode_with(path(), &bytes, 3, &migrations).expect("migrates");
        assert_eq!(decoded, expected);

        // A gap in the path is refused, not guessed at.
        let err = decode_with(path(), &bytes, 3, &migrations[..1]).expect_err("gap");
        assert!(matches!(err, StoreError::NotAWorkspace { .. }), "{err:?}");
    }
}
