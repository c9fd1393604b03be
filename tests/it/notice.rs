//! The privacy notice as its readers get it: the PDF's extracted text against the AK3D
//! seed notice, non-Latin names, hostile input in HTML, a stress workspace, file size,
//! and a snapshot of the Markdown.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::fmt::Write;

use common::{normalised, pdf_body_text};
use jiff::civil::{Date, date};
use smallprint::{
    documents::{
        Format, html,
        layout::{self, Mark, PAGE_HEIGHT, PAGE_WIDTH},
        markdown,
        notice::{NoticeStyle, heading, privacy_notice},
        pdf,
    },
    domain::{
        Workspace,
        example::example_workspace,
        lia::Lia,
        register::{LawfulBasis, ProcessingActivity, Processor, Transfer, TransferMechanism},
    },
};

const TODAY: Date = date(2026, 11, 24);

fn example() -> Workspace {
    example_workspace(TODAY)
}

fn notice_pdf(workspace: &Workspace, style: NoticeStyle) -> Vec<u8> {
    pdf::render(&privacy_notice(workspace, style, TODAY)).expect("pdf")
}

/// Everything the AK3D seed notice tells its readers, as the example shop's notice
/// must also tell them: each heading, purpose, data category, lawful basis, legitimate
/// interest, retention statement, right and ICO contact detail.
fn seed_contents(workspace: &Workspace) -> Vec<String> {
    let mut expected: Vec<String> = [
        heading::CONTACT,
        heading::WHAT_AND_WHY,
        heading::BASES_AND_RIGHTS,
        heading::OUR_BASES,
        heading::SOURCES,
        heading::RETENTION,
        heading::SHARING,
        heading::COMPLAIN,
        heading::LAST_UPDATED,
        // Purposes, as the seed words them in its sentences (and whose data each uses,
        // which the seed left unsaid).
        "We collect or use the following information about customers to provide services and goods, including delivery:",
        "for the operation of customer accounts and guarantees",
        "to prevent crime, prosecute offenders, or defend against legal action",
        "for service updates or marketing purposes",
        // Data categories, every one the seed lists.
        "Names and contact details",
        "Addresses",
        "Purchase or account history",
        "Payment details (including card or bank information for transfers and direct debits)",
        "Information relating to loyalty programmes",
        "Purchase history",
        "Account information, including registration details",
        "Information used for security purposes",
        "Names and contact information",
        "Customer or client accounts and records",
        "Financial transaction information",
        "Marketing preferences",
        "Location data",
        "Purchase or viewing history",
        "IP addresses",
        "Website and app user journey information",
        // Lawful bases (not the seed's consent: it was stacked on other bases, which
        // facts §3.1a rules out, so the example relies on the others).
        "Contract",
        // Not "Legal obligation": the seed's Consumer Rights Act claim is no legal
        // obligation (facts §3.1b), and the example no longer makes it.
        "Legitimate interests",
        // Rights, each in a line.
        "Your right of access",
        "Your right to rectification",
        "Your right to erasure",
        "Your right to restriction of processing",
        "Your right to object to processing",
        "Your right to data portability",
        "Your right to withdraw consent",
        "we have one calendar month to respond to you",
        // Source.
        "Directly from you",
        // How to complain, with the ICO's details.
        "you can make a complaint to us using the contact details at the top of this privacy notice",
        "Information Commissioner's Office",
        "Wycliffe House",
        "Water Lane",
        "Wilmslow",
        "Cheshire",
        "SK9 5AF",
        "Helpline number: 0303 123 1113",
        "https://www.ico.org.uk/make-a-complaint",
        "24 November 2026",
        "hello@kestrelforge.example",
    ]
    .map(str::to_owned)
    .to_vec();
    // The seed's legitimate-interest statements and retention, from the register.
    for activity in &workspace.register {
        if let Some(lia) = activity.lia() {
            expected.push(lia.interests_pursued.clone());
        }
        // Each purpose's recorded period, and its reason (Art. 13(2)(a)).
        expected.push(activity.retention.period.clone());
        expected.push(lower_first_word(activity.retention.reason.trim()));
    }
    expected
}

