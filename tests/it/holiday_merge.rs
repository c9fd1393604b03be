//! Importing a gov.uk bank-holidays feed: a feed replaces a nation's year only when it
//! holds the whole of it; otherwise its days are added and nothing is removed.
//! Expected dates come from the statutory rules (facts §2), written out by hand.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use std::collections::BTreeSet;

use jiff::{
    Span,
    civil::{Date, date},
};
use proptest::prelude::*;
use smallprint::domain::{
    Nation, Workspace,
    holidays::{
        Coverage, Feed, FeedDivision, FeedEvent, HolidaySource, Holidays, holds_whole_year,
        rule_holidays,
    },
};

const EW: Nation = Nation::EnglandAndWales;

/// England and Wales, 2028 by the rules: New Year's Day is a Saturday (substitute Mon
/// 3 Jan), Easter Sunday is 16 April, Christmas a Monday.
const EW_2028: [Date; 8] = [
    date(2028, 1, 3),
    date(2028, 4, 14),
    date(2028, 4, 17),
    date(2028, 5, 1),
    date(2028, 5, 29),
    date(2028, 8, 28),
    date(2028, 12, 25),
    date(2028, 12, 26),
];

/// England and Wales, 2026, as the shipped gov.uk list has it (Boxing Day, a
/// Saturday, has its substitute on Mon 28 Dec).
const EW_2026: [Date; 8] = [
    date(2026, 1, 1),
    date(2026, 4, 3),
    date(2026, 4, 6),
    date(2026, 5, 4),
    date(2026, 5, 25),
    date(2026, 8, 31),
    date(2026, 12, 25),
    date(2026, 12, 28),
];

fn feed(nation: Nation, events: &[(&str, Date)]) -> Feed {
    let division = nation.division().to_owned();
    let events = events
        .iter()
        .map(|(title, date)| FeedEvent {
            title: (*title).to_owned(),
            date: *date,
            notes: String::new(),
            bunting: true,
        })
        .collect();
    Feed::from([(division.clone(), FeedDivision { division, events })])
}

fn holidays_in(holidays: &Holidays, nation: Nation, year: i16) -> BTreeSet<Date> {
    holidays
        .between(nation, date(year, 1, 1), date(year, 12, 31))
        .into_iter()
        .map(|(day, _)| day)
        .collect()
}

#[test]
fn a_one_day_feed_keeps_every_other_holiday_of_its_year() {
    // 2028 is outside the shipped list: its holidays come from the rules.
    let mut holidays = Holidays::shipped().clone();
    let extra = date(2028, 6, 2);
    holidays.merge(&feed(EW, &[("Extra day", extra)]));
    let mut expected: BTreeSet<Date> = EW_2028.into_iter().collect();
    expected.insert(extra);
    assert_eq!(holidays_in(&holidays, EW, 2028), expected);
    let christmas = holidays.on(EW, date(2028, 12, 25)).expect("Christmas 2028");
    assert_eq!(christmas.source, HolidaySource::Computed);
    assert_eq!(
        holidays.on(EW, extra).map(|h| h.source),
        Some(HolidaySource::Imported)
    );

    // 2026 is in the shipped list: one imported day adds to it, removing nothing.
    let extra = date(2026, 6, 12);
    holidays.merge(&feed(EW, &[("Extra day", extra)]));
    let mut expected: BTreeSet<Date> = EW_2026.into_iter().collect();
    expected.insert(extra);
    assert_eq!(holidays_in(&holidays, EW, 2026), expected);
    assert_eq!(
        holidays.on(EW, date(2026, 12, 28)).map(|h| h.source),
        Some(HolidaySource::Shipped)
    );
}

