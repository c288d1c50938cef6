//! The shared context of one path: per-path draws of the context's uncertain
//! inputs, and the month-by-month evolution every option sees identically
//! (children looked after, price indices, and the month's random draws).

use crate::input::{Range, ScenarioInput};
use crate::rng::{
    normal_inverse, triangular_inverse, Stream, STREAM_CONTEXT, STREAM_LEADERSHIP, STREAM_PARAMS,
};

use super::leadership::lead;
use super::{Lanes, BLOCK, CARE_FLOW_PER_MONTH, ZERO_LANES};
use crate::float::max;

/// Indices of the per-path parameter uniforms (stream 1). Each uncertain input
/// has its own fixed index, so changing one range never moves another's draw,
/// and an option-specific input uses the same uniform in every option (so two
/// options with the same range draw the same value on a path). Indices 0 to
/// 21 are model 2's; model 3's inputs follow.
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
    // Model 3.
    pub const TEAM_STRENGTH: usize = 22;
    pub const PARTNER_EXIT: usize = 23;
    pub const REPLACEMENT: usize = 24;
    pub const HANDOVER: usize = 25;
    pub const PROCUREMENT_FAILURE: usize = 26;
    pub const CAMPAIGN_SUCCESS: usize = 27;
    pub const RECRUITMENT: usize = 28;
    pub const MIX_SHIFT: usize = 29;
    pub const TRAVEL_TRAINING: usize = 30;
    pub const SHOCK: usize = 31;
    pub const CHURN: usize = 32;
    pub const RECRUITMENT_COUPLING: usize = 33;
    pub const PLACEMENT_COUPLING: usize = 34;
    pub const SEN_COUPLING: usize = 35;
    pub const DEMAND_COUPLING: usize = 36;
    pub const CHANGE_TURNOVER: usize = 37;
    pub const MIX_DECAY: usize = 38;
    pub const SEN_RETURN: usize = 39;
    pub const PROCUREMENT_COST: usize = 40;
    pub const MANAGEMENT: usize = 41;
    pub const VARIATION_PROBABILITY: usize = 42;
    pub const VARIATION_SHARE: usize = 43;
    pub const ARRIVAL_TURNOVER: usize = 44;
    pub const OWN_TEAM_COST: usize = 45;
    pub const OWN_TEAM_EFFECT: usize = 46;
    pub const COUNT: usize = 47;
}

/// A path's parameter uniforms.
pub(crate) type ParamUniforms = [f64; param::COUNT];

/// Scenario-wide constants used in the monthly step.
pub(crate) struct Consts {
    pub establishment: f64,
    pub interim_target: f64,
    pub start_level: f64,
    pub inv_ramp: f64,
    pub alpha: f64,
    pub base_fill: f64,
    pub shift_share: f64,
    pub inv_target_month: f64,
    pub training_month: f64,
    pub cost_per_trainee: f64,
    pub disruption_months: f64,
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
            alpha: 1.0 - libm::exp(-1.0 / cx.stability.time_constant_months),
            base_fill: cx.workforce.base_fill_rate,
            shift_share: cx.placements.shift.share,
            inv_target_month: 1.0 / cx.placements.shift.target_month.max(1) as f64,
            training_month: cx.sen.training_per_year / 12.0,
            cost_per_trainee: cx.sen.cost_per_trainee,
            disruption_months: cx.workforce.disruption_months,
        }
    }
}

