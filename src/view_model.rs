//! Engine results turned into what the page draws: chart data, hover
//! readouts and the accessible data table behind each chart. Pure, so the
//! same code is tested natively.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::charts::{
    self, Band, ChartError, ChartLayout, ChartStyle, DifferenceHistogram, FanChart, FanSeries,
    SeatStates, StackedAnnual, YUnit,
};
use crate::format::{money, percent};
use turnaround_engine::{Category, Quantiles, Results, SeatState};

/// Which chart, with its data.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// Cumulative spend fan per option.
    Cumulative(FanChart),
    /// Annual spend stacked by category, per option.
    Annual(StackedAnnual),
    /// Histogram of the total-spend difference between two options.
    Difference(DifferenceHistogram),
    /// Seat-state probability by month for one option.
    Seats(SeatStates),
    /// Agency share fan per option.
    Agency(FanChart),
    /// What drives the answer: the tornado, with its table.
    Tornado(charts::TornadoChart, Table),
    /// P(cheaper) against one input's value, with its table.
    BreakEven(charts::BreakEvenChart, Table),
}

/// A data table: column headings and rows of cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column headings.
    pub head: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<String>>,
}

fn band(q: &Quantiles) -> Band {
    Band {
        p5: q.p5,
        p25: q.p25,
        p50: q.p50,
        p75: q.p75,
        p95: q.p95,
    }
}

/// Cumulative spend fan chart data.
pub fn cumulative(results: &Results) -> ChartSpec {
    ChartSpec::Cumulative(FanChart {
        title: "Cumulative spend".into(),
        y_label: "Spend to date".into(),
        y_unit: YUnit::Money,
        series: results
            .options
            .iter()
            .map(|o| FanSeries {
                label: o.name.clone(),
                points: o.cumulative_total.iter().map(band).collect(),
            })
            .collect(),
    })
}

/// Agency share fan chart data.
pub fn agency(results: &Results) -> ChartSpec {
    ChartSpec::Agency(FanChart {
        title: "Agency share of social workers".into(),
        y_label: "Agency share".into(),
        y_unit: YUnit::Share,
        series: results
            .options
            .iter()
            .map(|o| FanSeries {
                label: o.name.clone(),
                points: o.agency_share.iter().map(band).collect(),
            })
            .collect(),
    })
}

/// Annual spend by category data.
pub fn annual(results: &Results) -> ChartSpec {
    ChartSpec::Annual(StackedAnnual {
        title: "Mean annual spend by category".into(),
        categories: Category::ALL
            .iter()
            .map(|c| c.label().to_string())
            .collect(),
        options: results
            .options
            .iter()
            .map(|o| {
                (
                    o.name.clone(),
                    o.annual_by_category_mean
                        .iter()
                        .map(|y| y.to_vec())
                        .collect(),
                )
            })
            .collect(),
    })
}

/// Difference histogram data for pair `pair` (None when there is no pair).
pub fn difference(results: &Results, pair: usize) -> Option<ChartSpec> {
    let p = results.pairs.get(pair)?;
    let q = &p.difference.quantiles;
    Some(ChartSpec::Difference(DifferenceHistogram {
        title: "Difference in total spend".into(),
        label_a: results.options[p.a].name.clone(),
        label_b: results.options[p.b].name.clone(),
        edges: p.difference_histogram.edges.clone(),
        counts: p.difference_histogram.counts.clone(),
        p10: q.p10,
        p50: q.p50,
        p90: q.p90,
    }))
}

/// Seat-state chart data for option `option`.
pub fn seats(results: &Results, option: usize) -> Option<ChartSpec> {
    let o = results.options.get(option)?;
    Some(ChartSpec::Seats(SeatStates {
        title: format!("Who holds the director's seat: {}", o.name),
        option: o.name.clone(),
        months: o.seat_probability.clone(),
    }))
}

