//! `salesim`: the simulation engine on the command line.
//!
//! Invalid input prints a message and exits with code 2; nothing here
//! panics on user input.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Write;
    use std::process::ExitCode;

    use lexopt::prelude::*;
    use salesim::sim::compare::compare;
    use salesim::sim::params::schema_document;
    use salesim::sim::presets;
    use salesim::sim::report::{comparison_report, report, to_csv};
    use salesim::sim::run::{DEFAULT_RUNS, MAX_RUNS, run};
    use salesim::sim::scenario::{MAX_MONTHS, MIN_MONTHS, Scenario};
    use salesim::sim::sensitivity::{DEFAULT_TORNADO_RUNS, tornado};
    use salesim::sim::validate::parse_scenario;

    const USAGE: &str = "\
salesim — Sales Restructuring Simulator (Monte Carlo engine)

USAGE:
  salesim presets                       list preset ids and titles
  salesim schema                        the parameter catalogue as JSON
  salesim card [--runs N] [--seed S]    the model card (docs/MODEL-CARD.md) as Markdown
  salesim validate FILE                 check a scenario file (exit 2 listing every problem)
  salesim run FILE|--preset ID [--runs N] [--months M] [--seed S] [--format json|csv]
  salesim compare A B ... [--runs N] [--months M] [--seed S] [--tornado-runs N]
                                        A is the baseline; each of A, B, ... is a scenario
                                        file or a preset id
