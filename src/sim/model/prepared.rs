//! A scenario made ready to run, and the parameter values of each run.

use super::calendar::Calendar;
use super::derived::Derived;
use crate::sim::params::{CATALOGUE, P, Values};
use crate::sim::rng::{Mechanism, stream};
use crate::sim::scenario::Scenario;
use crate::sim::uncertain::Uncertain;

/// A scenario made ready to run: its parameter table (fixed values and distributions).
#[derive(Clone, Debug)]
pub struct Prepared {
    pub scenario: Scenario,
    table: Vec<Uncertain>,
    /// Values, derived constants and the calendar when no parameter is
    /// uncertain, so runs skip recomputing them.
    pub(super) fixed: Option<(Values, Derived, Calendar)>,
}

impl Prepared {
    #[must_use]
    pub fn new(scenario: &Scenario) -> Self {
        Prepared::from_table(scenario.clone(), scenario.parameter_table())
    }

    fn from_table(scenario: Scenario, table: Vec<Uncertain>) -> Self {
        let mut prepared = Prepared {
            scenario,
            table,
            fixed: None,
        };
        if prepared.table.iter().all(Uncertain::is_fixed) {
            let values = prepared.values(0, 0);
            let derived = Derived::new(&values);
            let calendar = Calendar::new(&prepared.scenario, &values, &derived);
            prepared.fixed = Some((values, derived, calendar));
        }
        prepared
    }

    /// The same scenario with one parameter pinned (used by the sensitivity tornado).
    #[must_use]
    pub fn pinned(&self, id: P, value: f64) -> Self {
        let mut table = self.table.clone();
        table[id as usize] = Uncertain::Fixed(value);
        Prepared::from_table(self.scenario.clone(), table)
    }

    #[must_use]
    pub fn table(&self) -> &[Uncertain] {
        &self.table
    }

    /// Parameter values of one run. An uncertain parameter is drawn from its
    /// own sub-stream (seed, run, parameter), so every scenario sharing the
    /// seed sees the same draw for it (common random numbers).
    #[must_use]
    pub fn values(&self, seed: u64, run: u64) -> Values {
        let mut values = Values::defaults();
        for (index, shape) in self.table.iter().enumerate() {
            let spec = &CATALOGUE[index];
            let value = if let Uncertain::Fixed(x) = shape {
                *x
            } else {
                let mut rng = stream(seed, run, index as u32, Mechanism::Parameters);
                shape.sample(&mut rng, spec.min, spec.max)
            };
            values.0[index] = if spec.integer { value.round() } else { value };
        }
        values
    }
}
