//! What every letter shares: the letterhead and sign-off, the user's parts read with
//! their gaps, and the sentences the law asks of many letters (how to complain, the
//! rights after a refusal, the Article 15 information, how the letter is sent).

use jiff::civil::Date;

use super::{Choice, PartKey, Parts, Template, long_date};
use crate::{
    documents::{
        model::{Block, Inline, Runs, plain},
        notice::{purpose_phrase, sentence},
        wording::capitalise_first,
    },
    domain::{
        Workspace,
        deadlines::{self, Deadline, StopReason},
        register::{ProcessingActivity, Source},
        requests::{Channel, RequestKind, RightsRequest},
    },
};

/// How a letter reaches the requester (Art. 12(3): by the way the request came, unless
/// they asked otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Email,
    Post,
    /// Neither an email nor a postal address is recorded.
    Unknown,
}

pub fn delivery(request: &RightsRequest) -> Delivery {
    let email = !request.requester.email.trim().is_empty();
    let post = !request.requester.postal_address.trim().is_empty();
    let electronic = matches!(
        request.channel,
        Channel::Email | Channel::WebForm | Channel::SocialMedia
    );
    match (electronic, email, post) {
        (true, true, _) | (false, true, false) => Delivery::Email,
        (_, _, true) => Delivery::Post,
        (_, false, false) => Delivery::Unknown,
    }
}

pub struct Writer<'a> {
    pub workspace: &'a Workspace,
    pub request: &'a RightsRequest,
    pub template: Template,
    pub date: Date,
    parts: &'a Parts,
    blocks: Vec<Block>,
}

impl<'a> Writer<'a> {
    pub fn new(
        workspace: &'a Workspace,
        request: &'a RightsRequest,
        template: Template,
        date: Date,
        parts: &'a Parts,
    ) -> Self {
        Self {
            workspace,
            request,
            template,
            date,
            parts,
            blocks: Vec::new(),
        }
    }

    pub fn into_blocks(self) -> Vec<Block> {
        self.blocks
    }

