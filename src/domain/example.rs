//! The example shop offered on first run: a fictional one-person 3D-model studio,
//! modelled on the AK3D Studio notice in the seeds. Every name, address and email in it
//! is invented; `.example` domains and the ZZ postcode area cannot reach anyone.

use jiff::{Span, civil::Date};

use super::{
    ids::IdAllocator,
    lia::{Lia, Outcome, QUESTIONS},
    marketing::{self, Ground, SoftOptIn},
    organisation::{FeeTier, Nation, Organisation, PostalAddress, PrivacyContact},
    register::{
        DirectMarketing, LawfulBasis, ProcessingActivity, Processor, Requirement, Retention,
        Source, Transfer, TransferMechanism,
    },
    requests::{Channel, RequestEvent, RequestKind, Requester, RightsRequest, next_reference},
    website::{Cookie, CookieUse, Party, Website},
    workspace::Workspace,
};

/// The example shop with `count` invented requests in place of its own, one of each
/// kind in turn, received over the 400 days before `today`: a busy log, for the
/// benchmarks and for tests of what a long list does to the window.
pub fn example_with_requests(today: Date, count: usize) -> Workspace {
    let mut workspace = example_workspace(today);
    workspace.requests.clear();
    for i in 0..count {
        let days_ago = i64::try_from(i % 400).unwrap_or(0);
        workspace.log_request(super::requests::NewRequest {
            kind: RequestKind::ALL[i % RequestKind::ALL.len()],
            requester: Requester {
                name: format!("Requester {i}"),
                email: format!("requester{i}@example.com"),
                ..Requester::default()
            },
            received: today
                .checked_sub(Span::new().days(days_ago))
                .unwrap_or(today),
            channel: Channel::Email,
            details: "A copy of everything held about my orders and account.".to_owned(),
            activities: Vec::new(),
        });
    }
    workspace
}

/// The example shop as it stands on `today`: its requests are dated relative to the day
/// the example is created, so the overview and calendar always have something to show.
pub fn example_workspace(today: Date) -> Workspace {
    let mut workspace = Workspace {
        organisation: Organisation {
            legal_name: "Morwenna Tallis".to_owned(),
            trading_name: "Kestrel Forge 3D".to_owned(),
            address: PostalAddress {
                lines: vec![
                    "Unit 4, Tinker's Yard".to_owned(),
                    "Lantern Lane".to_owned(),
                ],
                town: "Exampleton".to_owned(),
                postcode: "ZZ1 4KF".to_owned(),
            },
            email: "hello@kestrelforge.example".to_owned(),
            phone: "01632 960 418".to_owned(),
            website: "https://kestrelforge.example".to_owned(),
            ico_registration_number: "ZB123456".to_owned(),
            ico_fee_tier: Some(FeeTier::Micro),
            ico_renewal_date: Some(jiff::civil::date(2027, 3, 14)),
            privacy_contact: Some(PrivacyContact {
                name: "Morwenna Tallis".to_owned(),
                is_data_protection_officer: false,
                email: "privacy@kestrelforge.example".to_owned(),
                phone: String::new(),
            }),
            nation: Nation::EnglandAndWales,
        },
        ..Workspace::default()
    };
    workspace.register = example_register(&mut workspace.ids);
    workspace.website = example_website();
    add_example_requests(&mut workspace, today);
    add_example_breach(&mut workspace, today);
    workspace
}

