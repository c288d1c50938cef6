//! Who holds the director's seat, month by month: campaigns, tenures,
//! interims, procurement and the partner contract.

use crate::input::{OptionInput, Range, Route};
use crate::output::SeatState;
use crate::rng::triangular_inverse;

use super::context::{param, ParamUniforms};
use super::{Lanes, BLOCK, ZERO_LANES};

/// Indices of the monthly leadership uniforms (stream 3), all drawn every month.
pub(crate) mod lead {
    pub const INTERIM_LEAVES: usize = 0;
    pub const CAMPAIGN_OUTCOME: usize = 1;
    pub const CAMPAIGN_LENGTH: usize = 2;
    pub const CAMPAIGN_FEE: usize = 3;
    pub const TENURE: usize = 4;
    pub const PARTNER_EXIT: usize = 5;
    pub const PROCUREMENT_OUTCOME: usize = 6;
    pub const HANDOVER: usize = 7;
    pub const VARIATION: usize = 8;
    pub const COUNT: usize = 9;
}

/// The month's leadership uniforms.
pub(crate) type LeadUniforms = [f64; lead::COUNT];

/// An option's fixed leadership settings, precomputed.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub route: Route,
    leadership_days_factor: f64,
    campaign_months: Range,
    campaign_fee: Range,
    weibull_factor: f64,
    inv_shape: f64,
    contract_length: u32,
    value: f64,
    pub contract_fee_month: f64,
    pub at_risk_value: f64,
    pub agency_target: f64,
    pub mix_target: f64,
    decision_month: u32,
    variation_extends: bool,
    /// Own team: first and last month worked (1-based, inclusive); empty when last < first.
    pub own_team_first: u32,
    pub own_team_last: u32,
    pub team_travel_training: f64,
}

impl Plan {
    pub(crate) fn new(o: &OptionInput) -> Self {
        let l = &o.leadership;
        let c = &o.contract;
        let length = c.length_months.max(1);
        let first = o.own_team.start_month.max(1);
        Plan {
            route: o.route,
            leadership_days_factor: l.interim_days_per_year / 12.0,
            campaign_months: l.campaign_months,
            campaign_fee: l.campaign_fee,
            weibull_factor: 1.0 / libm::tgamma(1.0 + 1.0 / l.tenure_shape),
            inv_shape: 1.0 / l.tenure_shape,
            contract_length: length,
            value: c.value,
            contract_fee_month: c.value * (1.0 - c.at_risk_share) / length as f64,
            at_risk_value: c.value * c.at_risk_share,
            agency_target: c.agency_share_target,
            mix_target: c.mix_shift_target,
            decision_month: length.saturating_sub(c.campaign_lead_months).max(1),
            variation_extends: c.variation_extends,
            own_team_first: first,
            own_team_last: (first + o.own_team.length_months).saturating_sub(1),
            team_travel_training: o.programmes.team_travel_training,
        }
    }
}

/// An option's leadership and contract inputs drawn for one path.
#[derive(Debug, Clone)]
struct Drawn {
    campaign_success: f64,
    procurement_failure: f64,
    exit_hazard: f64,
    replacement_months: f64,
    handover_probability: f64,
    variation_probability: f64,
    variation_share: f64,
}

