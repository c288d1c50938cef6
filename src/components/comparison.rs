//! The difference first: the chance one option costs less than another and
//! by how much, before any option's own figures. With three or four options,
//! a table ranks every option against a baseline the user chooses.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::format::{money, percent};
use crate::view_model::{ranked, route_cost, Ranked};
use turnaround_engine::Results;

/// Comparison properties.
#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// The results to compare.
    pub results: Rc<Results>,
}

/// A saving in words: `£1.7m less` or `£300k more` (never "-£0").
pub fn saving(v: f64) -> String {
    if v.abs() < 0.5 {
        "no difference".to_string()
    } else if v > 0.0 {
        format!("{} less", money(v))
    } else {
        format!("{} more", money(-v))
    }
}

/// The key figures for one option set against the baseline, in words:
/// (headline, chance figure, difference figure, range sentence).
pub fn key_figures(
    results: &Results,
    row: &Ranked,
    baseline: usize,
) -> (String, String, String, String) {
    let (i, k) = (
        &results.options[row.option].name,
        &results.options[baseline].name,
    );
    if row.identical {
        return (
            format!("{i} and {k} are identical"),
            "–".into(),
            money(0.0),
            format!("{i} and {k} have the same route and assumptions, so they cost the same in every simulated future. Change one of them to compare."),
        );
    }
    // Savings of the cheaper one: positive = it costs less.
    let (cheaper, other, p, s) = if row.p_cheaper >= row.p_dearer {
        (
            i,
            k,
            row.p_cheaper,
            [-row.diff[2], -row.diff[1], -row.diff[0]],
        )
    } else {
        (k, i, row.p_dearer, [row.diff[0], row.diff[1], row.diff[2]])
    };
    let headline = if (0.4..=0.6).contains(&p) {
        format!("Neither {cheaper} nor {other} is reliably cheaper")
    } else {
        format!(
            "{cheaper} is cheaper than {other} in {} of simulated futures",
            percent(p)
        )
    };
    (
        headline,
        percent(p),
        money(s[1].abs()),
        format!(
            "Median: {cheaper} costs {} than {other}. In 80% of futures, between {} and {}.",
            saving(s[1]),
            saving(s[0]),
            saving(s[2])
        ),
    )
}

/// The difference between options, first.
#[function_component(Comparison)]
pub fn comparison(props: &ComparisonProps) -> Html {
    let r = &props.results;
    let baseline = use_state(|| 0usize);
    let n = r.options.len();
    if n < 2 {
        return html! {};
    }
    let base = (*baseline).min(n - 1);
    let rows = ranked(r, base);
    let Some(best) = rows.first() else {
        return html! {};
    };
    let years = f64::from(r.horizon_months) / 12.0;
    let years = if years.fract() == 0.0 {
        format!("{years:.0}")
    } else {
        format!("{years:.1}")
    };
    let (headline, chance, diff, range) = key_figures(r, best, base);
    let cheaper = if best.p_cheaper >= best.p_dearer {
        best.option
    } else {
        base
    };
    let on_baseline = {
        let baseline = baseline.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            baseline.set(v.parse().unwrap_or(0));
        })
    };
    html! {
        <section class="comparison" aria-labelledby="comparison-h" data-baseline={base.to_string()}>
            <h2 id="comparison-h">{ "The difference" }</h2>
            // Against the first option, the verdict above already says this.
            // (Hidden rather than removed, so the controls below keep focus.)
            <p class="comparison-headline" data-metric="headline" hidden={base == 0}>{ headline }</p>
            <div class="key-figures">
                <div class="key">
                    <span class="key-label">{ if best.identical { "Chance either is cheaper".to_string() } else { format!("Chance {} costs less", r.options[cheaper].name) } }</span>
                    <span class="key-value" data-metric="p-cheaper">{ chance }</span>
                </div>
                <div class="key">
                    <span class="key-label">{ format!("Difference in total spend over {years} years (median)") }</span>
                    <span class="key-value" data-metric="diff-median">{ diff }</span>
                </div>
            </div>
            <p class="key-range" data-metric="diff-range-words" hidden={base == 0 && !best.identical}>{ range }</p>
            if n >= 3 {
                <div class="ranked">
                    <label class="baseline-picker">
                        <span>{ "Compare every option with" }</span>
                        <select onchange={on_baseline} aria-describedby="ranked-caption">
                            { for r.options.iter().enumerate().map(|(i, o)| html! {
                                <option value={i.to_string()} selected={i == base}>{ &o.name }</option>
                            }) }
                        </select>
                    </label>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ranked-caption">
                        <table class="ranked-table">
                            <caption id="ranked-caption">
                                { format!("Options ranked against {}, cheapest first (total spend over {years} years)", r.options[base].name) }
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ "Rank" }</th>
                                    <th scope="col">{ "Option" }</th>
                                    <th scope="col">{ format!("Chance it costs less than {}", r.options[base].name) }</th>
                                    <th scope="col">{ format!("Difference from {} (median)", r.options[base].name) }</th>
                                    <th scope="col">{ "80% of futures" }</th>
                                    <th scope="col">{ "Route's own cost (mean)" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for rows.iter().enumerate().map(|(rank, row)| html! {
                                    <tr data-option={row.option.to_string()}>
                                        <td>{ rank + 1 }</td>
                                        <th scope="row">{ &r.options[row.option].name }
                                            if row.identical { <span class="tag">{ " identical" }</span> }
                                        </th>
                                        <td>{ percent(row.p_cheaper) }</td>
                                        <td>{ saving(-row.diff[1]) }</td>
                                        <td>{ format!("{} to {}", saving(-row.diff[0]), saving(-row.diff[2])) }</td>
                                        <td>{ money(route_cost(&r.options[row.option])) }</td>
                                    </tr>
                                }) }
                                <tr class="baseline-row">
                                    <td>{ "–" }</td>
                                    <th scope="row">{ format!("{} (baseline)", r.options[base].name) }</th>
                                    <td>{ "–" }</td><td>{ "–" }</td><td>{ "–" }</td>
                                    <td>{ money(route_cost(&r.options[base])) }</td>
                                </tr>
                            </tbody>
                        </table>
                    </div>
                </div>
            }
        </section>
    }
}
