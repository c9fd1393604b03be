//! Documents anyone can read (issue 27): a requester's name in any of the UK's common
//! scripts prints (no .notdef box) and extracts as typed; right-to-left text reads in
//! logical order; every PDF is tagged, with its structure, language, outline and page
//! furniture as an independent reader (lopdf, poppler's pdfinfo and pdftotext) finds
//! them; no PDF claims to be PDF/X.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use std::collections::BTreeMap;

use jiff::civil::{Date, date};
use lopdf::{Dictionary, Object, ObjectId, content::Content};
use smallprint::{
    clock::uk_time_zone,
    documents::{
        Format,
        breach_log::breach_log_document,
        draft::Finish,
        letters::{Parts, Template, letter},
        lia_record::lia_record,
        model::{Block, Document},
        notice::{NoticeStyle, privacy_notice},
        pdf,
    },
    domain::{
        RequestId, Workspace,
        example::example_workspace,
        requests::{RequestKind, Requester, RightsRequest},
    },
};
use unicode_normalization::UnicodeNormalization;

use crate::common;

const TODAY: Date = date(2026, 12, 3);

/// Names as UK customers write them, one per script the issue names (all fictional).
const NAMES: &[(&str, &str)] = &[
    ("Arabic", "فاطمة الزهراء"),
    ("Persian", "مریم رضایی"),
    ("Urdu", "عائشہ خان"),
    ("Hebrew", "דוד כהן"),
    ("Hindi", "प्रिया शर्मा"),
    ("Punjabi", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"),
    ("Bengali", "সুমাইয়া বেগম"),
    ("Gujarati", "ગીતા પટેલ"),
    ("Tamil", "கார்த்திக் ராஜா"),
    ("Thai", "สมชาย ใจดี"),
    ("Korean", "김민준"),
    ("Chinese", "李小龍"),
    ("Polish", "Łucja Wróblewska-Żak"),
    ("Welsh", "Siân Llŷr ap Dafydd"),
];

/// A fresh access request from `name`.
fn request_from(name: &str) -> RightsRequest {
    let mut request = RightsRequest::new(
        RequestId(900),
        "R-2026-900".to_owned(),
        RequestKind::Access,
        Requester {
            name: name.to_owned(),
            email: "requester@example.com".to_owned(),
            ..Requester::default()
        },
        date(2026, 11, 30),
    );
    request.details = "Everything you hold about me.".to_owned();
    request
}

fn acknowledgement(workspace: &Workspace, name: &str) -> Document {
    letter(
        workspace,
        &request_from(name),
        Template::Acknowledgement,
        TODAY,
        &Parts::new(),
    )
}

/// `text` as a reader compares it: poppler's direction marks (it wraps right-to-left
/// runs in U+202B…U+202C) removed, NFKC-normalised, whitespace made single spaces.
fn comparable(text: &str) -> String {
    let stripped: String = text
        .chars()
        .filter(|ch| !matches!(*ch as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069))
        .collect();
    common::normalised(&stripped.nfkc().collect::<String>())
}

/// How many glyphs each page draws as .notdef (the box a font draws for a character it
/// lacks), read from the content streams with lopdf: every font Smallprint embeds is a
/// CID font with two-byte codes, and code 0 is always .notdef.
fn notdef_glyphs(bytes: &[u8]) -> usize {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads it");
    let mut boxes = 0;
    for page in doc.get_pages().values() {
        let content = doc.get_page_content(*page);
        let content = Content::decode(&content).expect("content decodes");
        for operation in &content.operations {
            let strings: Vec<&[u8]> = match operation.operator.as_str() {
                "Tj" | "'" | "\"" => operation
                    .operands
                    .iter()
                    .filter_map(|o| o.as_str().ok())
                    .collect(),
                "TJ" => operation
                    .operands
                    .iter()
                    .filter_map(|o| o.as_array().ok())
                    .flatten()
                    .filter_map(|o| o.as_str().ok())
                    .collect(),
                _ => continue,
            };
            boxes += strings
                .iter()
                .flat_map(|s| s.chunks(2))
                .filter(|code| *code == [0, 0])
                .count();
        }
    }
    boxes
}

#[test]
fn a_name_in_each_of_the_uks_scripts_prints_and_extracts_as_typed() {
    let workspace = example_workspace(TODAY);
    for (script, name) in NAMES {
        let document = acknowledgement(&workspace, name);
        let bytes = pdf::render(&document).expect("pdf");
        let text = comparable(&common::pdftotext(&bytes));
        let wanted = comparable(&format!("Dear {name},"));
        assert!(text.contains(&wanted), "{script}: {wanted:?} not in {text}");
        assert_eq!(
            notdef_glyphs(&bytes),
            0,
            "{script}: a box where a glyph should be"
        );
        // And the letter meets PDF/UA-1, which forbids .notdef, as krilla checks it.
        pdf::render_accessible(&document).unwrap_or_else(|e| panic!("{script}: {e}"));
    }
}

#[test]
fn a_box_is_counted_where_no_font_has_the_character() {
    // The check above can fail: a private-use character has no glyph in any face.
    let workspace = example_workspace(TODAY);
    let bytes = pdf::render(&acknowledgement(&workspace, "Ann \u{E000}\u{E001} Lee")).expect("pdf");
    assert_eq!(
        notdef_glyphs(&bytes),
        4,
        "the name, twice (address and greeting)"
    );
    let text = common::pdftotext(&bytes);
    assert!(
        text.contains("Dear Ann") && text.contains("Lee,"),
        "the rest of the name still prints: {text}"
    );
}

#[test]
fn a_mark_its_letters_face_lacks_is_drawn_from_a_face_that_has_it() {
    // A diaeresis over Hebrew shin, an acute over Arabic beh, a diaeresis over Thai ko
    // kai: the script's own face has no such mark; Noto Sans does.
    let workspace = example_workspace(TODAY);
    for name in [
        "\u{05E9}\u{0308}\u{05DC}\u{05D5}\u{05DD}",
        "\u{0628}\u{0301}",
        "\u{0E01}\u{0308}",
    ] {
        let bytes = pdf::render(&acknowledgement(&workspace, name)).expect("pdf");
        assert_eq!(notdef_glyphs(&bytes), 0, "{name}");
    }
}

#[test]
fn a_mixed_line_reads_in_logical_order() {
    let document = Document {
        title: "Mixed".into(),
        author: "Kestrel Forge 3D".into(),
        subject: "Test".into(),
        date: TODAY,
        blocks: vec![
            Block::paragraph("Dear فاطمة Al-Sayed,"),
            Block::paragraph("Ref R-2026-0042 for דוד כהן (Leeds)."),
        ],
    };
    let text = comparable(&common::pdftotext(&pdf::render(&document).expect("pdf")));
    for line in [
        ["Dear", "فاطمة", "Al-Sayed,"].as_slice(),
        // Neutral brackets beside right-to-left text are placed by each reader's own
        // heuristics (poppler moves them); the words' order is what must hold.
        ["Ref", "R-2026-0042", "for", "דוד", "כהן", "Leeds"].as_slice(),
    ] {
        let positions: Vec<usize> = line
            .iter()
            .map(|word| {
                text.find(word)
                    .unwrap_or_else(|| panic!("{word} in {text}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|pair| pair[0] < pair[1]),
            "{line:?} out of order in {text}"
        );
    }
}

#[test]
fn the_layout_puts_right_to_left_words_right_to_left() {
    // Geometry, not text: the first name of "فاطمة الزهراء" is the rightmost word.
    let document = Document {
        title: "Order".into(),
        author: String::new(),
        subject: String::new(),
        date: TODAY,
        blocks: vec![Block::paragraph("Dear فاطمة الزهراء,")],
    };
    let pages = smallprint::documents::layout::layout(&document);
    let line = pages[0].lines().next().expect("a line");
    let x_of = |word: &str| {
        line.pieces
            .iter()
            .find(|piece| piece.text.contains(word))
            .unwrap_or_else(|| panic!("{word} in {:?}", line.pieces))
            .x
    };
    assert!(x_of("Dear") < x_of("الزهراء"));
    assert!(x_of("الزهراء") < x_of("فاطمة"), "{:?}", line.pieces);
    assert_eq!(line.text(), "Dear فاطمة الزهراء,");
}

/// `pdfinfo`'s report on a PDF.
fn pdfinfo(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("document.pdf");
    common::write_bytes(&path, bytes);
    let output = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo runs: install poppler-utils");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A structure element as lopdf reads it: its type, its title or text where it has one,
/// and its children.
#[derive(Debug)]
struct Element {
    kind: String,
    title: Option<String>,
    children: Vec<Element>,
    /// Marked-content references straight under it.
    content: usize,
}

impl Element {
    fn walk<'a>(&'a self, out: &mut Vec<&'a Element>) {
        out.push(self);
        for child in &self.children {
            child.walk(out);
        }
    }

    fn all(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        self.walk(&mut out);
        out
    }
}

fn resolve<'a>(doc: &'a lopdf::Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).expect("a reference resolves"),
        other => other,
    }
}

fn text_of(object: &Object) -> Option<String> {
    match object {
        Object::String(bytes, _) => Some(
            lopdf::decode_text_string(object)
                .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()),
        ),
        _ => None,
    }
}