/// One breach, done as the law asks: an order confirmation sent to the wrong customer,
/// three weeks ago, judged unlikely to be a risk with the reasoning, not reported with
/// the reasons, the steps taken and the lesson learned, and closed.
fn add_example_breach(workspace: &mut Workspace, today: Date) {
    use super::breaches::{
        Breach, BreachEntry, BreachKind, CategoryLink, Decision, RiskAssessment, RiskLevel, Step,
    };
    let day = |back: i64| today.checked_sub(Span::new().days(back)).unwrap_or(today);
    let at = |back: i64, hour: i8, minute: i8| {
        day(back)
            .at(hour, minute, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map_or(jiff::Timestamp::UNIX_EPOCH, |zoned| zoned.timestamp())
    };
    let Some(orders) = workspace.register.first() else {
        return;
    };
    let (orders_id, category) = (
        orders.id,
        orders.data_categories.first().cloned().unwrap_or_default(),
    );
    let id = workspace.ids.breach();
    let reference = super::breaches::next_reference(&workspace.breaches, day(21).year());
    let mut breach = Breach::new(
        id,
        reference,
        at(21, 10, 20),
        "An order confirmation for one customer was emailed to another customer.".to_owned(),
    );
    breach.occurred = Some(at(21, 9, 5));
    breach.noticed_by = "The customer who received it, by email".to_owned();
    breach.cause =
        "The email address field autocompleted to a different customer with a similar name."
            .to_owned();
    breach.kinds = vec![BreachKind::Confidentiality];
    breach.activities = vec![orders_id];
    breach.data_categories = vec![CategoryLink {
        activity: orders_id,
        category,
    }];
    if let Some(addresses) = orders
        .data_categories
        .iter()
        .find(|c| c.starts_with("Addresses"))
    {
        breach.data_categories.push(CategoryLink {
            activity: orders_id,
            category: addresses.clone(),
        });
    }
    breach.special_category = Some(false);
    breach.people_affected = Some(1);
    breach.records_affected = Some(1);
    breach.consequences = "One other customer received the customer's name, delivery address and the model ordered; no payment details were in the email.".to_owned();
    breach.risk = Some(RiskAssessment {
        level: RiskLevel::Unlikely,
        reasoning: "One email to one person, who confirmed in writing that they deleted it; no payment or sensitive details were in it.".to_owned(),
    });
    breach.steps = vec![
        Step {
            on: day(21),
            what: "Asked the recipient to delete the email; they confirmed the same day."
                .to_owned(),
        },
        Step {
            on: day(20),
            what: "Turned off address autocomplete in the shop's email program.".to_owned(),
        },
    ];
    breach.decision = Some(Decision {
        report: false,
        reasons: "Unlikely to result in a risk to the customer: one recipient, who deleted it; no financial or sensitive data.".to_owned(),
        decided_by: "Morwenna Tallis".to_owned(),
        decided_on: day(21),
    });
    breach.lessons =
        "Check the recipient before sending order emails by hand; autocomplete stays off."
            .to_owned();
    breach.closed = Some(day(20));
    breach.timeline.extend([
        BreachEntry::new(at(21, 11, 0), "Risk judged: Unlikely to be a risk"),
        BreachEntry::new(
            at(21, 11, 5),
            "Morwenna Tallis decided not to report it to the ICO",
        ),
        BreachEntry::new(at(20, 16, 0), "Closed"),
    ]);
    workspace.breaches.push(breach);
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

/// An assessment completed the way the shop would: every question answered in its own
/// words, the decision recorded, and the interests stated as the notice prints them.
fn assessed(interests_pursued: &str, answers: &[(&str, &str)]) -> LawfulBasis {
    let mut lia = Lia {
        interests_pursued: interests_pursued.to_owned(),
        opt_out_offered: true,
        outcome: Outcome::CanRely,
        completed_by: "Morwenna Tallis".to_owned(),
        completed_on: Some(jiff::civil::date(2026, 2, 9)),
        review_on: Some(jiff::civil::date(2027, 2, 9)),
        ..Lia::default()
    };
    for (id, answer) in answers {
        debug_assert!(QUESTIONS.iter().any(|q| q.id == *id), "{id} is a question");
        lia.answers.insert((*id).to_owned(), (*answer).to_owned());
    }
    LawfulBasis::LegitimateInterests(Box::new(lia))
}

fn terms() -> LawfulBasis {
    LawfulBasis::Contract {
        contract: "Kestrel Forge 3D terms of sale and model licence (kestrelforge.example/terms)"
            .to_owned(),
    }
}

fn processors() -> Vec<Processor> {
    let processor = |name: &str, activities: &str, contract: &str| Processor {
        name: name.to_owned(),
        activities: activities.to_owned(),
        contract_reference: contract.to_owned(),
    };
    vec![
        processor(
            "Examplepay",
            "Takes card payments and refunds",
            "Examplepay merchant terms, accepted 2024",
        ),
        processor(
            "Cloudshelf Hosting",
            "Hosts the online shop, customer accounts and download links",
            "Cloudshelf data processing addendum v3",
        ),
    ]
}

/// The AK3D Studio seed notice's four purposes, with its data categories and lawful
/// bases exactly, and its legitimate-interest reasons as assessments.
#[expect(
    clippy::too_many_lines,
    reason = "data: the example shop, activity by activity"
)]
fn example_register(ids: &mut IdAllocator) -> Vec<ProcessingActivity> {
    let sales_retention = Retention {
        period: "6 years after the sale".to_owned(),
        reason: "The time limit for consumer claims (Limitation Act 1980)".to_owned(),
    };
    let common = |activity: &mut ProcessingActivity| {
        // Screened alongside the assessments: none of the ICO's signs of high risk.
        activity.dpia.screened_on = Some(jiff::civil::date(2026, 2, 9));
        activity.individuals = strings(&["Customers"]);
        activity.sources = vec![Source::DirectlyFromThePerson];
        *activity.retention = sales_retention.clone();
        activity.security_measures = "Two-factor sign-in on every service; encrypted laptop and backups; no card data held by the studio".to_owned();
        activity.location = "Cloudshelf Hosting (UK); the studio's encrypted laptop".to_owned();
        activity.business_function = "Sales and customer service".to_owned();
    };

    let mut goods = ProcessingActivity::new(
        ids.activity(),
        "Provide services and goods, including delivery",
    );
    common(&mut goods);
    goods.description =
        "Selling and delivering 3D models, and the occasional printed piece, to customers."
            .to_owned();
    goods.data_categories = strings(&[
        "Names and contact details",
        "Addresses",
        "Purchase or account history",
        "Payment details (including card or bank information for transfers and direct debits)",
        "Information relating to loyalty programmes",
    ]);
    // The seed also listed consent here, stacked with the contract: consent is no
    // back-up basis (facts §3.1a), so the example relies on its terms alone.
    goods.lawful_bases = vec![terms()];
    goods.requirement = Requirement::NeededToEnterAContract;
    goods.if_not_provided = "We cannot take or deliver your order.".to_owned();
    goods.processors = processors();
    goods.processors.push(Processor {
        name: "Parcelwise Couriers".to_owned(),
        activities: "Delivers printed orders".to_owned(),
        contract_reference: "Parcelwise business account terms".to_owned(),
    });

    let mut accounts = ProcessingActivity::new(
        ids.activity(),
        "Operation of customer accounts and guarantees",
    );
    common(&mut accounts);
    accounts.data_categories = strings(&[
        "Names and contact details",
        "Addresses",
        "Payment details (including card or bank information for transfers and direct debits)",
        "Purchase history",
        "Account information, including registration details",
        "Information used for security purposes",
    ]);
    // The seed also claimed a legal obligation under the Consumer Rights Act: that Act
    // gives customers rights but obliges no one to keep their data, and keeping sales
    // records for claims is the limitation period — a legitimate interest (facts §3.1b).
    accounts.lawful_bases = vec![
        terms(),
        assessed(
            "We collect and use personal information to effectively manage customer accounts and provide guarantees based on our legitimate interests. This includes: Account Management: Ensuring proper creation, maintenance, and support of customer accounts. Customer Service: Handling inquiries, processing orders, and resolving issues to enhance customer experience. Guarantees and Warranties: Verifying and honoring warranty claims efficiently. Service Improvement: Using data to improve our products and services.",
            &[
                (
                    "why",
                    "To run customer accounts, answer questions and honour guarantees.",
                ),
                (
                    "benefit",
                    "Customers can re-download models and get help; the studio can keep its promises.",
                ),
                (
                    "if-not",
                    "Customers would lose access to what they bought and to guarantees.",
                ),
                (
                    "helps",
                    "Yes: the account holds exactly what is needed to support an order.",
                ),
                (
                    "proportionate",
                    "Only order, account and contact details are used.",
                ),
                (
                    "without",
                    "No: support and guarantees need to know who bought what.",
                ),
                (
                    "nature",
                    "Ordinary customer data, given in a personal capacity; nothing sensitive.",
                ),
                (
                    "relationship",
                    "Existing customers, told at sign-up what the account is for.",
                ),
                (
                    "expectations",
                    "Yes: customers expect a shop to keep their orders and help them.",
                ),
                (
                    "impact",
                    "Low: the data stays with the studio and its processors.",
                ),
                (
                    "safeguards",
                    "Two-factor sign-in, minimal data, deletion when an account closes.",
                ),
            ],
        ),
    ];
    *accounts.retention = Retention {
        period: "While you have an account with us, then 6 years after your last order"
            .to_owned(),
        reason: "So you can re-download your models; then the time limit for claims under a guarantee and HMRC's record-keeping rules".to_owned(),
    };
    accounts.requirement = Requirement::Contractual;
    accounts.if_not_provided = "We cannot open an account or honour a guarantee.".to_owned();
    accounts.processors = processors();

    let mut crime = ProcessingActivity::new(
        ids.activity(),
        "Prevent crime, prosecute offenders, or defend against legal action",
    );
    common(&mut crime);
    crime.business_function = "Fraud prevention and legal".to_owned();
    crime.data_categories = strings(&[
        "Names and contact information",
        "Customer or client accounts and records",
        "Financial transaction information",
    ]);
    crime.lawful_bases = vec![assessed(
        "Crime Prevention and Prosecution: Collecting personal information helps us prevent fraud, theft, and other criminal activities. By maintaining accurate records of purchases, we can identify and address suspicious activities, contributing to a safer environment for all customers. Legal Defense: In the event of legal disputes, having detailed records of transactions and customer interactions allows us to defend against false claims and demonstrate compliance with legal requirements. This ensures that we can protect our business interests and maintain our reputation. Enforcing Licensing Agreements: Collecting data enables us to verify that our licensed products are being used according to the terms of the license agreements. This is particularly important for licenses that restrict business use, ensuring that our intellectual property rights are protected.",
        &[
            (
                "why",
                "To spot fraud, defend claims and enforce the model licence.",
            ),
            (
                "benefit",
                "Fewer chargebacks and stolen models; evidence if a dispute arises.",
            ),
            (
                "if-not",
                "The studio could not defend itself or its licences.",
            ),
            (
                "helps",
                "Yes: purchase records show who bought what under which licence.",
            ),
            (
                "proportionate",
                "Records are only looked at when something looks wrong.",
            ),
            ("without", "No: there is no other record of a sale."),
            (
                "nature",
                "Transaction records; no criminal offence data is kept.",
            ),
            (
                "relationship",
                "Customers, who accept the licence at checkout.",
            ),
            (
                "expectations",
                "Yes: shops are expected to keep records against fraud.",
            ),
            (
                "impact",
                "Only for someone suspected of fraud or in a dispute.",
            ),
            (
                "safeguards",
                "Access by the owner only; records kept no longer than needed.",
            ),
        ],
    )];
    *crime.retention = Retention {
        period:
            "6 years after the sale, or until a claim or investigation is over if that is later"
                .to_owned(),
        reason: "The time limit for legal claims (Limitation Act 1980)".to_owned(),
    };
    crime.other_recipients = strings(&[
        "Professional or legal advisors",
        "Organisations we're legally obliged to share personal information with",
    ]);

    let mut marketing =
        ProcessingActivity::new(ids.activity(), "Service updates or marketing purposes");
    common(&mut marketing);
    marketing.business_function = "Marketing".to_owned();
    marketing.data_categories = strings(&[
        "Names and contact details",
        "Marketing preferences",
        "Location data",
        "Purchase or viewing history",
        "IP addresses",
        "Website and app user journey information",
    ]);
    marketing.lawful_bases = vec![assessed(
        "Enhanced Customer Experience: By collecting personal information, we can provide timely and relevant service updates. This ensures that customers are informed about important changes, improvements, and new features, enhancing their overall experience with our products and services. Tailored Marketing: Using personal information allows us to tailor our marketing efforts to match customer preferences and interests. This means customers receive information and offers that are relevant to them, making our marketing more effective and valuable. Business Growth: Marketing based on personal information helps us reach potential new customers and retain existing ones, driving business growth and enabling us to continue offering high-quality products and services.",
        &[
            (
                "why",
                "To tell customers about updates to models they own and about new ones.",
            ),
            (
                "benefit",
                "Customers hear about fixes and releases; the studio keeps its customers.",
            ),
            (
                "if-not",
                "Customers would miss updates to models they bought.",
            ),
            (
                "rules",
                "PECR soft opt-in for existing customers; an unsubscribe link in every email.",
            ),
            (
                "helps",
                "Yes: updates go to the people who bought the models.",
            ),
            (
                "proportionate",
                "At most two emails a month; no data bought from others.",
            ),
            (
                "without",
                "Not without contacting customers; less data would lose relevance only.",
            ),
            (
                "nature",
                "Contact and browsing data in a personal capacity.",
            ),
            (
                "relationship",
                "Existing customers, told at checkout and able to opt out.",
            ),
            (
                "expectations",
                "Yes, for updates to what they bought and similar models.",
            ),
            (
                "impact",
                "A few emails; some people may find tailored offers intrusive.",
            ),
            ("object", "Some may: anyone can opt out in one click."),
            (
                "safeguards",
                "Opt-out at every email; suppression list honoured; no profiling beyond purchases.",
            ),
        ],
    )];
    marketing.processors = vec![Processor {
        name: "Letterbox Mail".to_owned(),
        activities: "Sends the newsletter and product updates".to_owned(),
        contract_reference: "Letterbox Mail data processing agreement".to_owned(),
    }];
    marketing.transfers = vec![Transfer {
        recipient: "Letterbox Mail".to_owned(),
        country: "United States".to_owned(),
        mechanism: Some(TransferMechanism::Idta),
    }];
    marketing.direct_marketing = Some(Box::new(DirectMarketing {
        how_to_object: "The unsubscribe link in every email, or email privacy@kestrelforge.example"
            .to_owned(),
        channels: vec![marketing::Channel::Email],
        // Customers who bought a model hear about new models: the soft opt-in, with
        // its refusal box at checkout and the unsubscribe link in every email.
        ground: Some(Ground::SoftOptIn(SoftOptIn {
            obtained_in_a_sale: true,
            own_similar_products: true,
            refusal_offered_when_collected: true,
            refusal_offered_in_every_message: true,
        })),
    }));
    *marketing.retention = Retention {
        period: "Until you unsubscribe, or two years after your last order".to_owned(),
        reason:
            "Updates stop being relevant; the suppression list is kept so we never email you again"
                .to_owned(),
    };

    vec![goods, accounts, crime, marketing]
}

