//! A horizontal bar chart of places and free places, drawn as inline SVG by our own code.
//!
//! Each row is a label on its own line with two bars under it (places, then free places), so
//! labels never have to be squeezed beside the bars on a phone. The SVG scales to the width of
//! its container (CSS `width: 100%`), uses presentation attributes only (no inline styles, for a
//! strict CSP) and is one `role="img"` with a summary; the table after it carries the figures
//! for screen readers.

use yew::prelude::*;

use crate::i18n::{capacity_chart_summary, capacity_texts, number, Lang};

/// Colour of the places bars: the app's accent (7:1 against white).
pub const PLACES_FILL: &str = "#005a9c";
/// Colour of the free-places bars: dark orange (5.8:1 against white), apart from blue also for
/// colour-blind readers.
pub const FREE_FILL: &str = "#a64b00";
const TEXT_FILL: &str = "#1a1a1a";

const WIDTH: u32 = 340;
/// Widest bar; the rest of the width holds the number after it.
const BAR_MAX: f64 = 250.0;
/// Longer labels are cut with an ellipsis so they fit the width (bold 13-unit text of wide
/// letters, such as a legal basis with its description, takes about 8.5 units a character);
/// the table has them in full.
const LABEL_MAX_CHARS: usize = 38;
const LEGEND_HEIGHT: u32 = 26;
const ROW_HEIGHT: u32 = 52;

/// One row of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartRow {
    pub label: String,
    pub places: u64,
    pub free: u64,
}

#[derive(Properties, PartialEq)]
pub struct CapacityChartProps {
    pub lang: Lang,
    /// What the chart shows, for its accessible summary.
    pub title: AttrValue,
    pub rows: Vec<ChartRow>,
}

/// Bar length for a value on a scale whose largest value is `max`.
pub fn bar_length(value: u64, max: u64) -> f64 {
    if max == 0 {
        0.0
    } else {
        (value as f64 / max as f64 * BAR_MAX).clamp(0.0, BAR_MAX)
    }
}

/// A label cut to [`LABEL_MAX_CHARS`] characters (with "…") so it fits the chart.
pub fn short_label(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_MAX_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The SVG chart.
#[function_component(CapacityChart)]
pub fn capacity_chart(props: &CapacityChartProps) -> Html {
    let lang = props.lang;
    let t = capacity_texts(lang);
    let max = props
        .rows
        .iter()
        .map(|r| r.places.max(r.free))
        .max()
        .unwrap_or(0);
    let height = LEGEND_HEIGHT + ROW_HEIGHT * props.rows.len() as u32;
    let summary = capacity_chart_summary(
        lang,
        &props.title,
        &props
            .rows
            .iter()
            .map(|r| (r.label.clone(), r.places, r.free))
            .collect::<Vec<_>>(),
    );
    let bar = |y: u32, value: u64, fill: &'static str| {
        let length = bar_length(value, max);
        html! {
            <>
                <rect x="0" y={y.to_string()} width={format!("{length:.1}")} height="11" fill={fill} />
                <text x={format!("{:.1}", length + 4.0)} y={(y + 10).to_string()} font-size="12" fill={TEXT_FILL}>
                    { number(lang, value as f64, 0) }
                </text>
            </>
        }
    };
    html! {
        <svg class="tf-chart" viewBox={format!("0 0 {WIDTH} {height}")} width={WIDTH.to_string()}
             height={height.to_string()} role="img" aria-label={summary} focusable="false">
            <rect x="0" y="4" width="12" height="12" fill={PLACES_FILL} />
            <text x="17" y="15" font-size="13" fill={TEXT_FILL}>{ t.legend_places }</text>
            <rect x="160" y="4" width="12" height="12" fill={FREE_FILL} />
            <text x="177" y="15" font-size="13" fill={TEXT_FILL}>{ t.legend_free }</text>
            { for props.rows.iter().enumerate().map(|(i, row)| {
                let top = LEGEND_HEIGHT + ROW_HEIGHT * i as u32;
                html! {
                    <g>
                        <text x="0" y={(top + 14).to_string()} font-size="13" font-weight="600" fill={TEXT_FILL}>
                            { short_label(&row.label) }
                        </text>
                        { bar(top + 20, row.places, PLACES_FILL) }
                        { bar(top + 34, row.free, FREE_FILL) }
                    </g>
                }
            }) }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_and_never_overflow() {
        assert_eq!(bar_length(0, 0), 0.0);
        assert_eq!(bar_length(50, 100), BAR_MAX / 2.0);
        assert_eq!(bar_length(100, 100), BAR_MAX);
        assert_eq!(bar_length(200, 100), BAR_MAX);
    }

    #[test]
    fn long_labels_are_cut_to_fit() {
        assert_eq!(short_label("Angst"), "Angst");
        let long = "Udviklingsforstyrrelse af sansemotoriske færdigheder";
        let short = short_label(long);
        assert_eq!(short.chars().count(), LABEL_MAX_CHARS);
        assert!(short.ends_with('…') && long.starts_with(short.trim_end_matches('…')));
    }
}
