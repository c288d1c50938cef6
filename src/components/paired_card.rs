//! Paired comparison card for two options run on the same futures.

use yew::prelude::*;

use crate::format::{money, percent, percent_error};
use turnaround_engine::PairResult;

/// Card properties.
#[derive(Properties, PartialEq)]
pub struct PairedCardProps {
    /// The pair's results.
    pub pair: PairResult,
    /// Name of option a.
    pub name_a: String,
    /// Name of option b.
    pub name_b: String,
}

/// A signed one-decimal figure that never reads "-0.0" or "+0.0".
pub fn signed(v: f64) -> String {
    let s = format!("{v:+.1}");
    if s == "-0.0" || s == "+0.0" {
        "0.0".to_string()
    } else {
        s
    }
}

/// Probability each option is cheaper, the difference P10 / P50 / P90 and
/// the break-even month.
#[function_component(PairedCard)]
pub fn paired_card(props: &PairedCardProps) -> Html {
    let p = &props.pair;
    let d = &p.difference.quantiles;
    let [e10, e50, e90] = p.difference.p10_p50_p90_mcse();
    let (a, b) = (&props.name_a, &props.name_b);
    // The mean cumulative difference (a minus b) at the end says which option
    // is cheaper on average; break-even is when that became and stayed so.
    let cheaper = if d.mean < 0.0 { a } else { b };
    let break_even = match p.break_even_month {
        _ if d.mean == 0.0 => "no difference on average".to_string(),
        Some(m) => format!("{cheaper} cheaper on average from month {m}"),
        None => format!("{cheaper} cheaper on average throughout"),
    };
    html! {
        <article class="card paired" data-pair={format!("{}-{}", p.a, p.b)}>
            <h3>{ format!("{a} compared with {b}") }</h3>
            <p class="muted">{ "Both options run on the same simulated futures, so the difference is caused by the options, not by chance." }</p>
            <dl>
                <div class="headline">
                    <dt>{ format!("Chance {a} is cheaper") }</dt>
                    <dd data-metric="p-a-cheaper">{ percent(p.p_a_cheaper.mean) }<span class="mcse">{ format!(" {}", percent_error(p.p_a_cheaper.mcse)) }</span></dd>
                </div>
                <div>
                    <dt>{ format!("Chance {b} is cheaper") }</dt>
                    <dd data-metric="p-b-cheaper">{ percent(p.p_b_cheaper.mean) }<span class="mcse">{ format!(" {}", percent_error(p.p_b_cheaper.mcse)) }</span></dd>
                </div>
                <div>
                    <dt>{ format!("{a} minus {b}, total spend (median)") }</dt>
                    <dd data-metric="diff-p50">{ money(d.p50) }<span class="mcse">{ format!(" ±{}", money(e50)) }</span></dd>
                </div>
                <div>
                    <dt>{ "80% range of the difference" }</dt>
                    <dd data-metric="diff-range">
                        { format!("{} to {}", money(d.p10), money(d.p90)) }
                        <span class="mcse below" title="Monte Carlo standard errors of P10 and P90">{ format!("±{}, ±{}", money(e10), money(e90)) }</span>
                    </dd>
                </div>
                <div>
                    <dt>{ "Mean difference, with Monte Carlo error" }</dt>
                    <dd data-metric="diff-mean">{ money(d.mean) }<span class="mcse">{ format!(" ±{}", money(p.difference.mcse)) }</span></dd>
                </div>
                <div>
                    <dt>{ "Break-even month" }</dt>
                    <dd data-metric="break-even" class="text">{ break_even }</dd>
                </div>
                <div>
                    <dt>{ "Difference in leadership changes" }</dt>
                    <dd data-metric="changes-diff">{ signed(p.leadership_changes_difference.mean) }<span class="mcse">{ format!(" ±{:.2}", p.leadership_changes_difference.mcse) }</span></dd>
                </div>
            </dl>
        </article>
    }
}