/// The studio's website: a basket and a session of its own, its own statistics and a
/// units preference (both with a way to object), and a video player that waits for a
/// click before it loads.
fn example_website() -> Website {
    let own = "Kestrel Forge 3D";
    let cookie = |name: &str, provider: &str, set_by, kind, purpose: &str, duration: &str| Cookie {
        name: name.to_owned(),
        provider: provider.to_owned(),
        set_by,
        kind,
        purpose: purpose.to_owned(),
        duration: duration.to_owned(),
        provider_uses_for_itself: false,
    };
    Website {
        cookies: vec![
            cookie(
                "kf_session",
                own,
                Party::FirstParty,
                CookieUse::ServiceRequested,
                "Keeps you signed in and your checkout secure while you browse",
                "Until you close your browser",
            ),
            cookie(
                "kf_basket",
                own,
                Party::FirstParty,
                CookieUse::ServiceRequested,
                "Remembers the models in your basket",
                "30 days",
            ),
            cookie(
                "kf_units",
                own,
                Party::FirstParty,
                CookieUse::Appearance,
                "Remembers whether you want sizes in millimetres or inches",
                "1 year",
            ),
            cookie(
                "_pk_id",
                "Kestrel Forge 3D (Matomo, on our own server)",
                Party::FirstParty,
                CookieUse::Statistics,
                "Counts visits and the pages read, so we can improve the shop",
                "13 months",
            ),
            cookie(
                "_pk_ses",
                "Kestrel Forge 3D (Matomo, on our own server)",
                Party::FirstParty,
                CookieUse::Statistics,
                "Groups the pages you read in one visit, for the same statistics",
                "30 minutes",
            ),
            Cookie {
                provider_uses_for_itself: true,
                ..cookie(
                    "VISITOR_INFO1_LIVE",
                    "YouTube (Google)",
                    Party::ThirdParty,
                    CookieUse::EmbeddedContent,
                    "Set by YouTube (Google) when you press Play on one of our printing videos; Google uses it for its own purposes, including recording what you watch to personalise videos and adverts",
                    "6 months",
                )
            },
            Cookie {
                provider_uses_for_itself: true,
                ..cookie(
                    "YSC",
                    "YouTube (Google)",
                    Party::ThirdParty,
                    CookieUse::EmbeddedContent,
                    "Set by YouTube (Google) when you press Play; Google uses it to count the videos you watch",
                    "Until you close your browser",
                )
            },
        ],
        consent_mechanism: "Our videos show a ‘Play video from YouTube’ button: nothing from YouTube loads, and no YouTube cookie is set, until you press it".to_owned(),
        sets_no_cookies: false,
        objection_route: "The ‘Cookie settings’ link at the foot of every page turns statistics and preference cookies off".to_owned(),
    }
}