impl ChartSpec {
    /// Draws the chart onto any plotters backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> Result<ChartLayout, ChartError> {
        match self {
            ChartSpec::Cumulative(d) => charts::draw_fan(area, d, style),
            ChartSpec::Agency(d) => charts::draw_fan(area, d, style),
            ChartSpec::Annual(d) => charts::draw_stacked_annual(area, d, style),
            ChartSpec::Difference(d) => charts::draw_difference_histogram(area, d, style),
            ChartSpec::Seats(d) => charts::draw_seat_states(area, d, style),
            ChartSpec::Tornado(d, _) => charts::draw_tornado(area, d, style),
            ChartSpec::BreakEven(d, _) => charts::draw_break_even(area, d, style),
        }
    }

    /// The sentence under the chart saying how to read it (the same on the
    /// page, in presentation mode and in exports).
    pub fn caption(&self) -> String {
        match self {
            ChartSpec::Cumulative(_) => {
                "Shaded bands hold 90% and 50% of simulated futures; the line is the median.".into()
            }
            ChartSpec::Agency(_) => {
                "Agency share of social worker posts: median and bands across futures.".into()
            }
            ChartSpec::Annual(_) => {
                "Mean spend per year, split by category, one bar per option.".into()
            }
            ChartSpec::Difference(d) => format!(
                "How much more or less {a} costs than {b}, across futures. Left of zero, {a} is cheaper.",
                a = d.label_a,
                b = d.label_b
            ),
            ChartSpec::Seats(_) => "Chance that the seat is held by a permanent, partner or interim director each month.".into(),
            ChartSpec::Tornado(..) => "Each input held at its low and then its high value on the same futures, everything else sampled as usual. The dashed line is the median with nothing held; left of £0 the first option is cheaper.".into(),
            ChartSpec::BreakEven(..) => "The chance the first option is cheaper as this input changes, on the same futures. The solid line marks the current value, the dashed line the break-even.".into(),
        }
    }

    /// Number of x positions a pointer can point at.
    pub fn len(&self) -> usize {
        match self {
            ChartSpec::Cumulative(d) | ChartSpec::Agency(d) => {
                d.series.first().map_or(0, |s| s.points.len())
            }
            ChartSpec::Annual(d) => d.options.first().map_or(0, |o| o.1.len()),
            ChartSpec::Difference(d) => d.counts.len(),
            ChartSpec::Seats(d) => d.months.len(),
            ChartSpec::Tornado(d, _) => usize::from(!d.bars.is_empty()),
            ChartSpec::BreakEven(d, _) => d.points.len(),
        }
    }

    /// True when there is nothing to point at.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The chart's title.
    pub fn title(&self) -> &str {
        match self {
            ChartSpec::Cumulative(d) | ChartSpec::Agency(d) => &d.title,
            ChartSpec::Annual(d) => &d.title,
            ChartSpec::Difference(d) => &d.title,
            ChartSpec::Seats(d) => &d.title,
            ChartSpec::Tornado(d, _) => &d.title,
            ChartSpec::BreakEven(d, _) => &d.title,
        }
    }

    fn fan_value(unit: YUnit, v: f64) -> String {
        match unit {
            YUnit::Money => money(v),
            YUnit::Share => percent(v),
        }
    }

    /// The hover readout at x position `i`.
    pub fn readout(&self, i: usize) -> String {
        match self {
            ChartSpec::Tornado(d, _) => match d.bars.first() {
                Some(top) => format!(
                    "Largest swing: {}, {} to {} ({} minus {}, median)",
                    top.label,
                    money(top.low),
                    money(top.high),
                    d.label_a,
                    d.label_b
                ),
                None => String::new(),
            },
            ChartSpec::BreakEven(d, t) => match (d.points.get(i), t.rows.get(i)) {
                (Some((_, p)), Some(row)) => format!(
                    "At {}: P({} cheaper) {}",
                    row.first().cloned().unwrap_or_default(),
                    d.label_a,
                    percent(*p)
                ),
                _ => String::new(),
            },
            ChartSpec::Cumulative(d) | ChartSpec::Agency(d) => {
                let parts: Vec<String> = d
                    .series
                    .iter()
                    .filter_map(|s| {
                        s.points.get(i).map(|b| {
                            format!(
                                "{}: median {} (50% {}–{}, 90% {}–{})",
                                s.label,
                                Self::fan_value(d.y_unit, b.p50),
                                Self::fan_value(d.y_unit, b.p25),
                                Self::fan_value(d.y_unit, b.p75),
                                Self::fan_value(d.y_unit, b.p5),
                                Self::fan_value(d.y_unit, b.p95)
                            )
                        })
                    })
                    .collect();
                format!("Month {}: {}", i + 1, parts.join("; "))
            }
            ChartSpec::Annual(d) => {
                let parts: Vec<String> = d
                    .options
                    .iter()
                    .filter_map(|(name, years)| {
                        years
                            .get(i)
                            .map(|y| format!("{name}: {}", money(y.iter().sum())))
                    })
                    .collect();
                format!("Year {}: {}", i + 1, parts.join("; "))
            }
            ChartSpec::Difference(d) => {
                let (lo, hi) = (d.edges[i], d.edges[i + 1]);
                let total: u32 = d.counts.iter().sum();
                format!(
                    "{} to {}: {} of futures",
                    money(lo),
                    money(hi),
                    percent(d.counts[i] as f64 / total.max(1) as f64)
                )
            }
            ChartSpec::Seats(d) => {
                let m = d.months[i];
                let names = SeatState::ALL.map(|s| s.label());
                format!(
                    "Month {}: {} {}, {} {}, {} {}",
                    i + 1,
                    names[0],
                    percent(m[0]),
                    names[1],
                    percent(m[1]),
                    names[2],
                    percent(m[2])
                )
            }
        }
    }

    /// The data behind the chart, as a table for screen readers and copying.
    /// Monthly charts list every sixth month and the last.
    pub fn table(&self) -> Table {
        let sampled = |n: usize| -> Vec<usize> {
            (0..n)
                .filter(|i| (i + 1) % 6 == 0 || *i + 1 == n || *i == 0)
                .collect()
        };
        match self {
            ChartSpec::Cumulative(d) | ChartSpec::Agency(d) => {
                let mut head = vec!["Month".to_string()];
                for s in &d.series {
                    for q in ["P5", "P25", "Median", "P75", "P95"] {
                        head.push(format!("{} {q}", s.label));
                    }
                }
                let rows = sampled(self.len())
                    .into_iter()
                    .map(|i| {
                        let mut row = vec![(i + 1).to_string()];
                        for s in &d.series {
                            let b = &s.points[i];
                            for v in [b.p5, b.p25, b.p50, b.p75, b.p95] {
                                row.push(Self::fan_value(d.y_unit, v));
                            }
                        }
                        row
                    })
                    .collect();
                Table { head, rows }
            }
            ChartSpec::Annual(d) => {
                let mut head = vec!["Year".to_string(), "Option".to_string()];
                head.extend(d.categories.iter().cloned());
                head.push("Total".into());
                let mut rows = Vec::new();
                for y in 0..self.len() {
                    for (name, years) in &d.options {
                        let mut row = vec![(y + 1).to_string(), name.clone()];
                        row.extend(years[y].iter().map(|v| money(*v)));
                        row.push(money(years[y].iter().sum()));
                        rows.push(row);
                    }
                }
                Table { head, rows }
            }
            ChartSpec::Difference(d) => {
                let total: u32 = d.counts.iter().sum();
                Table {
                    head: vec![
                        format!("{} minus {}, from", d.label_a, d.label_b),
                        "to".into(),
                        "Share of futures".into(),
                    ],
                    rows: d
                        .counts
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| **c > 0)
                        .map(|(i, c)| {
                            vec![
                                money(d.edges[i]),
                                money(d.edges[i + 1]),
                                percent(*c as f64 / total.max(1) as f64),
                            ]
                        })
                        .collect(),
                }
            }
            ChartSpec::Seats(d) => {
                let mut head = vec!["Month".to_string()];
                head.extend(SeatState::ALL.iter().map(|s| s.label().to_string()));
                Table {
                    head,
                    rows: sampled(d.months.len())
                        .into_iter()
                        .map(|i| {
                            let mut row = vec![(i + 1).to_string()];
                            row.extend(d.months[i].iter().map(|v| percent(*v)));
                            row
                        })
                        .collect(),
                }
            }
            ChartSpec::Tornado(_, t) | ChartSpec::BreakEven(_, t) => t.clone(),
        }
    }
}