/// The context inputs drawn once per path, with the field each comes from
/// (for [`crate::PathDraws`]).
pub(crate) fn context_draws(input: &ScenarioInput, u: &ParamUniforms) -> Vec<(&'static str, f64)> {
    let cx = &input.context;
    let (w, pl, sen, st) = (&cx.workforce, &cx.placements, &cx.sen, &cx.stability);
    let mut out: Vec<(&'static str, f64)> = Vec::with_capacity(24);
    let mut push = |name: &'static str, r: &Range, i: usize| {
        out.push((name, triangular_inverse(r, u[i])));
    };
    push(
        "context.workforce.permanent_cost_per_fte",
        &w.permanent_cost_per_fte,
        param::PERMANENT_COST_PER_FTE,
    );
    push(
        "context.workforce.agency_premium_per_fte",
        &w.agency_premium_per_fte,
        param::AGENCY_PREMIUM,
    );
    push(
        "context.workforce.base_turnover",
        &w.base_turnover,
        param::BASE_TURNOVER,
    );
    push(
        "context.workforce.pay_inflation",
        &w.pay_inflation,
        param::PAY_INFLATION,
    );
    push(
        "context.workforce.change_turnover",
        &w.change_turnover,
        param::CHANGE_TURNOVER,
    );
    push(
        "context.placements.net_growth",
        &pl.net_growth,
        param::NET_GROWTH,
    );
    const WEEKLY_COST: [&str; 6] = [
        "context.placements.weekly_cost[0]",
        "context.placements.weekly_cost[1]",
        "context.placements.weekly_cost[2]",
        "context.placements.weekly_cost[3]",
        "context.placements.weekly_cost[4]",
        "context.placements.weekly_cost[5]",
    ];
    for (k, (r, name)) in pl.weekly_cost.iter().zip(WEEKLY_COST).enumerate() {
        push(name, r, param::WEEKLY_COST + k);
    }
    push(
        "context.placements.inflation",
        &pl.inflation,
        param::PLACEMENT_INFLATION,
    );
    push(
        "context.placements.mix_decay",
        &pl.mix_decay,
        param::MIX_DECAY,
    );
    push(
        "context.sen.cost_per_pupil",
        &sen.cost_per_pupil,
        param::SEN_COST,
    );
    push("context.sen.growth", &sen.growth, param::SEN_GROWTH);
    push(
        "context.sen.inflation",
        &sen.inflation,
        param::SEN_INFLATION,
    );
    push(
        "context.sen.return_rate",
        &sen.return_rate,
        param::SEN_RETURN,
    );
    push("context.stability.shock", &st.shock, param::SHOCK);
    push(
        "context.stability.churn_coupling",
        &st.churn_coupling,
        param::CHURN,
    );
    push(
        "context.stability.recruitment_coupling",
        &st.recruitment_coupling,
        param::RECRUITMENT_COUPLING,
    );
    push(
        "context.stability.placement_coupling",
        &st.placement_coupling,
        param::PLACEMENT_COUPLING,
    );
    push(
        "context.stability.sen_coupling",
        &st.sen_coupling,
        param::SEN_COUPLING,
    );
    push(
        "context.stability.demand_coupling",
        &st.demand_coupling,
        param::DEMAND_COUPLING,
    );
    out
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
    pub shock: f64,
    pub churn: f64,
    pub recruitment_coupling: f64,
    pub placement_coupling: f64,
    pub sen_coupling: f64,
    /// Extra monthly growth factor in children at S = 0.
    pub demand_month: f64,
    /// Extra monthly leaving probability after a leadership change.
    pub change_leave_month: f64,
    /// Monthly decay rate of mix-shift progress.
    pub mix_decay_month: f64,
    /// Monthly fraction of travel-trained pupils whose saving ends (return or age out).
    pub trained_exit_month: f64,
    fill_sigma: f64,
    // Evolving.
    pub children: f64,
    pub pay_index: f64,
    pub placement_index: f64,
    pub sen_index: f64,
    pub sen_pupils: f64,
}

/// A block of paths' shared context for one month, one lane a path (see
/// [`super::service::ServiceLanes`]).
#[derive(Clone)]
pub(crate) struct ContextLanes {
    // Per-path draws (set at a block's first month).
    pub perm_cost_month: Lanes,
    pub premium_month: Lanes,
    pub turnover: Lanes,
    pub base_weekly: Lanes,
    pub shift_delta_weekly: Lanes,
    pub sen_cost_month: Lanes,
    pub shock: Lanes,
    pub churn: Lanes,
    pub recruitment_coupling: Lanes,
    pub placement_coupling: Lanes,
    pub sen_coupling: Lanes,
    pub demand_month: Lanes,
    pub change_leave_month: Lanes,
    pub mix_decay_month: Lanes,
    pub trained_exit_month: Lanes,
    // The month's values.
    pub children: Lanes,
    pub pay_index: Lanes,
    pub placement_index: Lanes,
    pub sen_index: Lanes,
    pub sen_pupils: Lanes,
    pub z_leavers: Lanes,
    pub fill_luck: Lanes,
    /// The month's leadership uniforms.
    pub u: [[f64; lead::COUNT]; BLOCK],
}

