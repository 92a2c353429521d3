//! The counting behind [`super::metrics::Aggregator`], laid out for speed: every value that is
//! counted on (a touchpoint, a stage, a customer) is numbered once, the sums live in "cells"
//! (a touchpoint, a touchpoint in a month, a stage, a stage in a month),
//! and which cells each customer has been counted in is kept with the customer: a short list
//! of cell numbers, looked through in a few nanoseconds, that becomes a hash set for the rare
//! customer met in very many cells. One row then costs three small lookups and a look at one
//! customer's list, instead of a hash-set insert per distinct count.
//!
//! Memory grows with distinct customers, touchpoints, stages and months (the list of each
//! customer holds the cells it was counted in), never with the number of rows.

use rustc_hash::{FxHashMap, FxHashSet};

use super::rows::EventRow;

/// A calendar month as a sortable key: `year * 12 + month - 1`.
pub type Month = i32;

/// The month of a timestamp.
pub fn month_of(t: jiff::civil::DateTime) -> Month {
    i32::from(t.year()) * 12 + i32::from(t.month()) - 1
}

/// What a cell counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// One touchpoint value, every row.
    Touchpoint,
    /// One touchpoint value in one month.
    TouchpointMonth,
    /// One stage value, every row.
    Stage,
    /// One stage value in one month.
    StageMonth,
    /// The customers who converted on a row of one month (no sums, only membership).
    ConvertedIn,
}

/// Sums over the rows of one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// What it counts.
    pub kind: Kind,
    /// The touchpoint or stage number (0 for the conversions of a month).
    pub subject: u32,
    /// The month, for the per-month kinds.
    pub month: Month,
    /// Rows.
    pub events: u64,
    /// Distinct customers.
    pub customers: u64,
    /// Sum of the CSAT answers.
    pub csat_sum: f64,
    /// CSAT answers.
    pub csat_n: u64,
    /// NPS answers 9–10.
    pub promoters: u64,
    /// NPS answers 0–6.
    pub detractors: u64,
    /// NPS answers.
    pub nps_n: u64,
}

impl Cell {
    fn new(kind: Kind, subject: u32, month: Month) -> Self {
        Self {
            kind,
            subject,
            month,
            events: 0,
            customers: 0,
            csat_sum: 0.0,
            csat_n: 0,
            promoters: 0,
            detractors: 0,
            nps_n: 0,
        }
    }

    fn add(&mut self, csat: Option<f64>, nps: Option<f64>) {
        self.events += 1;
        if let Some(csat) = csat {
            self.csat_sum += csat;
            self.csat_n += 1;
        }
        if let Some(nps) = nps {
            self.nps_n += 1;
            if nps >= 9.0 {
                self.promoters += 1;
            } else if nps <= 6.0 {
                self.detractors += 1;
            }
        }
    }
}

/// How many cells a customer keeps in place, before a list of its own.
const INLINE: usize = 13;

/// How many cells a customer's list holds before it becomes a hash set.
const SHORT: usize = 64;

/// The cells one customer has been counted in.
#[derive(Clone, Debug)]
pub enum Seen {
    /// Up to [`INLINE`] cells in place (no allocation for most customers).
    Inline(u8, [u32; INLINE]),
    /// A longer list, looked through.
    Few(Vec<u32>),
    /// Many cells.
    Many(FxHashSet<u32>),
}

impl Default for Seen {
    fn default() -> Self {
        Seen::Inline(0, [0; INLINE])
    }
}

impl Seen {
    /// Adds `cell`; whether it was not there yet.
    pub fn insert(&mut self, cell: u32) -> bool {
        match self {
            Seen::Inline(len, cells) => {
                let n = usize::from(*len);
                if cells[..n].contains(&cell) {
                    return false;
                }
                if n < INLINE {
                    cells[n] = cell;
                    *len += 1;
                } else {
                    let mut list = Vec::with_capacity(INLINE * 2);
                    list.extend_from_slice(cells);
                    list.push(cell);
                    *self = Seen::Few(list);
                }
                true
            }
            Seen::Few(list) => {
                if list.contains(&cell) {
                    return false;
                }
                if list.len() < SHORT {
                    list.push(cell);
                } else {
                    let mut set: FxHashSet<u32> = list.iter().copied().collect();
                    set.insert(cell);
                    *self = Seen::Many(set);
                }
                true
            }
            Seen::Many(set) => set.insert(cell),
        }
    }

    /// Whether `cell` is there.
    pub fn contains(&self, cell: u32) -> bool {
        match self {
            Seen::Inline(len, cells) => cells[..usize::from(*len)].contains(&cell),
            Seen::Few(list) => list.contains(&cell),
            Seen::Many(set) => set.contains(&cell),
        }
    }