    fn spec_of(&self, key: PartKey) -> Option<&'static super::PartSpec> {
        self.template.spec().parts.iter().find(|p| p.key == key)
    }

    /// The user's words for a part; a fact not yet written is its visible gap, an
    /// optional part left empty is empty, and a choice is the chosen option's words.
    pub fn part(&self, key: PartKey) -> String {
        match self.spec_of(key) {
            Some(spec) => spec.text(self.parts),
            None => self.parts.get(&key).map_or("", |v| v.trim()).to_owned(),
        }
    }

    /// Whether the user wrote anything for a part.
    pub fn has(&self, key: PartKey) -> bool {
        self.parts.get(&key).is_some_and(|v| !v.trim().is_empty())
    }

    /// The option chosen for a choice part (its default when nothing was chosen).
    pub fn chosen(&self, key: PartKey) -> Option<&'static Choice> {
        self.spec_of(key)?.chosen(self.parts).first().copied()
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::paragraph(text));
    }

    pub fn runs(&mut self, runs: Runs) {
        self.blocks.push(Block::Paragraph(runs));
    }

    pub fn heading(&mut self, text: &str) {
        self.blocks.push(Block::heading(3, text));
    }

    pub fn bullet(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Bullets(vec![plain(text)]));
    }

    /// The user's words as paragraphs: a blank line starts a new one.
    pub fn paragraphs(&mut self, text: &str) {
        self.blocks.extend(
            text.split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .map(|p| Block::paragraph(sentence(&p))),
        );
    }

    pub fn received(&self) -> String {
        long_date(self.request.received)
    }

    /// "Thank you for your erasure request, which we received on 3 November 2026."
    pub fn thanks(&mut self) {
        self.say(format!(
            "Thank you for your {}, which we received on {}.",
            kind_phrase(self.request.kind),
            self.received()
        ));
        self.late_apology();
    }

    /// A reply dated after its deadline says so (facts §6.4: never pretend it is on
    /// time). A complaint's date is its acknowledgement's, which its own letter covers.
    fn late_apology(&mut self) {
        let replies = matches!(
            self.template.implied_event(&Parts::new()),
            Some(
                crate::domain::requests::RequestEvent::Responded { .. }
                    | crate::domain::requests::RequestEvent::Refused { .. }
            )
        );
        if !replies || self.request.is_complaint() {
            return;
        }
        let holidays = self.workspace.holidays();
        let due = self
            .request
            .deadline_with(self.workspace.counting(&holidays))
            .due_date();
        if let Some(due) = due.filter(|due| self.date > *due) {
            let what = if self.request.stops_at_once() {
                "to confirm this in writing"
            } else {
                "to reply"
            };
            self.say(format!(
                "We are sorry that this reply is late: the law required us {what} by {}.",
                long_date(due)
            ));
        }
    }

    /// A part as it reads inside a sentence: no full stop, and a capital that only
    /// began the user's text ("Your customer account") made small.
    pub fn inline(&self, key: PartKey) -> String {
        mid_sentence(&self.part(key))
    }

    /// What the requester asked: their own words when the user quotes them (the
    /// request's details are the shop's note and may not be), otherwise what a request
    /// of its kind asks for.
    pub fn what_was_asked(&mut self) {
        if self.has(PartKey::Asked) {
            let words = self.part(PartKey::Asked);
            self.say(format!("You asked: “{}”", words.trim()));
            return;
        }
        let summary = match self.request.kind {
            RequestKind::Access => "for a copy of the personal information we hold about you",
            RequestKind::Rectification => "us to correct personal information we hold about you",
            RequestKind::Erasure => "us to erase personal information we hold about you",
            RequestKind::Restriction => "us to restrict how we use your personal information",
            RequestKind::Objection => "us to stop using your personal information as we do",
            RequestKind::DirectMarketingObjection => "us to stop sending you marketing",
            RequestKind::Portability => {
                "for the personal information you gave us, in a form you can reuse"
            }
            RequestKind::AutomatedDecisionReview => {
                "for a person to review a decision made about you automatically"
            }
            RequestKind::ConsentWithdrawal => "us to stop what you had consented to",
            RequestKind::Complaint => "us to look into how we have used your personal information",
        };
        self.say(format!("We understand that you are asking {summary}."));
    }

    /// The request's deadline as the shop counts it (the play-safe setting included).
    pub fn deadline(&self, extended: bool) -> Deadline {
        let holidays = self.workspace.holidays();
        let counting = self.workspace.counting(&holidays);
        // The same events the request's own deadline counts: no ask made too late.
        let mut events = self.request.timely_clock_events(counting);
        events.extended |= extended;
        deadlines::response_deadline(&events, counting)
    }

    /// When the reply is due, and why it is that date: the month, a restart, pauses,
    /// an extension — or, while the clock is stopped, what restarts it (no date that
    /// would move every day).
    pub fn when_we_will_reply(&mut self) {
        let request = self.request;
        let deadline = self.deadline(false);
        if let Some(stopped) = deadline.stopped() {
            let since = long_date(stopped.since);
            self.say(match stopped.reason {
                StopReason::Identity => format!(
                    "The law gives us one calendar month to respond. It starts on the day we receive the proof we asked you for on {since}, so we cannot give you a date until then."
                ),
                StopReason::Fee => format!(
                    "The law gives us one calendar month to respond. It starts on the day we receive the fee we asked for on {since}, so we cannot give you a date until then."
                ),
                StopReason::Clarification => {
                    let days = stopped.remaining_days.unwrap_or(0).max(0);
                    format!(
                        "The time we have to respond has been paused since we asked you to clarify your request on {since}. When your reply arrives we will have {days} day{} left, and we will reply by then at the latest.",
                        if days == 1 { "" } else { "s" }
                    )
                }
            });
            return;
        }
        let deadline = if request.extension.is_some() {
            self.deadline(true)
        } else {
            deadline
        };
        match &request.extension {
            Some(extension) => self.runs(vec![
                Inline::text(format!(
                    "As we told you on {}, we have extended the time we have to respond by up to two further months. Our reasons: {} We will reply by ",
                    long_date(extension.notified_on),
                    sentence(&capitalise_first(extension.reason.trim()))
                )),
                Inline::bold(long_date(deadline.due)),
                Inline::text(" at the latest, and sooner if we can."),
            ]),
            None => self.runs(vec![
                Inline::text("The law gives us one calendar month to respond, so we will reply by "),
                Inline::bold(long_date(deadline.due)),
                Inline::text(" at the latest."),
            ]),
        }
        let mut why = Vec::new();
        if deadline.start > request.received {
            let what = if request.identity_received == Some(deadline.start) {
                "proof of your identity"
            } else {
                "your fee"
            };
            why.push(format!(
                "The month runs from {}, the day we received {what}.",
                long_date(deadline.start)
            ));
        }
        if deadline.paused_days > 0 {
            let days = deadline.paused_days;
            why.push(format!(
                "It allows for the {days} day{} the time was paused while we waited for you to clarify your request.",
                if days == 1 { "" } else { "s" }
            ));
        }
        if deadline
            .steps
            .iter()
            .any(|step| step.contains("next working day"))
        {
            why.push(
                "The last day falls on a weekend or bank holiday, so it moves to the next working day."
                    .to_owned(),
            );
        }
        if !why.is_empty() {
            self.say(why.join(" "));
        }
    }

    fn regulator(&self) -> String {
        regulator(self.workspace)
    }

    /// How to complain: to the shop first, then to the regulator (s.164A, Art. 77).
    pub fn how_to_complain(&mut self) {
        self.heading("If you are unhappy");
        self.say(
            "If you are unhappy with how we have handled your request, please tell us first: you can complain to us using the contact details at the top of this letter, and we will look into it.",
        );
        let regulator = self.regulator();
        self.say(format!(
            "You also have the right to complain to {regulator}."
        ));
    }

    /// What every refusal must say (Art. 12(4)): the reasons given above, then the
    /// rights to complain to the shop and the regulator and to go to court.
    pub fn refusal_rights(&mut self) {
        self.heading("Your rights if you disagree");
        self.say(
            "You can complain to us about this decision using the contact details at the top of this letter.",
        );
        let regulator = self.regulator();
        self.say(format!("You have the right to complain to {regulator}."));
        self.say(
            "You also have the right to seek to enforce your rights through the courts (a judicial remedy).",
        );
    }

    /// The regulator line that closes a complaint letter.
    pub fn complaint_regulator(&mut self) {
        let regulator = self.regulator();
        self.say(format!(
            "If you are unhappy with the outcome, you can complain to {regulator}."
        ));
    }

    /// Art. 19: what the user says about telling the recipients, and nothing else.
    pub fn recipients_told(&mut self) {
        match self.chosen(PartKey::RecipientsTold).map(|c| c.key) {
            // Art. 19: who they are is given on request; naming them from the register
            // would name organisations that never had this person's data.
            Some("told") => self.say(
                "We have told the organisations we shared your information with. Ask us if you would like to know who they are.",
            ),
            Some("not-shared") => {
                self.say("We have not shared this information with anyone else.");
            }
            Some(_) => {}
            None => self.say(format!(
                "[{}]",
                "say whether you told the organisations you shared it with"
            )),
        }
    }

    /// The Art. 15(1) and (2) information, for every register activity unless the user
    /// narrowed the reply to those the request is linked to — and then it says so.
    pub fn supplementary_information(&mut self) {
        // Only what the shop ticked as this person's: never every activity by default.
        let activities = chosen_activities(self.workspace, self.parts);
        self.heading("How and why we use your information");
        for activity in &activities {
            self.blocks.push(Block::Paragraph(vec![Inline::bold(format!(
                "We use your information {}",
                purpose_phrase(&activity.purpose)
            ))]));
            self.blocks.push(Block::Bullets(article_15_items(activity)));
        }
        if activities.is_empty() {
            self.say(PartKey::Activities.gap_text(self.template));
        }
        if activities.iter().any(|a| !a.transfers.is_empty()) {
            self.say(
                "You can ask us for a copy of the safeguards that protect your information when it is sent outside the UK.",
            );
        }
        self.heading("Your other rights");
        self.say(
            "You have the right to ask us to correct (rectify) or erase your information, to restrict how we use it, and to object to our using it. You also have the right to complain to us and to the regulator, as explained below.",
        );
    }

    /// Art. 12(3): the reply goes the way the request came.
    pub fn reply_channel(&mut self) {
        let request = self.request;
        let line = match (delivery(request), request.channel) {
            (Delivery::Email, Channel::Email) => {
                "We are replying by email, as that is how your message reached us.".to_owned()
            }
            (Delivery::Email, _) => {
                "We are replying by email, to the address you gave us.".to_owned()
            }
            (Delivery::Post, Channel::Post) => {
                "We are replying by post, as that is how your message reached us.".to_owned()
            }
            (Delivery::Post, _) => {
                "We are replying by post, to the address you gave us.".to_owned()
            }
            (Delivery::Unknown, _) => return,
        };
        self.say(format!(
            "{line} If you would prefer another way, please tell us."
        ));
    }
}

