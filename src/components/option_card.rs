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

/// A figure's Monte Carlo error, hidden unless the reader asks for it.
fn mcse(text: String) -> Html {
    html! { <span class="mcse" title="Monte Carlo error">{ format!(" ±{text}") }</span> }
}

/// A one-decimal figure that never reads "-0.0".
pub fn one_decimal(v: f64) -> String {
    let s = format!("{v:.1}");
    if s == "-0.0" {
        "0.0".to_string()
    } else {
        s
    }
}

/// The route's own cost first, then total service spend with its range,
/// NPV, spend above a flat cash budget (context, not an alarm) and the
/// leadership measures. Monte Carlo errors are shown only on request.
#[function_component(OptionCard)]
pub fn option_card(props: &OptionCardProps) -> Html {
    let r = &props.result;
    let q = &r.total.quantiles;
    let [e10, e50, e90] = r.total.p10_p50_p90_mcse();
    let years = trim_years(props.horizon as f64 / 12.0);
    html! {
        <article class={classes!("card", format!("opt-{}", props.index))} data-option={props.index.to_string()}>
            <h3><span class="swatch" aria-hidden="true"></span>{ &r.name }</h3>
            <dl>
                <div class="headline">
                    <dt>{ format!("Route's own cost over {years} years (median)") }
                        <span class="hint">{ "Director pay, interim day rates, search fees, partner contract and improvement team." }</span>
                    </dt>
                    <dd data-metric="route-cost">
                        { money(r.route_cost.quantiles.p50) }
                        { mcse(money(r.route_cost.p10_p50_p90_mcse()[1])) }
                    </dd>
                </div>
                <div>
                    <dt>{ "Route's own cost, 80% range" }</dt>
                    <dd data-metric="route-cost-range">{ format!("{} to {}", money(r.route_cost.quantiles.p10), money(r.route_cost.quantiles.p90)) }</dd>
                </div>
                if r.contract_let.mean > 0.0 {
                    <div>
                        <dt>{ "Paid to the partner (median; 90% of futures at most)" }
                            <span class="hint">{ format!(
                                "Fee paid on results plus variations and extensions; more than the contract value in {} of futures. The contract is let in {} of futures.",
                                percent(r.p_paid_above_value.mean),
                                percent(r.contract_let.mean)
                            ) }</span>
                        </dt>
                        <dd data-metric="paid-to-partner">{ format!("{} (P90 {})", money(r.paid_to_partner.quantiles.p50), money(r.paid_to_partner.quantiles.p90)) }</dd>
                    </div>
                }
                <div>
                    <dt>{ format!("Service spend over {years} years (median)") }
                        <span class="hint">{ "Social workers, agency premium, placements and SEN transport." }</span>
                    </dt>
                    <dd data-metric="service-spend">{ money(r.service_spend.quantiles.p50) }{ mcse(money(r.service_spend.p10_p50_p90_mcse()[1])) }</dd>
                </div>
                <div>
                    <dt>{ format!("Total spend over {years} years (median)") }</dt>
                    <dd data-metric="total-p50">
                        { money(q.p50) }
                        { mcse(money(e50)) }
                    </dd>
                </div>
                <div>
                    <dt>{ "Total spend, 80% range (P10 to P90)" }</dt>
                    <dd data-metric="total-range">
                        { format!("{} to {}", money(q.p10), money(q.p90)) }
                        <span class="mcse below" title="Monte Carlo errors of P10 and P90">{ format!("±{}, ±{}", money(e10), money(e90)) }</span>
                    </dd>
                </div>
                <div>
                    <dt>{ "Mean total spend" }</dt>
                    <dd data-metric="total-mean">{ money(q.mean) }{ mcse(money(r.total.mcse)) }</dd>
                </div>
                <div>
                    <dt>{ "Net present value (mean)" }</dt>
                    <dd data-metric="npv">{ money(r.npv.quantiles.mean) }{ mcse(money(r.npv.mcse)) }</dd>
                </div>
                <div class="context">
                    <dt>{ format!("Spend above budget over {years} years (mean)") }
                        <span class="hint">{ "Context, not a verdict: it depends on how the budget is set (Finance assumptions); compare the options with each other." }</span>
                    </dt>
                    <dd data-metric="overspend">
                        { money(r.overspend.quantiles.mean) }{ mcse(money(r.overspend.mcse)) }
                    </dd>
                </div>
                <div>
                    <dt>{ "Expected leadership changes" }</dt>
                    <dd data-metric="changes">{ one_decimal(r.leadership_changes.mean) }{ mcse(format!("{:.2}", r.leadership_changes.mcse)) }</dd>
                </div>
                <div>
                    <dt>{ "Months with a permanent or partner director" }</dt>
                    <dd data-metric="stable-share">{ percent(r.stable_share.mean) }<span class="mcse">{ format!(" {}", percent_error(r.stable_share.mcse)) }</span></dd>
                </div>
                <div>
                    <dt>{ "Chance of 24+ consecutive stable months" }</dt>
                    <dd data-metric="p-stable-24">{ percent(r.p_stable_24.mean) }<span class="mcse">{ format!(" {}", percent_error(r.p_stable_24.mcse)) }</span></dd>
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