/// The option inputs drawn once per path, with the field each comes from
/// (`options.` paths; for [`crate::PathDraws`]).
pub(crate) fn option_draws(o: &OptionInput, u: &ParamUniforms) -> Vec<(&'static str, f64)> {
    let (l, c, g, t) = (&o.leadership, &o.contract, &o.programmes, &o.own_team);
    let tri = |r: &Range, i: usize| triangular_inverse(r, u[i]);
    let mut v = vec![
        (
            "leadership.permanent_cost_per_year",
            tri(&l.permanent_cost_per_year, param::DCS_PAY),
        ),
        (
            "leadership.interim_day_rate",
            tri(&l.interim_day_rate, param::INTERIM_RATE),
        ),
        (
            "leadership.interim_mean_stay_months",
            tri(&l.interim_mean_stay_months, param::INTERIM_STAY),
        ),
        (
            "leadership.permanent_mean_tenure_months",
            tri(&l.permanent_mean_tenure_months, param::TENURE_MEAN),
        ),
        (
            "leadership.campaign_success",
            tri(&l.campaign_success, param::CAMPAIGN_SUCCESS),
        ),
        (
            "programmes.recruitment",
            tri(&g.recruitment, param::RECRUITMENT),
        ),
        ("programmes.mix_shift", tri(&g.mix_shift, param::MIX_SHIFT)),
        (
            "programmes.travel_training",
            tri(&g.travel_training, param::TRAVEL_TRAINING),
        ),
    ];
    if o.route == Route::InSource {
        v.extend([
            (
                "contract.procurement_months",
                tri(&c.procurement_months, param::PROCUREMENT),
            ),
            (
                "contract.procurement_failure",
                tri(&c.procurement_failure, param::PROCUREMENT_FAILURE),
            ),
            (
                "contract.procurement_cost",
                tri(&c.procurement_cost, param::PROCUREMENT_COST),
            ),
            (
                "contract.management_per_month",
                tri(&c.management_per_month, param::MANAGEMENT),
            ),
            (
                "contract.variation_probability",
                tri(&c.variation_probability, param::VARIATION_PROBABILITY),
            ),
            (
                "contract.variation_share",
                tri(&c.variation_share, param::VARIATION_SHARE),
            ),
            (
                "contract.arrival_turnover",
                tri(&c.arrival_turnover, param::ARRIVAL_TURNOVER),
            ),
            (
                "contract.partner_early_exit",
                tri(&c.partner_early_exit, param::PARTNER_EXIT),
            ),
            (
                "contract.partner_replacement_months",
                tri(&c.partner_replacement_months, param::REPLACEMENT),
            ),
            (
                "contract.handover_probability",
                tri(&c.handover_probability, param::HANDOVER),
            ),
            (
                "contract.team_strength",
                tri(&c.team_strength, param::TEAM_STRENGTH),
            ),
        ]);
    }
    if o.own_team.length_months > 0 {
        v.extend([
            (
                "own_team.monthly_cost",
                tri(&t.monthly_cost, param::OWN_TEAM_COST),
            ),
            ("own_team.effect", tri(&t.effect, param::OWN_TEAM_EFFECT)),
        ]);
    }
    v
}

/// Whether the seat passes to a permanent director at contract end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Handover {
    /// Not yet decided (before the decision month).
    Undecided,
    /// The partner director, or a coached successor, stays on as permanent.
    Yes,
    /// No handover: a recruit campaign runs.
    No,
}

/// A running partner contract.
#[derive(Debug, Clone)]
struct Contract {
    /// Months of the contract elapsed, counting this one.
    month: u32,
    /// Final month (the length, plus any extension).
    end: u32,
    /// Month of the variation and handover decisions (moves with an extension).
    decision: u32,
    /// Whether the variation has been decided.
    varied: bool,
    /// Months left until the partner's replacement director arrives, while
    /// the seat is covered at the partner's cost.
    gap: Option<f64>,
    handover: Handover,
}

/// One option's leadership on one path.
#[derive(Debug, Clone)]
pub(crate) struct Leadership {
    // Per-path draws.
    drawn: Drawn,
    dcs_month: f64,
    interim_month: f64,
    pub interim_hazard: f64,
    tenure_mean: f64,
    // State.
    pub seat: SeatState,
    /// Months left in the running search campaign.
    campaign: Option<f64>,
    /// A campaign appointed a director who takes the seat at contract end.
    appointee_waiting: bool,
    /// Months of procurement left.
    procurement: Option<f64>,
    contract: Option<Contract>,
    tenure_left: f64,
    pub months_in_post: f64,
    pending_fees: f64,
    /// One-off procurement cost, paid in the first month.
    pending_procurement_cost: f64,
    /// The contract was let on this path.
    pub contract_let: bool,
    // Counts over the run.
    /// Changes of the person in the seat.
    pub changes: u32,
    /// Months in a row settled (not interim) without a change.
    stable_run: u32,
    /// Months settled (not interim).
    pub stable_months: u32,
    /// A run of 24 settled months without a change happened.
    pub got24: bool,
}

/// One option's leadership events for a block of paths' month, one lane a
/// path, for the services' step ([`super::service::ServiceLanes::step`]).
#[derive(Clone)]
pub(crate) struct EventLanes {
    /// Changes of the person in the seat.
    pub changes: Lanes,
    /// Months in post at the start of the month's stability step.
    pub months_in_post: Lanes,
    // Flags as 0 or 1 in 64 bits, the width of the other lanes, so the
    // services' step loads them like its numbers (and runs across lanes).
    /// The end-of-month seat is interim cover.
    pub interim: [u64; BLOCK],
    pub contract_running: [u64; BLOCK],
    pub contract_ended: [u64; BLOCK],
    pub partner_arrived: [u64; BLOCK],
    pub partner_fee: Lanes,
    pub procurement_cost: Lanes,
    /// Leadership spend: campaign fees and the end-of-month seat's pay.
    pub leadership_spend: Lanes,
}