/// The regulator as letters name it, with the details the shop keeps in Settings: "the
/// Information Commissioner's Office (Wycliffe House, …; helpline …; …)".
pub fn regulator(workspace: &Workspace) -> String {
    let regulator = &workspace.settings.regulator;
    let name = regulator.name.trim();
    let mut details = Vec::new();
    if !regulator.postal_address.trim().is_empty() {
        details.push(regulator.postal_address.trim().to_owned());
    }
    if !regulator.helpline.trim().is_empty() {
        details.push(format!("helpline {}", regulator.helpline.trim()));
    }
    if !regulator.website.trim().is_empty() {
        details.push(regulator.website.trim().to_owned());
    }
    if details.is_empty() {
        format!("the {name}")
    } else {
        format!("the {name} ({})", details.join("; "))
    }
}

/// How a request of `kind` is named in a letter: "erasure request", "objection".
pub fn kind_phrase(kind: RequestKind) -> String {
    match kind {
        RequestKind::Complaint => "complaint".to_owned(),
        RequestKind::Objection => "objection".to_owned(),
        RequestKind::DirectMarketingObjection => {
            "message asking us to stop sending you marketing".to_owned()
        }
        RequestKind::ConsentWithdrawal => "message withdrawing your consent".to_owned(),
        RequestKind::AutomatedDecisionReview => {
            "request for a person to review an automated decision".to_owned()
        }
        kind => format!("{} request", kind.to_string().to_lowercase()),
    }
}

