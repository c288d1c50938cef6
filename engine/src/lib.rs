//! # Turnaround engine
//!
//! A pure-Rust Monte Carlo model for English councils choosing how to get and
//! keep a Director of Children's Services (DCS): recruit, in-source an
//! improvement partner, or drift through a chain of interims. It projects
//! leadership costs, social worker pay and agency premium, placements for
//! children looked after, and SEN home-to-school transport, month by month,
//! with the uncertainty of every input carried through to every output.
//!
//! The engine is single-threaded, allocation-light and deterministic: the same
//! scenario, seed, path count and [`ENGINE_VERSION`] give bit-identical numbers
//! natively and in WebAssembly. See `MODEL.md` beside this crate for every
//! equation, parameter, source and assumption.
//!
//! ```
//! use turnaround_engine::{presets, simulate_with_paths, validate};
//!
//! let input = presets::preset(presets::PresetId::Sandwell2012);
//! let scenario = validate(&input).expect("presets are valid");
//! let results = simulate_with_paths(&scenario, 200);
//! let recruit = &results.options[0];
//! println!(
//!     "{}: median total GBP {:.1}m, {:.1} leadership changes",
//!     recruit.name,
//!     recruit.total.quantiles.p50 / 1e6,
//!     recruit.leadership_changes.mean
//! );
//! assert_eq!(results.pairs.len(), 3);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod binned;
mod field;
mod float;
mod input;
mod output;
mod rng;
mod sim;
mod stats;
mod validate;

pub mod golden;
pub mod insight;
pub mod presets;

pub use field::{Field, FieldId, FieldMeta, FieldValue, Scope, Shape, MAX_NAME_CHARS, MAX_SEED};
pub use input::{
    Context, ContractParams, FinanceParams, LeadershipParams, MixShift, OptionInput, OwnTeam,
    PlacementKind, PlacementParams, Programmes, Range, Route, ScenarioInput, SenParams, Simulation,
    StabilityParams, WorkforceParams,
};
pub use output::{
    Category, Column, Estimate, Histogram, OptionResult, PairResult, PathDraws, Quantiles, Results,
    SeatState, Summary, QUANTILE_LEVELS,
};
pub use sim::{
    merge, merge_with_draws, simulate, simulate_with_draws, simulate_with_paths, MergeError,
    Partial, Run, ENGINE_VERSION, WEEKS_PER_MONTH,
};
pub use validate::{
    validate, ErrorKind, Scenario, ScenarioError, MAX_HORIZON, MAX_OPTIONS, MAX_PATHS, MIN_HORIZON,
    MIN_PATHS,
};