#[test]
fn a_whole_year_feed_replaces_the_year_so_a_moved_day_moves() {
    // A made-up 2027 in which the Spring bank holiday moves from Mon 31 May to Thu
    // 3 June (as it moved in 2022 for the Platinum Jubilee).
    let mut holidays = Holidays::shipped().clone();
    let moved = date(2027, 6, 3);
    let year = [
        ("New Year’s Day", date(2027, 1, 1)),
        ("Good Friday", date(2027, 3, 26)),
        ("Easter Monday", date(2027, 3, 29)),
        ("Early May bank holiday", date(2027, 5, 3)),
        ("Spring bank holiday", moved),
        ("Summer bank holiday", date(2027, 8, 30)),
        ("Christmas Day", date(2027, 12, 27)),
        ("Boxing Day", date(2027, 12, 28)),
    ];
    assert!(holds_whole_year(
        EW,
        2027,
        &year.iter().map(|(_, d)| *d).collect::<Vec<_>>()
    ));
    holidays.merge(&feed(EW, &year));
    assert!(
        holidays.is_working_day(EW, date(2027, 5, 31)),
        "the old date"
    );
    assert_eq!(
        holidays.on(EW, moved).map(|h| h.source),
        Some(HolidaySource::Imported)
    );
    assert_eq!(
        holidays_in(&holidays, EW, 2027),
        year.iter().map(|(_, d)| *d).collect()
    );
    assert_eq!(
        holidays.coverage(EW),
        vec![
            Coverage {
                first: 2018,
                last: 2026,
                source: HolidaySource::Shipped,
                added: None
            },
            Coverage {
                first: 2027,
                last: 2027,
                source: HolidaySource::Imported,
                added: None
            },
        ]
    );
    // Other nations are untouched.
    assert!(!holidays.is_working_day(Nation::Scotland, date(2027, 5, 31)));
}

#[test]
fn a_feed_for_a_later_year_leaves_the_years_between_to_the_rules() {
    let mut holidays = Holidays::shipped().clone();
    // England and Wales, 2029 by the rules: Easter Sunday 1 April.
    let year_2029 = [
        ("New Year’s Day", date(2029, 1, 1)),
        ("Good Friday", date(2029, 3, 30)),
        ("Easter Monday", date(2029, 4, 2)),
        ("Early May bank holiday", date(2029, 5, 7)),
        ("Spring bank holiday", date(2029, 5, 28)),
        ("Summer bank holiday", date(2029, 8, 27)),
        ("Christmas Day", date(2029, 12, 25)),
        ("Boxing Day", date(2029, 12, 26)),
    ];
    holidays.merge(&feed(EW, &year_2029));
    assert_eq!(
        holidays_in(&holidays, EW, 2028),
        EW_2028.into_iter().collect(),
        "2028 is not blanked"
    );
    assert!(!holidays.is_working_day(EW, date(2028, 12, 25)));
    assert_eq!(
        holidays.coverage(EW),
        vec![
            Coverage {
                first: 2018,
                last: 2027,
                source: HolidaySource::Shipped,
                added: None
            },
            Coverage {
                first: 2028,
                last: 2028,
                source: HolidaySource::Computed,
                added: None
            },
            Coverage {
                first: 2029,
                last: 2029,
                source: HolidaySource::Imported,
                added: None
            },
        ]
    );
    assert_eq!(
        holidays.coverage(EW)[2].to_string(),
        "2029: gov.uk list you imported"
    );
}

#[test]
fn the_workspace_keeps_a_partial_import_partial_across_saves() {
    let mut workspace = Workspace::default();
    let years = workspace.import_bank_holidays(&feed(EW, &[("Extra day", date(2028, 6, 2))]));
    assert_eq!(years, Some((2028, 2028)));
    // Read back as the app does on every change: shipped, then the saved imports.
    let saved: Workspace =
        serde_json::from_str(&serde_json::to_string(&workspace).expect("json")).expect("reads");
    let holidays = saved.holidays();
    let mut expected: BTreeSet<Date> = EW_2028.into_iter().collect();
    expected.insert(date(2028, 6, 2));
    assert_eq!(holidays_in(&holidays, EW, 2028), expected);
    // A second one-day import adds again.
    let mut workspace = saved;
    workspace.import_bank_holidays(&feed(EW, &[("Another day", date(2028, 9, 1))]));
    let holidays = workspace.holidays();
    expected.insert(date(2028, 9, 1));
    assert_eq!(holidays_in(&holidays, EW, 2028), expected);
    assert_eq!(
        holidays.coverage(EW).last().map(ToString::to_string),
        Some(
            "2028: worked out from the rules: computed, plus days from the gov.uk list you imported"
                .to_owned()
        )
    );
}

