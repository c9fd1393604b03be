//! The website kit (#28): the complaints procedure and complaint form (DPA 2018 s.164A,
//! facts §1.6), cookies classed against PECR reg. 6 and Schedule A1 (facts §11.1), the
//! marketing ground (facts §11.2), and `smallprint website`. Every page is read back by
//! a reader that shares no code with the writer: html5lib (`tests/support/html_read.py`),
//! poppler's pdftotext, pulldown-cmark, qpdf's JSON and pypdf filling the form.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use serde_json::Value;
use smallprint::domain::{
    example::example_workspace,
    marketing::{Ground, SOFT_OPT_IN_CONDITIONS, SoftOptIn},
    website::{
        ConsentReason, Cookie, CookieClass, CookieUse, Exception, Exemption, Party, classify,
    },
};

use super::common::{self, arg, smallprint, temp_workspace};

const TODAY: jiff::civil::Date = jiff::civil::date(2026, 12, 3);

/// The example shop in a workspace file of its own.
fn example_file() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = temp_workspace();
    smallprint::store::write_new(&path, &example_workspace(TODAY), common::SAVED_AT)
        .expect("written");
    (dir, path)
}

/// What html5lib makes of an HTML file (`tests/support/html_read.py`).
fn html_read(path: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/html_read.py");
    let output = Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs (CI installs html5lib)");
    assert!(
        output.status.success(),
        "html5lib could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the reader prints JSON")
}

fn text_of(page: &Value) -> String {
    page["text"].as_str().expect("text").to_owned()
}

/// Markdown as a reader sees it: pulldown-cmark's text events.
fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    common::normalised(&text)
}

/// What the complaints procedure must tell people, from facts §1.6 and §10 and the
/// example shop's own contact details: each channel, the 30 days, updates, the outcome
/// and the route to the ICO.
const PROCEDURE_MUST_SAY: &[&str] = &[
    "privacy@kestrelforge.example",
    "Unit 4, Tinker's Yard",
    "ZZ1 4KF",
    "01632 960 418",
    "complaint form",
    "within 30 days",
    "updated on our progress",
    "outcome",
    "Information Commissioner's Office",
    "0303 123 1113",
    "ico.org.uk/make-a-complaint",
    "three months",
];

#[test]
fn the_complaints_procedure_names_each_channel_the_30_days_updates_outcome_and_the_ico_in_every_format()
 {
    let (dir, path) = example_file();
    let mut texts = Vec::new();
    for extension in ["html", "pdf", "md"] {
        let out = dir.path().join(format!("complaints.{extension}"));
        let (code, _, stderr) = smallprint(&[
            "complaints-procedure",
            "--file",
            arg(&path),
            "--out",
            arg(&out),
        ]);
        assert_eq!(code, 0, "{extension}: {stderr}");
        #[cfg(unix)]
        assert_eq!(
            common::mode_of(&out),
            0o644,
            "{extension} is for the website"
        );
        let bytes = fs::read(&out).expect("written");
        let text = match extension {
            "html" => text_of(&html_read(&out)),
            "pdf" => common::normalised(&common::pdf_body_text(&bytes)),
            _ => markdown_text(&String::from_utf8(bytes).expect("UTF-8")),
        };
        texts.push((extension, text));
    }
    for (extension, text) in &texts {
        let text = text.replace('’', "'");
        for needed in PROCEDURE_MUST_SAY {
            assert!(
                text.contains(needed),
                "{extension} lacks “{needed}”: {text}"
            );
        }
    }
}