Defaults: --runs 10000, --seed 1, --format json, months from the scenario.";

    /// A user error: printed on stderr, exit code 2.
    struct Failure(String);

    impl From<lexopt::Error> for Failure {
        fn from(error: lexopt::Error) -> Self {
            Failure(format!("{error}\n\n{USAGE}"))
        }
    }

    pub fn main() -> ExitCode {
        match dispatch() {
            Ok(output) => {
                let mut stdout = std::io::stdout().lock();
                // a closed pipe (salesim run | head) is not an error worth a panic
                let _ = stdout.write_all(output.as_bytes());
                let _ = stdout.flush();
                ExitCode::SUCCESS
            }
            Err(Failure(message)) => {
                let _ = writeln!(std::io::stderr(), "{message}");
                ExitCode::from(2)
            }
        }
    }

    fn dispatch() -> Result<String, Failure> {
        let mut parser = lexopt::Parser::from_env();
        let command = match parser.next()? {
            Some(Value(command)) => command.string()?,
            Some(Long("help") | Short('h')) | None => return Ok(format!("{USAGE}\n")),
            Some(other) => return Err(other.unexpected().into()),
        };
        match command.as_str() {
            "presets" => {
                no_more(&mut parser)?;
                Ok(presets::all()
                    .iter()
                    .map(|p| format!("{}\t{}\n", p.id, p.title))
                    .collect())
            }
            "schema" => {
                no_more(&mut parser)?;
                json(&schema_document())
            }
            "validate" => {
                let file = match parser.next()? {
                    Some(Value(file)) => file.string()?,
                    _ => {
                        return Err(Failure(format!("validate needs a scenario file\n\n{USAGE}")));
                    }
                };
                no_more(&mut parser)?;
                let scenario = load_file(&file)?;
                Ok(format!(
                    "{file}: valid scenario \"{}\" ({} months)\n",
                    scenario.name, scenario.months
                ))
            }
            "card" => card_command(&mut parser),
            "run" => run_command(&mut parser),
            "compare" => compare_command(&mut parser),
            other => Err(Failure(format!("unknown command \"{other}\"\n\n{USAGE}"))),
        }
    }

    fn no_more(parser: &mut lexopt::Parser) -> Result<(), Failure> {
        match parser.next()? {
            None => Ok(()),
            Some(arg) => Err(arg.unexpected().into()),
        }
    }

    fn json(value: &impl serde::Serialize) -> Result<String, Failure> {
        serde_json::to_string_pretty(value)
            .map(|s| s + "\n")
            .map_err(|e| Failure(format!("could not write JSON: {e}")))
    }

    fn load_file(path: &str) -> Result<Scenario, Failure> {
        let text = std::fs::read_to_string(path).map_err(|e| Failure(format!("{path}: cannot read: {e}")))?;
        parse_scenario(&text).map_err(|errors| Failure(format!("{path}: invalid scenario\n{errors}")))
    }

    /// A file path, or else a preset id.
    fn load(reference: &str) -> Result<Scenario, Failure> {
        if std::path::Path::new(reference).exists() {
            return load_file(reference);
        }
        presets::find(reference).map(|p| p.scenario).ok_or_else(|| {
            let ids: Vec<&str> = presets::all().iter().map(|p| p.id).collect::<Vec<_>>();
            Failure(format!(
                "{reference}: no such file, and not a preset id (presets: {})",
                ids.join(", ")
            ))
        })
    }

    fn number(name: &str, text: &str, min: u64, max: u64) -> Result<u64, Failure> {
        match text.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(Failure(format!(
                "--{name}: must be a whole number between {min} and {max}, got {text}"
            ))),
        }
    }

    struct Common {
        runs: u64,
        months: Option<u32>,
        seed: u64,
    }

    impl Common {
        fn new() -> Self {
            Common {
                runs: DEFAULT_RUNS,
                months: None,
                seed: 1,
            }
        }

        /// Takes a shared option; returns false if `name` is not one.
        fn take(&mut self, name: &str, parser: &mut lexopt::Parser) -> Result<bool, Failure> {
            match name {
                "runs" => self.runs = number("runs", &parser.value()?.string()?, 100, MAX_RUNS)?,
                "months" => {
                    let months = number(
                        "months",
                        &parser.value()?.string()?,
                        u64::from(MIN_MONTHS),
                        u64::from(MAX_MONTHS),
                    )?;
                    self.months = Some(u32::try_from(months).unwrap_or(MAX_MONTHS));
                }
                "seed" => self.seed = number("seed", &parser.value()?.string()?, 0, u64::MAX)?,
                _ => return Ok(false),
            }
            Ok(true)
        }

        fn apply(&self, scenario: &mut Scenario) {
            if let Some(months) = self.months {
                *scenario = scenario.on_horizon(months);
            }
        }
    }

    /// Walks the arguments after the command: shared options go to `common`,
    /// the command's own options to `option` (false: unknown), the rest to `value`.
    fn walk(
        parser: &mut lexopt::Parser,
        common: &mut Common,
        mut option: impl FnMut(&str, &mut lexopt::Parser) -> Result<bool, Failure>,
        mut value: impl FnMut(String) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        while let Some(arg) = parser.next()? {
            match arg {
                Long(name) => {
                    let name = name.to_owned();
                    if !common.take(&name, parser)? && !option(&name, parser)? {
                        return Err(Failure(format!("unknown option --{name}\n\n{USAGE}")));
                    }
                }
                Value(text) => value(text.string()?)?,
                other => return Err(other.unexpected().into()),
            }
        }
        Ok(())
    }

    fn card_command(parser: &mut lexopt::Parser) -> Result<String, Failure> {
        let mut common = Common::new();
        walk(
            parser,
            &mut common,
            |_, _| Ok(false),
            |extra| Err(Failure(format!("card takes no scenario, got {extra}\n\n{USAGE}"))),
        )?;
        if common.months.is_some() {
            return Err(Failure(
                "card: --months is not an option here: each preset keeps its horizon".into(),
            ));
        }
        Ok(salesim::sim::card::model_card(common.runs, common.seed))
    }

    fn run_command(parser: &mut lexopt::Parser) -> Result<String, Failure> {
        let mut common = Common::new();
        let mut source: Option<Scenario> = None;
        let mut from_file: Option<Scenario> = None;
        let mut csv = false;
        walk(
            parser,
            &mut common,
            |name, parser| {
                match name {
                    "preset" => {
                        let id = parser.value()?.string()?;
                        let preset = presets::find(&id).ok_or_else(|| {
                            Failure(format!("--preset: unknown preset \"{id}\" (see salesim presets)"))
                        })?;
                        source = Some(preset.scenario);
                    }
                    "format" => {
                        csv = match parser.value()?.string()?.as_str() {
                            "json" => false,
                            "csv" => true,
                            other => return Err(Failure(format!("--format: must be json or csv, got {other}"))),
                        }
                    }
                    _ => return Ok(false),
                }
                Ok(true)
            },
            |file| {
                if from_file.is_some() {
                    return Err(Failure(format!("run takes one scenario file, got a second: {file}")));
                }
                from_file = Some(load_file(&file)?);
                Ok(())
            },
        )?;
        let mut scenario = match (from_file, source) {
            (Some(file), None) => file,
            (None, Some(preset)) => preset,
            (Some(_), Some(_)) => return Err(Failure("run takes a scenario file or --preset ID, not both".into())),
            (None, None) => return Err(Failure(format!("run needs a scenario file or --preset ID\n\n{USAGE}"))),
        };
        common.apply(&mut scenario);
        let summary = run(&scenario, common.runs, common.seed).map_err(|e| Failure(e.to_string()))?;
        let report = report(&summary, &scenario);
        if csv { Ok(to_csv(&report)) } else { json(&report) }
    }

    fn compare_command(parser: &mut lexopt::Parser) -> Result<String, Failure> {
        let mut common = Common::new();
        let mut tornado_runs = DEFAULT_TORNADO_RUNS;
        let mut scenarios = Vec::new();
        walk(
            parser,
            &mut common,
            |name, parser| {
                if name != "tornado-runs" {
                    return Ok(false);
                }
                tornado_runs = number("tornado-runs", &parser.value()?.string()?, 0, MAX_RUNS)?;
                Ok(true)
            },
            |reference| {
                scenarios.push(load(&reference)?);
                Ok(())
            },
        )?;
        if scenarios.len() < 2 {
            return Err(Failure(format!(
                "compare needs a baseline and at least one other scenario\n\n{USAGE}"
            )));
        }
        for scenario in &mut scenarios {
            common.apply(scenario);
        }
        let (baseline, others) = scenarios.split_first().ok_or_else(|| Failure(USAGE.into()))?;
        let comparison = compare(baseline, others, common.runs, common.seed).map_err(|e| Failure(e.to_string()))?;
        let mut tornadoes = Vec::new();
        if tornado_runs > 0 {
            for other in others {
                tornadoes.push(
                    tornado(Some(baseline), other, tornado_runs, common.seed).map_err(|e| Failure(e.to_string()))?,
                );
            }
        }
        json(&comparison_report(&comparison, &scenarios, tornadoes))
    }
}
