//! One component per chart kind. Each takes a view model (from
//! `crate::app::view`) and draws it as SVG inside a [`ChartFrame`]; none
//! computes a scale, a quantile or a sentence itself.

mod frame;
pub(crate) mod parts;

pub mod difference;
pub mod fan;
pub mod funnel;
pub mod histogram;
pub mod org_chart;
pub mod payback;
pub mod tornado;

pub use frame::{ChartFrame, ChartFrameProps};