impl EventLanes {
    pub(crate) fn new() -> Box<EventLanes> {
        Box::new(EventLanes {
            changes: ZERO_LANES,
            months_in_post: ZERO_LANES,
            interim: [0; BLOCK],
            contract_running: [0; BLOCK],
            contract_ended: [0; BLOCK],
            partner_arrived: [0; BLOCK],
            partner_fee: ZERO_LANES,
            procurement_cost: ZERO_LANES,
            leadership_spend: ZERO_LANES,
        })
    }
}

/// What happened to the seat in one month.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Events {
    /// Changes of the person in the seat.
    pub changes: u32,
    /// The contract ran this month (including its final month).
    pub contract_running: bool,
    /// The contract ended this month.
    pub contract_ended: bool,
    /// The partner arrived (the contract started) this month.
    pub partner_arrived: bool,
    /// Paid to the partner this month apart from the at-risk payment: the
    /// monthly fee, extension months, a one-off variation.
    pub partner_fee: f64,
    /// One-off procurement cost paid this month.
    pub procurement_cost: f64,
}

impl Leadership {
    pub(crate) fn new(o: &OptionInput, plan: &Plan, u: &ParamUniforms) -> Leadership {
        let l = &o.leadership;
        let c = &o.contract;
        let tri = |r: &Range, i: usize| triangular_inverse(r, u[i]);
        let stay = tri(&l.interim_mean_stay_months, param::INTERIM_STAY);
        // Contract draws matter only on the in-source route (skipping them
        // elsewhere changes no number: every draw has its own uniform).
        let contract = o.route == Route::InSource;
        let tri_if = |r: &Range, i: usize| if contract { tri(r, i) } else { 0.0 };
        let early_exit = tri_if(&c.partner_early_exit, param::PARTNER_EXIT);
        let exit_hazard = if o.route != Route::InSource {
            0.0
        } else if early_exit >= 1.0 {
            1.0
        } else {
            1.0 - libm::pow(1.0 - early_exit, 1.0 / plan.contract_length as f64)
        };
        let mut s = Leadership {
            drawn: Drawn {
                campaign_success: tri(&l.campaign_success, param::CAMPAIGN_SUCCESS),
                procurement_failure: tri_if(&c.procurement_failure, param::PROCUREMENT_FAILURE),
                exit_hazard,
                replacement_months: tri_if(&c.partner_replacement_months, param::REPLACEMENT),
                handover_probability: tri_if(&c.handover_probability, param::HANDOVER),
                variation_probability: tri_if(
                    &c.variation_probability,
                    param::VARIATION_PROBABILITY,
                ),
                variation_share: tri_if(&c.variation_share, param::VARIATION_SHARE),
            },
            dcs_month: tri(&l.permanent_cost_per_year, param::DCS_PAY) / 12.0,
            interim_month: tri(&l.interim_day_rate, param::INTERIM_RATE)
                * plan.leadership_days_factor,
            interim_hazard: 1.0 - libm::exp(-1.0 / stay),
            tenure_mean: tri(&l.permanent_mean_tenure_months, param::TENURE_MEAN),
            seat: SeatState::Interim,
            campaign: None,
            appointee_waiting: false,
            procurement: None,
            contract: None,
            tenure_left: 0.0,
            months_in_post: 0.0,
            pending_fees: 0.0,
            pending_procurement_cost: 0.0,
            contract_let: false,
            changes: 0,
            stable_run: 0,
            stable_months: 0,
            got24: false,
        };
        match plan.route {
            Route::Recruit => {
                s.campaign = Some(tri(&plan.campaign_months, param::FIRST_CAMPAIGN_LENGTH));
                s.pending_fees = tri(&plan.campaign_fee, param::FIRST_CAMPAIGN_FEE);
            }
            Route::InSource => {
                s.procurement = Some(tri(&c.procurement_months, param::PROCUREMENT));
                s.pending_procurement_cost = tri(&c.procurement_cost, param::PROCUREMENT_COST);
            }
            Route::InterimChain => {}
        }
        s
    }

    /// True while the partner covers the seat between its directors.
    fn in_gap(&self) -> bool {
        matches!(&self.contract, Some(Contract { gap: Some(_), .. }))
    }

