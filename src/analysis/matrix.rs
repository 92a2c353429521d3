//! The priority matrix's geometry: which quadrant an opportunity's (impact, effort) is in, where
//! each opportunity's dot sits in plot coordinates (equal scores spread on a ring), how big a
//! dot is, which dot is under a pointer, and where each dot's label goes without covering
//! another. Plot coordinates run `[effort, impact]` from 0.5 to 5.5; sizes on screen are in
//! points, with `emath` geometry.
//!
//! The matrix panel (`crate::ui::review::matrix`) paints and hit-tests with these; an exporter that
//! draws the matrix would use the same.

use std::collections::BTreeMap;
use std::f64::consts::{FRAC_PI_2, TAU};

use emath::{Pos2, Rect, Vec2, vec2};

use crate::model::{Card, Id, JourneyMap, Opportunity};

/// Lowest impact or effort score.
pub const SCORE_MIN: u8 = 1;

/// Highest impact or effort score.
pub const SCORE_MAX: u8 = 5;

/// Smallest score that counts as *high*, on both axes (see [`quadrant`]).
pub const HIGH_FROM: u8 = 4;

/// Where the dividing lines are drawn on both axes: between 3 and 4, so that no dot ever sits
/// on a line and its shading always says which quadrant it is in.
pub const DIVIDER: f64 = 3.5;

/// Both axes run from 0.5 to 5.5: every score owns a whole cell, centred on its value.
pub const AXIS_RANGE: [f64; 2] = [0.5, 5.5];

/// Distance of two dots that share a cell from the cell's centre, in plot units (a cell is
/// 1 × 1); the ring widens by [`SPREAD_RADIUS_PER_DOT`] for each further dot.
const SPREAD_RADIUS: f64 = 0.2;

/// How much wider the ring gets for each dot beyond two, in plot units.
const SPREAD_RADIUS_PER_DOT: f64 = 0.025;

/// Up to this many dots sharing a cell sit on a ring; more fill a sunflower spiral.
const MAX_RING: usize = 8;

/// Outer radius of the sunflower spiral, in plot units: inside the cell's half-width of 0.5.
const SPIRAL_RADIUS: f64 = 0.42;

/// The golden angle, in radians: consecutive spiral dots never line up.
const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;

/// Radius of a dot without votes, in points.
const DOT_MIN_RADIUS: f32 = 5.0;

/// Growth of a dot's radius with the square root of its votes, so its *area* follows the votes.
const DOT_RADIUS_PER_SQRT_VOTE: f32 = 2.0;

/// Largest dot radius, in points, so a popular opportunity does not cover its neighbours.
const DOT_MAX_RADIUS: f32 = 16.0;

/// How far outside a dot a click or hover still counts, in points.
const HIT_SLOP: f32 = 4.0;

/// Space between a dot and its label, in points.
pub const LABEL_GAP: f32 = 4.0;

/// One of the four quadrants of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quadrant {
    /// High impact, low effort (top left): do these first.
    QuickWin,
    /// High impact, high effort (top right): worth planning.
    BigBet,
    /// Low impact, low effort (bottom left): when there is time.
    FillIn,
    /// Low impact, high effort (bottom right): think twice.
    MoneyPit,
}

impl Quadrant {
    /// All quadrants, in reading order (top left, top right, bottom left, bottom right).
    pub const ALL: [Self; 4] = [Self::QuickWin, Self::BigBet, Self::FillIn, Self::MoneyPit];

