//! Reading a scenario file: every problem is reported at once, each naming
//! the field path, the allowed range and the value given, e.g.
//! `roles.sdr.ramp_months: must be between 0 and 24 months, got 40`.
//! Unknown fields are rejected by name. Nothing here can panic on any JSON.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};

use super::params::{CATALOGUE, P, ParamSpec};
use super::scenario::{
    DEFAULT_MONTHS, Headcount, LeadGeneration, MAX_HEADCOUNT, MAX_MONTHS, MIN_MONTHS, PlannedHire, Restructuring, Role,
    SCHEMA_VERSION, Scenario, Selling, Serving, Structure, Switches,
};
use super::uncertain::Uncertain;

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem found in a scenario, in document order.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// Parses and validates scenario JSON text.
///
/// # Errors
/// Every problem at once: JSON syntax, unknown fields, wrong types, values
/// outside their allowed range, and structures missing a role they need.
pub fn parse_scenario(text: &str) -> Result<Scenario, ValidationErrors> {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => scenario_from_value(&value),
        Err(error) => Err(ValidationErrors(vec![FieldError {
            path: "(file)".into(),
            message: format!("is not valid JSON: {error}"),
        }])),
    }
}

/// Validates an already parsed JSON value.
///
/// # Errors
/// As [`parse_scenario`].
pub fn scenario_from_value(value: &Value) -> Result<Scenario, ValidationErrors> {
    let mut reader = Reader::default();
    let scenario = reader.scenario(value);
    if let Some(scenario) = &scenario {
        reader.sales_cycle_fits(scenario);
    }
    match scenario {
        Some(scenario) if reader.errors.is_empty() => Ok(scenario),
        _ => Err(ValidationErrors(reader.errors)),
    }
}

/// Checks a scenario built in code (presets, the app's editor) against the
/// same rules as a file.
///
/// # Errors
/// As [`parse_scenario`].
pub fn validate(scenario: &Scenario) -> Result<(), ValidationErrors> {
    scenario_from_value(&scenario_to_json(scenario)).map(|_| ())
}

const TOP_LEVEL: &[&str] = &[
    "schema",
    "name",
    "description",
    "months",
    "structure",
    "switches",
    "restructuring",
    "hiring_plan",
];

/// The top-level parameter sections, from the catalogue paths.
fn parameter_sections() -> Vec<&'static str> {
    let mut sections: Vec<&str> = CATALOGUE.iter().filter_map(|s| s.path.split('.').next()).collect();
    sections.dedup();
    sections.sort_unstable();
    sections.dedup();
    sections
}

#[derive(Default)]
struct Reader {
    errors: Vec<FieldError>,
}

impl Reader {
    /// The sales cycle's parameters must agree with one another: a slowest
    /// tenth faster than the mean has no meaning, and a shelf life shorter
    /// than the mean cycle closes most opportunities as lost before they
    /// are decided. Judged on central values (sampled ones are clamped in
    /// the model, see `derived::cycle_hazard`).
    fn sales_cycle_fits(&mut self, scenario: &Scenario) {
        let table = scenario.parameter_table();
        let central = |id: P| table[id as usize].central();
        let mean = central(P::CycleMeanMonths);
        let p90 = central(P::CycleP90Months);
        let shelf = central(P::OpportunityMaxAge);
        if p90 <= mean {
            self.error(
                P::CycleP90Months.spec().path,
                format!(
                    "must be longer than the mean sales cycle ({} months), got {} months",
                    number(mean),
                    number(p90)
                ),
            );
        }
        if shelf <= mean {
            self.error(
                P::OpportunityMaxAge.spec().path,
                format!(
                    "must be longer than the mean sales cycle ({} months), got {} months: most opportunities would be closed as lost before they are decided",
                    number(mean),
                    number(shelf)
                ),
            );
        }
    }

    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.errors.push(FieldError {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    fn object<'v>(&mut self, path: &str, value: &'v Value) -> Option<&'v Map<String, Value>> {
        if let Value::Object(map) = value {
            Some(map)
        } else {
            self.error(path, format!("must be an object, got {}", describe(value)));
            None
        }
    }