#[test]
fn a_procedure_format_that_is_not_offered_and_a_shop_with_no_contact_write_nothing() {
    let (dir, path) = example_file();
    let out = dir.path().join("complaints.txt");
    let (code, _, stderr) = smallprint(&[
        "complaints-procedure",
        "--file",
        arg(&path),
        "--out",
        arg(&out),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!out.exists());

    let mut workspace = example_workspace(TODAY);
    workspace.organisation.email.clear();
    workspace.organisation.privacy_contact = None;
    let bare = dir.path().join("bare.json");
    smallprint::store::write_new(&bare, &workspace, common::SAVED_AT).expect("written");
    let form = dir.path().join("form.pdf");
    let (code, _, stderr) =
        smallprint(&["complaint-form", "--file", arg(&bare), "--out", arg(&form)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("email address"), "{stderr}");
    assert!(!form.exists(), "nothing written");
}

/// The complaint form's fields, by their `AcroForm` names: what the issue asks a
/// complainant for (name, contact, what the complaint is about, what they would like
/// done, date), and whom a complaint made for someone else is for.
const FORM_FIELDS: [&str; 6] = [
    "name",
    "contact",
    "complaint",
    "outcome",
    "on_behalf",
    "date",
];

fn qpdf_fields(pdf: &Path) -> Vec<Value> {
    let output = Command::new("qpdf")
        .arg("--json")
        .arg(pdf)
        .output()
        .expect("qpdf runs (CI installs it)");
    // qpdf exits 3 for warnings (poppler-style quirks it repairs); the JSON is whole.
    assert!(
        matches!(output.status.code(), Some(0 | 3)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    json["acroform"]["fields"]
        .as_array()
        .expect("an AcroForm with fields")
        .clone()
}

#[test]
fn the_complaint_form_pdf_has_the_named_fields_and_can_be_filled_in_and_saved() {
    let (dir, path) = example_file();
    let form = dir.path().join("complaint-form.pdf");
    let (code, _, stderr) =
        smallprint(&["complaint-form", "--file", arg(&path), "--out", arg(&form)]);
    assert_eq!(code, 0, "{stderr}");
    #[cfg(unix)]
    assert_eq!(common::mode_of(&form), 0o644);

    let pages = lopdf::Document::load(&form)
        .expect("lopdf reads it")
        .get_pages()
        .len();
    assert_eq!(pages, 1, "the form fits one printed page");
    let fields = qpdf_fields(&form);
    let names: Vec<&str> = fields
        .iter()
        .map(|f| f["fullname"].as_str().expect("name"))
        .collect();
    assert_eq!(names, FORM_FIELDS);
    for field in &fields {
        assert_eq!(field["fieldtype"], "/Tx", "{field}");
        assert!(
            field["alternativename"]
                .as_str()
                .is_some_and(|label| !label.is_empty()),
            "each field has an accessible name: {field}"
        );
    }
    let multiline = |name: &str| {
        fields
            .iter()
            .find(|f| f["fullname"] == name)
            .and_then(|f| f["fieldflags"].as_u64())
            .is_some_and(|flags| flags & 4096 != 0)
    };
    assert!(multiline("complaint") && !multiline("name"));

    // As a complainant's reader does: fill in, save, open again.
    let filled = dir.path().join("filled.pdf");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/fill_pdf.py");
    let words = "You emailed me after I unsubscribed — twice";
    let status = Command::new("python3")
        .arg(script)
        .arg(&form)
        .arg(&filled)
        .arg("name=Ada Example")
        .arg(format!("complaint={words}"))
        .status()
        .expect("python3 runs (CI installs pypdf)");
    assert!(status.success());
    let values: Vec<(String, String)> = qpdf_fields(&filled)
        .iter()
        .map(|f| {
            (
                f["fullname"].as_str().unwrap_or_default().to_owned(),
                f["value"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert!(
        values.contains(&("name".into(), "u:Ada Example".into())),
        "{values:?}"
    );
    assert!(
        values.contains(&("complaint".into(), format!("u:{words}"))),
        "{values:?}"
    );
}

#[test]
fn each_form_field_is_a_form_element_of_the_structure_tree_pointing_at_its_widget() {
    let workspace = example_workspace(TODAY);
    let document = smallprint::documents::complaints::form(
        &workspace,
        smallprint::documents::site::Links::None,
        smallprint::documents::Format::Pdf,
        TODAY,
    )
    .expect("the example shop can publish its form");
    // Written to PDF/UA-1 or refused: no fallback to an untagged claim.
    let bytes = smallprint::documents::pdf::render_accessible(&document).expect("PDF/UA-1");
    let pdf = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
    let mut widgets_in_forms = 0;
    for object in pdf.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        let is_form = dict
            .get(b"S")
            .and_then(lopdf::Object::as_name)
            .is_ok_and(|name| name == b"Form");
        if !is_form {
            continue;
        }
        let kids = match dict.get(b"K") {
            Ok(lopdf::Object::Array(kids)) => kids.clone(),
            Ok(other) => vec![other.clone()],
            Err(_) => Vec::new(),
        };
        for kid in kids {
            let kid = match kid {
                lopdf::Object::Reference(id) => pdf.get_object(id).expect("kid").clone(),
                other => other,
            };
            let Ok(reference) = kid.as_dict() else {
                continue;
            };
            let Ok(target) = reference.get(b"Obj").and_then(lopdf::Object::as_reference) else {
                continue;
            };
            let widget = pdf.get_dictionary(target).expect("the annotation");
            assert_eq!(
                widget.get(b"Subtype").and_then(lopdf::Object::as_name).ok(),
                Some(b"Widget".as_slice())
            );
            widgets_in_forms += 1;
        }
    }
    assert_eq!(widgets_in_forms, FORM_FIELDS.len());
}

#[test]
fn the_html_form_composes_an_email_with_no_script_and_says_where_to_send_it_in_words() {
    let (dir, path) = example_file();
    let out = dir.path().join("complaint-form.html");
    let (code, _, stderr) =
        smallprint(&["complaint-form", "--file", arg(&path), "--out", arg(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let page = html_read(&out);
    assert_eq!(page["errors"], Value::Array(Vec::new()), "{page}");
    assert_eq!(page["scripts"], 0, "works with JavaScript off");
    let forms = page["forms"].as_array().expect("forms");
    assert_eq!(forms.len(), 1);
    let form = &forms[0];
    assert!(
        form["action"]
            .as_str()
            .is_some_and(|action| action.starts_with("mailto:privacy@kestrelforge.example?")),
        "{form}"
    );
    assert_eq!(form["method"], "post");
    assert_eq!(form["enctype"], "text/plain");
    let fields = form["fields"].as_array().expect("fields");
    let names: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, FORM_FIELDS);
    for field in fields {
        assert!(
            field["label"].as_str().is_some_and(|l| !l.is_empty()),
            "{field}"
        );
    }
    // A browser that cannot send a form still shows where to write and what to say.
    let text = text_of(&page);
    for needed in [
        "privacy@kestrelforge.example",
        "your name",
        "how we can contact you",
        "what your complaint is about",
        "what you would like us to do",
    ] {
        assert!(text.contains(needed), "lacks “{needed}”: {text}");
    }
}

/// Cookie kinds and the class PECR gives each, written from facts §11.1 before the
/// code: the communication and strictly-necessary exemptions; statistics and appearance
/// as the 2025 Act's exceptions with a way to object, unless the provider uses the data
/// for its own ends; advertising, embedded content that tracks and anything unplaced
/// only with consent.
#[test]
fn each_cookie_kind_gets_the_class_the_facts_give_it() {
    use CookieClass::{ConsentRequired, ExceptionWithObjection, Exempt};
    let cases: [(&str, CookieUse, Party, bool, CookieClass); 11] = [
        (
            "session (login)",
            CookieUse::ServiceRequested,
            Party::FirstParty,
            false,
            Exempt(Exemption::StrictlyNecessary),
        ),
        (
            "basket",
            CookieUse::ServiceRequested,
            Party::FirstParty,
            false,
            Exempt(Exemption::StrictlyNecessary),
        ),
        (
            "load balancing",
            CookieUse::Communication,
            Party::ThirdParty,
            false,
            Exempt(Exemption::Communication),
        ),
        (
            "analytics, first party",
            CookieUse::Statistics,
            Party::FirstParty,
            false,
            ExceptionWithObjection(Exception::Statistics),
        ),
        (
            "analytics, third party using the data for itself",
            CookieUse::Statistics,
            Party::ThirdParty,
            true,
            ConsentRequired(ConsentReason::ProviderUsesItForItself),
        ),
        (
            "advertising",
            CookieUse::Advertising,
            Party::ThirdParty,
            true,
            ConsentRequired(ConsentReason::Advertising),
        ),
        (
            "embedded video",
            CookieUse::EmbeddedContent,
            Party::ThirdParty,
            true,
            ConsentRequired(ConsentReason::EmbeddedContent),
        ),
        (
            "preferences (language)",
            CookieUse::Appearance,
            Party::FirstParty,
            false,
            ExceptionWithObjection(Exception::Appearance),
        ),
        (
            "emergency location",
            CookieUse::Emergency,
            Party::FirstParty,
            false,
            Exempt(Exemption::Emergency),
        ),
        (
            "\"necessary\" for a third party that uses the data for itself",
            CookieUse::ServiceRequested,
            Party::ThirdParty,
            true,
            ConsentRequired(ConsentReason::ProviderUsesItForItself),
        ),
        (
            "not sure",
            CookieUse::Other,
            Party::FirstParty,
            false,
            ConsentRequired(ConsentReason::NoExceptionFits),
        ),
    ];
    for (what, kind, set_by, provider_uses_for_itself, expected) in cases {
        let cookie = Cookie {
            name: what.into(),
            provider: "p".into(),
            set_by,
            kind,
            purpose: "p".into(),
            duration: "1 day".into(),
            provider_uses_for_itself,
        };
        assert_eq!(classify(&cookie), expected, "{what}");
    }
}

#[test]
fn check_flags_a_consent_cookie_with_no_consent_mechanism_and_the_notice_refuses() {
    let (dir, _) = temp_workspace();
    let mut workspace = example_workspace(TODAY);
    workspace.website.consent_mechanism = "  ".into();
    let path = dir.path().join("no-banner.json");
    smallprint::store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("How visitors consent") && stdout.contains("“VISITOR_INFO1_LIVE”"),
        "{stdout}"
    );
    let out = dir.path().join("privacy.html");
    let (code, _, stderr) = smallprint(&["notice", "--file", arg(&path), "--out", arg(&out)]);
    assert_eq!(
        code, 2,
        "the notice's cookie section would be untrue: {stderr}"
    );
    assert!(stderr.contains("Cookies"), "{stderr}");
}

/// Each soft opt-in condition, missing alone, flags the marketing activity in `check`
/// with the law's reason (PECR reg. 22(3), facts §11.2).
#[test]
fn each_missing_soft_opt_in_condition_flags_the_activity_with_its_reason() {
    let reasons = [
        "sale",
        "similar products or services",
        "when their details were collected",
        "every message",
    ];
    assert_eq!(reasons.len(), SOFT_OPT_IN_CONDITIONS.len());
    let (dir, _) = temp_workspace();
    for (index, reason) in reasons.iter().enumerate() {
        let mut workspace = example_workspace(TODAY);
        let activity = workspace
            .register
            .iter_mut()
            .find(|a| a.direct_marketing.is_some())
            .expect("the example markets by email");
        let purpose = activity.purpose.clone();
        let mut soft = SoftOptIn {
            obtained_in_a_sale: true,
            own_similar_products: true,
            refusal_offered_when_collected: true,
            refusal_offered_in_every_message: true,
        };
        *(SOFT_OPT_IN_CONDITIONS[index].answer)(&mut soft) = false;
        if let Some(direct) = &mut activity.direct_marketing {
            direct.ground = Some(Ground::SoftOptIn(soft));
        }
        let path = dir.path().join(format!("soft-{index}.json"));
        smallprint::store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
        let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
        assert_eq!(code, 1, "{reason}: {stdout}");
        let flagged: Vec<&str> = stdout
            .lines()
            .filter(|line| line.contains("soft opt-in"))
            .collect();
        assert!(
            flagged
                .iter()
                .any(|line| line.contains(&purpose) && line.contains(reason)),
            "condition {index} ({reason}): {stdout}"
        );
    }
}

#[test]
fn marketing_by_email_or_text_with_no_ground_is_flagged_and_by_post_alone_is_not() {
    use smallprint::domain::marketing::Channel;
    let mut workspace = example_workspace(TODAY);
    let activity = workspace
        .register
        .iter_mut()
        .find(|a| a.direct_marketing.is_some())
        .expect("marketing");
    let direct = activity.direct_marketing.as_mut().expect("marketing");
    direct.ground = None;
    for (channels, flagged) in [
        (vec![Channel::Email], true),
        (vec![Channel::Sms], true),
        (vec![Channel::Post, Channel::Phone], false),
    ] {
        direct.channels.clone_from(&channels);
        let problems = smallprint::domain::marketing::problems(&direct.channels, None);
        assert_eq!(!problems.is_empty(), flagged, "{channels:?}: {problems:?}");
    }
}

#[test]
fn website_writes_the_five_linked_pages_each_readable_by_a_web_server_and_valid() {
    let (dir, path) = example_file();
    let folder = dir.path().join("site");
    let (code, _, stderr) = smallprint(&["website", "--file", arg(&path), "--out", arg(&folder)]);
    assert_eq!(code, 0, "{stderr}");
    let files = [
        "privacy.html",
        "complaints.html",
        "complaint-form.html",
        "complaint-form.pdf",
        "cookies.html",
    ];
    let mut written: Vec<String> = fs::read_dir(&folder)
        .expect("folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    written.sort_unstable();
    let mut expected = files.map(str::to_owned).to_vec();
    expected.sort_unstable();
    assert_eq!(written, expected);
    for file in files {
        #[cfg(unix)]
        assert_eq!(common::mode_of(&folder.join(file)), 0o644, "{file}");
    }
    // The workspace stays private.
    #[cfg(unix)]
    assert_eq!(common::mode_of(&path), 0o600);

    let mut linked_to = std::collections::BTreeSet::new();
    for file in files.iter().filter(|f| !f.contains(".pdf")) {
        let page = html_read(&folder.join(file));
        assert_eq!(page["errors"], Value::Array(Vec::new()), "{file}: {page}");
        assert_eq!(page["lang"], "en-GB", "{file}");
        let links: Vec<&str> = page["links"]
            .as_array()
            .expect("links")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let local: Vec<&str> = links
            .iter()
            .copied()
            .filter(|href| !href.contains(':'))
            .collect();
        assert!(!local.is_empty(), "{file} links to the rest of the kit");
        for href in local {
            assert!(
                folder.join(href).is_file(),
                "{file} links to {href}, not written"
            );
            linked_to.insert(href.to_owned());
        }
    }
    for file in files.iter().filter(|f| **f != "privacy.html") {
        assert!(linked_to.contains(*file), "nothing links to {file}");
    }
    let privacy = text_of(&html_read(&folder.join("privacy.html")));
    assert!(
        privacy.contains("kf_session"),
        "the notice lists the cookies"
    );
    assert!(
        privacy.contains("soft opt-in"),
        "the notice says the marketing ground"
    );
}

#[test]
fn website_with_one_page_incomplete_writes_none_and_names_the_gap() {
    let (dir, _) = temp_workspace();
    let mut workspace = example_workspace(TODAY);
    workspace.website.cookies[0].duration.clear();
    let path = dir.path().join("gap.json");
    smallprint::store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let folder = dir.path().join("site");
    let (code, _, stderr) = smallprint(&["website", "--file", arg(&path), "--out", arg(&folder)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("kf_session") && stderr.contains("How long it lasts"),
        "{stderr}"
    );
    assert!(!folder.exists(), "nothing written, not even the folder");
}

#[test]
fn letters_and_logs_stay_private_while_public_pages_are_readable() {
    let (dir, path) = example_file();
    let log = dir.path().join("breach-log.pdf");
    let (code, _, stderr) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&log)]);
    assert_eq!(code, 0, "{stderr}");
    let cookies = dir.path().join("cookies.md");
    let (code, _, stderr) = smallprint(&["cookies", "--file", arg(&path), "--out", arg(&cookies)]);
    assert_eq!(code, 0, "{stderr}");
    #[cfg(unix)]
    {
        assert_eq!(common::mode_of(&log), 0o600, "the breach log names people");
        assert_eq!(common::mode_of(&cookies), 0o644);
    }
    let text = markdown_text(&fs::read_to_string(&cookies).expect("written"));
    for cookie in &example_workspace(TODAY).website.cookies {
        assert!(text.contains(&cookie.name), "{}", cookie.name);
    }
    assert!(text.contains("Off unless you agree") && text.contains("On unless you object"));
}

/// Writes `workspace` as a file in `dir` named `name`.
fn workspace_file(dir: &Path, name: &str, workspace: &smallprint::domain::Workspace) -> PathBuf {
    let path = dir.join(name);
    smallprint::store::write_new(&path, workspace, common::SAVED_AT).expect("written");
    path
}

/// Found by attacking the kit: a privacy contact's address that `check` refused was
/// still published, and went into the form's `mailto:` action as two recipients. One
/// rule now: every writer refuses what `check` flags.
#[test]
fn a_published_address_check_refuses_is_refused_by_every_writer() {
    let (dir, _) = temp_workspace();
    for email in [
        "a@b.example?cc=evil@x.example",
        "a@b.example#frag",
        "a@b.example,evil@x.example",
        "mailto:a@b.example",
    ] {
        let mut workspace = example_workspace(TODAY);
        if let Some(contact) = &mut workspace.organisation.privacy_contact {
            contact.email = email.to_owned();
        }
        let path = workspace_file(dir.path(), "bad-email.json", &workspace);
        let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
        assert_eq!(code, 1, "{email}: {stdout}");
        assert!(
            stdout.contains("Privacy contact email"),
            "{email}: {stdout}"
        );
        for (command, out) in [
            ("website", "site"),
            ("complaint-form", "form.html"),
            ("complaints-procedure", "complaints.html"),
            ("notice", "privacy.html"),
        ] {
            let out = dir.path().join(out);
            let (code, _, stderr) =
                smallprint(&[command, "--file", arg(&path), "--out", arg(&out)]);
            assert_eq!(code, 2, "{command} with {email}: {stderr}");
            assert!(
                stderr.contains("Privacy contact email"),
                "{command}: {stderr}"
            );
            assert!(!out.exists(), "{command} wrote nothing");
        }
    }
}

/// Found by attacking the kit: a page that could not be written (a dangling link in its
/// place) left the other four written; and a link to a private file made that file
/// readable by everyone. Public pages are never written through a link, and all or none.
#[cfg(unix)]
#[test]
fn the_kit_is_written_whole_or_not_at_all_and_never_through_a_link() {
    let (dir, path) = example_file();
    let site = dir.path().join("site");
    fs::create_dir(&site).expect("folder");
    std::os::unix::fs::symlink(dir.path().join("nowhere/x.html"), site.join("cookies.html"))
        .expect("link");
    let (code, _, stderr) = smallprint(&["website", "--file", arg(&path), "--out", arg(&site)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("link"), "{stderr}");
    assert_eq!(
        common::files_in(&site),
        vec![site.join("cookies.html")],
        "nothing else written"
    );

    let secret = dir.path().join("secret.txt");
    common::write_bytes(&secret, b"private");
    fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .expect("private");
    let link = dir.path().join("cookies.html");
    std::os::unix::fs::symlink(&secret, &link).expect("link");
    let (code, _, stderr) = smallprint(&["cookies", "--file", arg(&path), "--out", arg(&link)]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(fs::read_to_string(&secret).expect("read"), "private");
    assert_eq!(common::mode_of(&secret), 0o600);
}

/// Found by attacking the kit: control characters and noncharacters typed into a field
/// reached the published HTML (invalid), and an unclosed right-to-left override turned
/// the page's own words around. Both are cleaned from every published page.
#[test]
fn control_characters_and_direction_overrides_never_reach_a_published_page() {
    let (dir, _) = temp_workspace();
    let mut workspace = example_workspace(TODAY);
    workspace.organisation.trading_name = "Shop\u{202E}\u{7}".to_owned();
    workspace.website.cookies[0].name = "a\u{0}b\u{1b}[31mc\u{8}\u{FFFE}".to_owned();
    workspace.website.objection_route = "Click \u{202E}Cookie settings".to_owned();
    let path = workspace_file(dir.path(), "hostile.json", &workspace);
    let site = dir.path().join("site");
    let (code, _, stderr) = smallprint(&["website", "--file", arg(&path), "--out", arg(&site)]);
    assert_eq!(code, 0, "{stderr}");
    for file in [
        "privacy.html",
        "complaints.html",
        "complaint-form.html",
        "cookies.html",
    ] {
        let page = html_read(&site.join(file));
        assert_eq!(page["errors"], Value::Array(Vec::new()), "{file}: {page}");
        let raw = fs::read_to_string(site.join(file)).expect("read");
        for bad in ['\u{202E}', '\u{0}', '\u{1b}', '\u{7}', '\u{FFFE}'] {
            assert!(!raw.contains(bad), "{file} holds {bad:?}");
        }
    }
    let markdown = dir.path().join("cookies.md");
    let (code, _, stderr) = smallprint(&["cookies", "--file", arg(&path), "--out", arg(&markdown)]);
    assert_eq!(code, 0, "{stderr}");
    let raw = fs::read_to_string(&markdown).expect("read");
    assert!(
        !raw.contains('\u{202E}') && !raw.contains('\u{0}'),
        "{raw:?}"
    );
}

/// Found by attacking the kit: a site with no cookies could never publish its kit, and
/// `check` did not say why. The shop can say its site sets none; until it says either,
/// `check` and the kit give the same reason.
#[test]
fn a_site_without_cookies_says_so_and_check_and_the_kit_agree_until_it_does() {
    let (dir, _) = temp_workspace();
    let mut workspace = example_workspace(TODAY);
    workspace.website.cookies.clear();
    let path = workspace_file(dir.path(), "silent.json", &workspace);
    let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 1);
    assert!(stdout.contains("or say it sets none"), "{stdout}");
    let site = dir.path().join("site");
    let (code, _, stderr) = smallprint(&["website", "--file", arg(&path), "--out", arg(&site)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("or say it sets none"), "{stderr}");

    workspace.website.sets_no_cookies = true;
    let path = workspace_file(dir.path(), "none.json", &workspace);
    let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 0, "{stdout}");
    let (code, _, stderr) = smallprint(&["website", "--file", arg(&path), "--out", arg(&site)]);
    assert_eq!(code, 0, "{stderr}");
    for file in ["cookies.html", "privacy.html"] {
        let text = text_of(&html_read(&site.join(file)));
        assert!(
            text.contains("does not store cookies or similar technologies"),
            "{file}: {text}"
        );
    }
}

/// Found by attacking the kit: under a private umask the folder `website` made was
/// 0700, so a web server could not reach the 0644 pages inside it.
#[cfg(unix)]
#[test]
fn the_folders_website_makes_are_readable_by_a_web_server_whatever_the_umask() {
    let (dir, path) = example_file();
    let site = dir.path().join("public/site");
    let status = Command::new("sh")
        .arg("-c")
        .arg("umask 077 && exec \"$0\" website --file \"$1\" --out \"$2\"")
        .arg(env!("CARGO_BIN_EXE_smallprint"))
        .arg(&path)
        .arg(&site)
        .status()
        .expect("runs");
    assert!(status.success());
    assert_eq!(common::mode_of(&dir.path().join("public")), 0o755);
    assert_eq!(common::mode_of(&site), 0o755);
    assert_eq!(common::mode_of(&site.join("privacy.html")), 0o644);
}