impl ContextLanes {
    pub(crate) fn new() -> Box<ContextLanes> {
        let z = ZERO_LANES;
        Box::new(ContextLanes {
            perm_cost_month: z,
            premium_month: z,
            turnover: z,
            base_weekly: z,
            shift_delta_weekly: z,
            sen_cost_month: z,
            shock: z,
            churn: z,
            recruitment_coupling: z,
            placement_coupling: z,
            sen_coupling: z,
            demand_month: z,
            change_leave_month: z,
            mix_decay_month: z,
            trained_exit_month: z,
            children: z,
            pay_index: z,
            placement_index: z,
            sen_index: z,
            sen_pupils: z,
            z_leavers: z,
            fill_luck: z,
            u: [[0.0; lead::COUNT]; BLOCK],
        })
    }

    /// Lane `i` takes path `pc`'s per-path draws.
    pub(crate) fn set_path(&mut self, i: usize, pc: &PathContext) {
        self.perm_cost_month[i] = pc.perm_cost_month;
        self.premium_month[i] = pc.premium_month;
        self.turnover[i] = pc.turnover;
        self.base_weekly[i] = pc.base_weekly;
        self.shift_delta_weekly[i] = pc.shift_delta_weekly;
        self.sen_cost_month[i] = pc.sen_cost_month;
        self.shock[i] = pc.shock;
        self.churn[i] = pc.churn;
        self.recruitment_coupling[i] = pc.recruitment_coupling;
        self.placement_coupling[i] = pc.placement_coupling;
        self.sen_coupling[i] = pc.sen_coupling;
        self.demand_month[i] = pc.demand_month;
        self.change_leave_month[i] = pc.change_leave_month;
        self.mix_decay_month[i] = pc.mix_decay_month;
        self.trained_exit_month[i] = pc.trained_exit_month;
    }

    /// Lane `i` takes path `pc`'s month (after [`PathContext::advance`]
    /// gave `d`).
    #[inline(always)]
    pub(crate) fn set_month(&mut self, i: usize, pc: &PathContext, d: &Draws) {
        self.children[i] = pc.children;
        self.pay_index[i] = pc.pay_index;
        self.placement_index[i] = pc.placement_index;
        self.sen_index[i] = pc.sen_index;
        self.sen_pupils[i] = pc.sen_pupils;
        self.z_leavers[i] = d.z_leavers;
        self.fill_luck[i] = d.fill_luck;
        self.u[i] = d.u;
    }
}

/// One path's draws for one month, shared by every option.
#[derive(Debug, Clone)]
pub(crate) struct Draws {
    pub z_leavers: f64,
    /// Vacancy-filling luck: a factor with mean 1 (see [`PathContext::advance`]).
    pub fill_luck: f64,
    pub u: [f64; lead::COUNT],
}

/// One path's random numbers for one month: the same whatever the
/// scenario's values (they depend on the seed, the path and the month only),
/// so the insight's reruns draw them once ([`super::ContextDraws`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct MonthDraws {
    pub z_leavers: f64,
    pub z_children: f64,
    pub u_fill: f64,
    pub u: [f64; lead::COUNT],
}

impl MonthDraws {
    /// The month's numbers from the path's context and leadership streams.
    #[inline(always)]
    pub(crate) fn draw(ctx: &mut Stream, lead: &mut Stream) -> MonthDraws {
        let u_leave = ctx.uniform();
        let u_children = ctx.uniform();
        let u_fill = ctx.uniform();
        let u: [f64; lead::COUNT] = core::array::from_fn(|_| lead.uniform());
        MonthDraws {
            z_leavers: normal_inverse(u_leave),
            z_children: normal_inverse(u_children),
            u_fill,
            u,
        }
    }