    fn reject_unknown(&mut self, path: &str, map: &Map<String, Value>, known: &[&str]) {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                // an empty key would otherwise leave the path blank
                let shown = if key.is_empty() { "\"\"" } else { key.as_str() };
                self.error(
                    &join(path, shown),
                    format!("unknown field (known here: {})", known.join(", ")),
                );
            }
        }
    }

    fn integer(&mut self, path: &str, value: Option<&Value>, min: u32, max: u32, default: Option<u32>) -> Option<u32> {
        let Some(value) = value.filter(|v| !v.is_null()) else {
            if default.is_none() {
                self.error(path, format!("is required: a whole number between {min} and {max}"));
            }
            return default;
        };
        match value.as_f64() {
            Some(number) if number.fract() == 0.0 && number >= f64::from(min) && number <= f64::from(max) =>
            {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Some(number as u32)
            }
            _ => {
                self.error(
                    path,
                    format!(
                        "must be a whole number between {min} and {max}, got {}",
                        describe(value)
                    ),
                );
                None
            }
        }
    }

    fn boolean(&mut self, path: &str, value: Option<&Value>, default: bool) -> bool {
        match value {
            None | Some(Value::Null) => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.error(path, format!("must be true or false, got {}", describe(other)));
                default
            }
        }
    }

    fn text(&mut self, path: &str, value: Option<&Value>, default: &str) -> String {
        match value {
            None | Some(Value::Null) => default.to_owned(),
            Some(Value::String(s)) if s.chars().count() <= 500 => s.clone(),
            Some(Value::String(_)) => {
                self.error(path, "must be at most 500 characters");
                default.to_owned()
            }
            Some(other) => {
                self.error(path, format!("must be text, got {}", describe(other)));
                default.to_owned()
            }
        }
    }

    fn choice<T: Copy>(&mut self, path: &str, value: Option<&Value>, options: &[(&str, T)]) -> Option<T> {
        let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
        let given = value.and_then(Value::as_str);
        if let Some(found) = given.and_then(|g| options.iter().find(|(name, _)| *name == g)) {
            return Some(found.1);
        }
        let got = value.map_or_else(|| "nothing".to_owned(), describe);
        self.error(path, format!("must be one of {}, got {got}", names.join(", ")));
        None
    }

    fn scenario(&mut self, value: &Value) -> Option<Scenario> {
        let root = self.object("(scenario)", value)?;
        let sections = parameter_sections();
        let known: Vec<&str> = TOP_LEVEL.iter().copied().chain(sections.iter().copied()).collect();
        self.reject_unknown("", root, &known);

        match root.get("schema") {
            Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
            other => {
                let got = other.map_or_else(|| "nothing".to_owned(), describe);
                self.error(
                    "schema",
                    format!("must be {SCHEMA_VERSION} (the only schema this version reads), got {got}"),
                );
            }
        }
        let name = self.text("name", root.get("name"), "Untitled scenario");
        let description = self.text("description", root.get("description"), "");
        let months = self.integer(
            "months",
            root.get("months"),
            MIN_MONTHS,
            MAX_MONTHS,
            Some(DEFAULT_MONTHS),
        );
        let structure = match root.get("structure") {
            Some(v) => self.structure("structure", v),
            None => {
                self.error(
                    "structure",
                    "is required: who generates leads, who sells, who serves, and headcount",
                );
                None
            }
        };
        let switches = self.switches(root.get("switches"));
        let horizon = months.unwrap_or(DEFAULT_MONTHS);
        let restructuring = match root.get("restructuring") {
            None | Some(Value::Null) => None,
            Some(v) => self.restructuring(v, horizon),
        };
        let hiring_plan = self.hiring_plan(root.get("hiring_plan"), horizon);
        let mut parameters = BTreeMap::new();
        for section in &sections {
            if let Some(v) = root.get(*section) {
                self.parameters(section, v, &mut parameters);
            }
        }
        Some(Scenario {
            schema: SCHEMA_VERSION,
            name,
            description,
            months: months?,
            structure: structure?,
            switches,
            restructuring,
            hiring_plan,
            parameters,
        })
    }

    fn structure(&mut self, path: &str, value: &Value) -> Option<Structure> {
        let map = self.object(path, value)?;
        self.reject_unknown(
            path,
            map,
            &["lead_generation", "selling", "serving", "headcount", "account_tiers"],
        );
        let lead_generation = self.choice(
            &join(path, "lead_generation"),
            map.get("lead_generation"),
            &[
                ("generalist", LeadGeneration::Generalist),
                ("sdr", LeadGeneration::Sdr),
                ("agency", LeadGeneration::Agency),
            ],
        );
        let selling = self.choice(
            &join(path, "selling"),
            map.get("selling"),
            &[("generalist", Selling::Generalist), ("ae", Selling::Ae)],
        );
        let serving = self.choice(
            &join(path, "serving"),
            map.get("serving"),
            &[("generalist", Serving::Generalist), ("am", Serving::Am)],
        );
        let headcount_path = join(path, "headcount");
        let mut headcount = Headcount::default();
        match map.get("headcount") {
            Some(v) => {
                if let Some(h) = self.object(&headcount_path, v) {
                    let keys: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
                    self.reject_unknown(&headcount_path, h, &keys);
                    for role in Role::ALL {
                        let seats = self.integer(
                            &join(&headcount_path, role.key()),
                            h.get(role.key()),
                            0,
                            MAX_HEADCOUNT,
                            Some(0),
                        );
                        let slot = match role {
                            Role::Generalist => &mut headcount.generalist,
                            Role::Sdr => &mut headcount.sdr,
                            Role::Ae => &mut headcount.ae,
                            Role::Am => &mut headcount.am,
                            Role::Retention => &mut headcount.retention,
                        };
                        *slot = seats.unwrap_or(0);
                    }
                }
            }
            None => self.error(&headcount_path, "is required: seats per role"),
        }
        let account_tiers = self.boolean(&join(path, "account_tiers"), map.get("account_tiers"), false);
        let structure = Structure {
            lead_generation: lead_generation?,
            selling: selling?,
            serving: serving?,
            headcount,
            account_tiers,
        };
        for role in structure.required_roles() {
            if headcount.of(role) == 0 {
                self.error(
                    &join(&headcount_path, role.key()),
                    format!(
                        "this structure gives work to {}, so it needs at least 1 seat, got 0",
                        role.noun()
                    ),
                );
            }
        }
        Some(structure)
    }

    fn switches(&mut self, value: Option<&Value>) -> Switches {
        let defaults = Switches::default();
        let Some(value) = value.filter(|v| !v.is_null()) else {
            return defaults;
        };
        let Some(map) = self.object("switches", value) else {
            return defaults;
        };
        let fields = [
            "cut_leads_when_behind",
            "sdr_paid_per_meeting",
            "meeting_quality_gate",
            "trade_shows",
            "referrals",
            "quotas",
        ];
        self.reject_unknown("switches", map, &fields);
        let read =
            |reader: &mut Self, key: &str, default: bool| reader.boolean(&join("switches", key), map.get(key), default);
        Switches {
            cut_leads_when_behind: read(self, "cut_leads_when_behind", defaults.cut_leads_when_behind),
            sdr_paid_per_meeting: read(self, "sdr_paid_per_meeting", defaults.sdr_paid_per_meeting),
            meeting_quality_gate: read(self, "meeting_quality_gate", defaults.meeting_quality_gate),
            trade_shows: read(self, "trade_shows", defaults.trade_shows),
            referrals: read(self, "referrals", defaults.referrals),
            quotas: read(self, "quotas", defaults.quotas),
        }
    }

    fn restructuring(&mut self, value: &Value, months: u32) -> Option<Restructuring> {
        let map = self.object("restructuring", value)?;
        self.reject_unknown("restructuring", map, &["month", "to", "process_owner"]);
        let month = self.integer(
            "restructuring.month",
            map.get("month"),
            1,
            months.saturating_sub(1).max(1),
            None,
        );
        let to = match map.get("to") {
            Some(v) => self.structure("restructuring.to", v),
            None => {
                self.error("restructuring.to", "is required: the structure to switch to");
                None
            }
        };
        let process_owner = self.boolean("restructuring.process_owner", map.get("process_owner"), false);
        Some(Restructuring {
            month: month?,
            to: to?,
            process_owner,
        })
    }

    fn hiring_plan(&mut self, value: Option<&Value>, months: u32) -> Vec<PlannedHire> {
        let mut plan = Vec::new();
        let Some(value) = value.filter(|v| !v.is_null()) else {
            return plan;
        };
        let Value::Array(items) = value else {
            self.error(
                "hiring_plan",
                format!("must be a list of hires, got {}", describe(value)),
            );
            return plan;
        };
        if items.len() > 500 {
            self.error(
                "hiring_plan",
                format!("may list at most 500 hires, got {}", items.len()),
            );
            return plan;
        }
        let roles: Vec<(&str, Role)> = Role::ALL.iter().map(|r| (r.key(), *r)).collect();
        for (i, item) in items.iter().enumerate() {
            let path = format!("hiring_plan[{i}]");
            let Some(map) = self.object(&path, item) else {
                continue;
            };
            self.reject_unknown(&path, map, &["month", "role", "count"]);
            let month = self.integer(&join(&path, "month"), map.get("month"), 1, months, None);
            let role = self.choice(&join(&path, "role"), map.get("role"), &roles);
            let count = self.integer(&join(&path, "count"), map.get("count"), 1, 1000, None);
            if let (Some(month), Some(role), Some(count)) = (month, role, count) {
                plan.push(PlannedHire { month, role, count });
            }
        }
        plan
    }

    fn parameters(&mut self, path: &str, value: &Value, out: &mut BTreeMap<String, Uncertain>) {
        if let Some(spec) = CATALOGUE.iter().find(|s| s.path == path) {
            if let Some(parsed) = self.uncertain(spec, value) {
                out.insert(path.to_owned(), parsed);
            }
            return;
        }
        let Some(map) = self.object(path, value) else {
            return;
        };
        let prefix = format!("{path}.");
        let mut children: Vec<&str> = CATALOGUE
            .iter()
            .filter_map(|s| s.path.strip_prefix(&prefix))
            .filter_map(|rest| rest.split('.').next())
            .collect();
        children.sort_unstable();
        children.dedup();
        self.reject_unknown(path, map, &children);
        for (key, child) in map {
            if children.contains(&key.as_str()) {
                self.parameters(&join(path, key), child, out);
            }
        }
    }

    fn uncertain(&mut self, spec: &ParamSpec, value: &Value) -> Option<Uncertain> {
        let parsed = match value {
            Value::Number(n) => n.as_f64().map(Uncertain::Fixed),
            Value::Object(_) => match serde_json::from_value::<Uncertain>(value.clone()) {
                Ok(u) => Some(u),
                Err(error) => {
                    self.error(
                        spec.path,
                        format!(
                            "must be a number or one of {{\"uniform\": {{\"min\", \"max\"}}}}, {{\"triangular\": {{\"min\", \"mode\", \"max\"}}}}, {{\"normal\": {{\"low\", \"high\"}}}}, {{\"lognormal\": {{\"low\", \"high\"}}}} ({error})"
                        ),
                    );
                    return None;
                }
            },
            other => {
                self.error(
                    spec.path,
                    format!("must be a number or a distribution, got {}", describe(other)),
                );
                return None;
            }
        }?;
        if let Some(problem) = parsed.shape_problem() {
            self.error(spec.path, problem);
            return None;
        }
        let (low, high) = parsed.span();
        let range = allowed_range(spec);
        if let Uncertain::Fixed(v) = parsed {
            if !spec.contains(v) {
                self.error(spec.path, format!("must be {range}, got {}", number(v)));
                return None;
            }
            if spec.integer && v.fract() != 0.0 {
                self.error(spec.path, format!("must be a whole number {range}, got {}", number(v)));
                return None;
            }
        } else if !spec.contains(low) || !spec.contains(high) {
            self.error(
                spec.path,
                format!("the range must lie {range}, got {} to {}", number(low), number(high)),
            );
            return None;
        }
        Some(parsed)
    }
}