    /// True when the council pays an interim in the seat.
    fn council_interim(&self) -> bool {
        self.seat == SeatState::Interim && !self.in_gap()
    }

    fn start_campaign(&mut self, plan: &Plan, u: &LeadUniforms) {
        self.campaign = Some(triangular_inverse(
            &plan.campaign_months,
            u[lead::CAMPAIGN_LENGTH],
        ));
        self.pending_fees += triangular_inverse(&plan.campaign_fee, u[lead::CAMPAIGN_FEE]);
    }

    fn appoint_permanent(&mut self, plan: &Plan, u: &LeadUniforms) {
        self.seat = SeatState::Permanent;
        self.months_in_post = 0.0;
        self.draw_tenure(plan, u);
    }

    fn draw_tenure(&mut self, plan: &Plan, u: &LeadUniforms) {
        let e = -libm::log(u[lead::TENURE]);
        let e = if plan.inv_shape == 1.0 {
            e
        } else {
            libm::pow(e, plan.inv_shape)
        };
        self.tenure_left = self.tenure_mean * plan.weibull_factor * e;
    }

    fn become_interim(&mut self) {
        self.seat = SeatState::Interim;
        self.months_in_post = 0.0;
    }

    /// Leadership spend of the month just stepped: campaign fees, and the
    /// end-of-month seat's pay, at the month's pay index.
    fn spend(&mut self, pay_index: f64) -> f64 {
        let mut spend = self.pending_fees * pay_index;
        self.pending_fees = 0.0;
        match self.seat {
            SeatState::Permanent => spend += self.dcs_month * pay_index,
            SeatState::Interim if !self.in_gap() => spend += self.interim_month * pay_index,
            _ => {}
        }
        spend
    }

    /// One month on one path: the seat's events and spend (at the month's
    /// `pay_index`) written to lane `i` of `out`, the counts updated.
    /// Returns the end-of-month seat.
    #[inline(always)]
    pub(crate) fn month(
        &mut self,
        plan: &Plan,
        u: &LeadUniforms,
        pay_index: f64,
        out: &mut EventLanes,
        i: usize,
    ) -> SeatState {
        let ev = if plan.route == Route::InterimChain {
            self.step_chain(u)
        } else {
            self.step(plan, u)
        };
        let changes = ev.changes;
        self.changes += changes;
        out.leadership_spend[i] = self.spend(pay_index);
        let seat = self.seat;
        let settled = seat != SeatState::Interim;
        out.months_in_post[i] = self.months_in_post;
        if settled {
            self.months_in_post += 1.0;
            self.stable_months += 1;
        }
        if settled && changes == 0 {
            self.stable_run += 1;
            if self.stable_run >= 24 {
                self.got24 = true;
            }
        } else {
            self.stable_run = 0;
        }
        out.changes[i] = changes as f64;
        out.interim[i] = u64::from(!settled);
        out.contract_running[i] = u64::from(ev.contract_running);
        out.contract_ended[i] = u64::from(ev.contract_ended);
        out.partner_arrived[i] = u64::from(ev.partner_arrived);
        out.partner_fee[i] = ev.partner_fee;
        out.procurement_cost[i] = ev.procurement_cost;
        seat
    }

    /// One month of the interim chain: an interim may leave.
    fn step_chain(&mut self, u: &LeadUniforms) -> Events {
        Events {
            changes: u32::from(u[lead::INTERIM_LEAVES] < self.interim_hazard),
            contract_running: false,
            contract_ended: false,
            partner_arrived: false,
            partner_fee: 0.0,
            procurement_cost: 0.0,
        }
    }

