//! The answer in one sentence per comparison, for a councillor who has a
//! few seconds: which option is cheaper, how often, by how much, and what
//! it does to leadership stability.

use yew::prelude::*;

use crate::format::{money, percent};
use turnaround_engine::{PairResult, Results};

/// Verdict properties.
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    /// The results to summarise.
    pub results: std::rc::Rc<Results>,
    /// The pair "What drives the answer" explains and its driver sentence,
    /// added to that pair's verdict.
    #[prop_or_default]
    pub driver: Option<((usize, usize), AttrValue)>,
}

/// Savings of the cheaper option in words: `£1.7m less` or `£300k more`.
fn saving(v: f64) -> String {
    if v.abs() < 0.5 {
        "no difference".to_string()
    } else if v >= 0.0 {
        format!("{} less", money(v))
    } else {
        format!("{} more", money(-v))
    }
}

/// One sentence for a pair of options.
pub fn sentence(results: &Results, pair: &PairResult) -> String {
    let (a, b) = (&results.options[pair.a].name, &results.options[pair.b].name);
    let years = results.horizon_months as f64 / 12.0;
    let years = if years.fract() == 0.0 {
        format!("{years:.0}")
    } else {
        format!("{years:.1}")
    };
    let d = &pair.difference.quantiles; // a minus b
    let (p_a, p_b) = (pair.p_a_cheaper.mean, pair.p_b_cheaper.mean);
    if p_a == 0.0 && p_b == 0.0 {
        return format!(
            "{a} and {b} are identical: the same route and assumptions, so they cost the same in every simulated future. Change one of them to compare."
        );
    }
    // Savings of the cheaper option (positive = it costs less).
    let (cheaper, other, p, s10, s50, s90) = if p_b >= p_a {
        (b, a, p_b, d.p10, d.p50, d.p90)
    } else {
        (a, b, p_a, -d.p90, -d.p50, -d.p10)
    };
    let cost = if (0.4..=0.6).contains(&p) {
        format!(
            "Neither {a} nor {b} is reliably cheaper: {cheaper} costs less in {} of simulated futures (median {} over {years} years; 80% of futures between {} and {}).",
            percent(p),
            saving(s50),
            saving(s10),
            saving(s90)
        )
    } else {
        format!(
            "{cheaper} is cheaper than {other} in {} of simulated futures: a median of {} over {years} years (80% of futures between {} and {}).",
            percent(p),
            saving(s50),
            saving(s10),
            saving(s90)
        )
    };
    let dc = pair.leadership_changes_difference.mean; // a minus b
    let stability = if dc.abs() < 0.05 {
        " Both have about the same number of leadership changes.".to_string()
    } else {
        let (fewer, by) = if dc > 0.0 { (b, dc) } else { (a, -dc) };
        format!(" {fewer} has {by:.1} fewer leadership changes on average.")
    };
    cost + &contract_clause(results, pair) + &stability
}

/// How much the answer rests on the contract being let, when one of the
/// pair procures a partner and procurement can fail.
fn contract_clause(results: &Results, pair: &PairResult) -> String {
    let (Some(pa), Some(pb)) = (&pair.p_a_cheaper_if_let, &pair.p_b_cheaper_if_let) else {
        return String::new();
    };
    let share = pair.paths_let as f64 / results.paths.max(1) as f64;
    if pair.paths_let == 0 || share >= 0.995 {
        return String::new();
    }
    let (a, b) = (&results.options[pair.a].name, &results.options[pair.b].name);
    let (who, p) = if pb.mean >= pa.mean {
        (b, pb.mean)
    } else {
        (a, pa.mean)
    };
    format!(
        " The answer rests partly on the contract being let: it is let in {} of futures, and where it is, {who} is cheaper in {}.",
        percent(share),
        percent(p)
    )
}

/// The pairs the verdict speaks about: the only pair with two options; with
/// three or four, just the first option against the one ranked cheapest
/// against it (the ranked table below covers the rest, rather than one dense
/// sentence per pair).
pub fn headline_pairs(r: &Results) -> Vec<&PairResult> {
    if r.options.len() <= 2 {
        return r.pairs.iter().collect();
    }
    crate::view_model::ranked(r, 0)
        .first()
        .and_then(|best| r.pairs.iter().find(|p| p.a == 0 && p.b == best.option))
        .into_iter()
        .collect()
}

/// The verdict in words (also what a screen reader hears when results settle).
pub fn sentences(r: &Results) -> Vec<String> {
    headline_pairs(r)
        .into_iter()
        .map(|p| sentence(r, p))
        .collect()
}

/// The verdict: one sentence, for the two options or for the first option
/// against the cheapest other.
#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let r = &props.results;
    let shown = headline_pairs(r);
    if shown.is_empty() {
        return html! {};
    }
    html! {
        <section class="verdict" aria-label="Summary">
            { for shown.iter().map(|p| {
                let driver = props
                    .driver
                    .as_ref()
                    .filter(|(pair, _)| *pair == (p.a, p.b))
                    .map(|(_, s)| format!(" {s}"))
                    .unwrap_or_default();
                html! { <p data-pair={format!("{}-{}", p.a, p.b)}>{ sentence(r, p) }{ driver }</p> }
            }) }
        </section>
    }
}