/// Whether every word of `needle` appears in `haystack`, in order (other words may come
/// between them: a table row's other cells, the header repeated on the next page).
fn in_order(haystack: &str, needle: &str) -> bool {
    let mut words = haystack.split_whitespace();
    needle
        .split_whitespace()
        .all(|wanted| words.any(|word| word == wanted))
}

/// `text` with words broken after a hyphen at a line's end joined again ("high- quality"
/// is "high-quality" split over two lines).
fn rejoined(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        out.push_str(word);
        let hyphenated = word.len() > 1
            && word.ends_with('-')
            && word[..word.len() - 1].ends_with(|c: char| c.is_alphabetic());
        if !hyphenated && words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

/// "The time limit…" as it reads after "Why:".
fn lower_first_word(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[test]
fn the_example_pdf_says_everything_the_seed_notice_says() {
    let workspace = example();
    for style in NoticeStyle::ALL {
        let text = rejoined(&pdf_body_text(&notice_pdf(&workspace, style)));
        for expected in seed_contents(&workspace) {
            // The layered style tabulates purposes instead of the generator's sentences.
            if style == NoticeStyle::Layered
                && (expected.starts_with("We collect or use")
                    || expected.starts_with("to ")
                    || expected.starts_with("for ")
                    || expected == heading::WHAT_AND_WHY
                    || expected == heading::OUR_BASES)
            {
                continue;
            }
            // A table row may continue on the next page, under the repeated header and
            // beside its other cells: there, the words must still all be there in order.
            let found = text.contains(&normalised(&expected))
                || (style == NoticeStyle::Layered && in_order(&text, &expected));
            assert!(found, "{style:?} notice lacks “{expected}”");
        }
    }
}

#[test]
fn the_example_notice_pdf_is_small_with_subset_fonts() {
    // Issue 27's budget for the tagged notice.
    for style in NoticeStyle::ALL {
        let bytes = notice_pdf(&example(), style);
        assert!(bytes.len() <= 45 * 1024, "{style:?}: {} bytes", bytes.len());
    }
}

#[test]
fn names_in_any_script_extract_exactly() {
    let name = "Zoë Łukasiewicz — Ωμέγα Жанна 李小龍 café";
    let mut workspace = example();
    workspace.organisation.trading_name = name.to_owned();
    workspace.register[0].processors.push(Processor {
        name: name.to_owned(),
        activities: "Prints the models".to_owned(),
        contract_reference: String::new(),
    });
    let bytes = notice_pdf(&workspace, NoticeStyle::Standard);
    let text = pdf_body_text(&bytes);
    assert!(text.contains(&format!("trading as {name}")), "{text}");
    assert!(text.contains(&format!(
        "{name} – This data processor does the following activities for us: Prints the models."
    )));
    // The CJK characters come from the fallback face, embedded and subset.
    let fonts = common::pdf_font_names(&bytes);
    assert!(
        fonts.iter().any(|font| font.contains("DroidSansFallback")),
        "fallback face embedded: {fonts:?}"
    );
}

#[test]
fn script_in_any_field_is_escaped_in_html() {
    let evil = "<script>alert('owned')</script>";
    let mut workspace = example();
    let org = &mut workspace.organisation;
    org.legal_name = evil.to_owned();
    org.trading_name = evil.to_owned();
    org.address.lines = vec![evil.to_owned()];
    org.address.town = evil.to_owned();
    org.phone = evil.to_owned();
    org.email = evil.to_owned();
    org.website = evil.to_owned();
    let activity = &mut workspace.register[3];
    activity.purpose = evil.to_owned();
    activity.data_categories.push(evil.to_owned());
    activity.processors[0].name = evil.to_owned();
    activity.processors[0].activities = evil.to_owned();
    activity.other_recipients.push(evil.to_owned());
    activity.retention.reason = evil.to_owned();
    activity.transfers[0].country = evil.to_owned();
    workspace.settings.regulator.website = evil.to_owned();
    for style in NoticeStyle::ALL {
        let page = html::render(&privacy_notice(&workspace, style, TODAY));
        assert!(!page.contains("<script"), "{style:?}: {page}");
        assert!(page.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"));
        assert!(page.contains("<html lang=\"en-GB\">"));
        let markdown = markdown::render(&privacy_notice(&workspace, style, TODAY));
        // Markdown shows `\<` as a literal "<": only an unescaped one would be markup.
        assert!(
            !markdown.replace("\\<", "").contains('<'),
            "{style:?}: {markdown}"
        );
    }
}

/// 200 purposes, a 20,000-character paragraph and a table longer than a page, each
/// piece of text carrying a numbered marker that appears nowhere else.
fn stress_workspace() -> (Workspace, Vec<String>) {
    let mut workspace = example();
    let template = workspace.register[3].clone();
    let mut markers = Vec::new();
    workspace.register.clear();
    for i in 0..200 {
        let mut activity: ProcessingActivity = template.clone();
        activity.id = workspace.ids.activity();
        activity.purpose = format!("Purpose number {i}");
        activity.data_categories = vec![format!("Category [C{i:03}]")];
        activity.transfers = vec![Transfer {
            recipient: format!("Recipient [T{i:03}]"),
            country: "United States".to_owned(),
            mechanism: Some(TransferMechanism::Idta),
        }];
        activity.lawful_bases = vec![LawfulBasis::Contract {
            contract: "Terms".to_owned(),
        }];
        markers.push(format!("[C{i:03}]"));
        markers.push(format!("[T{i:03}]"));
        workspace.register.push(activity);
    }
    let mut long = String::new();
    let mut n = 0;
    while long.chars().count() < 20_000 {
        let _ = write!(long, "[M{n:04}] interest words in a very long statement ");
        markers.push(format!("[M{n:04}]"));
        n += 1;
    }
    workspace.register[0].lawful_bases = vec![LawfulBasis::LegitimateInterests(Box::new(Lia {
        interests_pursued: long,
        ..Lia::default()
    }))];
    (workspace, markers)
}

#[test]
fn a_stress_workspace_loses_no_marker_and_stays_on_the_page() {
    let (workspace, markers) = stress_workspace();
    for style in NoticeStyle::ALL {
        let document = privacy_notice(&workspace, style, TODAY);
        let laid_out = layout::laid_out(&document);
        let pages = &laid_out.pages;
        assert!(pages.len() > 20, "{style:?}: {} pages", pages.len());
        for page in pages {
            for mark in &page.marks {
                if let Mark::Text(line) = mark {
                    assert!(line.baseline > line.size && line.baseline < PAGE_HEIGHT);
                    for piece in &line.pieces {
                        assert!(
                            piece.x >= 0.0 && piece.x + piece.width <= PAGE_WIDTH,
                            "{piece:?}"
                        );
                    }
                }
            }
        }
        let bytes = pdf::render_pages(&document, &laid_out).expect("pdf");
        let text = pdf_body_text(&bytes);
        for marker in &markers {
            assert_eq!(
                text.matches(marker.as_str()).count(),
                1,
                "{style:?}: {marker}"
            );
        }
    }
}

#[test]
fn every_format_renders_the_same_headings() {
    let document = privacy_notice(&example(), NoticeStyle::Standard, TODAY);
    let html = String::from_utf8(Format::Html.render(&document).expect("html")).expect("utf8");
    let md = String::from_utf8(Format::Markdown.render(&document).expect("md")).expect("utf8");
    for heading in document.headings() {
        assert!(html.contains(&html::escape(heading)), "{heading}");
        assert!(md.contains(&markdown::escape(heading)), "{heading}");
    }
}

#[test]
fn the_example_notice_markdown_snapshot() {
    let markdown = markdown::render(&privacy_notice(&example(), NoticeStyle::Standard, TODAY));
    insta::assert_snapshot!("example_notice_markdown", markdown);
}

#[test]
fn the_example_layered_notice_markdown_snapshot() {
    let markdown = markdown::render(&privacy_notice(&example(), NoticeStyle::Layered, TODAY));
    insta::assert_snapshot!("example_layered_notice_markdown", markdown);
}

/// The Art. 21(4) statement, as facts §3.1a describes it: its own section (not a line in
/// the list of rights), saying the right is free, needs no reason, always stops the
/// marketing, and how to use it.
#[test]
fn the_example_notice_states_the_right_to_object_to_marketing_apart() {
    let workspace = example();
    for style in NoticeStyle::ALL {
        let text = rejoined(&common::pdftotext(&notice_pdf(&workspace, style)));
        let Some((_, section)) = text.split_once("Your right to object to direct marketing ")
        else {
            panic!("{style:?}: no section of its own:\n{text}");
        };
        let section = section
            .split_once(heading::BASES_AND_RIGHTS)
            .map_or(section, |(before, _)| before);
        for needed in [
            "service updates or marketing purposes, which is direct marketing",
            "You have the right to object to direct marketing at any time",
            "It is free",
            "you do not have to give a reason",
            "we will stop",
            "To stop it, use the unsubscribe link in every email",
        ] {
            assert!(
                section.contains(needed),
                "{style:?}: “{needed}” in {section}"
            );
        }
        // Apart from, and before, the general list of rights.
        let statement = text
            .find("You have the right to object to direct marketing")
            .expect("statement");
        let rights = text.find("Your right of access").expect("rights list");
        assert!(statement < rights, "{style:?}");
    }
}

#[test]
fn a_notice_without_marketing_has_no_marketing_section() {
    let mut workspace = example();
    workspace.register.retain(|a| a.direct_marketing.is_none());
    for style in NoticeStyle::ALL {
        let document = privacy_notice(&workspace, style, TODAY);
        assert!(
            !document
                .headings()
                .any(|h| h == heading::OBJECT_TO_MARKETING),
            "{style:?}"
        );
    }
}

#[test]
fn the_example_notice_states_each_purposes_recorded_period() {
    let workspace = example();
    for style in NoticeStyle::ALL {
        let text = rejoined(&common::pdftotext(&notice_pdf(&workspace, style)));
        let retention = text
            .split_once(heading::RETENTION)
            .map(|(_, rest)| rest)
            .expect("a retention section");
        for activity in &workspace.register {
            let stated = format!(
                "{}: {}",
                activity.purpose,
                normalised(&activity.retention.period)
            );
            assert!(retention.contains(&stated), "{style:?}: {stated}");
        }
        // The six years the law requires for sales records (facts §9) is stated.
        assert!(retention.contains("6 years after the sale"), "{style:?}");
        assert!(!retention.contains("as long as needed"), "{style:?}");
    }
}

#[test]
fn the_layered_notice_keeps_every_caveat_of_the_standard_one() {
    let workspace = example();
    let standard = rejoined(&common::pdftotext(&notice_pdf(
        &workspace,
        NoticeStyle::Standard,
    )));
    let layered = rejoined(&common::pdftotext(&notice_pdf(
        &workspace,
        NoticeStyle::Layered,
    )));
    for caveat in [
        "All of your data protection rights may apply, except the right to object.",
        "All of your data protection rights may apply, except the right to data portability.",
        "We have weighed our legitimate interests against your interests, rights and freedoms.",
    ] {
        assert!(standard.contains(caveat), "standard: {caveat}");
        assert!(layered.contains(caveat), "layered: {caveat}");
    }
}

#[test]
fn no_private_lia_answer_is_published() {
    let workspace = example();
    for style in NoticeStyle::ALL {
        let markdown = markdown::render(&privacy_notice(&workspace, style, TODAY));
        for activity in &workspace.register {
            let Some(lia) = activity.lia() else { continue };
            for (id, answer) in &lia.answers {
                let question = smallprint::domain::lia::question(id).expect("a question");
                assert!(!question.published);
                assert!(
                    !markdown.contains(answer.as_str()),
                    "{style:?} publishes the answer to “{}”: {answer}",
                    question.text
                );
            }
        }
    }
}

#[test]
fn wording_reads_as_a_person_writes() {
    let workspace = example();
    for style in NoticeStyle::ALL {
        let markdown = markdown::render(&privacy_notice(&workspace, style, TODAY));
        for clumsy in [
            "for operation of",
            "Office’s address",
            "(for: ",
            "If you do not: ",
            "To withdraw it: ",
            "PECR",
        ] {
            assert!(!markdown.contains(clumsy), "{style:?}: “{clumsy}”");
        }
    }
}

/// The notice exported through the command line on `today`, as Markdown.
fn export_on(path: &std::path::Path, out: &std::path::Path, today: Date) -> String {
    use smallprint::{
        cli::{CliCommand, FormatArg, StyleArg, run},
        clock::FixedClock,
    };
    let command = CliCommand::Notice {
        file: path.to_owned(),
        out: out.to_owned(),
        format: Some(FormatArg::Md),
        style: StyleArg::Standard,
        draft: false,
    };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = run(
        command,
        &FixedClock::at_date(today),
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(
        code,
        std::process::ExitCode::SUCCESS,
        "{}",
        String::from_utf8_lossy(&stderr)
    );
    std::fs::read_to_string(out).expect("written")
}

fn last_updated(markdown: &str) -> &str {
    markdown
        .split_once("## Last updated")
        .and_then(|(_, rest)| rest.trim().lines().next())
        .expect("a Last updated section")
}

#[test]
fn exporting_twice_keeps_the_date_and_a_changed_purpose_moves_it() {
    use smallprint::store;
    let (dir, path) = common::temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("written");
    let out = dir.path().join("notice.md");

    let first = export_on(&path, &out, date(2026, 3, 2));
    assert_eq!(last_updated(&first), "2 March 2026");
    // A month later, nothing changed: the same date, and the same bytes.
    let again = export_on(&path, &out, date(2026, 4, 6));
    assert_eq!(last_updated(&again), "2 March 2026");
    assert_eq!(again, first);
    // A changed purpose is a changed notice.
    let mut workspace = store::read_workspace(&path).expect("reads");
    workspace.register[0].purpose = "Sell and deliver 3D models".to_owned();
    std::fs::remove_file(&path).expect("replace");
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let changed = export_on(&path, &out, date(2026, 5, 11));
    assert_eq!(last_updated(&changed), "11 May 2026");
    let later = export_on(&path, &out, date(2026, 6, 1));
    assert_eq!(last_updated(&later), "11 May 2026");
}

/// How far down the page its content reaches, as a share of the space for content.
fn fill(page: &layout::Page) -> f32 {
    let bottom = page
        .marks
        .iter()
        .filter_map(|mark| match mark {
            Mark::Text(line) if !line.muted => Some(line.baseline + line.size * 0.25),
            Mark::Rule { y, .. } => Some(*y),
            Mark::Shade { top, height, .. } | Mark::FieldBox { top, height, .. } => {
                Some(top + height)
            }
            Mark::Text(_) => None,
        })
        .fold(0.0_f32, f32::max);
    (bottom - layout::MARGIN_TOP) / (PAGE_HEIGHT - layout::MARGIN_TOP - layout::MARGIN_BOTTOM)
}

#[test]
fn no_page_of_the_layered_example_is_less_than_half_full_but_the_last() {
    for style in NoticeStyle::ALL {
        let pages = layout::layout(&privacy_notice(&example(), style, TODAY));
        assert!(pages.len() > 1, "{style:?}");
        for (index, page) in pages.iter().enumerate().take(pages.len() - 1) {
            let fill = fill(page);
            assert!(
                fill >= 0.5,
                "{style:?}: page {} is {:.0}% full",
                index + 1,
                fill * 100.0
            );
        }
    }
}

/// Stricter than half full: with rows that split, a page ends early only where a heading
/// keeps with what follows it. (Moving each tall row whole to the next page left the
/// example's first three layered pages 70 %, 59 % and 57 % full.)
#[test]
fn the_layered_example_fills_every_page_but_the_last() {
    let pages = layout::layout(&privacy_notice(&example(), NoticeStyle::Layered, TODAY));
    for (index, page) in pages.iter().enumerate().take(pages.len() - 1) {
        let fill = fill(page);
        assert!(
            fill >= 0.8,
            "page {} is {:.0}% full",
            index + 1,
            fill * 100.0
        );
    }
}

#[test]
fn the_example_pdf_embeds_no_cjk_face_it_does_not_need() {
    for style in NoticeStyle::ALL {
        let fonts = common::pdf_font_names(&notice_pdf(&example(), style));
        assert!(
            fonts.iter().all(|font| font.contains("NotoSans-")),
            "{style:?}: only Noto Sans regular and bold, no other script's face: {fonts:?}"
        );
        assert_eq!(fonts.len(), 2, "{style:?}: {fonts:?}");
    }
}
