//! Curve maths for the emotion curve: a smooth line through the points that never overshoots.

/// Samples a monotone cubic (Fritsch–Carlson) through `points`, which must be sorted by x.
///
/// Between two neighbouring points the curve stays within their y range, so a curve through
/// scores in −2..=+2 never leaves that band, and a flat stretch stays flat. Returns the points
/// themselves when there are fewer than three; `samples_per_segment` points per interval
/// otherwise (plus the last point).
pub fn monotone_curve(points: &[(f32, f32)], samples_per_segment: usize) -> Vec<(f32, f32)> {
    let n = points.len();
    if n < 3 || samples_per_segment == 0 {
        return points.to_vec();
    }
    let secants: Vec<f32> = points
        .windows(2)
        .map(|w| {
            let dx = w[1].0 - w[0].0;
            if dx.abs() < f32::EPSILON {
                0.0
            } else {
                (w[1].1 - w[0].1) / dx
            }
        })
        .collect();
    let mut tangents = vec![0.0_f32; n];
    tangents[0] = secants[0];
    tangents[n - 1] = secants[n - 2];
    for i in 1..n - 1 {
        tangents[i] = if secants[i - 1] * secants[i] <= 0.0 {
            0.0
        } else {
            (secants[i - 1] + secants[i]) / 2.0
        };
    }
    for i in 0..n - 1 {
        if secants[i].abs() < f32::EPSILON {
            tangents[i] = 0.0;
            tangents[i + 1] = 0.0;
            continue;
        }
        let a = tangents[i] / secants[i];
        let b = tangents[i + 1] / secants[i];
        let h = a.hypot(b);
        if h > 3.0 {
            let t = 3.0 / h;
            tangents[i] = t * a * secants[i];
            tangents[i + 1] = t * b * secants[i];
        }
    }
    let mut out = Vec::with_capacity((n - 1) * samples_per_segment + 1);
    for i in 0..n - 1 {
        let (x0, y0) = points[i];
        let (x1, y1) = points[i + 1];
        let dx = x1 - x0;
        for k in 0..samples_per_segment {
            #[expect(clippy::cast_precision_loss, reason = "small sample counts")]
            let t = k as f32 / samples_per_segment as f32;
            let (t2, t3) = (t * t, t * t * t);
            let h00 = 2.0 * t3 - 3.0 * t2 + 1.0;
            let h10 = t3 - 2.0 * t2 + t;
            let h01 = -2.0 * t3 + 3.0 * t2;
            let h11 = t3 - t2;
            let y = h00 * y0 + h10 * dx * tangents[i] + h01 * y1 + h11 * dx * tangents[i + 1];
            out.push((x0 + t * dx, y));
        }
    }
    out.push(points[n - 1]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_through_points_and_never_overshoots() {
        let pts = [(0.0, -2.0), (1.0, 2.0), (2.0, 2.0), (3.0, -2.0), (4.0, 0.5)];
        let curve = monotone_curve(&pts, 16);
        for p in pts {
            assert!(
                curve
                    .iter()
                    .any(|c| (c.0 - p.0).abs() < 1e-6 && (c.1 - p.1).abs() < 1e-5)
            );
        }
        assert!(
            curve.iter().all(|c| (-2.0..=2.0).contains(&c.1)),
            "{curve:?}"
        );
        // The flat stretch between the two maxima stays flat.
        assert!(
            curve
                .iter()
                .filter(|c| (1.0..=2.0).contains(&c.0))
                .all(|c| (c.1 - 2.0).abs() < 1e-5)
        );
    }

    #[test]
    fn short_inputs_are_returned_as_is() {
        assert_eq!(monotone_curve(&[], 8), vec![]);
        assert_eq!(monotone_curve(&[(0.0, 1.0), (1.0, 0.0)], 8).len(), 2);
    }
}