/// What the leadership route itself costs an option over the horizon (mean):
/// leadership plus contract and improvement team, as the engine reports it.
pub fn route_cost(option: &turnaround_engine::OptionResult) -> f64 {
    option.route_cost.quantiles.mean
}

/// One option set against a chosen baseline option, for the ranked table.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Option index.
    pub option: usize,
    /// Chance the option costs less than the baseline in total.
    pub p_cheaper: f64,
    /// Chance the baseline costs less than the option.
    pub p_dearer: f64,
    /// Option minus baseline, total spend: P10, median, P90, mean.
    pub diff: [f64; 4],
    /// True when the two ran identically (the same cost in every future).
    pub identical: bool,
}

/// The pair result for options `i` and `k` as "`i` minus `k`".
pub fn versus(results: &Results, i: usize, k: usize) -> Option<Ranked> {
    let (a, b) = (i.min(k), i.max(k));
    let p = results.pairs.iter().find(|p| p.a == a && p.b == b)?;
    let q = &p.difference.quantiles; // a minus b
    let identical = p.p_a_cheaper.mean == 0.0 && p.p_b_cheaper.mean == 0.0;
    Some(if i == a {
        Ranked {
            option: i,
            p_cheaper: p.p_a_cheaper.mean,
            p_dearer: p.p_b_cheaper.mean,
            diff: [q.p10, q.p50, q.p90, q.mean],
            identical,
        }
    } else {
        Ranked {
            option: i,
            p_cheaper: p.p_b_cheaper.mean,
            p_dearer: p.p_a_cheaper.mean,
            diff: [-q.p90, -q.p50, -q.p10, -q.mean],
            identical,
        }
    })
}

