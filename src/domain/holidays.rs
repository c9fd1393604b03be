//! UK bank holidays by nation: the shipped gov.uk feed for the years it covers, the
//! statutory rules (Easter, fixed days, substitute days) for the years it does not.
//!
//! The feed's shape is gov.uk's `bank-holidays.json`: one object per division with its
//! `events` (`title`, `date`, `notes`, `bunting`). One-off days (jubilees, a coronation,
//! a state funeral, Scotland's 2026 World Cup day) exist only in the feed, which is why
//! the shipped file wins wherever it has data and why newer feeds can be imported.

use std::{
    collections::{BTreeMap, HashMap},
    sync::OnceLock,
};

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::organisation::Nation;

const SHIPPED_FEED: &str = include_str!("../../assets/bank-holidays.json");

/// One event of the gov.uk feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedEvent {
    pub title: String,
    pub date: Date,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub bunting: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedDivision {
    pub division: String,
    pub events: Vec<FeedEvent>,
}

/// The gov.uk bank-holidays feed: division key → events.
pub type Feed = BTreeMap<String, FeedDivision>;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FeedError {
    #[error("this is not a gov.uk bank-holidays file: {0}")]
    NotAFeed(String),
    #[error("the file has no “{0}” section")]
    MissingDivision(&'static str),
    #[error("the “{key}” section calls itself “{found}”")]
    MislabelledDivision { key: String, found: String },
    #[error("{date} in the “{division}” section is a {weekday:?}; bank holidays fall on weekdays")]
    WeekendHoliday {
        division: String,
        date: Date,
        weekday: Weekday,
    },
    #[error("the “{0}” section lists no holidays")]
    EmptyDivision(String),
}

/// Parses and checks a feed: all three divisions present, correctly named, non-empty,
/// and every date a weekday (the feed lists substitute days, never weekend dates).
pub fn parse_feed(text: &str) -> Result<Feed, FeedError> {
    let feed: Feed = serde_json::from_str(text).map_err(|e| FeedError::NotAFeed(e.to_string()))?;
    for nation in Nation::ALL {
        let key = nation.division();
        let division = feed.get(key).ok_or(FeedError::MissingDivision(key))?;
        if division.division != key {
            return Err(FeedError::MislabelledDivision {
                key: key.to_owned(),
                found: division.division.clone(),
            });
        }
        if division.events.is_empty() {
            return Err(FeedError::EmptyDivision(key.to_owned()));
        }
        if let Some(event) = division.events.iter().find(|e| is_weekend(e.date)) {
            return Err(FeedError::WeekendHoliday {
                division: key.to_owned(),
                date: event.date,
                weekday: event.date.weekday(),
            });
        }
    }
    Ok(feed)
}

pub fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// A bank holiday and where Smallprint learned of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    pub title: String,
    /// True when worked out from the rules because no feed covers the year: the
    /// working says so, since a one-off day could be missing.
    pub computed: bool,
}

/// Bank holidays for all three nations: feed data where it has the year, rules elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holidays {
    listed: HashMap<Nation, BTreeMap<Date, String>>,
    /// The first and last year each nation's feed data covers.
    covered: HashMap<Nation, (i16, i16)>,
}

