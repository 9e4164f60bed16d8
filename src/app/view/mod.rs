//! View models: what each chart and table shows, computed in plain Rust
//! from the engine's summaries (scales, ticks, SVG paths, formatted numbers,
//! sentences). Components only map them to elements, so everything a
//! picture says is asserted here by native tests.

pub mod editor;
pub mod fan;
pub mod format;
pub mod funnel;
pub mod histogram;
pub mod key_numbers;
pub mod notes;
pub mod org_chart;
pub mod pair;
pub mod progress;
pub mod scale;
pub mod tornado;

/// Colour-blind-safe scenario colours (Okabe and Ito, 2008), in the order
/// scenarios are ticked; the baseline takes the first. Six, as at most six
/// scenarios are compared.
pub const SCENARIO_COLOURS: [&str; 6] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

/// The colour of the scenario at `index` in a comparison (baseline 0).
#[must_use]
pub fn scenario_colour(index: usize) -> &'static str {
    SCENARIO_COLOURS[index % SCENARIO_COLOURS.len()]
}

/// The pixel size a chart is drawn at. The page picks it from the screen
/// (narrow on a phone), so SVG text is drawn at its real size and never
/// scaled below 12 px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartSize {
    pub width: f64,
    pub height: f64,
}

impl ChartSize {
    /// A laptop or projector: the results column is about 880 px wide.
    pub const WIDE: ChartSize = ChartSize {
        width: 880.0,
        height: 360.0,
    };
    /// A phone held upright (390 px screen, less the page's padding).
    pub const NARROW: ChartSize = ChartSize {
        width: 350.0,
        height: 300.0,
    };

    /// The size for a page `viewport_width` CSS pixels wide.
    #[must_use]
    pub fn for_viewport(viewport_width: f64) -> Self {
        if viewport_width < 700.0 {
            Self::NARROW
        } else {
            Self::WIDE
        }
    }
}

/// The numbers behind a chart, as an HTML table ("show the numbers").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What every chart says in words: its accessible name and a one- or
/// two-sentence summary shown under it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartText {
    /// The `aria-label` of the `role="img"` SVG.
    pub label: String,
    pub summary: String,
}