    /// Every cell, in no particular order.
    pub fn cells(&self) -> Box<dyn Iterator<Item = u32> + '_> {
        match self {
            Seen::Inline(len, cells) => Box::new(cells[..usize::from(*len)].iter().copied()),
            Seen::Few(list) => Box::new(list.iter().copied()),
            Seen::Many(set) => Box::new(set.iter().copied()),
        }
    }
}

/// A customer id as a key: short ones (nearly all) kept in place, so that looking one up
/// reads no other memory and numbering one allocates nothing.
#[derive(Clone, Debug)]
enum Id {
    Short(u8, [u8; 22]),
    Long(Box<str>),
}

impl Id {
    fn new(id: &str) -> Self {
        let bytes = id.as_bytes();
        let mut short = [0u8; 22];
        match short.get_mut(..bytes.len()) {
            Some(place) => {
                place.copy_from_slice(bytes);
                Id::Short(bytes.len() as u8, short)
            }
            None => Id::Long(id.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Made from a `&str` of this length, so always text.
            Id::Short(len, bytes) => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or(""),
            Id::Long(text) => text,
        }
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Id {}

impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

/// One customer: converted on any row, and the cells counted in.
#[derive(Clone, Debug, Default)]
pub struct Customer {
    /// Converted on a row of the file.
    pub converted: bool,
    /// The cells this customer is counted in.
    pub seen: Seen,
}

/// Text values numbered in the order first met.
#[derive(Clone, Debug, Default)]
pub struct Names {
    numbers: FxHashMap<Box<str>, u32>,
    /// The values by number.
    pub values: Vec<Box<str>>,
    /// The cell of each value over every row, by number.
    pub cells: Vec<u32>,
}

/// Every count of an import so far.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    customer_ids: FxHashMap<Id, u32>,
    /// By customer number.
    pub customers: Vec<Customer>,
    /// Whether any row said whether its customer converted.
    pub has_conversion: bool,
    /// The touchpoint values.
    pub touchpoints: Names,
    /// The stage values.
    pub stages: Names,
    /// Every cell, by number.
    pub cells: Vec<Cell>,
    /// (kind, subject, month) → cell, for the per-month kinds.
    month_cells: FxHashMap<(Kind, u32, Month), u32>,
    /// All rows: the sums (its `customers` is left 0: every customer counts).
    pub overall: Cell,
}

impl Default for Cell {
    fn default() -> Self {
        Cell::new(Kind::ConvertedIn, 0, 0)
    }
}

impl Tally {
    /// Counts one event row.
    pub fn add(&mut self, row: &EventRow<'_>) {
        let customer = self.customer_number(row.customer);
        let month = row.timestamp.map(month_of);
        let touchpoint = self.name(false, row.touchpoint);
        let stage = row.stage.map(|s| self.name(true, s));
        let tp_month = month.map(|m| self.month_cell(Kind::TouchpointMonth, touchpoint, m));
        let stage_month = match (stage, month) {
            (Some(s), Some(m)) => Some(self.month_cell(Kind::StageMonth, s, m)),
            _ => None,
        };
        let converted_in = match (row.converted, month) {
            (Some(true), Some(m)) => Some(self.month_cell(Kind::ConvertedIn, 0, m)),
            _ => None,
        };
        let tp_cell = self.touchpoints.cells[touchpoint as usize];
        let stage_cell = stage.map(|s| self.stages.cells[s as usize]);

        for cell in [Some(tp_cell), tp_month].into_iter().flatten() {
            self.cells[cell as usize].add(row.csat, row.nps);
        }
        self.overall.add(row.csat, row.nps);
        if row.converted.is_some() {
            self.has_conversion = true;
        }
        let Some(who) = self.customers.get_mut(customer as usize) else {
            return;
        };
        if row.converted == Some(true) {
            who.converted = true;
        }
        let mut first = |cell: u32, cells: &mut [Cell]| {
            let new = who.seen.insert(cell);
            if new && let Some(c) = cells.get_mut(cell as usize) {
                c.customers += 1;
            }
            new
        };
        // Counted in a cell of a month means counted in the whole too: only a new month cell
        // can bring a new whole.
        if tp_month.is_none_or(|c| first(c, &mut self.cells)) {
            first(tp_cell, &mut self.cells);
        }
        if let Some(stage_cell) = stage_cell
            && stage_month.is_none_or(|c| first(c, &mut self.cells))
        {
            first(stage_cell, &mut self.cells);
        }
        if let Some(cell) = converted_in {
            first(cell, &mut self.cells);
        }
    }

    fn customer_number(&mut self, id: &str) -> u32 {
        if let Some(n) = self.customer_ids.get(id) {
            return *n;
        }
        let n = u32::try_from(self.customers.len()).unwrap_or(u32::MAX);
        self.customer_ids.insert(Id::new(id), n);
        self.customers.push(Customer::default());
        n
    }

    /// The number of a touchpoint (`stage`: a stage) value, numbered and given its cell when
    /// new.
    fn name(&mut self, stage: bool, value: &str) -> u32 {
        let names = if stage {
            &mut self.stages
        } else {
            &mut self.touchpoints
        };
        if let Some(n) = names.numbers.get(value) {
            return *n;
        }
        let n = u32::try_from(names.values.len()).unwrap_or(u32::MAX);
        names.numbers.insert(value.into(), n);
        names.values.push(value.into());
        let kind = if stage { Kind::Stage } else { Kind::Touchpoint };
        names.cells.push(new_cell(&mut self.cells, kind, n, 0));
        n
    }

    fn month_cell(&mut self, kind: Kind, subject: u32, month: Month) -> u32 {
        let cells = &mut self.cells;
        *self
            .month_cells
            .entry((kind, subject, month))
            .or_insert_with(|| new_cell(cells, kind, subject, month))
    }

    /// The cell of `kind`, `subject` and `month`, if any row made it.
    pub fn find_month_cell(&self, kind: Kind, subject: u32, month: Month) -> Option<u32> {
        self.month_cells.get(&(kind, subject, month)).copied()
    }

    /// Distinct customers.
    pub fn customer_count(&self) -> u64 {
        self.customers.len() as u64
    }
}

fn new_cell(cells: &mut Vec<Cell>, kind: Kind, subject: u32, month: Month) -> u32 {
    let n = u32::try_from(cells.len()).unwrap_or(u32::MAX);
    cells.push(Cell::new(kind, subject, month));
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customers_cells_become_a_set_past_the_short_list_and_stay_distinct() {
        let mut seen = Seen::default();
        for cell in 0..(SHORT as u32 * 3) {
            assert!(seen.insert(cell), "{cell} is new");
            assert!(!seen.insert(cell), "{cell} is not new twice");
        }
        assert!(matches!(seen, Seen::Many(_)));
        let mut few = Seen::default();
        for cell in 0..=(INLINE as u32) {
            few.insert(cell * 7);
        }
        assert!(matches!(few, Seen::Few(_)) && few.contains(INLINE as u32 * 7));
        assert!(!few.insert(0) && !few.contains(1));
        assert!(seen.contains(5) && !seen.contains(SHORT as u32 * 3));
        let mut all: Vec<u32> = seen.cells().collect();
        all.sort_unstable();
        assert_eq!(all, (0..SHORT as u32 * 3).collect::<Vec<_>>());
    }

    #[test]
    fn customer_ids_short_and_long_are_keys_of_their_text() {
        let mut map: FxHashMap<Id, u32> = FxHashMap::default();
        let long = "KH-2026-0000000000000000000001";
        map.insert(Id::new("KH000001"), 1);
        map.insert(Id::new(long), 2);
        map.insert(Id::new("Mã khách"), 3);
        assert_eq!(map.get("KH000001"), Some(&1));
        assert_eq!(map.get(long), Some(&2));
        assert_eq!(map.get("Mã khách"), Some(&3));
        assert_eq!(map.get("KH00000"), None);
        assert!(matches!(Id::new(long), Id::Long(_)));
    }

    #[test]
    fn a_row_counts_in_its_touchpoint_stage_and_month_cells_once_per_customer() {
        let when = Some(jiff::civil::date(2026, 3, 2).at(9, 0, 0, 0));
        let row = |customer, touchpoint| EventRow {
            customer,
            touchpoint,
            stage: Some("Aware"),
            timestamp: when,
            converted: Some(true),
            csat: Some(4.0),
            ..EventRow::default()
        };
        let mut tally = Tally::default();
        tally.add(&row("c1", "Web"));
        tally.add(&row("c1", "Web"));
        tally.add(&row("c2", "Web"));
        tally.add(&row("c2", "Zalo"));
        let web = &tally.cells[tally.touchpoints.cells[0] as usize];
        assert_eq!((web.events, web.customers, web.csat_n), (3, 2, 3));
        let march = month_of(jiff::civil::date(2026, 3, 1).at(0, 0, 0, 0));
        let web_march = tally.find_month_cell(Kind::TouchpointMonth, 0, march);
        let web_march = &tally.cells[web_march.unwrap_or(u32::MAX) as usize];
        assert_eq!((web_march.events, web_march.customers), (3, 2));
        let aware = &tally.cells[tally.stages.cells[0] as usize];
        assert_eq!((aware.events, aware.customers), (0, 2));
        assert_eq!((tally.overall.events, tally.customer_count()), (4, 2));
        assert!(tally.customers.iter().all(|c| c.converted));
    }
}
