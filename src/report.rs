//! The single-file report: one self-contained HTML document with inline CSS,
//! the charts as inline SVG, the headline tables, the assumptions with
//! their sources, the caveats and the link. It loads nothing (no script, no
//! stylesheet, no image, no font), so it opens offline and can be emailed.
//! Pure: the page's download button is in [`crate::components::exports`].

use crate::components::verdict::sentence;
use crate::format::{money, percent, percent_error, thousands};
use crate::paper::{assumption_rows, chart_svg, versions, Details, CAVEATS};
use crate::params::Group;
use crate::view_model;
use turnaround_engine::{presets::PresetId, Results, ScenarioInput};

/// Text escaped for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#111;max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem;background:#fff}\
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #005a9c;padding-bottom:.2rem}\
.kicker{text-transform:uppercase;letter-spacing:.04em;color:#444;font-size:.8rem;margin:0}\
dl.meta{display:grid;grid-template-columns:auto 1fr;gap:.1rem 1rem;margin:.5rem 0}dl.meta dt{font-weight:700}dl.meta dd{margin:0}\
.link{font-family:ui-monospace,monospace;font-size:.8rem;word-break:break-all}\
.verdict{border-left:4px solid #005a9c;background:#f2f7fb;padding:.5rem 1rem}.verdict p{margin:.3rem 0;font-weight:600}\
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #ccc}\
thead th{border-bottom:2px solid #111}td.n{text-align:right;white-space:nowrap}tr.group th{background:#eee}\
.src{font-size:.78rem;color:#333}.est{font-weight:700}.note{color:#444;font-size:.85rem}\
figure{margin:1rem 0;break-inside:avoid}figure svg{width:100%;height:auto;display:block;border:1px solid #ccc}figcaption{font-size:.85rem;color:#333}\
@media print{body{max-width:none;font-size:10pt}h2{break-after:avoid}}";

fn row(cells: &[String]) -> String {
    format!("<tr>{}</tr>", cells.concat())
}

fn th(s: &str) -> String {
    format!("<th scope=\"row\">{}</th>", esc(s))
}

fn td(s: &str) -> String {
    format!("<td class=\"n\">{}</td>", esc(s))
}

fn figure(spec: Option<view_model::ChartSpec>, caption: &str) -> String {
    let Some(svg) = spec.and_then(|s| chart_svg(&s, 800, 380)) else {
        return String::new();
    };
    format!(
        "<figure>{svg}<figcaption>{}</figcaption></figure>",
        esc(caption)
    )
}

fn headline_tables(results: &Results) -> String {
    let mut s = String::from("<table id=\"options\"><thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Median total spend</th><th scope=\"col\">80% range (P10 to P90)</th><th scope=\"col\">Mean total</th><th scope=\"col\">Net present value (mean)</th><th scope=\"col\">Leadership changes</th><th scope=\"col\">Months with a permanent or partner director</th><th scope=\"col\">Chance of 24+ stable months</th></tr></thead><tbody>");
    for o in &results.options {
        let q = &o.total.quantiles;
        s.push_str(&row(&[
            th(&o.name),
            td(&money(q.p50)),
            td(&format!("{} to {}", money(q.p10), money(q.p90))),
            td(&money(q.mean)),
            td(&money(o.npv.quantiles.mean)),
            td(&format!("{:.1}", o.leadership_changes.mean)),
            td(&percent(o.stable_share.mean)),
            td(&percent(o.p_stable_24.mean)),
        ]));
    }
    s.push_str("</tbody></table>");
    s.push_str("<table id=\"pairs\"><thead><tr><th scope=\"col\">Pair (first minus second)</th><th scope=\"col\">Chance first is cheaper</th><th scope=\"col\">Median difference</th><th scope=\"col\">80% range of the difference</th><th scope=\"col\">Break-even month</th></tr></thead><tbody>");
    for p in &results.pairs {
        let d = &p.difference.quantiles;
        s.push_str(&row(&[
            th(&format!(
                "{} minus {}",
                results.options[p.a].name, results.options[p.b].name
            )),
            td(&percent(p.p_a_cheaper.mean)),
            td(&money(d.p50)),
            td(&format!("{} to {}", money(d.p10), money(d.p90))),
            td(&p
                .break_even_month
                .map_or_else(|| "none".to_string(), |m| m.to_string())),
        ]));
    }
    s.push_str("</tbody></table>");
    s
}

fn errors_table(results: &Results) -> String {
    let mut s = String::from("<table id=\"errors\"><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Monte Carlo error</th></tr></thead><tbody>");
    for o in &results.options {
        let [_, e50, _] = o.total.p10_p50_p90_mcse();
        s.push_str(&row(&[
            th(&format!("{}: median total", o.name)),
            td(&format!("\u{b1}{}", money(e50))),
        ]));
        s.push_str(&row(&[
            th(&format!("{}: chance of 24+ stable months", o.name)),
            td(&percent_error(o.p_stable_24.mcse)),
        ]));
    }
    for p in &results.pairs {
        s.push_str(&row(&[
            th(&format!(
                "Chance {} is cheaper than {}",
                results.options[p.a].name, results.options[p.b].name
            )),
            td(&percent_error(p.p_a_cheaper.mcse)),
        ]));
    }
    s.push_str("</tbody></table>");
    s
}

fn assumptions_table(preset: PresetId, baseline: &ScenarioInput, input: &ScenarioInput) -> String {
    let rows = assumption_rows(preset, baseline, input);
    let n = input.options.len();
    let mut s =
        String::from("<table id=\"assumptions\"><thead><tr><th scope=\"col\">Assumption</th>");
    for o in &input.options {
        s.push_str(&format!("<th scope=\"col\">{}</th>", esc(&o.name)));
    }
    s.push_str("<th scope=\"col\">Source (year)</th></tr></thead>");
    for g in Group::ALL {
        let in_group: Vec<_> = rows.iter().filter(|r| r.group == g).collect();
        if in_group.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "<tbody><tr class=\"group\"><th colspan=\"{}\" scope=\"colgroup\">{}</th></tr>",
            n + 2,
            esc(g.label())
        ));
        for r in in_group {
            let values = match r.common_value() {
                Some(v) => format!("<td colspan=\"{n}\">{}</td>", esc(v)),
                None => r
                    .values
                    .iter()
                    .map(|v| format!("<td>{}</td>", esc(v.as_deref().unwrap_or("not used"))))
                    .collect(),
            };
            let estimate = if r.estimate {
                "<span class=\"est\">Estimate. </span>"
            } else {
                ""
            };
            s.push_str(&format!(
                "<tr><th scope=\"row\">{}{}</th>{values}<td class=\"src\">{estimate}{}</td></tr>",
                esc(r.label),
                if r.changed { " *" } else { "" },
                esc(&r.source_text())
            ));
        }
        s.push_str("</tbody>");
    }
    s.push_str("</table>");
    s
}

/// Everything a report is made from.
pub struct ReportInput<'a> {
    /// The preset the scenario builds on.
    pub preset: PresetId,
    /// The preset's own scenario.
    pub baseline: &'a ScenarioInput,
    /// The scenario.
    pub input: &'a ScenarioInput,
    /// Its results.
    pub results: &'a Results,
    /// Name, author and council.
    pub details: &'a Details,
    /// The full link to the live scenario.
    pub url: &'a str,
    /// When the report was made, as text.
    pub made: &'a str,
}

/// The report as one HTML document.
pub fn html(r: &ReportInput<'_>) -> String {
    let title = r.details.title(r.input);
    let results = r.results;
    let sim = &r.input.simulation;
    let mut meta = String::new();
    for (k, v) in [
        ("Council", r.details.council.trim().to_string()),
        ("Author", r.details.author.trim().to_string()),
        ("Preset", r.preset.label().to_string()),
        ("Made", r.made.to_string()),
        ("Versions", versions()),
        (
            "Simulation",
            format!(
                "seed {}, {} paths, {} months",
                sim.seed,
                thousands(sim.paths as u64),
                sim.horizon_months
            ),
        ),
    ] {
        if !v.is_empty() {
            meta.push_str(&format!("<dt>{}</dt><dd>{}</dd>", esc(k), esc(&v)));
        }
    }
    let verdict: String = results
        .pairs
        .iter()
        .map(|p| format!("<p>{}</p>", esc(&sentence(results, p))))
        .collect();
    let mut charts = figure(
        Some(view_model::cumulative(results)),
        "Cumulative spend: shaded bands hold 90% and 50% of simulated futures; the line is the median.",
    );
    for (i, p) in results.pairs.iter().enumerate() {
        charts.push_str(&figure(
            view_model::difference(results, i),
            &format!(
                "Difference in total spend: {} minus {}, across futures.",
                results.options[p.a].name, results.options[p.b].name
            ),
        ));
    }
    charts.push_str(&figure(
        Some(view_model::annual(results)),
        "Mean spend per year, split by category, one bar per option.",
    ));
    for i in 0..results.options.len() {
        charts.push_str(&figure(
            view_model::seats(results, i),
            "Chance that the seat is held by a permanent, partner or interim director each month.",
        ));
    }
    charts.push_str(&figure(
        Some(view_model::agency(results)),
        "Agency share of social worker posts: median and bands across futures.",
    ));
    let caveats: String = CAVEATS
        .iter()
        .map(|c| format!("<li>{}</li>", esc(c)))
        .collect();
    let url = esc(r.url);
    format!(
        "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{t} \u{2013} Turnaround report</title><style>{STYLE}</style></head><body>\
<header><p class=\"kicker\">Turnaround report: leadership options for children's services</p><h1>{t}</h1>\
<dl class=\"meta\">{meta}</dl><p>Open the live scenario: <a class=\"link\" href=\"{url}\">{url}</a></p></header>\
<main><h2>The answer</h2><div class=\"verdict\">{verdict}</div>\
<h2>Headline figures</h2>{heads}<p class=\"note\">Money is nominal GBP. The 80% range is the uncertainty of the outcome; Monte Carlo errors are in the last table.</p>\
<h2>Charts</h2>{charts}\
<h2>Assumptions, every option</h2><p class=\"note\">Ranges read low \u{2013} likely \u{2013} high. * marks a value changed from the preset. \u{201c}Estimate\u{201d} marks the project's own figure where no published one exists.</p>{assumptions}\
<h2>What the model does and does not predict</h2><ul>{caveats}</ul>\
<h2>Monte Carlo errors</h2>{errors}</main></body></html>\n",
        t = esc(&title),
        heads = headline_tables(results),
        assumptions = assumptions_table(r.preset, r.baseline, r.input),
        errors = errors_table(results),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use turnaround_engine::presets::preset;

    #[test]
    fn the_report_is_self_contained_and_complete() {
        let mut input = preset(PresetId::Sandwell2012);
        input.options[0].name = "Recruit <now> & \"pay\"".into();
        let baseline = preset(PresetId::Sandwell2012);
        let scenario = turnaround_engine::validate(&input).unwrap();
        let results = turnaround_engine::simulate_with_paths(&scenario, 200);
        let details = Details {
            author: "A. Officer".into(),
            ..Details::default()
        };
        let page = html(&ReportInput {
            preset: PresetId::Sandwell2012,
            baseline: &baseline,
            input: &input,
            results: &results,
            details: &details,
            url: "https://example.org/turnaround/#v=1&preset=sandwell-2012",
            made: "27 November 2026",
        });
        assert!(page.starts_with("<!doctype html>"));
        // Nothing to fetch: no script, stylesheet link, image, font or url().
        for banned in [
            "<script", "<link", "<img", "<iframe", "src=", "url(", "@import",
        ] {
            assert!(!page.contains(banned), "{banned}");
        }
        // One chart per pair's difference, plus the others.
        let svgs = page.matches("<svg").count();
        assert_eq!(
            svgs,
            1 + results.pairs.len() + 1 + results.options.len() + 1
        );
        assert!(page.contains("Recruit &lt;now&gt; &amp; &quot;pay&quot;"));
        assert!(!page.contains("<now>"));
        assert!(page.contains("£1,150,000") && page.contains("iMPower"));
        assert!(page.contains("A. Officer") && page.contains("inspection outcomes"));
        assert!(
            page.contains("href=\"https://example.org/turnaround/#v=1&amp;preset=sandwell-2012\"")
        );
    }
}