    /// The message key of the quadrant's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::QuickWin => "matrix-quick-wins",
            Self::BigBet => "matrix-big-bets",
            Self::FillIn => "matrix-fill-ins",
            Self::MoneyPit => "matrix-money-pits",
        }
    }

    /// The message key of the one-line advice for the quadrant.
    pub fn hint_key(self) -> &'static str {
        match self {
            Self::QuickWin => "matrix-quick-wins-hint",
            Self::BigBet => "matrix-big-bets-hint",
            Self::FillIn => "matrix-fill-ins-hint",
            Self::MoneyPit => "matrix-money-pits-hint",
        }
    }

    /// The part of the plot the quadrant covers, in plot coordinates: its effort range, then
    /// its impact range.
    pub fn area(self) -> ([f64; 2], [f64; 2]) {
        let [min, max] = AXIS_RANGE;
        let low = [min, DIVIDER];
        let high = [DIVIDER, max];
        match self {
            Self::QuickWin => (low, high),
            Self::BigBet => (high, high),
            Self::FillIn => (low, low),
            Self::MoneyPit => (high, low),
        }
    }
}

/// Whether an impact or effort score counts as high: 4 or 5.
pub fn is_high(score: u8) -> bool {
    score >= HIGH_FROM
}

/// The quadrant of an opportunity.
///
/// On both axes *high* means 4 or 5, so a 3 counts as low impact and as low effort: the
/// dividing lines are drawn at 3.5, between the values, never through a column or row of dots.
/// Lines at 3 would put every "3" dot on a line, and the reader would have to know a hidden
/// rule to tell its quadrant; here the shading under a dot always answers. The rule is also the
/// one a product owner states without thinking: "high is 4 or 5". Its consequences are the
/// cautious ones: a medium/medium idea is a fill-in (not a quick win, not a money pit), a quick
/// win needs clearly high impact (4–5) and at most medium effort (1–3), and a big bet or a
/// money pit needs clearly high effort (4–5). Scores outside 1–5 count as their nearest end.
pub fn quadrant(impact: u8, effort: u8) -> Quadrant {
    match (is_high(impact), is_high(effort)) {
        (true, false) => Quadrant::QuickWin,
        (true, true) => Quadrant::BigBet,
        (false, false) => Quadrant::FillIn,
        (false, true) => Quadrant::MoneyPit,
    }
}

/// Offsets from a cell's centre, in plot units, for `count` opportunities with the same impact
/// and effort, so none hides another: one sits in the centre; up to eight sit on a small ring
/// starting at the top and going clockwise; more fill a sunflower spiral. All stay inside the
/// cell (less than 0.5 from its centre on both axes) and no two are equal.
pub fn spread(count: usize) -> Vec<[f64; 2]> {
    match count {
        0 => Vec::new(),
        1 => vec![[0.0, 0.0]],
        2..=MAX_RING => {
            let radius = SPREAD_RADIUS + SPREAD_RADIUS_PER_DOT * (count - 2) as f64;
            (0..count)
                .map(|i| {
                    let angle = FRAC_PI_2 - TAU * i as f64 / count as f64;
                    [radius * angle.cos(), radius * angle.sin()]
                })
                .collect()
        }
        _ => (0..count)
            .map(|i| {
                let radius = SPIRAL_RADIUS * ((i as f64 + 0.5) / count as f64).sqrt();
                let angle = FRAC_PI_2 - GOLDEN_ANGLE * i as f64;
                [radius * angle.cos(), radius * angle.sin()]
            })
            .collect(),
    }
}

/// Radius of an opportunity's dot, in points: bigger with more votes (area ∝ votes), within
/// sensible bounds.
pub fn dot_radius(votes: u32) -> f32 {
    (DOT_MIN_RADIUS + DOT_RADIUS_PER_SQRT_VOTE * (votes as f32).sqrt()).min(DOT_MAX_RADIUS)
}

/// Where every opportunity card of the map sits, in plot coordinates `[effort, impact]`:
/// on its scores, spread around them (see [`spread`]) when several share the same scores.
/// Ordered by cell, then by card id, so the same map always gives the same picture.
pub fn dot_positions(map: &JourneyMap) -> Vec<(Id, [f64; 2])> {
    dots(map)
        .into_iter()
        .map(|dot| (dot.card.id.clone(), dot.pos))
        .collect()
}