fn element(doc: &lopdf::Document, dict: &Dictionary) -> Element {
    let kind = dict
        .get(b"S")
        .and_then(Object::as_name)
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .unwrap_or_default();
    let title = dict.get(b"T").ok().and_then(text_of);
    let mut children = Vec::new();
    let mut content = 0;
    let kids: Vec<&Object> = match dict.get(b"K").map(|k| resolve(doc, k)) {
        Ok(Object::Array(items)) => items.iter().collect(),
        Ok(other) => vec![other],
        Err(_) => Vec::new(),
    };
    for kid in kids {
        match resolve(doc, kid) {
            Object::Dictionary(child) if child.get(b"S").is_ok() => {
                children.push(element(doc, child));
            }
            // A marked-content id, or a dictionary referring to marked content or an
            // annotation.
            Object::Integer(_) | Object::Dictionary(_) => content += 1,
            _ => {}
        }
    }
    Element {
        kind,
        title,
        children,
        content,
    }
}

/// The structure tree's root element (the Document) and the catalog.
fn structure(bytes: &[u8]) -> (lopdf::Document, Element) {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads it");
    let catalog = doc.catalog().expect("a catalog").clone();
    let root = resolve(
        &doc,
        catalog.get(b"StructTreeRoot").expect("a structure tree"),
    )
    .as_dict()
    .expect("a dictionary")
    .clone();
    let top = match resolve(&doc, root.get(b"K").expect("the root has a child")) {
        Object::Array(items) => resolve(&doc, &items[0]).as_dict().expect("dict").clone(),
        other => other.as_dict().expect("dict").clone(),
    };
    let tree = element(&doc, &top);
    (doc, tree)
}