fn days_ago(today: Date, days: i32) -> Date {
    today.checked_sub(Span::new().days(days)).unwrap_or(today)
}

fn requester(name: &str, email: &str, address: &str) -> Requester {
    Requester {
        name: name.to_owned(),
        email: email.to_owned(),
        postal_address: address.to_owned(),
        ..Requester::default()
    }
}

/// About eight requests at different stages: done, due soon, overdue, waiting for
/// identity, paused for clarification, extended, a marketing objection and a complaint.
fn add_example_requests(workspace: &mut Workspace, today: Date) {
    use RequestEvent as E;
    // (kind, requester, channel, details, received days ago, [(step, days ago)])
    type Script = (
        RequestKind,
        Requester,
        Channel,
        &'static str,
        i32,
        Vec<(E, i32)>,
    );
    let steps: Vec<Script> = vec![
        (
            RequestKind::Access,
            requester("Tomasz Wrenfield", "t.wrenfield@example.com", "12 Quarry Row\nExampleton\nZZ1 2AB"),
            Channel::Email,
            "A copy of everything held about my orders and account.",
            40,
            vec![(E::Responded { outcome: "Copy of data and supplementary information sent by email".into() }, 14), (E::Closed, 12)],
        ),
        (
            RequestKind::Erasure,
            requester("Aoife Brannagh", "aoife.b@example.net", ""),
            Channel::WebForm,
            "Please delete my account and marketing profile.",
            20,
            vec![],
        ),
        (
            RequestKind::Access,
            requester("Jun Okabe-Lowe", "jun.ol@example.org", "Flat 3, 8 Mill Street\nWesthaven\nZZ9 4CD"),
            Channel::Post,
            "Subject access request for all personal data.",
            35,
            vec![(E::IdentityRequested, 34), (E::IdentityReceived, 29)],
        ),
        (
            RequestKind::Access,
            requester("Zoë Marlowe-Quist", "zoe.mq@example.com", ""),
            Channel::Email,
            "All data, including emails mentioning me, since 2019.",
            45,
            vec![(E::Extended { reason: "The request covers seven years of orders, support emails and downloads held in three systems.".into() }, 20)],
        ),
        (
            RequestKind::Rectification,
            requester("Gideon Ashbury", "g.ashbury@example.com", ""),
            Channel::Email,
            "My delivery address is wrong on my account.",
            36,
            vec![],
        ),
        (
            RequestKind::DirectMarketingObjection,
            requester("Marisol Teague", "marisol@example.net", ""),
            Channel::Email,
            "Stop sending me the newsletter.",
            3,
            vec![],
        ),
        (
            RequestKind::Complaint,
            requester("Hamish Dunmore", "hamish.d@example.org", ""),
            Channel::Email,
            "Complains that his email address was shared with a courier without telling him.",
            10,
            vec![],
        ),
        (
            RequestKind::Access,
            requester("Leila Farrokh", "leila.f@example.com", ""),
            Channel::Email,
            "Wants \"all my information\".",
            15,
            vec![(E::ClarificationAsked, 12)],
        ),
    ];
    let nation = workspace.organisation.nation;
    let holidays = workspace.holidays().into_owned();
    for (kind, person, channel, details, received_days_ago, events) in steps {
        let received = days_ago(today, received_days_ago);
        let id = workspace.ids.request();
        let reference = next_reference(&workspace.requests, received.year());
        let mut request = RightsRequest::new(id, reference, kind, person, received);
        request.channel = channel;
        request.details = details.to_owned();
        request.activities = workspace.register.iter().take(2).map(|a| a.id).collect();
        for (event, on_days_ago) in events {
            // The steps above are all allowed, in order; a refused one is left out.
            let _ = request.record(
                event,
                days_ago(today, on_days_ago),
                today,
                nation,
                &holidays,
            );
        }
        workspace.requests.push(request);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_profile_is_valid_and_fictional() {
        let workspace = example_workspace(jiff::civil::date(2026, 11, 23));
        assert_eq!(workspace.organisation.issues(), vec![]);
        assert!(workspace.organisation.email.ends_with(".example"));
        assert!(workspace.organisation.website.ends_with(".example"));
        assert_eq!(workspace.register.len(), 4);
    }

    #[test]
    fn the_example_requests_are_at_different_stages_every_day_of_the_year() {
        use crate::domain::requests::Status;
        let mut day = jiff::civil::date(2026, 1, 1);
        while day.year() == 2026 {
            let workspace = example_workspace(day);
            let statuses: Vec<Status> = workspace.requests.iter().map(|r| r.status).collect();
            assert_eq!(workspace.requests.len(), 8);
            for expected in [
                Status::Closed,
                Status::Open,
                Status::Extended,
                Status::AwaitingClarification,
            ] {
                assert!(statuses.contains(&expected), "{day}: {statuses:?}");
            }
            let holidays = workspace.holidays();
            let overdue = workspace
                .requests
                .iter()
                .filter(|r| r.status.is_open())
                .any(|r| {
                    r.deadline(workspace.organisation.nation, &holidays, day)
                        .due
                        < day
                });
            assert!(overdue, "{day}: the example shows an overdue request");
            let steps: usize = workspace.requests.iter().map(|r| r.timeline.len()).sum();
            assert_eq!(steps, 8 + 6, "{day}: every scripted step was recorded");
            day = day.tomorrow().expect("date");
        }
    }
}