/// One opportunity as the matrix draws it.
pub struct Dot<'a> {
    /// The opportunity's card.
    pub card: &'a Card,
    /// Its scores and votes.
    pub opportunity: &'a Opportunity,
    /// `[effort, impact]` in plot coordinates, after spreading.
    pub pos: [f64; 2],
}

impl Dot<'_> {
    /// The quadrant the dot's scores put it in.
    pub fn quadrant(&self) -> Quadrant {
        quadrant(self.opportunity.impact, self.opportunity.effort)
    }
}

/// Every opportunity of the map with its place on the plot (see [`dot_positions`]).
pub fn dots(map: &JourneyMap) -> Vec<Dot<'_>> {
    let clamp = |score: u8| score.clamp(SCORE_MIN, SCORE_MAX);
    let mut cells: BTreeMap<(u8, u8), Vec<(&Card, &Opportunity)>> = BTreeMap::new();
    for (card, opportunity) in map.opportunities() {
        cells
            .entry((clamp(opportunity.effort), clamp(opportunity.impact)))
            .or_default()
            .push((card, opportunity));
    }
    let mut dots = Vec::new();
    for ((effort, impact), mut members) in cells {
        members.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        let offsets = spread(members.len());
        for ((card, opportunity), [dx, dy]) in members.into_iter().zip(offsets) {
            dots.push(Dot {
                card,
                opportunity,
                pos: [f64::from(effort) + dx, f64::from(impact) + dy],
            });
        }
    }
    dots
}

/// The dot under `pointer`: of the dots (centre and radius on screen) whose disc, widened by a
/// few points, contains the pointer, the one whose centre is nearest.
pub fn dot_at(dots_on_screen: &[(Pos2, f32)], pointer: Pos2) -> Option<usize> {
    dots_on_screen
        .iter()
        .enumerate()
        .map(|(i, (center, radius))| (i, center.distance(pointer), *radius))
        .filter(|(_, distance, radius)| *distance <= radius + HIT_SLOP)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _, _)| i)
}

/// Narrowest a label is cut to, in points: less would say nothing.
pub const MIN_LABEL_WIDTH: f32 = 48.0;

