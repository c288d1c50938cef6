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
    cost + &stability
}

/// One sentence per comparison with the first option (or every pair when
/// there are two or three options).
#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let r = &props.results;
    let shown: Vec<&PairResult> = r
        .pairs
        .iter()
        .filter(|p| r.options.len() <= 3 || p.a == 0)
        .collect();
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
