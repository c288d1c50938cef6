//! Who holds the director's seat, month by month: campaigns, tenures,
//! interims, procurement and the partner contract.

use crate::input::{OptionInput, Range, Route};
use crate::output::SeatState;
use crate::rng::triangular_inverse;

use super::context::PathUniforms;

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
    pub const COUNT: usize = 8;
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
    campaign_success: f64,
    weibull_factor: f64,
    inv_shape: f64,
    procurement_failure: f64,
    contract_length: u32,
    pub contract_fee_month: f64,
    pub at_risk_value: f64,
    pub agency_target: f64,
    pub mix_target: f64,
    exit_hazard: f64,
    replacement_months: f64,
    handover_probability: f64,
    decision_month: u32,
    pub team: f64,
    pub recruitment: f64,
    pub mix_shift: f64,
    pub travel_training: f64,
}

impl Plan {
    pub(crate) fn new(o: &OptionInput) -> Self {
        let l = &o.leadership;
        let c = &o.contract;
        let length = c.length_months.max(1);
        let exit_hazard = if c.partner_early_exit >= 1.0 {
            1.0
        } else {
            1.0 - libm::pow(1.0 - c.partner_early_exit, 1.0 / length as f64)
        };
        Plan {
            route: o.route,
            leadership_days_factor: l.interim_days_per_year / 12.0,
            campaign_months: l.campaign_months,
            campaign_fee: l.campaign_fee,
            campaign_success: l.campaign_success,
            weibull_factor: 1.0 / libm::tgamma(1.0 + 1.0 / l.tenure_shape),
            inv_shape: 1.0 / l.tenure_shape,
            procurement_failure: c.procurement_failure,
            contract_length: length,
            contract_fee_month: c.value * (1.0 - c.at_risk_share) / length as f64,
            at_risk_value: c.value * c.at_risk_share,
            agency_target: c.agency_share_target,
            mix_target: c.mix_shift_target,
            exit_hazard,
            replacement_months: c.partner_replacement_months,
            handover_probability: c.handover_probability,
            decision_month: length.saturating_sub(c.campaign_lead_months).max(1),
            team: c.team_strength,
            recruitment: o.programmes.recruitment,
            mix_shift: o.programmes.mix_shift,
            travel_training: o.programmes.travel_training,
        }
    }
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
    /// Months left until the partner's replacement director arrives, while
    /// the seat is covered at the partner's cost.
    gap: Option<f64>,
    handover: Handover,
}

/// One option's leadership on one path.
#[derive(Debug, Clone)]
pub(crate) struct Leadership {
    // Per-path draws.
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
}

impl Leadership {
    pub(crate) fn new(o: &OptionInput, plan: &Plan, pu: &PathUniforms) -> Leadership {
        let l = &o.leadership;
        let stay = triangular_inverse(&l.interim_mean_stay_months, pu.interim_stay);
        let mut s = Leadership {
            dcs_month: triangular_inverse(&l.permanent_cost_per_year, pu.dcs_pay) / 12.0,
            interim_month: triangular_inverse(&l.interim_day_rate, pu.interim_rate)
                * plan.leadership_days_factor,
            interim_hazard: 1.0 - libm::exp(-1.0 / stay),
            tenure_mean: triangular_inverse(&l.permanent_mean_tenure_months, pu.tenure_mean),
            seat: SeatState::Interim,
            campaign: None,
            appointee_waiting: false,
            procurement: None,
            contract: None,
            tenure_left: 0.0,
            months_in_post: 0.0,
            pending_fees: 0.0,
        };
        match plan.route {
            Route::Recruit => {
                s.campaign = Some(triangular_inverse(&plan.campaign_months, pu.first_length));
                s.pending_fees = triangular_inverse(&plan.campaign_fee, pu.first_fee);
            }
            Route::InSource => {
                s.procurement = Some(triangular_inverse(
                    &o.contract.procurement_months,
                    pu.procurement,
                ));
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
    pub(crate) fn spend(&mut self, pay_index: f64) -> f64 {
        let mut spend = self.pending_fees * pay_index;
        self.pending_fees = 0.0;
        match self.seat {
            SeatState::Permanent => spend += self.dcs_month * pay_index,
            SeatState::Interim if !self.in_gap() => spend += self.interim_month * pay_index,
            _ => {}
        }
        spend
    }

    /// One month of the interim chain: an interim may leave.
    pub(crate) fn step_chain(&mut self, u: &LeadUniforms) -> Events {
        Events {
            changes: u32::from(u[lead::INTERIM_LEAVES] < self.interim_hazard),
            contract_running: false,
            contract_ended: false,
        }
    }

    /// Leadership events of one month.
    #[inline]
    pub(crate) fn step(&mut self, plan: &Plan, u: &LeadUniforms) -> Events {
        let s = self;
        let mut changes = 0;
        let mut ended = false;
        let mut appointed = false;
        let mut campaign_started = false;

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
                if u[lead::PROCUREMENT_OUTCOME] < plan.procurement_failure {
                    // Fall back to the recruit route.
                    s.start_campaign(plan, u);
                    campaign_started = true;
                } else {
                    s.seat = SeatState::Partner;
                    s.months_in_post = 0.0;
                    s.contract = Some(Contract {
                        month: 0,
                        gap: None,
                        handover: Handover::Undecided,
                    });
                    changes += 1;
                    appointed = true;
                }
            }
        }

        // 3. Contract.
        if let Some(mut c) = s.contract.take() {
            c.month += 1;
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
                && u[lead::PARTNER_EXIT] < plan.exit_hazard
            {
                changes += 1;
                if plan.replacement_months > 0.0 {
                    c.gap = Some(plan.replacement_months);
                    s.seat = SeatState::Interim;
                    s.months_in_post = 0.0;
                } else {
                    s.months_in_post = 0.0;
                    appointed = true;
                }
            }
            if c.month == plan.decision_month && c.handover == Handover::Undecided {
                if u[lead::HANDOVER] < plan.handover_probability {
                    c.handover = Handover::Yes;
                } else {
                    c.handover = Handover::No;
                    s.start_campaign(plan, u);
                    campaign_started = true;
                }
            }
            if c.month >= plan.contract_length {
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
                    if u[lead::CAMPAIGN_OUTCOME] < plan.campaign_success {
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
        }
    }
}