/// Where each dot's label goes, given the dots (centre and radius on screen), each label's
/// whole size, each dot's region (its quadrant on screen, inside the dividing lines) and what
/// else is written on the plot (`obstacles`: the quadrant names).
///
/// A label goes right of its dot, else left (left first when there is more room there), above
/// or below: whole on the first of these sides where it fits, else cut narrower (to fit its
/// quadrant, then to 60 %, then to [`MIN_LABEL_WIDTH`]). A spot is free when it lies inside
/// the dot's quadrant (a label never runs across a dividing line) and touches no other dot, no
/// obstacle and no label placed before. Bigger dots (more votes) choose first. Returns, per
/// dot, the label's rectangle (the caller cuts the text to its width with "…"); a label with no
/// free spot is left out (`None`) rather than drawn over others: in a crowded cell the dots
/// stay readable and the tooltip names each one.
pub fn place_labels(
    dots_on_screen: &[(Pos2, f32)],
    sizes: &[Vec2],
    regions: &[Rect],
    obstacles: &[Rect],
) -> Vec<Option<Rect>> {
    let discs: Vec<Rect> = dots_on_screen
        .iter()
        .map(|&(center, radius)| Rect::from_center_size(center, Vec2::splat(2.0 * radius)))
        .collect();
    let count = dots_on_screen.len().min(sizes.len()).min(regions.len());
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by(|&a, &b| dots_on_screen[b].1.total_cmp(&dots_on_screen[a].1));
    let mut placed: Vec<Option<Rect>> = vec![None; count];
    for index in order {
        let (center, radius) = dots_on_screen[index];
        let (full, region) = (sizes[index], regions[index]);
        let gap = radius + LABEL_GAP;
        let h = full.y;
        // Each side: the room there, and the label's rectangle at a width.
        let right_room = region.right() - (center.x + gap);
        let left_room = (center.x - gap) - region.left();
        let centred_room = 2.0 * (center.x - region.left()).min(region.right() - center.x);
        let right = |w: f32| Rect::from_min_size(center + vec2(gap, -h / 2.0), vec2(w, h));
        let left = |w: f32| Rect::from_min_size(center + vec2(-gap - w, -h / 2.0), vec2(w, h));
        let above = |w: f32| Rect::from_min_size(center + vec2(-w / 2.0, -gap - h), vec2(w, h));
        let below = |w: f32| Rect::from_min_size(center + vec2(-w / 2.0, gap), vec2(w, h));
        let mut sides: Vec<(f32, &dyn Fn(f32) -> Rect)> = vec![
            (right_room, &right),
            (left_room, &left),
            (centred_room, &above),
            (centred_room, &below),
        ];
        if right_room < full.x && left_room > right_room {
            sides.swap(0, 1);
        }
        let is_free = |rect: &Rect| {
            region.contains_rect(*rect)
                && !obstacles.iter().any(|other| other.intersects(*rect))
                && !placed.iter().flatten().any(|other| other.intersects(*rect))
                && !discs
                    .iter()
                    .enumerate()
                    .any(|(other, disc)| other != index && disc.intersects(*rect))
        };
        let least = MIN_LABEL_WIDTH.min(full.x);
        // The whole text on any side first; only then a cut one.
        let whole = sides
            .iter()
            .filter(|&&(room, _)| full.x <= room)
            .map(|&(_, spot)| spot(full.x))
            .find(|rect| is_free(rect));
        placed[index] = whole.or_else(|| {
            sides.iter().find_map(|&(room, spot)| {
                let fitted = full.x.min(room);
                [fitted, fitted * 0.6, least]
                    .into_iter()
                    .filter(|&w| w >= least && w <= room)
                    .map(spot)
                    .find(|rect| is_free(rect))
            })
        });
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> JourneyMap {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(name);
        crate::file::load(&path).expect("the sample loads").map
    }

    #[test]
    fn quadrants_follow_high_is_four_or_five() {
        use Quadrant::*;
        assert_eq!(quadrant(5, 1), QuickWin);
        assert_eq!(quadrant(4, 3), QuickWin);
        assert_eq!(quadrant(5, 5), BigBet);
        assert_eq!(quadrant(4, 4), BigBet);
        assert_eq!(quadrant(1, 1), FillIn);
        assert_eq!(quadrant(3, 3), FillIn, "medium/medium is a fill-in");
        assert_eq!(quadrant(3, 4), MoneyPit);
        assert_eq!(quadrant(1, 5), MoneyPit);
        // Out-of-range scores count as their nearest end.
        assert_eq!(quadrant(0, 0), FillIn);
        assert_eq!(quadrant(9, 9), BigBet);
        // Every score pair lands in the quadrant whose shaded area holds its cell's centre.
        for impact in SCORE_MIN..=SCORE_MAX {
            for effort in SCORE_MIN..=SCORE_MAX {
                let ([x0, x1], [y0, y1]) = quadrant(impact, effort).area();
                let (x, y) = (f64::from(effort), f64::from(impact));
                assert!(x0 < x && x < x1 && y0 < y && y < y1, "{impact} {effort}");
            }
        }
    }

    #[test]
    fn spread_points_are_distinct_and_stay_in_their_cell() {
        for count in 0..=60 {
            let offsets = spread(count);
            assert_eq!(offsets.len(), count);
            for (i, a) in offsets.iter().enumerate() {
                assert!(a[0].abs() < 0.45 && a[1].abs() < 0.45, "{count}: {a:?}");
                for b in &offsets[i + 1..] {
                    let distance = (a[0] - b[0]).hypot(a[1] - b[1]);
                    assert!(distance > 0.01, "{count}: {a:?} and {b:?} overlap");
                }
            }
        }
        assert_eq!(spread(1), vec![[0.0, 0.0]]);
        assert_eq!(spread(5), spread(5), "deterministic");
    }

    #[test]
    fn equal_scores_do_not_hide_each_other() {
        let mut map = sample("ecommerce-sneakers.ron");
        // Give every opportunity the same scores.
        for card in &mut map.cards {
            if let Some(opportunity) = &mut card.opportunity {
                opportunity.impact = 4;
                opportunity.effort = 2;
            }
        }
        let positions = dot_positions(&map);
        assert_eq!(positions.len(), map.opportunities().count());
        assert!(positions.len() >= 2);
        for (i, (_, a)) in positions.iter().enumerate() {
            assert!(
                (a[0] - 2.0).abs() < 0.5 && (a[1] - 4.0).abs() < 0.5,
                "{a:?}"
            );
            for (_, b) in &positions[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(
            positions,
            dot_positions(&map),
            "the same map, the same picture"
        );
    }

    #[test]
    fn dots_sit_on_their_scores_and_grow_with_votes() {
        let map = sample("ecommerce-sneakers.ron");
        for (id, [x, y]) in dot_positions(&map) {
            let opportunity = map
                .card(&id)
                .and_then(|c| c.opportunity.as_ref())
                .expect("an opportunity");
            assert!((x - f64::from(opportunity.effort)).abs() < 0.5);
            assert!((y - f64::from(opportunity.impact)).abs() < 0.5);
        }
        assert!(dot_radius(0) < dot_radius(1));
        assert!(dot_radius(3) < dot_radius(8));
        assert_eq!(dot_radius(10_000), DOT_MAX_RADIUS);
    }

    #[test]
    fn hit_test_picks_the_nearest_dot_within_reach() {
        let dots = [
            (Pos2::new(100.0, 100.0), 10.0),
            (Pos2::new(115.0, 100.0), 5.0),
        ];
        assert_eq!(dot_at(&dots, Pos2::new(101.0, 100.0)), Some(0));
        assert_eq!(dot_at(&dots, Pos2::new(113.0, 100.0)), Some(1));
        assert_eq!(
            dot_at(&dots, Pos2::new(100.0, 113.0)),
            Some(0),
            "within the slop"
        );
        assert_eq!(dot_at(&dots, Pos2::new(100.0, 130.0)), None);
        assert_eq!(dot_at(&[], Pos2::ZERO), None);
    }

    #[test]
    fn labels_avoid_other_dots_labels_and_the_edge() {
        let frame = Rect::from_min_max(Pos2::ZERO, Pos2::new(400.0, 300.0));
        let size = vec2(80.0, 14.0);
        let rects = |dots: &[(Pos2, f32)], obstacles: &[Rect]| -> Vec<Option<Rect>> {
            place_labels(
                dots,
                &vec![size; dots.len()],
                &vec![frame; dots.len()],
                obstacles,
            )
        };
        // A dot with a neighbour on its right: its label must not run over the neighbour.
        let pair = [
            (Pos2::new(100.0, 100.0), 8.0),
            (Pos2::new(150.0, 100.0), 8.0),
        ];
        let placed = rects(&pair, &[]);
        let (Some(rect_1), Some(rect_2)) = (placed[0], placed[1]) else {
            panic!("there is room for both labels: {placed:?}");
        };
        assert!(
            rect_2.min.x > 150.0,
            "the second label goes right: {placed:?}"
        );
        assert!(!rect_1.intersects(rect_2));
        let second_disc = Rect::from_center_size(pair[1].0, Vec2::splat(16.0));
        assert!(!rect_1.intersects(second_disc), "{placed:?}");
        // With room, the whole label is used, right of the dot.
        let placed = rects(&pair[..1], &[]);
        let rect = placed[0].expect("a label");
        assert_eq!(rect.size(), size);
        assert!(rect.min.x > 100.0);
        // A dot at the right edge puts its label on its left, inside the frame.
        let rect = rects(&[(Pos2::new(390.0, 50.0), 6.0)], &[])[0].expect("a label");
        assert!(frame.contains_rect(rect) && rect.max.x < 390.0, "{rect:?}");
        // Nor over the quadrant names.
        let name = Rect::from_min_size(Pos2::new(110.0, 90.0), vec2(60.0, 20.0));
        let rect = rects(&pair[..1], &[name])[0].expect("a label");
        assert!(!rect.intersects(name) && rect.max.x < 100.0, "{rect:?}");
        // In a crowd, the labels that are drawn cover no dot and no other label.
        let crowd: Vec<(Pos2, f32)> = spread(12)
            .into_iter()
            .map(|[dx, dy]| {
                (
                    Pos2::new(200.0 + 100.0 * dx as f32, 150.0 - 80.0 * dy as f32),
                    9.0,
                )
            })
            .collect();
        let placed = rects(&crowd, &[]);
        assert!(placed.iter().any(Option::is_some));
        for (i, rect) in placed.iter().enumerate() {
            let Some(rect) = rect else { continue };
            for (j, &(center, radius)) in crowd.iter().enumerate() {
                let disc = Rect::from_center_size(center, Vec2::splat(2.0 * radius));
                assert!(!rect.intersects(disc), "label {i} covers dot {j}");
            }
            for other in placed[i + 1..].iter().flatten() {
                assert!(!rect.intersects(*other), "labels overlap");
            }
        }
    }

    #[test]
    fn labels_stay_inside_their_quadrant() {
        // A plot 500 wide: effort 0.5–5.5 left to right, the dividing line at 3.5 (x = 300).
        let frame = Rect::from_min_max(Pos2::ZERO, Pos2::new(500.0, 250.0));
        let divider_x = 300.0;
        let quick_wins = Rect::from_min_max(frame.min, Pos2::new(divider_x - 2.0, 125.0));
        let big_bets = Rect::from_min_max(Pos2::new(divider_x + 2.0, 0.0), Pos2::new(500.0, 125.0));
        // Effort 3 (x = 250): a long label going right would cross the line at 300.
        let dots = [(Pos2::new(250.0, 60.0), 8.0), (Pos2::new(350.0, 60.0), 8.0)];
        let sizes = [vec2(180.0, 14.0), vec2(180.0, 14.0)];
        let placed = place_labels(&dots, &sizes, &[quick_wins, big_bets], &[]);
        let (Some(a), Some(b)) = (placed[0], placed[1]) else {
            panic!("both labels have room: {placed:?}");
        };
        assert!(quick_wins.contains_rect(a) && a.max.x < divider_x, "{a:?}");
        assert!(big_bets.contains_rect(b) && b.min.x > divider_x, "{b:?}");
        // The quick win's label went left, whole, where there is room for it.
        assert!(a.max.x < 250.0 && (a.width() - 180.0).abs() < 1e-3, "{a:?}");
        // No room anywhere for the whole text: cut to the quadrant, never across the line.
        let tight = Rect::from_min_max(Pos2::new(200.0, 0.0), Pos2::new(298.0, 125.0));
        let placed = place_labels(&dots[..1], &sizes[..1], &[tight], &[]);
        let a = placed[0].expect("a cut label");
        assert!(tight.contains_rect(a), "{a:?}");
        assert!(a.width() < 180.0 && a.width() >= MIN_LABEL_WIDTH, "{a:?}");
        // A quadrant too small for even the shortest label: no label.
        let tiny = Rect::from_center_size(dots[0].0, vec2(40.0, 30.0));
        assert_eq!(place_labels(&dots[..1], &sizes[..1], &[tiny], &[]), [None]);
    }
}
