//! The shared context of one path: per-path draws of the context's uncertain
//! inputs, and the month-by-month evolution every option sees identically
//! (children looked after, price indices, and the month's random draws).

use crate::input::{Range, ScenarioInput};
use crate::rng::{
    normal_inverse, triangular_inverse, Stream, STREAM_CONTEXT, STREAM_LEADERSHIP, STREAM_PARAMS,
};

use super::leadership::lead;
use super::CARE_FLOW_PER_MONTH;

/// Indices of the per-path parameter uniforms (stream 1). Each uncertain input
/// has its own fixed index, so changing one range never moves another's draw.
pub(crate) mod param {
    pub const PERMANENT_COST_PER_FTE: usize = 0;
    pub const AGENCY_PREMIUM: usize = 1;
    pub const BASE_TURNOVER: usize = 2;
    pub const PAY_INFLATION: usize = 3;
    pub const NET_GROWTH: usize = 4;
    pub const WEEKLY_COST: usize = 5; // 5..=10
    pub const PLACEMENT_INFLATION: usize = 11;
    pub const SEN_COST: usize = 12;
    pub const SEN_GROWTH: usize = 13;
    pub const SEN_INFLATION: usize = 14;
    pub const DCS_PAY: usize = 15;
    pub const INTERIM_RATE: usize = 16;
    pub const INTERIM_STAY: usize = 17;
    pub const TENURE_MEAN: usize = 18;
    pub const PROCUREMENT: usize = 19;
    pub const FIRST_CAMPAIGN_LENGTH: usize = 20;
    pub const FIRST_CAMPAIGN_FEE: usize = 21;
    pub const COUNT: usize = 22;
}

/// Scenario-wide constants used in the monthly step.
pub(crate) struct Consts {
    pub establishment: f64,
    pub interim_target: f64,
    pub start_level: f64,
    pub inv_ramp: f64,
    pub shock: f64,
    pub alpha: f64,
    pub churn: f64,
    pub recruitment_coupling: f64,
    pub placement_coupling: f64,
    pub sen_coupling: f64,
    pub base_fill: f64,
    pub shift_share: f64,
    pub inv_target_month: f64,
    pub training_month: f64,
    pub cost_per_trainee: f64,
}

impl Consts {
    pub(crate) fn new(input: &ScenarioInput) -> Consts {
        let cx = &input.context;
        Consts {
            establishment: cx.workforce.establishment_fte,
            interim_target: cx.stability.interim_target,
            start_level: cx.stability.start_level,
            inv_ramp: if cx.stability.ramp_months > 0.0 {
                1.0 / cx.stability.ramp_months
            } else {
                f64::INFINITY
            },
            shock: cx.stability.shock,
            alpha: 1.0 - libm::exp(-1.0 / cx.stability.time_constant_months),
            churn: cx.stability.churn_coupling,
            recruitment_coupling: cx.stability.recruitment_coupling,
            placement_coupling: cx.stability.placement_coupling,
            sen_coupling: cx.stability.sen_coupling,
            base_fill: cx.workforce.base_fill_rate,
            shift_share: cx.placements.shift.share,
            inv_target_month: 1.0 / cx.placements.shift.target_month.max(1) as f64,
            training_month: cx.sen.training_per_year / 12.0,
            cost_per_trainee: cx.sen.cost_per_trainee,
        }
    }
}

/// One path's shared context: identical in every option.
#[derive(Debug, Clone)]
pub(crate) struct PathContext {
    ctx: Stream,
    lead: Stream,
    // Per-path draws.
    pub perm_cost_month: f64,
    pub premium_month: f64,
    pub turnover: f64,
    pay_growth: f64,
    placement_growth: f64,
    children_growth: f64,
    pub base_weekly: f64,
    pub shift_delta_weekly: f64,
    pub sen_cost_month: f64,
    sen_growth: f64,
    sen_price_growth: f64,
    // Evolving.
    pub children: f64,
    pub pay_index: f64,
    pub placement_index: f64,
    pub sen_index: f64,
    pub sen_pupils: f64,
}