impl Holidays {
    /// The bank holidays shipped with Smallprint (2018–2027).
    pub fn shipped() -> &'static Holidays {
        static SHIPPED: OnceLock<Holidays> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            // The shipped file is checked by a test; were it ever unreadable, the
            // rules still give every regular holiday.
            parse_feed(SHIPPED_FEED)
                .map(|feed| Holidays::from_feed(&feed))
                .unwrap_or_default()
        })
    }

    pub fn from_feed(feed: &Feed) -> Self {
        let mut holidays = Holidays::default();
        holidays.merge(feed);
        holidays
    }

    /// Adds a newer feed's events. Years the feed covers are taken from it whole (so a
    /// moved day moves); other years keep what they had.
    pub fn merge(&mut self, feed: &Feed) {
        for nation in Nation::ALL {
            let Some(division) = feed.get(nation.division()) else {
                continue;
            };
            let Some((first, last)) = year_range(&division.events) else {
                continue;
            };
            let listed = self.listed.entry(nation).or_default();
            listed.retain(|date, _| date.year() < first || date.year() > last);
            for event in &division.events {
                listed.insert(event.date, event.title.clone());
            }
            let range = self.covered.entry(nation).or_insert((first, last));
            *range = (range.0.min(first), range.1.max(last));
        }
    }

    /// Back to the gov.uk feed shape, for saving merged data.
    pub fn to_feed(&self) -> Feed {
        Nation::ALL
            .into_iter()
            .map(|nation| {
                let events = self
                    .listed
                    .get(&nation)
                    .into_iter()
                    .flatten()
                    .map(|(date, title)| FeedEvent {
                        title: title.clone(),
                        date: *date,
                        notes: String::new(),
                        bunting: true,
                    })
                    .collect();
                (
                    nation.division().to_owned(),
                    FeedDivision {
                        division: nation.division().to_owned(),
                        events,
                    },
                )
            })
            .collect()
    }

    /// The years the feed data covers for `nation`.
    pub fn covered_years(&self, nation: Nation) -> Option<(i16, i16)> {
        self.covered.get(&nation).copied()
    }

    fn covers(&self, nation: Nation, year: i16) -> bool {
        self.covered
            .get(&nation)
            .is_some_and(|(first, last)| (*first..=*last).contains(&year))
    }

    /// The bank holiday on `date` in `nation`, if there is one.
    pub fn on(&self, nation: Nation, date: Date) -> Option<Holiday> {
        if self.covers(nation, date.year()) {
            self.listed.get(&nation)?.get(&date).map(|title| Holiday {
                title: title.clone(),
                computed: false,
            })
        } else {
            computed_for_year(nation, date.year())
                .into_iter()
                .find(|(day, _)| *day == date)
                .map(|(_, title)| Holiday {
                    title: title.to_owned(),
                    computed: true,
                })
        }
    }

    /// Every holiday of `nation` from `first` to `last` inclusive, in order.
    pub fn between(&self, nation: Nation, first: Date, last: Date) -> Vec<(Date, Holiday)> {
        let mut found = Vec::new();
        for year in first.year()..=last.year() {
            if self.covers(nation, year) {
                if let Some(listed) = self.listed.get(&nation) {
                    for (date, title) in listed.range(Date::new(year, 1, 1).unwrap_or(first)..) {
                        if date.year() != year {
                            break;
                        }
                        found.push((
                            *date,
                            Holiday {
                                title: title.clone(),
                                computed: false,
                            },
                        ));
                    }
                }
            } else {
                for (date, title) in computed_for_year(nation, year) {
                    found.push((
                        date,
                        Holiday {
                            title: title.to_owned(),
                            computed: true,
                        },
                    ));
                }
            }
        }
        found.retain(|(date, _)| *date >= first && *date <= last);
        found
    }

    /// True for Monday–Friday days that are not bank holidays in `nation`.
    pub fn is_working_day(&self, nation: Nation, date: Date) -> bool {
        !is_weekend(date) && self.on(nation, date).is_none()
    }
}

fn year_range(events: &[FeedEvent]) -> Option<(i16, i16)> {
    let first = events.iter().map(|e| e.date.year()).min()?;
    let last = events.iter().map(|e| e.date.year()).max()?;
    Some((first, last))
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones
/// and Butcher).
#[allow(
    clippy::many_single_char_names,
    reason = "the algorithm's published names"
)]
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1–31 by construction.
    Date::new(
        year,
        i8::try_from(month).unwrap_or(4),
        i8::try_from(day).unwrap_or(1),
    )
    .unwrap_or_else(|_| Date::new(year, 4, 1).unwrap_or_default())
}

fn nth_weekday(year: i16, month: i8, weekday: Weekday, nth: i8) -> Date {
    Date::new(year, month, 1)
        .and_then(|first| first.nth_weekday_of_month(nth, weekday))
        .unwrap_or_default()
}

fn day(year: i16, month: i8, day: i8) -> Date {
    Date::new(year, month, day).unwrap_or_default()
}