/// Text as it reads in the middle of a sentence: no closing full stop, and a first
/// capital lowered unless the word is an acronym ("VAT", "ICO").
pub fn mid_sentence(text: &str) -> String {
    let text = text.trim().trim_end_matches('.');
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => first
            .to_lowercase()
            .chain(std::iter::once(second))
            .chain(chars)
            .collect(),
        _ => text.to_owned(),
    }
}

/// The register activities the shop ticked in a letter's `activities` part, in the
/// register's order; numbers outside the register are left out (the letter's
/// `parts_fit` refuses them).
pub fn chosen_activities<'a>(
    workspace: &'a Workspace,
    parts: &Parts,
) -> Vec<&'a ProcessingActivity> {
    let numbers = parts
        .get(&PartKey::Activities)
        .and_then(|value| super::activity_numbers(value))
        .unwrap_or_default();
    workspace
        .register
        .iter()
        .enumerate()
        .filter(|(index, _)| numbers.contains(&(index + 1)))
        .map(|(_, activity)| activity)
        .collect()
}

fn labelled(label: &str, text: &str) -> Runs {
    vec![
        Inline::bold(format!("{label}: ")),
        Inline::text(text.to_owned()),
    ]
}

/// Art. 15(1)(a)–(h) and 15(2) for one activity, from the register.
fn article_15_items(activity: &ProcessingActivity) -> Vec<Runs> {
    let mut items: Vec<Runs> = Vec::new();
    let categories: Vec<&str> = activity
        .data_categories
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    items.push(labelled("What information", &categories.join("; ")));
    let bases: Vec<String> = activity
        .basis_kinds()
        .iter()
        .map(ToString::to_string)
        .collect();
    items.push(labelled("Lawful basis", &bases.join("; ")));
    let mut recipients: Vec<String> = activity
        .processors
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .map(|p| {
            if p.activities.trim().is_empty() {
                p.name.trim().to_owned()
            } else {
                format!(
                    "{} ({})",
                    p.name.trim(),
                    p.activities.trim().trim_end_matches('.')
                )
            }
        })
        .collect();
    recipients.extend(
        activity
            .other_recipients
            .iter()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty()),
    );
    items.push(labelled(
        "Who receives it",
        &if recipients.is_empty() {
            "nobody outside our business".to_owned()
        } else {
            recipients.join("; ")
        },
    ));
    for transfer in &activity.transfers {
        items.push(labelled(
            "Sent outside the UK",
            &format!(
                "to {} in {}, protected by {}",
                transfer.recipient.trim(),
                transfer.country.trim(),
                transfer.mechanism.as_ref().map_or_else(
                    || "safeguards we can describe on request".to_owned(),
                    |mechanism| mid_sentence(&mechanism.to_string())
                )
            ),
        ));
    }
    items.push(labelled(
        "How long we keep it",
        &activity.retention_statement(),
    ));
    let sources: Vec<String> = activity
        .sources
        .iter()
        .map(|s| match s {
            Source::DirectlyFromThePerson => "directly from you".to_owned(),
            other => other.to_string(),
        })
        .collect();
    items.push(labelled("Where it came from", &sources.join("; ")));
    match &activity.automated_decisions {
        Some(decisions) => items.push(labelled(
            "Automated decisions",
            &format!(
                "{} {}",
                sentence(&decisions.logic),
                sentence(&decisions.consequences)
            ),
        )),
        None => items.push(labelled("Automated decisions", "none")),
    }
    items
}