/// The titles of the outline's entries, depth first.
fn outline_titles(doc: &lopdf::Document) -> Vec<String> {
    fn walk(doc: &lopdf::Document, item: Option<ObjectId>, out: &mut Vec<String>) {
        let mut next = item;
        while let Some(id) = next {
            let dict = doc.get_dictionary(id).expect("an outline item");
            if let Some(title) = dict.get(b"Title").ok().and_then(text_of) {
                out.push(title);
            }
            walk(
                doc,
                dict.get(b"First").and_then(Object::as_reference).ok(),
                out,
            );
            next = dict.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    let catalog = doc.catalog().expect("catalog");
    let outlines = catalog
        .get(b"Outlines")
        .and_then(Object::as_reference)
        .expect("an outline");
    let first = doc
        .get_dictionary(outlines)
        .expect("outlines")
        .get(b"First")
        .and_then(Object::as_reference)
        .ok();
    let mut out = Vec::new();
    walk(doc, first, &mut out);
    out
}

/// Each page's marked-content tags that hold text, in drawing order: "Artifact" or
/// "Span" (a structure element's content), "none" for text outside any.
fn text_tags_per_page(doc: &lopdf::Document) -> Vec<Vec<String>> {
    doc.get_pages()
        .values()
        .map(|page| {
            let content = doc.get_page_content(*page);
            let content = Content::decode(&content).expect("decodes");
            let mut open: Vec<String> = Vec::new();
            let mut tags = Vec::new();
            for operation in &content.operations {
                match operation.operator.as_str() {
                    "BDC" | "BMC" => open.push(
                        operation
                            .operands
                            .first()
                            .and_then(|o| o.as_name().ok())
                            .map(|n| String::from_utf8_lossy(n).into_owned())
                            .unwrap_or_default(),
                    ),
                    "EMC" => {
                        open.pop();
                    }
                    "Tj" | "TJ" => {
                        tags.push(open.first().cloned().unwrap_or_else(|| "none".to_owned()));
                    }
                    _ => {}
                }
            }
            tags
        })
        .collect()
}

/// What every tagged PDF must have, whatever it is: Tagged: yes, no PDF/X claim, the
/// document language, its title shown, every text drawn either content or artifact,
/// and each page's footer (drawn last) an artifact.
fn assert_tagged(what: &str, bytes: &[u8]) -> (lopdf::Document, Element) {
    let info = pdfinfo(bytes);
    assert!(info.contains("Tagged:          yes"), "{what}: {info}");
    assert!(!info.contains("PDF/X"), "{what} claims PDF/X: {info}");
    let (doc, tree) = structure(bytes);
    assert_eq!(tree.kind, "Document", "{what}");
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(
        catalog.get(b"Lang").ok().and_then(text_of).as_deref(),
        Some("en-GB"),
        "{what}: the document's language"
    );
    let display_title = catalog
        .get(b"ViewerPreferences")
        .map(|v| resolve(&doc, v))
        .and_then(Object::as_dict)
        .and_then(|v| v.get(b"DisplayDocTitle"))
        .and_then(Object::as_bool);
    assert!(
        matches!(display_title, Ok(true)),
        "{what}: the title in the window"
    );
    if let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        let info = doc.get_dictionary(info).expect("info");
        assert!(
            info.get(b"GTS_PDFXVersion").is_err(),
            "{what}: a PDF/X claim"
        );
    }
    for (index, tags) in text_tags_per_page(&doc).iter().enumerate() {
        assert!(
            tags.iter().all(|tag| tag == "Span" || tag == "Artifact"),
            "{what} page {}: untagged text {tags:?}",
            index + 1
        );
        assert_eq!(
            tags.last().map(String::as_str),
            Some("Artifact"),
            "{what} page {}: the footer is page furniture",
            index + 1
        );
    }
    (doc, tree)
}

#[test]
fn the_notice_is_tagged_with_its_headings_lists_table_and_outline() {
    let workspace = example_workspace(TODAY);
    for style in NoticeStyle::ALL {
        let document = privacy_notice(&workspace, style, TODAY);
        let bytes = pdf::render(&document).expect("pdf");
        let what = format!("{style:?} notice");
        let (doc, tree) = assert_tagged(&what, &bytes);
        let elements = tree.all();

        let headings: Vec<(String, String)> = elements
            .iter()
            .filter(|e| matches!(e.kind.as_str(), "H1" | "H2" | "H3"))
            .map(|e| (e.kind.clone(), e.title.clone().unwrap_or_default()))
            .collect();
        let expected: Vec<(String, String)> = document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { level, text } => Some((format!("H{level}"), text.clone())),
                _ => None,
            })
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(headings, expected, "{what}: headings in order, with levels");
        assert_eq!(
            elements.iter().filter(|e| e.kind == "H1").count(),
            1,
            "{what}: one title"
        );

        let lists: Vec<&&Element> = elements.iter().filter(|e| e.kind == "L").collect();
        let bullets = document
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Bullets(_)))
            .count();
        assert_eq!(lists.len(), bullets, "{what}: each list an L");
        for list in lists {
            assert!(!list.children.is_empty());
            for item in &list.children {
                assert_eq!(item.kind, "LI", "{what}");
                let kinds: Vec<&str> = item.children.iter().map(|c| c.kind.as_str()).collect();
                assert_eq!(kinds, ["Lbl", "LBody"], "{what}");
                assert!(item.children[1].content > 0, "{what}: the item's text");
            }
        }

        let tables: Vec<&&Element> = elements.iter().filter(|e| e.kind == "Table").collect();
        let table_blocks = document
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Table { .. }))
            .count();
        assert_eq!(tables.len(), table_blocks, "{what}: each table a Table");
        assert!(table_blocks > 0, "{what} has a table");
        for table in tables {
            let rows = &table.children;
            assert!(rows.iter().all(|row| row.kind == "TR"), "{what}");
            assert!(
                rows[0].children.iter().all(|cell| cell.kind == "TH"),
                "{what}: a header row of TH"
            );
            assert!(
                rows[1..]
                    .iter()
                    .all(|row| row.children.iter().all(|cell| cell.kind == "TD")),
                "{what}: body rows of TD"
            );
        }

        let outline = outline_titles(&doc);
        let expected_titles: Vec<String> = expected.into_iter().map(|(_, text)| text).collect();
        assert_eq!(
            outline, expected_titles,
            "{what}: an outline of its headings"
        );
    }
}

