//! The example shop offered on first run: a fictional one-person 3D-model studio,
//! modelled on the AK3D Studio notice in the seeds. Every name, address and email in it
//! is invented; `.example` domains and the ZZ postcode area cannot reach anyone.

use jiff::{Span, civil::Date};

use super::{
    organisation::{FeeTier, Nation, Organisation, PostalAddress, PrivacyContact},
    register::ProcessingActivity,
    requests::{Channel, RequestEvent, RequestKind, Requester, RightsRequest, next_reference},
    workspace::Workspace,
};

/// The purposes of the seed notice, in its order.
const SEED_PURPOSES: [&str; 4] = [
    "Provide services and goods, including delivery",
    "Operate customer accounts and guarantees",
    "Prevent crime, prosecute offenders, or defend against legal action",
    "Service updates and marketing",
];

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
    for purpose in SEED_PURPOSES {
        let id = workspace.ids.activity();
        workspace.register.push(ProcessingActivity {
            id,
            purpose: purpose.to_owned(),
        });
    }
    add_example_requests(&mut workspace, today);
    workspace
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
