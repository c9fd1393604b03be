//! UK bank holidays by nation: the shipped gov.uk feed for the years it covers, the
//! statutory rules (Easter, fixed days, substitute days) for the years it does not.
//!
//! The feed's shape is gov.uk's `bank-holidays.json`: one object per division with its
//! `events` (`title`, `date`, `notes`, `bunting`). One-off days (jubilees, a coronation,
//! a state funeral, Scotland's 2026 World Cup day) exist only in the feed, which is why
//! the shipped file wins wherever it has data and why newer feeds can be imported.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
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

/// Where Smallprint learned of a bank holiday, or of a year's holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HolidaySource {
    /// The gov.uk feed compiled into Smallprint (`assets/bank-holidays.json`).
    Shipped,
    /// A gov.uk feed the user imported.
    Imported,
    /// Worked out from the statutory rules, because no list covers the day: a one-off
    /// day could be missing.
    Computed,
}

impl HolidaySource {
    /// The words the working and Settings use: "gov.uk list shipped with Smallprint".
    pub fn describe(self) -> &'static str {
        match self {
            HolidaySource::Shipped => "gov.uk list shipped with Smallprint",
            HolidaySource::Imported => "gov.uk list you imported",
            HolidaySource::Computed => "worked out from the rules: computed",
        }
    }
}

impl std::fmt::Display for HolidaySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

/// Appended to the name of a holiday that stands in for one falling at a weekend.
pub const SUBSTITUTE_LABEL: &str = " (substitute day)";

/// A bank holiday and where Smallprint learned of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The name to show, "(substitute day)" included when it is one: "Boxing Day
    /// (substitute day)".
    pub title: String,
    /// True when worked out from the rules because no list covers the day: the
    /// working says so, since a one-off day could be missing. Same as
    /// `source == HolidaySource::Computed`.
    pub computed: bool,
    pub source: HolidaySource,
    /// A weekday standing in for a holiday that fell at a weekend.
    pub substitute: bool,
}

/// One listed day, as kept: the feed's own title and notes, and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Listed {
    title: String,
    notes: String,
    bunting: bool,
    source: HolidaySource,
}

impl Listed {
    fn is_substitute(&self) -> bool {
        let says = |text: &str| text.to_lowercase().contains("substitute");
        says(&self.notes) || says(&self.title)
    }

    fn holiday(&self) -> Holiday {
        let substitute = self.is_substitute();
        // gov.uk puts "Substitute day" in the notes and leaves the title alone.
        let title = if substitute && !self.title.to_lowercase().contains("substitute") {
            format!("{}{SUBSTITUTE_LABEL}", self.title)
        } else {
            self.title.clone()
        };
        Holiday {
            title,
            computed: self.source == HolidaySource::Computed,
            source: self.source,
            substitute,
        }
    }
}

/// How one nation's year is known: the source of its whole list, and the source of
/// any days added to it by a feed that did not hold the whole year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct YearBasis {
    source: HolidaySource,
    added: Option<HolidaySource>,
}

/// A run of years whose holidays come from the same place, for Settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub first: i16,
    pub last: i16,
    /// Where the year's list comes from: a whole-year feed, or the rules.
    pub source: HolidaySource,
    /// Days a partial feed added to those years, nothing removed (`Imported` when the
    /// user imported a feed that held only part of the year).
    pub added: Option<HolidaySource>,
}

impl std::fmt::Display for Coverage {
    /// "2018–2027: gov.uk list shipped with Smallprint", "2028: worked out from the
    /// rules: computed, plus days from the gov.uk list you imported".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "{}: {}", self.first, self.source)?;
        } else {
            write!(f, "{}–{}: {}", self.first, self.last, self.source)?;
        }
        if let Some(added) = self.added {
            write!(f, ", plus days from the {added}")?;
        }
        Ok(())
    }
}

/// Bank holidays for all three nations: listed years from the feeds, rules elsewhere.
///
/// A year is either listed (every holiday of it held here, each with its source) or
/// not (the rules give its holidays). Years are tracked one by one, never as a
/// first–last range, so a feed for 2029 says nothing about 2028.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holidays {
    listed: HashMap<Nation, BTreeMap<Date, Listed>>,
    years: HashMap<Nation, BTreeMap<i16, YearBasis>>,
}