/// A parameter's allowed range as every message about it words it,
/// "between 0 and 24 months", so that a message the app writes for text
/// it cannot read (the engine only ever sees numbers) names the same range.
#[must_use]
pub fn allowed_range(spec: &ParamSpec) -> String {
    format!(
        "between {} and {} {}",
        number(spec.min),
        number(spec.max),
        spec.unit.label()
    )
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn describe(value: &Value) -> String {
    let text = match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{s}\""),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    };
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

/// The nested file form of a scenario; parameters are nested by their path.
#[must_use]
pub fn scenario_to_json(scenario: &Scenario) -> Value {
    let mut root = Map::new();
    root.insert("schema".into(), Value::from(scenario.schema));
    root.insert("name".into(), Value::from(scenario.name.clone()));
    root.insert("description".into(), Value::from(scenario.description.clone()));
    root.insert("months".into(), Value::from(scenario.months));
    root.insert(
        "structure".into(),
        serde_json::to_value(&scenario.structure).unwrap_or(Value::Null),
    );
    root.insert(
        "switches".into(),
        serde_json::to_value(scenario.switches).unwrap_or(Value::Null),
    );
    root.insert(
        "restructuring".into(),
        serde_json::to_value(&scenario.restructuring).unwrap_or(Value::Null),
    );
    root.insert(
        "hiring_plan".into(),
        serde_json::to_value(&scenario.hiring_plan).unwrap_or(Value::Null),
    );
    for (path, value) in &scenario.parameters {
        let leaf = match value {
            Uncertain::Fixed(v) => Value::from(*v),
            other => serde_json::to_value(other).unwrap_or(Value::Null),
        };
        insert_path(&mut root, path, leaf);
    }
    Value::Object(root)
}

fn insert_path(root: &mut Map<String, Value>, path: &str, leaf: Value) {
    let mut node = root;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            node.insert(part.to_owned(), leaf);
            return;
        }
        let child = node.entry(part.to_owned()).or_insert_with(|| Value::Object(Map::new()));
        if !child.is_object() {
            *child = Value::Object(Map::new());
        }
        let Value::Object(map) = child else { return };
        node = map;
    }
}
