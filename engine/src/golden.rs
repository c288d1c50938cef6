//! Golden figures: a fixed scenario and the exact numbers this engine version
//! must produce for it, natively and in WebAssembly.
//!
//! Both the engine's own test and the app's browser test assert these, so a
//! change in any number is caught everywhere. When a deliberate model change
//! moves them, bump [`crate::ENGINE_VERSION`] and update the constants.

use crate::input::ScenarioInput;
use crate::presets::{preset, PresetId};

/// Seed of the golden run.
pub const SEED: u64 = 42;
/// Paths of the golden run.
pub const PATHS: u32 = 1_000;

/// The golden scenario: the Sandwell 2012 preset (model 3: three options), seed 42, 1,000 paths, 60 months.
pub fn scenario() -> ScenarioInput {
    let mut s = preset(PresetId::Sandwell2012);
    s.simulation.seed = SEED;
    s.simulation.paths = PATHS;
    s.simulation.horizon_months = 60;
    s
}

/// `f64::to_bits` of each option's median total spend (`options[i].total.quantiles.p50`).
pub const TOTAL_P50_BITS: [u64; 3] = [
    4731795095812883047,
    4731745734809026311,
    4731792012634272406,
];
/// `f64::to_bits` of each option's mean total spend (`options[i].total.quantiles.mean`).
pub const TOTAL_MEAN_BITS: [u64; 3] = [
    4731820961998281741,
    4731774784299327242,
    4731823347959523340,
];
/// `f64::to_bits` of each option's mean NPV (`options[i].npv.quantiles.mean`).
pub const NPV_MEAN_BITS: [u64; 3] = [
    4730819188087350678,
    4730781704889753136,
    4730822836586079044,
];
/// `f64::to_bits` of each option's mean leadership changes.
pub const LEADERSHIP_CHANGES_MEAN_BITS: [u64; 3] = [
    4617119611377810407,
    4616620837719079125,
    4617119611377810407,
];
/// `f64::to_bits` of each option's mean paid to the partner (`options[i].paid_to_partner.quantiles.mean`).
pub const PAID_TO_PARTNER_MEAN_BITS: [u64; 3] = [0, 4697140099361188520, 0];
/// `f64::to_bits` of the paired difference's median (`pairs[0].difference.quantiles.p50`).
pub const DIFFERENCE_P50_BITS: u64 = 4696338652964679168;
/// `f64::to_bits` of P(in-source cheaper than recruit | contract let) (`pairs[0].p_b_cheaper_if_let`).
pub const P_B_CHEAPER_IF_LET_BITS: u64 = 4604617726529305280;

/// Compare `results` of [`scenario`] with the golden constants; `Err` names
/// the first figure that differs, with both values.
pub fn check(results: &crate::Results) -> Result<(), String> {
    let cmp = |name: &str, got: f64, want: u64| {
        if got.to_bits() == want {
            Ok(())
        } else {
            Err(format!(
                "{name}: got {got:?}, want {:?}",
                f64::from_bits(want)
            ))
        }
    };
    if results.options.len() != 3 || results.pairs.len() != 3 {
        return Err("golden scenario has three options and three pairs".into());
    }
    for (i, o) in results.options.iter().enumerate() {
        cmp(
            &format!("options[{i}].total.p50"),
            o.total.quantiles.p50,
            TOTAL_P50_BITS[i],
        )?;
        cmp(
            &format!("options[{i}].total.mean"),
            o.total.quantiles.mean,
            TOTAL_MEAN_BITS[i],
        )?;
        cmp(
            &format!("options[{i}].npv.mean"),
            o.npv.quantiles.mean,
            NPV_MEAN_BITS[i],
        )?;
        cmp(
            &format!("options[{i}].leadership_changes.mean"),
            o.leadership_changes.mean,
            LEADERSHIP_CHANGES_MEAN_BITS[i],
        )?;
        cmp(
            &format!("options[{i}].paid_to_partner.mean"),
            o.paid_to_partner.quantiles.mean,
            PAID_TO_PARTNER_MEAN_BITS[i],
        )?;
    }
    cmp(
        "pairs[0].difference.p50",
        results.pairs[0].difference.quantiles.p50,
        DIFFERENCE_P50_BITS,
    )?;
    cmp(
        "pairs[0].p_b_cheaper_if_let",
        results.pairs[0]
            .p_b_cheaper_if_let
            .map_or(f64::NAN, |e| e.mean),
        P_B_CHEAPER_IF_LET_BITS,
    )?;
    let got = results_fingerprint(results);
    if got == RESULTS_FINGERPRINT {
        Ok(())
    } else {
        Err(format!(
            "results fingerprint (every figure, monthly quantiles too): got {got}, want {RESULTS_FINGERPRINT}"
        ))
    }
}

/// FNV-1a hash of `text`.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Every figure of `results` (monthly binned quantiles, means and seat
/// probabilities included) reduced to one FNV-1a hash of its `Debug` text,
/// which writes every `f64` in its shortest exact form on every target.
pub fn results_fingerprint(results: &crate::Results) -> u64 {
    fnv(&format!("{results:?}"))
}

/// [`results_fingerprint`] of the golden run, as computed natively.
pub const RESULTS_FINGERPRINT: u64 = 16_053_672_093_513_024_747;

/// Small insight settings (60 rerun paths, 5 curve points, 5 bootstrap
/// samples), quick enough for tests: those of [`insight_fingerprint`].
pub fn insight_settings() -> crate::insight::Settings {
    crate::insight::Settings {
        paths: 60,
        curve_points: 5,
        tolerance: 1.0 / 16.0,
        bootstrap: 5,
        ..crate::insight::Settings::default()
    }
}

/// A small "what drives the answer" analysis of the golden scenario (300
/// paths, 60 reruns, 5 curve points), reduced to one FNV-1a hash of its
/// `Debug` text. `Debug` writes every `f64` in its shortest exact form with
/// the same code on every target, so equal hashes mean bit-equal reports.
/// Pinned as [`INSIGHT_FINGERPRINT`] and checked natively and in Chromium.
pub fn insight_fingerprint() -> u64 {
    use crate::insight::analyse;
    let scenario = crate::validate(&scenario()).expect("golden scenario is valid");
    let (_, draws) = crate::simulate_with_draws(&scenario, 300);
    let settings = insight_settings();
    let report = analyse(&scenario, &draws, 0, 1, settings);
    fnv(&format!("{report:?}"))
}

/// [`insight_fingerprint`] as computed natively.
pub const INSIGHT_FINGERPRINT: u64 = 18_025_060_089_332_948_078;