/// A feed of random years for random nations: each year either every rule holiday
/// (perhaps one moved a few days) or a random part of them, plus random extra weekdays.
fn random_feed() -> impl Strategy<Value = Feed> {
    let year = (
        0..3_usize,
        2016_i16..2032,
        any::<bool>(),
        any::<u16>(),
        proptest::collection::vec(0..366_i32, 0..3),
        0..4_i32,
    );
    proptest::collection::vec(year, 1..5).prop_map(|years| {
        let mut feed = Feed::new();
        for (nation, year, whole, mask, extras, shift) in years {
            let nation = Nation::ALL[nation];
            let rules = rule_holidays(nation, year);
            let mut dates: Vec<Date> = rules
                .iter()
                .enumerate()
                .filter(|(i, _)| whole || mask & (1 << i) != 0)
                .map(|(_, rule)| rule.date)
                .collect();
            if let Some(first) = dates.first_mut() {
                // A moved day, kept on a weekday in its year.
                let moved = first
                    .checked_add(Span::new().days(shift))
                    .expect("in range");
                if moved.year() == year && !smallprint::domain::holidays::is_weekend(moved) {
                    *first = moved;
                }
            }
            for offset in extras {
                let extra = date(year, 1, 1)
                    .checked_add(Span::new().days(offset))
                    .expect("in range");
                if extra.year() == year && !smallprint::domain::holidays::is_weekend(extra) {
                    dates.push(extra);
                }
            }
            let division =
                feed.entry(nation.division().to_owned())
                    .or_insert_with(|| FeedDivision {
                        division: nation.division().to_owned(),
                        events: Vec::new(),
                    });
            division
                .events
                .extend(dates.into_iter().map(|date| FeedEvent {
                    title: "A holiday".to_owned(),
                    date,
                    notes: String::new(),
                    bunting: true,
                }));
        }
        feed
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn merging_removes_a_holiday_only_from_a_year_the_feed_holds_whole(
        earlier in proptest::option::of(random_feed()),
        feed in random_feed(),
    ) {
        let mut holidays = Holidays::shipped().clone();
        if let Some(earlier) = earlier {
            holidays.merge(&earlier);
        }
        let before = holidays.clone();
        holidays.merge(&feed);
        for nation in Nation::ALL {
            let events = feed.get(nation.division()).map(|d| d.events.as_slice()).unwrap_or_default();
            for year in 2015_i16..2034 {
                let listed: BTreeSet<Date> =
                    events.iter().map(|e| e.date).filter(|d| d.year() == year).collect();
                let was = holidays_in(&before, nation, year);
                let now = holidays_in(&holidays, nation, year);
                // Whole, as the merge promises to judge it (and written out here rather
                // than asked of the code under test): at least as many days as the
                // rules give, and a day in every month the rules put one in.
                let rules = rule_holidays(nation, year);
                let whole = listed.len() >= rules.len()
                    && rules.iter().all(|rule| listed.iter().any(|day| day.month() == rule.date.month()));
                prop_assert_eq!(
                    whole,
                    holds_whole_year(nation, year, &listed.iter().copied().collect::<Vec<_>>())
                );
                if whole {
                    prop_assert_eq!(&now, &listed, "{} {} replaced whole", nation, year);
                } else {
                    prop_assert!(was.is_subset(&now), "{nation} {year}: lost {:?}", was.difference(&now).collect::<Vec<_>>());
                    prop_assert!(listed.is_subset(&now), "{nation} {year}: the feed's days are added");
                }
            }
        }
    }
}