    /// The streams path `p` of a run with `seed` draws its months from.
    pub(crate) fn streams(seed: u64, p: usize) -> (Stream, Stream) {
        (
            Stream::new(seed, p as u64, STREAM_CONTEXT),
            Stream::new(seed, p as u64, STREAM_LEADERSHIP),
        )
    }
}

/// sqrt(12): a uniform on (-1/2, 1/2) times this has standard deviation 1.
const SQRT_12: f64 = 3.464_101_615_137_754_6;

pub(crate) fn monthly_growth(annual: f64) -> f64 {
    libm::pow(1.0 + annual, 1.0 / 12.0)
}

impl PathContext {
    /// Path `p`'s context and the parameter uniforms its options draw from.
    pub(crate) fn new(input: &ScenarioInput, seed: u64, p: usize) -> (PathContext, ParamUniforms) {
        let cx = &input.context;
        let mut params = Stream::new(seed, p as u64, STREAM_PARAMS);
        let u: ParamUniforms = core::array::from_fn(|_| params.uniform());
        let tri = |r: &Range, i: usize| triangular_inverse(r, u[i]);
        let w = &cx.workforce;
        let pl = &cx.placements;
        let st = &cx.stability;
        let weekly: [f64; 6] =
            core::array::from_fn(|k| tri(&pl.weekly_cost[k], param::WEEKLY_COST + k));
        let base_weekly: f64 = pl.mix.iter().zip(&weekly).map(|(m, c)| m * c).sum();
        let shift_delta_weekly = weekly[pl.shift.to.index()] - weekly[pl.shift.from.index()];
        let (ctx, lead) = MonthDraws::streams(seed, p);
        let pc = PathContext {
            ctx,
            lead,
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
            shock: tri(&st.shock, param::SHOCK),
            churn: tri(&st.churn_coupling, param::CHURN),
            recruitment_coupling: tri(&st.recruitment_coupling, param::RECRUITMENT_COUPLING),
            placement_coupling: tri(&st.placement_coupling, param::PLACEMENT_COUPLING),
            sen_coupling: tri(&st.sen_coupling, param::SEN_COUPLING),
            demand_month: tri(&st.demand_coupling, param::DEMAND_COUPLING) / 12.0,
            change_leave_month: tri(&w.change_turnover, param::CHANGE_TURNOVER) / 12.0,
            mix_decay_month: tri(&pl.mix_decay, param::MIX_DECAY) / 12.0,
            trained_exit_month: ((tri(&cx.sen.return_rate, param::SEN_RETURN)
                + cx.sen.age_out_rate)
                / 12.0)
                .min(1.0),
            fill_sigma: w.fill_variability,
            children: pl.children_start,
            pay_index: 1.0,
            placement_index: 1.0,
            sen_index: 1.0,
            sen_pupils: cx.sen.pupils,
        };
        (pc, u)
    }

    /// Advance by one month and draw the month's uniforms (a fixed number
    /// from each stream, whatever happens).
    #[inline]
    pub(crate) fn advance(&mut self) -> Draws {
        let m = MonthDraws::draw(&mut self.ctx, &mut self.lead);
        self.apply(&m)
    }

    /// Advance by one month with the month's random numbers already drawn
    /// (by [`MonthDraws::draw`] from this path's streams): exactly
    /// [`PathContext::advance`].
    #[inline(always)]
    pub(crate) fn apply(&mut self, m: &MonthDraws) -> Draws {
        let MonthDraws {
            z_leavers,
            z_children,
            u_fill,
            u,
        } = *m;
        // Uniform luck with mean 1 and standard deviation fill_sigma (no
        // transcendental maths in the hot loop), never below 0.
        let fill_luck = max(1.0 + self.fill_sigma * SQRT_12 * (u_fill - 0.5), 0.0);
        self.pay_index *= self.pay_growth;
        self.placement_index *= self.placement_growth;
        self.sen_index *= self.sen_price_growth;
        self.sen_pupils *= self.sen_growth;
        let c = self.children;
        self.children = max(
            c + c * self.children_growth + z_children * (c * CARE_FLOW_PER_MONTH).sqrt(),
            0.0,
        );
        Draws {
            z_leavers,
            fill_luck,
            u,
        }
    }
}
