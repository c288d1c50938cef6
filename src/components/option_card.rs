//! Headline card for one option.

use yew::prelude::*;

use crate::format::{money, percent, percent_error};
use turnaround_engine::OptionResult;

/// Card properties.
#[derive(Properties, PartialEq)]
pub struct OptionCardProps {
    /// Option index (for its colour).
    pub index: usize,
    /// The option's results.
    pub result: OptionResult,
    /// Horizon in months, for labels.
    pub horizon: u32,
}

/// Total spend P10 / P50 / P90, NPV, overspend and the leadership measures,
/// each with its Monte Carlo error.
#[function_component(OptionCard)]
pub fn option_card(props: &OptionCardProps) -> Html {
    let r = &props.result;
    let q = &r.total.quantiles;
    let [e10, e50, e90] = r.total.p10_p50_p90_mcse();
    let years = props.horizon as f64 / 12.0;
    html! {
        <article class={classes!("card", format!("opt-{}", props.index))} data-option={props.index.to_string()}>
            <h3><span class="swatch" aria-hidden="true"></span>{ &r.name }</h3>
            <dl>
                <div class="headline">
                    <dt>{ format!("Total spend over {} years (median)", trim_years(years)) }</dt>
                    <dd data-metric="total-p50">
                        { money(q.p50) }
                        <span class="mcse" title="Monte Carlo standard error">{ format!(" ±{}", money(e50)) }</span>
                    </dd>
                </div>
                <div>
                    <dt>{ "80% range (P10 to P90)" }</dt>
                    <dd data-metric="total-range">
                        { format!("{} to {}", money(q.p10), money(q.p90)) }
                        <span class="mcse below" title="Monte Carlo standard errors of P10 and P90">{ format!("±{}, ±{}", money(e10), money(e90)) }</span>
                    </dd>
                </div>
                <div>
                    <dt>{ "Mean, with Monte Carlo error" }</dt>
                    <dd data-metric="total-mean">{ format!("{} ±{}", money(q.mean), money(r.total.mcse)) }</dd>
                </div>
                <div>
                    <dt>{ "Net present value (mean)" }</dt>
                    <dd data-metric="npv">{ format!("{} ±{}", money(r.npv.quantiles.mean), money(r.npv.mcse)) }</dd>
                </div>
                <div>
                    <dt>{ format!("Overspend against budget over {} years (mean; budget held flat in cash)", trim_years(years)) }</dt>
                    <dd data-metric="overspend" class={if r.overspend.quantiles.mean > 0.0 { "bad" } else { "good" }}>
                        { format!("{} ±{}", money(r.overspend.quantiles.mean), money(r.overspend.mcse)) }
                    </dd>
                </div>
                <div>
                    <dt>{ "Expected leadership changes" }</dt>
                    <dd data-metric="changes">{ format!("{:.1} ±{:.2}", r.leadership_changes.mean, r.leadership_changes.mcse) }</dd>
                </div>
                <div>
                    <dt>{ "Months with a permanent or partner director" }</dt>
                    <dd data-metric="stable-share">{ format!("{} {}", percent(r.stable_share.mean), percent_error(r.stable_share.mcse)) }</dd>
                </div>
                <div>
                    <dt>{ "Chance of 24+ consecutive stable months" }</dt>
                    <dd data-metric="p-stable-24">{ format!("{} {}", percent(r.p_stable_24.mean), percent_error(r.p_stable_24.mcse)) }</dd>
                </div>
            </dl>
        </article>
    }
}

fn trim_years(y: f64) -> String {
    if (y - y.round()).abs() < 1e-9 {
        format!("{y:.0}")
    } else {
        format!("{y:.1}")
    }
}