/// The regular bank holidays of `nation` in `year` by statute and custom, with
/// substitute days: a holiday at a weekend moves to the next weekday that is not
/// already a holiday (so Christmas on a Saturday gives Mon 27 and Tue 28 December).
pub fn computed_for_year(nation: Nation, year: i16) -> Vec<(Date, &'static str)> {
    let easter = easter_sunday(year);
    let mut fixed: Vec<(Date, &'static str)> = vec![(day(year, 1, 1), "New Year’s Day")];
    let mut movable: Vec<(Date, &'static str)> = vec![
        (
            easter
                .yesterday()
                .and_then(Date::yesterday)
                .unwrap_or(easter),
            "Good Friday",
        ),
        (
            nth_weekday(year, 5, Weekday::Monday, 1),
            "Early May bank holiday",
        ),
        (
            nth_weekday(year, 5, Weekday::Monday, -1),
            "Spring bank holiday",
        ),
    ];
    match nation {
        Nation::Scotland => {
            fixed.push((day(year, 1, 2), "2nd January"));
            movable.push((
                nth_weekday(year, 8, Weekday::Monday, 1),
                "Summer bank holiday",
            ));
            fixed.push((day(year, 11, 30), "St Andrew’s Day"));
        }
        Nation::EnglandAndWales | Nation::NorthernIreland => {
            movable.push((easter.tomorrow().unwrap_or(easter), "Easter Monday"));
            movable.push((
                nth_weekday(year, 8, Weekday::Monday, -1),
                "Summer bank holiday",
            ));
        }
    }
    if nation == Nation::NorthernIreland {
        fixed.push((day(year, 3, 17), "St Patrick’s Day"));
        fixed.push((day(year, 7, 12), "Battle of the Boyne (Orangemen’s Day)"));
    }
    fixed.push((day(year, 12, 25), "Christmas Day"));
    fixed.push((day(year, 12, 26), "Boxing Day"));

    let mut holidays = movable;
    holidays.extend(fixed.iter().filter(|(date, _)| !is_weekend(*date)).copied());
    fixed.sort();
    for (date, title) in fixed.into_iter().filter(|(date, _)| is_weekend(*date)) {
        let mut substitute = date;
        while is_weekend(substitute) || holidays.iter().any(|(taken, _)| *taken == substitute) {
            substitute = substitute.tomorrow().unwrap_or(substitute);
        }
        holidays.push((substitute, title));
    }
    holidays.sort();
    holidays
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_shipped_feed_is_valid_and_covers_2018_to_2027() {
        let feed = parse_feed(SHIPPED_FEED).expect("shipped feed parses");
        let holidays = Holidays::from_feed(&feed);
        for nation in Nation::ALL {
            assert_eq!(
                holidays.covered_years(nation),
                Some((2018, 2027)),
                "{nation}"
            );
        }
    }

    #[test]
    fn easter_dates() {
        for (year, month, d) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), date(year, month, d), "{year}");
        }
    }

    /// The days that only the proclamations made: moved or extra holidays.
    fn one_off_changes(nation: Nation, year: i16) -> (BTreeSet<Date>, BTreeSet<Date>) {
        // (in the feed but not the rules, in the rules but not the feed)
        let set = |dates: &[Date]| dates.iter().copied().collect::<BTreeSet<_>>();
        match (nation, year) {
            (_, 2020) => (set(&[date(2020, 5, 8)]), set(&[date(2020, 5, 4)])),
            (_, 2022) => (
                set(&[date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19)]),
                set(&[date(2022, 5, 30)]),
            ),
            (_, 2023) => (set(&[date(2023, 5, 8)]), set(&[])),
            (Nation::Scotland, 2026) => (set(&[date(2026, 6, 15)]), set(&[])),
            _ => (set(&[]), set(&[])),
        }
    }

    #[test]
    fn the_rules_agree_with_the_feed_except_the_one_off_changes() {
        let feed = parse_feed(SHIPPED_FEED).expect("shipped feed parses");
        for nation in Nation::ALL {
            let events = &feed[nation.division()].events;
            for year in 2018..=2027 {
                let listed: BTreeSet<Date> = events
                    .iter()
                    .map(|e| e.date)
                    .filter(|d| d.year() == year)
                    .collect();
                let computed: BTreeSet<Date> = computed_for_year(nation, year)
                    .into_iter()
                    .map(|(d, _)| d)
                    .collect();
                let only_listed: BTreeSet<Date> = listed.difference(&computed).copied().collect();
                let only_computed: BTreeSet<Date> = computed.difference(&listed).copied().collect();
                assert_eq!(
                    (only_listed, only_computed),
                    one_off_changes(nation, year),
                    "{nation} {year}"
                );
            }
        }
    }

    #[test]
    fn substitute_days_follow_the_gov_uk_pattern() {
        let dates = |nation, year| -> Vec<Date> {
            computed_for_year(nation, year)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        };
        // Christmas on a Saturday (2021, 2032): Mon 27 and Tue 28.
        let y2032 = dates(Nation::EnglandAndWales, 2032);
        assert!(y2032.contains(&date(2032, 12, 27)) && y2032.contains(&date(2032, 12, 28)));
        // Christmas on a Sunday (2033): Boxing Day Mon 26, Christmas substitute Tue 27.
        let y2033 = dates(Nation::EnglandAndWales, 2033);
        assert!(y2033.contains(&date(2033, 12, 26)) && y2033.contains(&date(2033, 12, 27)));
        // Scotland, New Year's Day on a Sunday (2034): Mon 2 (2nd January), Tue 3.
        let scotland = dates(Nation::Scotland, 2034);
        assert!(scotland.contains(&date(2034, 1, 2)) && scotland.contains(&date(2034, 1, 3)));
        // St Andrew's Day on a Saturday (2030): Monday 2 December.
        assert!(dates(Nation::Scotland, 2030).contains(&date(2030, 12, 2)));
    }

    #[test]
    fn outside_the_feed_holidays_are_marked_computed() {
        let holidays = Holidays::shipped();
        let listed = holidays
            .on(Nation::EnglandAndWales, date(2026, 12, 28))
            .expect("Boxing Day substitute");
        assert!(!listed.computed);
        let computed = holidays
            .on(Nation::EnglandAndWales, date(2030, 12, 25))
            .expect("Christmas 2030");
        assert!(computed.computed);
        assert!(
            holidays.is_working_day(Nation::Scotland, date(2026, 4, 6)),
            "no Easter Monday in Scotland"
        );
        assert!(!holidays.is_working_day(Nation::EnglandAndWales, date(2026, 4, 6)));
    }

    #[test]
    fn a_newer_feed_merges_and_replaces_the_years_it_covers() {
        let mut holidays = Holidays::shipped().clone();
        let newer = r#"{
          "england-and-wales": {"division": "england-and-wales", "events": [
            {"title": "New Year’s Day", "date": "2028-01-03", "notes": "Substitute day", "bunting": true},
            {"title": "Extra day", "date": "2028-06-05", "notes": "", "bunting": true}]},
          "scotland": {"division": "scotland", "events": [
            {"title": "New Year’s Day", "date": "2028-01-03", "notes": "", "bunting": true}]},
          "northern-ireland": {"division": "northern-ireland", "events": [
            {"title": "New Year’s Day", "date": "2028-01-03", "notes": "", "bunting": true}]}
        }"#;
        holidays.merge(&parse_feed(newer).expect("valid"));
        assert_eq!(
            holidays.covered_years(Nation::EnglandAndWales),
            Some((2018, 2028))
        );
        let extra = holidays
            .on(Nation::EnglandAndWales, date(2028, 6, 5))
            .expect("extra day");
        assert!(!extra.computed);
        assert!(
            holidays
                .on(Nation::EnglandAndWales, date(2027, 12, 27))
                .is_some(),
            "older years kept"
        );
    }

    #[test]
    fn bad_feeds_say_why() {
        assert!(matches!(parse_feed("[]"), Err(FeedError::NotAFeed(_))));
        assert_eq!(
            parse_feed("{}"),
            Err(FeedError::MissingDivision("england-and-wales"))
        );
        let weekend = SHIPPED_FEED.replacen("2018-01-01", "2018-01-06", 1);
        assert!(matches!(
            parse_feed(&weekend),
            Err(FeedError::WeekendHoliday { .. })
        ));
    }
}