#[test]
fn every_letter_the_breach_log_and_an_assessment_are_tagged() {
    let workspace = example_workspace(TODAY);
    let mut written: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for request in &workspace.requests {
        for &template in Template::ALL {
            if template.fits(&workspace, request, TODAY).is_err() {
                continue;
            }
            let parts = template.initial_parts(&workspace, request);
            let document = letter(&workspace, request, template, TODAY, &parts);
            written
                .entry(format!("{template:?}"))
                .or_insert_with(|| Format::Pdf.render(&document).expect("pdf"));
        }
    }
    assert!(written.len() >= 10, "letters written: {:?}", written.keys());
    let zone = uk_time_zone();
    let now = jiff::Timestamp::from_second(1_796_385_600).expect("a time"); // 3 Dec 2026
    written.insert(
        "breach log".into(),
        pdf::render(&breach_log_document(&workspace, &zone, now)).expect("pdf"),
    );
    let assessed = workspace
        .register
        .iter()
        .find(|activity| activity.lia().is_some())
        .expect("an activity on legitimate interests");
    let record = lia_record(&workspace, assessed, TODAY, Finish::Draft).expect("a record");
    written.insert("assessment".into(), pdf::render(&record).expect("pdf"));
    for (what, bytes) in &written {
        let (_, tree) = assert_tagged(what, bytes);
        let kinds: Vec<&str> = tree.all().iter().map(|e| e.kind.as_str()).collect();
        assert!(kinds.contains(&"H1"), "{what}: a title heading {kinds:?}");
        assert!(kinds.contains(&"P"), "{what}: paragraphs {kinds:?}");
    }
}

#[test]
fn every_document_meets_pdf_ua_as_krilla_checks_it() {
    let workspace = example_workspace(TODAY);
    for style in NoticeStyle::ALL {
        pdf::render_accessible(&privacy_notice(&workspace, style, TODAY))
            .unwrap_or_else(|e| panic!("{style:?}: {e}"));
    }
    let request = &workspace.requests[0];
    let parts = Template::Acknowledgement.initial_parts(&workspace, request);
    pdf::render_accessible(&letter(
        &workspace,
        request,
        Template::Acknowledgement,
        TODAY,
        &parts,
    ))
    .expect("a letter");
}