impl Holidays {
    /// The bank holidays shipped with Smallprint (2018–2027).
    pub fn shipped() -> &'static Holidays {
        static SHIPPED: OnceLock<Holidays> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            // The shipped file is checked by a test; were it ever unreadable, the
            // rules still give every regular holiday.
            let mut holidays = Holidays::default();
            if let Ok(feed) = parse_feed(SHIPPED_FEED) {
                holidays.merge_from(&feed, HolidaySource::Shipped);
            }
            holidays
        })
    }

    /// The holidays of a feed the user imported.
    pub fn from_feed(feed: &Feed) -> Self {
        let mut holidays = Holidays::default();
        holidays.merge(feed);
        holidays
    }

    /// Merges a feed the user imported, by the rules of [`Self::merge_from`].
    pub fn merge(&mut self, feed: &Feed) {
        self.merge_from(feed, HolidaySource::Imported);
    }

    /// Merges a feed, one nation and one year at a time. A year the feed holds whole
    /// (see [`holds_whole_year`]) replaces what was known of it, so a moved day moves.
    /// Any other year only gains the feed's days: nothing is removed, and a year known
    /// only from the rules keeps every rule holiday beside the new days.
    pub fn merge_from(&mut self, feed: &Feed, source: HolidaySource) {
        for nation in Nation::ALL {
            let Some(division) = feed.get(nation.division()) else {
                continue;
            };
            let mut by_year: BTreeMap<i16, Vec<&FeedEvent>> = BTreeMap::new();
            for event in &division.events {
                by_year.entry(event.date.year()).or_default().push(event);
            }
            for (year, events) in by_year {
                let dates: Vec<Date> = events.iter().map(|e| e.date).collect();
                let listed = self.listed.entry(nation).or_default();
                let years = self.years.entry(nation).or_default();
                let listed_event = |event: &FeedEvent| Listed {
                    title: event.title.clone(),
                    notes: event.notes.clone(),
                    bunting: event.bunting,
                    source,
                };
                if holds_whole_year(nation, year, &dates) {
                    listed.retain(|date, _| date.year() != year);
                    for event in events {
                        listed.insert(event.date, listed_event(event));
                    }
                    years.insert(
                        year,
                        YearBasis {
                            source,
                            added: None,
                        },
                    );
                } else {
                    let basis = years.entry(year).or_insert_with(|| {
                        for rule in rule_holidays(nation, year) {
                            listed.insert(rule.date, rule.listed());
                        }
                        YearBasis {
                            source: HolidaySource::Computed,
                            added: None,
                        }
                    });
                    // A listed day is kept; a day only the rules gave is confirmed by
                    // the list, and takes its source and words.
                    for event in events {
                        let computed_or_new = listed
                            .get(&event.date)
                            .is_none_or(|day| day.source == HolidaySource::Computed);
                        if computed_or_new {
                            listed.insert(event.date, listed_event(event));
                            basis.added = Some(basis.added.map_or(source, |a| a.max(source)));
                        }
                    }
                }
            }
        }
    }

    /// Back to the gov.uk feed shape, for saving merged data: every listed day except
    /// those worked out from the rules (which the rules give again), with its notes,
    /// so a substitute day stays one.
    pub fn to_feed(&self) -> Feed {
        Nation::ALL
            .into_iter()
            .map(|nation| {
                let events = self
                    .listed
                    .get(&nation)
                    .into_iter()
                    .flatten()
                    .filter(|(_, listed)| listed.source != HolidaySource::Computed)
                    .map(|(date, listed)| FeedEvent {
                        title: listed.title.clone(),
                        date: *date,
                        notes: listed.notes.clone(),
                        bunting: listed.bunting,
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

    /// The first and last year a list (rather than the rules alone) covers for
    /// `nation`. Years in between may still be computed: see [`Self::coverage`].
    pub fn covered_years(&self, nation: Nation) -> Option<(i16, i16)> {
        let years = self.years.get(&nation)?;
        Some((*years.keys().next()?, *years.keys().next_back()?))
    }

    /// Which years of `nation` come from where, in order, runs of alike years joined:
    /// e.g. 2018–2027 shipped, 2028 computed plus imported days, 2029 imported. Years
    /// before the first run and after the last are worked out from the rules.
    pub fn coverage(&self, nation: Nation) -> Vec<Coverage> {
        let mut runs: Vec<Coverage> = Vec::new();
        let Some(years) = self.years.get(&nation) else {
            return runs;
        };
        for (year, basis) in years {
            if let Some(gap_from) = runs.last().map(|run| run.last + 1)
                && gap_from < *year
            {
                runs.push(Coverage {
                    first: gap_from,
                    last: year - 1,
                    source: HolidaySource::Computed,
                    added: None,
                });
            }
            match runs.last_mut() {
                Some(run)
                    if run.last + 1 == *year
                        && run.source == basis.source
                        && run.added == basis.added =>
                {
                    run.last = *year;
                }
                _ => runs.push(Coverage {
                    first: *year,
                    last: *year,
                    source: basis.source,
                    added: basis.added,
                }),
            }
        }
        runs
    }

    fn is_listed(&self, nation: Nation, year: i16) -> bool {
        self.years
            .get(&nation)
            .is_some_and(|years| years.contains_key(&year))
    }

    /// The bank holiday on `date` in `nation`, if there is one.
    pub fn on(&self, nation: Nation, date: Date) -> Option<Holiday> {
        if self.is_listed(nation, date.year()) {
            self.listed.get(&nation)?.get(&date).map(Listed::holiday)
        } else {
            rule_holidays(nation, date.year())
                .into_iter()
                .find(|rule| rule.date == date)
                .map(|rule| rule.listed().holiday())
        }
    }

    /// Every holiday of `nation` from `first` to `last` inclusive, in order.
    pub fn between(&self, nation: Nation, first: Date, last: Date) -> Vec<(Date, Holiday)> {
        let mut found = Vec::new();
        for year in first.year()..=last.year() {
            if self.is_listed(nation, year) {
                if let Some(listed) = self.listed.get(&nation) {
                    for (date, day) in listed.range(Date::new(year, 1, 1).unwrap_or(first)..) {
                        if date.year() != year {
                            break;
                        }
                        found.push((*date, day.holiday()));
                    }
                }
            } else {
                for rule in rule_holidays(nation, year) {
                    found.push((rule.date, rule.listed().holiday()));
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

/// Whether `dates` — one nation's feed events — hold the whole of `year` for it.
///
/// The test: at least as many days in `year` as the statutory rules give it, and a
/// day in every month in which the rules put one (with their substitute days, so a
/// St Andrew's Day moved into December counts for December).
///
/// Why not "every rule date present"? Proclamations move days (Early May to Fri 8 May
/// in 2020, Spring to Thu 2 June in 2022), and a year with a moved day is exactly the
/// one that must replace the rules. Why not titles? gov.uk varies them ("Early May
/// bank holiday (VE day)", typographic apostrophes), and the facts say to match on
/// dates. gov.uk publishes whole years, so a genuine list passes: moved days have so
/// far stayed in a month that keeps a holiday, and extra days only add. A partial
/// list — one day, a hand-made file, a window cut short — has fewer days than the
/// rules or misses a month they fill (January and December always hold one), and is
/// then only added to. If a genuine year ever failed the test, the cost is that an
/// old date is kept beside the new one, never that a holiday disappears.
pub fn holds_whole_year(nation: Nation, year: i16, dates: &[Date]) -> bool {
    let days: BTreeSet<Date> = dates.iter().filter(|d| d.year() == year).copied().collect();
    let rules = rule_holidays(nation, year);
    days.len() >= rules.len()
        && rules
            .iter()
            .all(|rule| days.iter().any(|day| day.month() == rule.date.month()))
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones
/// and Butcher).
#[expect(
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

/// A holiday the statutory rules give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RuleHoliday {
    pub date: Date,
    /// The holiday's own name, without "(substitute day)".
    pub title: &'static str,
    /// The weekday standing in for the holiday when it falls at a weekend.
    pub substitute: bool,
}

impl RuleHoliday {
    fn listed(self) -> Listed {
        Listed {
            title: self.title.to_owned(),
            notes: if self.substitute {
                "Substitute day".to_owned()
            } else {
                String::new()
            },
            bunting: true,
            source: HolidaySource::Computed,
        }
    }
}

/// The regular bank holidays of `nation` in `year` by statute and custom, with
/// substitute days: a holiday at a weekend moves to the next weekday that is not
/// already a holiday (so Christmas on a Saturday gives Mon 27 and Tue 28 December).
pub fn rule_holidays(nation: Nation, year: i16) -> Vec<RuleHoliday> {
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

    let rule = |(date, title): (Date, &'static str), substitute| RuleHoliday {
        date,
        title,
        substitute,
    };
    let mut holidays: Vec<RuleHoliday> = movable.into_iter().map(|m| rule(m, false)).collect();
    holidays.extend(
        fixed
            .iter()
            .filter(|(date, _)| !is_weekend(*date))
            .map(|f| rule(*f, false)),
    );
    fixed.sort();
    for (date, title) in fixed.into_iter().filter(|(date, _)| is_weekend(*date)) {
        let mut substitute = date;
        while is_weekend(substitute) || holidays.iter().any(|taken| taken.date == substitute) {
            substitute = substitute.tomorrow().unwrap_or(substitute);
        }
        holidays.push(rule((substitute, title), true));
    }
    holidays.sort();
    holidays
}

/// [`rule_holidays`] as (date, name) pairs, the name without "(substitute day)".
pub fn computed_for_year(nation: Nation, year: i16) -> Vec<(Date, &'static str)> {
    rule_holidays(nation, year)
        .into_iter()
        .map(|rule| (rule.date, rule.title))
        .collect()
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
    fn a_partial_newer_feed_adds_its_days_and_removes_none() {
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
        let christmas = holidays
            .on(Nation::EnglandAndWales, date(2028, 12, 25))
            .expect("two days of 2028 are not the whole year: Christmas stays");
        assert_eq!(christmas.source, HolidaySource::Computed);
        assert_eq!(
            holidays.coverage(Nation::EnglandAndWales),
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
                    added: Some(HolidaySource::Imported)
                },
            ]
        );
        // The saved form keeps the imported days only (the rules give the rest again),
        // and a substitute day stays one.
        let saved = holidays.to_feed();
        let substitute = saved["england-and-wales"]
            .events
            .iter()
            .find(|e| e.date == date(2028, 1, 3))
            .expect("kept");
        assert_eq!(substitute.notes, "Substitute day");
        assert!(
            !saved["england-and-wales"]
                .events
                .iter()
                .any(|e| e.date == date(2028, 12, 25))
        );
        assert_eq!(
            holidays
                .on(Nation::EnglandAndWales, date(2028, 1, 3))
                .map(|h| h.title),
            Some("New Year’s Day (substitute day)".to_owned())
        );
    }

    #[test]
    fn shipped_and_computed_substitute_days_are_labelled() {
        let holidays = Holidays::shipped();
        let shipped = holidays
            .on(Nation::EnglandAndWales, date(2026, 12, 28))
            .expect("Boxing Day substitute 2026");
        assert_eq!(shipped.title, "Boxing Day (substitute day)");
        assert!(shipped.substitute);
        assert_eq!(shipped.source, HolidaySource::Shipped);
        let christmas = holidays
            .on(Nation::EnglandAndWales, date(2026, 12, 25))
            .expect("Christmas 2026");
        assert_eq!(christmas.title, "Christmas Day");
        let computed = holidays
            .on(Nation::Scotland, date(2030, 12, 2))
            .expect("St Andrew's Day 2030 falls on a Saturday");
        assert_eq!(computed.title, "St Andrew’s Day (substitute day)");
        assert_eq!(computed.source, HolidaySource::Computed);
        let in_range: Vec<String> = holidays
            .between(
                Nation::EnglandAndWales,
                date(2032, 12, 24),
                date(2032, 12, 31),
            )
            .into_iter()
            .map(|(_, h)| h.title)
            .collect();
        assert_eq!(
            in_range,
            [
                "Christmas Day (substitute day)",
                "Boxing Day (substitute day)"
            ]
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