/// Per-path uniforms for the option-specific draws (used at set-up).
#[derive(Debug, Clone)]
pub(crate) struct PathUniforms {
    pub dcs_pay: f64,
    pub interim_rate: f64,
    pub interim_stay: f64,
    pub tenure_mean: f64,
    pub procurement: f64,
    pub first_length: f64,
    pub first_fee: f64,
}

/// One path's draws for one month, shared by every option.
#[derive(Debug, Clone)]
pub(crate) struct Draws {
    pub z_leavers: f64,
    pub u: [f64; lead::COUNT],
}

pub(crate) fn monthly_growth(annual: f64) -> f64 {
    libm::pow(1.0 + annual, 1.0 / 12.0)
}

impl PathContext {
    /// Path `p`'s context and the uniforms its options draw from.
    pub(crate) fn new(input: &ScenarioInput, seed: u64, p: usize) -> (PathContext, PathUniforms) {
        let cx = &input.context;
        let mut params = Stream::new(seed, p as u64, STREAM_PARAMS);
        let u: [f64; param::COUNT] = core::array::from_fn(|_| params.uniform());
        let tri = |r: &Range, i: usize| triangular_inverse(r, u[i]);
        let w = &cx.workforce;
        let pl = &cx.placements;
        let weekly: [f64; 6] =
            core::array::from_fn(|k| tri(&pl.weekly_cost[k], param::WEEKLY_COST + k));
        let base_weekly: f64 = pl.mix.iter().zip(&weekly).map(|(m, c)| m * c).sum();
        let shift_delta_weekly = weekly[pl.shift.to.index()] - weekly[pl.shift.from.index()];
        let pc = PathContext {
            ctx: Stream::new(seed, p as u64, STREAM_CONTEXT),
            lead: Stream::new(seed, p as u64, STREAM_LEADERSHIP),
            perm_cost_month: tri(&w.permanent_cost_per_fte, param::PERMANENT_COST_PER_FTE) / 12.0,
            premium_month: tri(&w.agency_premium_per_fte, param::AGENCY_PREMIUM) / 12.0,
            turnover: tri(&w.base_turnover, param::BASE_TURNOVER),
            pay_growth: monthly_growth(tri(&w.pay_inflation, param::PAY_INFLATION)),
            placement_growth: monthly_growth(tri(&pl.inflation, param::PLACEMENT_INFLATION)),
            children_growth: monthly_growth(tri(&pl.net_growth, param::NET_GROWTH)) - 1.0,
            base_weekly,
            shift_delta_weekly,
            sen_cost_month: tri(&cx.sen.cost_per_pupil, param::SEN_COST) / 12.0,
            sen_growth: monthly_growth(tri(&cx.sen.growth, param::SEN_GROWTH)),
            sen_price_growth: monthly_growth(tri(&cx.sen.inflation, param::SEN_INFLATION)),
            children: pl.children_start,
            pay_index: 1.0,
            placement_index: 1.0,
            sen_index: 1.0,
            sen_pupils: cx.sen.pupils,
        };
        let pu = PathUniforms {
            dcs_pay: u[param::DCS_PAY],
            interim_rate: u[param::INTERIM_RATE],
            interim_stay: u[param::INTERIM_STAY],
            tenure_mean: u[param::TENURE_MEAN],
            procurement: u[param::PROCUREMENT],
            first_length: u[param::FIRST_CAMPAIGN_LENGTH],
            first_fee: u[param::FIRST_CAMPAIGN_FEE],
        };
        (pc, pu)
    }

    /// Advance by one month and draw the month's uniforms (a fixed number
    /// from each stream, whatever happens).
    #[inline]
    pub(crate) fn advance(&mut self) -> Draws {
        let u_leave = self.ctx.uniform();
        let u_children = self.ctx.uniform();
        let u: [f64; lead::COUNT] = core::array::from_fn(|_| self.lead.uniform());
        let z_leavers = normal_inverse(u_leave);
        let z_children = normal_inverse(u_children);
        self.pay_index *= self.pay_growth;
        self.placement_index *= self.placement_growth;
        self.sen_index *= self.sen_price_growth;
        self.sen_pupils *= self.sen_growth;
        let c = self.children;
        self.children =
            (c + c * self.children_growth + z_children * (c * CARE_FLOW_PER_MONTH).sqrt()).max(0.0);
        Draws { z_leavers, u }
    }
}
