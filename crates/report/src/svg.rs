//! Horizontal stacked bar charts as SVG, drawn by our own code (no chart library, no script).
//!
//! Each chart is `role="img"` with an accessible name; the page puts the same figures in a table
//! right after it, which is what a screen reader reads. Colours reach 3:1 against white (WCAG
//! 1.4.11) and every segment also has a text value in its tooltip (`<title>`).

use std::fmt::Write;

use crate::escape::escape;
use crate::lang::{number, Lang};

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

/// The chart's width in user units: about a phone's content width, so that at 375 px the text
/// (13 units) is drawn at about 12–13 px, and wider screens cap it by CSS.
pub const WIDTH: u32 = 340;
const BAR_WIDTH: u32 = 280;
/// Font size of labels and legend, in user units.
pub const FONT_SIZE: u32 = 13;

/// Draws a stacked horizontal bar chart, scaled to the longest bar: each row's label on its own
/// line above its bar (labels are never squeezed beside bars on a phone), the total after the
/// bar, and the legend in one column under the bars.
pub fn stacked_bars(lang: Lang, title: &str, series: &[&str], bars: &[Bar<'_>]) -> String {
    const ROW: u32 = 44;
    const LEGEND_ROW: u32 = 20;
    let height = 6 + bars.len() as u32 * ROW + 10 + series.len() as u32 * LEGEND_ROW;
    let max = bars
        .iter()
        .map(|b| b.values.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        escape(title)
    );
    for (row, bar) in bars.iter().enumerate() {
        let y = 6 + row as u32 * ROW;
        let _ = write!(
            svg,
            r##"<text x="0" y="{}" font-size="{FONT_SIZE}" font-weight="600" fill="#1b1b1b">{}</text>"##,
            y + 13,
            escape(bar.label)
        );
        let bar_y = y + 19;
        let mut x = 0.0;
        for (i, value) in bar.values.iter().enumerate() {
            if *value == 0 {
                continue;
            }
            let w = *value as f64 / max as f64 * f64::from(BAR_WIDTH);
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{bar_y}" width="{w:.1}" height="16" fill="{}"><title>{}: {}</title></rect>"#,
                PALETTE[i % PALETTE.len()],
                escape(series.get(i).copied().unwrap_or("")),
                value
            );
            x += w;
        }
        let total: u64 = bar.values.iter().sum();
        let _ = write!(
            svg,
            r##"<text x="{:.1}" y="{}" font-size="{FONT_SIZE}" fill="#1b1b1b">{}</text>"##,
            x + 4.0,
            bar_y + 13,
            number(lang, total)
        );
    }
    let legend_y = 6 + bars.len() as u32 * ROW + 10;
    for (i, name) in series.iter().enumerate() {
        let y = legend_y + i as u32 * LEGEND_ROW;
        let _ = write!(
            svg,
            r##"<rect x="0" y="{y}" width="13" height="13" fill="{}"/><text x="19" y="{}" font-size="{FONT_SIZE}" fill="#1b1b1b">{}</text>"##,
            PALETTE[i % PALETTE.len()],
            y + 11,
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
            Lang::Da,
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
        // The longest bar is 20: each of its halves is 140 wide; the other bar's only segment too.
        assert_eq!(svg.matches(r#"width="140.0""#).count(), 3);
        assert!(
            svg.contains(r#"viewBox="0 0 340 "#),
            "scales by its viewBox"
        );
    }
}
