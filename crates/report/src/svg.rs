//! Horizontal stacked bar charts as SVG, drawn by our own code (no chart library, no script).
//!
//! Each chart is `role="img"` with an accessible name; the page puts the same figures in a table
//! right after it, which is what a screen reader reads. Colours reach 3:1 against white (WCAG
//! 1.4.11) and every segment also has a text value in its tooltip (`<title>`).

use std::fmt::Write;

use crate::html::escape;

/// Colours for up to ten series, each at least 3:1 against white.
pub const PALETTE: [&str; 10] = [
    "#1a7f37", "#31688e", "#6a3d9a", "#b35806", "#b2182b", "#5c5c5c", "#8e0152", "#01665e",
    "#7a5c00", "#003f88",
];

/// One bar: a label and one value per series.
pub struct Bar<'a> {
    /// Row label.
    pub label: &'a str,
    /// Values, one per series.
    pub values: Vec<u64>,
}

/// Draws a stacked horizontal bar chart, scaled to the longest bar.
pub fn stacked_bars(title: &str, series: &[&str], bars: &[Bar<'_>]) -> String {
    const LABEL_WIDTH: u32 = 320;
    const BAR_WIDTH: u32 = 520;
    const LEGEND_COLUMN: u32 = 340;
    const ROW: u32 = 28;
    const LEGEND_ROW: u32 = 22;
    let legend_rows = series.len().div_ceil(2) as u32;
    let height = 10 + bars.len() as u32 * ROW + 14 + legend_rows * LEGEND_ROW;
    let width = LABEL_WIDTH + BAR_WIDTH + 70;
    let max = bars
        .iter()
        .map(|b| b.values.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        escape(title)
    );
    for (row, bar) in bars.iter().enumerate() {
        let y = 10 + row as u32 * ROW;
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="13" fill="#1b1b1b">{}</text>"##,
            LABEL_WIDTH - 8,
            y + 15,
            escape(bar.label)
        );
        let mut x = LABEL_WIDTH as f64;
        for (i, value) in bar.values.iter().enumerate() {
            if *value == 0 {
                continue;
            }
            let w = *value as f64 / max as f64 * f64::from(BAR_WIDTH);
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{y}" width="{w:.1}" height="20" fill="{}"><title>{}: {}</title></rect>"#,
                PALETTE[i % PALETTE.len()],
                escape(series.get(i).copied().unwrap_or("")),
                value
            );
            x += w;
        }
        let total: u64 = bar.values.iter().sum();
        let _ = write!(
            svg,
            r##"<text x="{:.1}" y="{}" font-size="13" fill="#1b1b1b">{total}</text>"##,
            x + 6.0,
            y + 15
        );
    }
    let legend_y = 10 + bars.len() as u32 * ROW + 14;
    for (i, name) in series.iter().enumerate() {
        let x = 10 + (i % 2) as u32 * LEGEND_COLUMN;
        let y = legend_y + (i / 2) as u32 * LEGEND_ROW;
        let _ = write!(
            svg,
            r##"<rect x="{x}" y="{y}" width="14" height="14" fill="{}"/><text x="{}" y="{}" font-size="13" fill="#1b1b1b">{}</text>"##,
            PALETTE[i % PALETTE.len()],
            x + 20,
            y + 12,
            escape(name)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_longest_and_labels_are_escaped() {
        let svg = stacked_bars(
            "Test <chart>",
            &["a", "b"],
            &[
                Bar {
                    label: "<script>",
                    values: vec![10, 10],
                },
                Bar {
                    label: "half",
                    values: vec![10, 0],
                },
            ],
        );
        assert!(svg.contains("aria-label=\"Test &lt;chart&gt;\""));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(!svg.contains("<script>"));
        // The longest bar is 20: each of its halves is 260 wide; the other bar's only segment too.
        assert_eq!(svg.matches(r#"width="260.0""#).count(), 3);
    }
}