/// Every other option against `baseline`, cheapest first (by the median
/// difference, then by the chance of being cheaper).
pub fn ranked(results: &Results, baseline: usize) -> Vec<Ranked> {
    let mut rows: Vec<Ranked> = (0..results.options.len())
        .filter(|&i| i != baseline)
        .filter_map(|i| versus(results, i, baseline))
        .collect();
    crate::order::sort_by(&mut rows, |x, y| {
        x.diff[1]
            .total_cmp(&y.diff[1])
            .then(y.p_cheaper.total_cmp(&x.p_cheaper))
    });
    rows
}

/// The tornado chart of a pair, with its data table.
pub fn tornado(t: &turnaround_engine::insight::Tornado, names: &[String]) -> ChartSpec {
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    ChartSpec::Tornado(
        charts::TornadoChart {
            title: format!(
                "What drives the answer: {} against {}",
                name(t.a),
                name(t.b)
            ),
            label_a: name(t.a),
            label_b: name(t.b),
            base: t.base.median_difference,
            bars: t
                .rows
                .iter()
                .take(12)
                .map(|r| charts::TornadoBar {
                    label: crate::drivers::label(&r.input, names),
                    low: r.low.median_difference,
                    high: r.high.median_difference,
                })
                .collect(),
        },
        crate::drivers::tornado_table(t, names),
    )
}

/// The break-even chart of one input, with its data table.
pub fn break_even(be: &turnaround_engine::insight::BreakEven, names: &[String]) -> ChartSpec {
    use crate::params::Unit;
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    let label = crate::drivers::label(&be.input, names);
    let x_unit = match crate::drivers::unit(&be.input) {
        Unit::Gbp | Unit::GbpPerYear | Unit::GbpPerWeek | Unit::GbpPerDay => charts::XUnit::Money,
        Unit::Percent | Unit::PercentPerYear => charts::XUnit::Share,
        _ => charts::XUnit::Number,
    };
    ChartSpec::BreakEven(
        charts::BreakEvenChart {
            title: format!("Break-even: {label}"),
            x_label: label,
            label_a: name(be.a),
            x_unit: Some(x_unit),
            points: be.curve.iter().map(|p| (p.value, p.p_a_cheaper)).collect(),
            current: be.input.likely,
            crossing: be.p_crossing.map(|c| c.value),
        },
        crate::drivers::curve_table(be, names),
    )
}