    /// Leadership events of one month.
    #[inline(always)]
    fn step(&mut self, plan: &Plan, u: &LeadUniforms) -> Events {
        let s = self;
        let mut changes = 0;
        let mut ended = false;
        let mut appointed = false;
        let mut campaign_started = false;
        let mut arrived = false;
        let mut partner_fee = 0.0;
        let procurement_cost = core::mem::take(&mut s.pending_procurement_cost);

        // 1. A council-paid interim may leave; a successor interim follows.
        if s.council_interim() && u[lead::INTERIM_LEAVES] < s.interim_hazard {
            changes += 1;
        }

        // 2. Procurement.
        if let Some(left) = s.procurement {
            let left = left - 1.0;
            s.procurement = Some(left);
            if left <= 0.0 {
                s.procurement = None;
                if u[lead::PROCUREMENT_OUTCOME] < s.drawn.procurement_failure {
                    // Fall back to the recruit route.
                    s.start_campaign(plan, u);
                    campaign_started = true;
                } else {
                    s.seat = SeatState::Partner;
                    s.months_in_post = 0.0;
                    s.contract = Some(Contract {
                        month: 0,
                        end: plan.contract_length,
                        decision: plan.decision_month,
                        varied: false,
                        gap: None,
                        handover: Handover::Undecided,
                    });
                    s.contract_let = true;
                    changes += 1;
                    appointed = true;
                    arrived = true;
                }
            }
        }

        // 3. Contract.
        if let Some(mut c) = s.contract.take() {
            c.month += 1;
            partner_fee += if c.month <= plan.contract_length {
                plan.contract_fee_month
            } else {
                // Extension months, at the full monthly rate.
                plan.value / plan.contract_length as f64
            };
            if let Some(gap) = c.gap {
                let gap = gap - 1.0;
                c.gap = Some(gap);
                if gap <= 0.0 {
                    c.gap = None;
                    s.seat = SeatState::Partner;
                    s.months_in_post = 0.0;
                    changes += 1;
                    appointed = true;
                }
            } else if s.seat == SeatState::Partner
                && !appointed
                && u[lead::PARTNER_EXIT] < s.drawn.exit_hazard
            {
                changes += 1;
                if s.drawn.replacement_months > 0.0 {
                    c.gap = Some(s.drawn.replacement_months);
                    s.seat = SeatState::Interim;
                    s.months_in_post = 0.0;
                } else {
                    s.months_in_post = 0.0;
                    appointed = true;
                }
            }
            let mut extended = false;
            if c.month == c.decision && !c.varied {
                // A variation or extension, decided once, at the first decision month.
                c.varied = true;
                if u[lead::VARIATION] < s.drawn.variation_probability {
                    let extra = s.drawn.variation_share;
                    if plan.variation_extends {
                        let months = libm::round(extra * plan.contract_length as f64).max(1.0);
                        let months = months.min(600.0) as u32;
                        c.end += months;
                        c.decision += months;
                        extended = true;
                    } else {
                        partner_fee += extra * plan.value;
                    }
                }
            }
            if !extended && c.month == c.decision && c.handover == Handover::Undecided {
                if u[lead::HANDOVER] < s.drawn.handover_probability {
                    c.handover = Handover::Yes;
                } else {
                    c.handover = Handover::No;
                    s.start_campaign(plan, u);
                    campaign_started = true;
                }
            }
            if c.month >= c.end {
                ended = true;
                if c.handover == Handover::Yes {
                    // The partner director stays on as permanent (no change), or a
                    // coached successor takes over from gap cover (a change).
                    if c.gap.is_some() || s.seat != SeatState::Partner {
                        changes += 1;
                        s.months_in_post = 0.0;
                    }
                    s.seat = SeatState::Permanent;
                    s.draw_tenure(plan, u);
                    appointed = true;
                } else {
                    if s.appointee_waiting {
                        s.appointee_waiting = false;
                        s.appoint_permanent(plan, u);
                        appointed = true;
                    } else {
                        s.become_interim();
                        if s.campaign.is_none() {
                            s.start_campaign(plan, u);
                            campaign_started = true;
                        }
                    }
                    changes += 1;
                }
            } else {
                s.contract = Some(c);
            }
        }

        // 4. Campaign.
        if !campaign_started {
            if let Some(left) = s.campaign {
                let left = left - 1.0;
                s.campaign = Some(left);
                if left <= 0.0 {
                    s.campaign = None;
                    if u[lead::CAMPAIGN_OUTCOME] < s.drawn.campaign_success {
                        if s.contract.is_some() {
                            s.appointee_waiting = true;
                        } else {
                            s.appoint_permanent(plan, u);
                            changes += 1;
                            appointed = true;
                        }
                    } else {
                        s.start_campaign(plan, u);
                    }
                }
            }
        }

        // 5. Permanent tenure.
        if s.seat == SeatState::Permanent && !appointed {
            s.tenure_left -= 1.0;
            if s.tenure_left <= 0.0 {
                s.become_interim();
                s.start_campaign(plan, u);
                changes += 1;
            }
        }
        Events {
            changes,
            contract_running: s.contract.is_some() || ended,
            contract_ended: ended,
            partner_arrived: arrived,
            partner_fee,
            procurement_cost,
        }
    }
}