/// The letterhead, date, addressee (as the letter will reach them), reference, subject
/// and salutation.
pub fn letterhead(workspace: &Workspace, request: &RightsRequest, date: Date) -> Vec<Block> {
    let mut blocks = shop_head(workspace, date);
    let requester = &request.requester;
    let mut to = vec![requester.name.trim().to_owned()];
    match delivery(request) {
        Delivery::Email => to.push(format!("By email: {}", requester.email.trim())),
        Delivery::Post => to.extend(
            requester
                .postal_address
                .lines()
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty()),
        ),
        Delivery::Unknown => {}
    }
    blocks.push(Block::Address(to));
    blocks.push(Block::Paragraph(vec![
        Inline::bold("Our reference: "),
        Inline::text(request.reference.clone()),
    ]));
    blocks.push(Block::heading(
        2,
        match request.kind {
            RequestKind::Complaint => "Your data protection complaint".to_owned(),
            RequestKind::DirectMarketingObjection => {
                "Your objection to direct marketing".to_owned()
            }
            kind => format!("Your {}", kind_phrase(kind)),
        },
    ));
    let name = requester.name.trim();
    blocks.push(Block::paragraph(if name.is_empty() {
        "Dear Sir or Madam,".to_owned()
    } else {
        format!("Dear {name},")
    }));
    if !requester.acting_for.trim().is_empty() {
        blocks.push(Block::paragraph(format!(
            "You wrote on behalf of {}.",
            requester.acting_for.trim()
        )));
    }
    blocks
}

/// The shop's name as the heading, its address and contact line, and the date: the
/// head of every letter.
pub fn shop_head(workspace: &Workspace, date: Date) -> Vec<Block> {
    let org = &workspace.organisation;
    let shop = workspace.display_name().to_owned();
    let mut blocks = vec![Block::heading(
        1,
        if shop.is_empty() {
            "Our business"
        } else {
            &shop
        },
    )];
    let mut head: Vec<String> = Vec::new();
    if !org.legal_name.trim().is_empty() && org.legal_name.trim() != shop {
        head.push(org.legal_name.trim().to_owned());
    }
    head.extend(
        org.address
            .lines
            .iter()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty()),
    );
    let town = [org.address.town.trim(), org.address.postcode.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !town.is_empty() {
        head.push(town);
    }
    let contact: Vec<String> = [
        org.privacy_contact
            .as_ref()
            .map(|c| c.email.trim())
            .filter(|e| !e.is_empty())
            .unwrap_or(org.email.trim())
            .to_owned(),
        org.phone.trim().to_owned(),
        org.website.trim().to_owned(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if !contact.is_empty() {
        head.push(contact.join(" · "));
    }
    if !head.is_empty() {
        blocks.push(Block::Address(head));
    }
    blocks.push(Block::paragraph(long_date(date)));
    blocks
}

pub fn sign_off(workspace: &Workspace) -> Vec<Block> {
    let org = &workspace.organisation;
    let shop = workspace.display_name();
    let signer = org
        .privacy_contact
        .as_ref()
        .map(|c| c.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(org.legal_name.trim());
    vec![
        Block::paragraph("Yours sincerely,"),
        Block::Address(
            [signer, shop]
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
    ]
}
