//! One option on one path: the services leadership affects (stability,
//! social workers, placements, SEN transport) and the month's spend.

use crate::output::{Category, SeatState};

use super::context::{param, Consts, Draws, ParamUniforms, PathContext};
use super::leadership::{Leadership, Plan};
use super::WEEKS_PER_MONTH;
use crate::float::{max, min};
use crate::input::{OptionInput, Range, Route};
use crate::rng::triangular_inverse;

/// One value per spending category.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct ByCategory<T> {
    pub leadership: T,
    pub social_worker_pay: T,
    pub agency_premium: T,
    pub placements: T,
    pub sen_transport: T,
    pub contract: T,
}

impl<T> ByCategory<T> {
    /// The value for category `c`.
    pub fn get(&self, c: Category) -> &T {
        match c {
            Category::Leadership => &self.leadership,
            Category::SocialWorkerPay => &self.social_worker_pay,
            Category::AgencyPremium => &self.agency_premium,
            Category::Placements => &self.placements,
            Category::SenTransport => &self.sen_transport,
            Category::Contract => &self.contract,
        }
    }

    /// One value per category from `f`.
    pub fn from_fn(mut f: impl FnMut(Category) -> T) -> Self {
        ByCategory {
            leadership: f(Category::Leadership),
            social_worker_pay: f(Category::SocialWorkerPay),
            agency_premium: f(Category::AgencyPremium),
            placements: f(Category::Placements),
            sen_transport: f(Category::SenTransport),
            contract: f(Category::Contract),
        }
    }
}

impl ByCategory<f64> {
    /// Sum over categories, in [`Category::ALL`] order.
    #[inline]
    pub fn total(&self) -> f64 {
        [
            self.leadership,
            self.social_worker_pay,
            self.agency_premium,
            self.placements,
            self.sen_transport,
            self.contract,
        ]
        .iter()
        .sum()
    }

    /// Add `other` category by category.
    #[inline]
    pub fn add(&mut self, other: &ByCategory<f64>) {
        self.leadership += other.leadership;
        self.social_worker_pay += other.social_worker_pay;
        self.agency_premium += other.agency_premium;
        self.placements += other.placements;
        self.sen_transport += other.sen_transport;
        self.contract += other.contract;
    }
}

/// The monthly series reported with quantiles, one `T` each.
#[derive(Debug, Clone, Default)]
pub(crate) struct MonthSeries<T> {
    pub spend: ByCategory<T>,
    pub total: T,
    pub cumulative: T,
    pub agency_share: T,
    pub stability: T,
}

#[cfg(test)]
impl MonthSeries<Vec<f64>> {
    /// Columns for `n` paths.
    pub fn columns(n: usize) -> Self {
        MonthSeries {
            spend: ByCategory::from_fn(|_| vec![0.0; n]),
            total: vec![0.0; n],
            cumulative: vec![0.0; n],
            agency_share: vec![0.0; n],
            stability: vec![0.0; n],
        }
    }

    /// Store path `p`'s values.
    #[inline]
    pub fn store(&mut self, p: usize, v: &MonthSeries<f64>) {
        macro_rules! put {
            ($($f:ident).+) => {
                self.$($f).+[p] = v.$($f).+;
            };
        }
        put!(spend.leadership);
        put!(spend.social_worker_pay);
        put!(spend.agency_premium);
        put!(spend.placements);
        put!(spend.sen_transport);
        put!(spend.contract);
        put!(total);
        put!(cumulative);
        put!(agency_share);
        put!(stability);
    }
}

/// An option's programme and team inputs drawn for one path.
#[derive(Debug, Clone)]
struct Drawn {
    /// Partner team strength while the contract runs.
    partner_team: f64,
    recruitment: f64,
    mix_shift: f64,
    travel_training: f64,
    own_team_effect: f64,
    own_team_month: f64,
    management_month: f64,
    arrival_leave_month: f64,
}

/// One option on one path.
#[derive(Debug, Clone)]
pub(crate) struct OptState {
    pub lead: Leadership,
    drawn: Drawn,
    // Service state.
    s: f64,
    permanent: f64,
    progress: f64,
    trained: f64,
    /// Children looked after relative to the shared path (entries rise when S is low).
    demand: f64,
    /// Children looked after at the end of the last month.
    pub children: f64,
    /// Months of extra leaving left after the last leadership change.
    disruption_left: f64,
    /// Months of extra leaving left after the partner's arrival.
    arrival_left: f64,
    // Accumulators.
    pub spend: ByCategory<f64>,
    /// Paid to the partner: fees, extensions, variations and at-risk payments.
    pub paid_partner: f64,
    pub npv: f64,
    pub year: f64,
    pub changes: u32,
    stable_run: u32,
    pub stable_months: u32,
    pub got24: bool,
}

impl OptState {
    pub(crate) fn new(
        o: &OptionInput,
        lead: Leadership,
        u: &ParamUniforms,
        k: &Consts,
        initial_s: f64,
        start_agency: f64,
    ) -> Self {
        let tri = |r: &Range, i: usize| triangular_inverse(r, u[i]);
        let (c, g, t) = (&o.contract, &o.programmes, &o.own_team);
        // Draws a route or an absent team never uses are skipped (each draw
        // has its own uniform, so skipping one changes no other number).
        let contract = o.route == Route::InSource;
        let team = t.length_months > 0;
        let tri_if = |on: bool, r: &Range, i: usize| if on { tri(r, i) } else { 0.0 };
        OptState {
            lead,
            drawn: Drawn {
                partner_team: tri_if(contract, &c.team_strength, param::TEAM_STRENGTH),
                recruitment: tri(&g.recruitment, param::RECRUITMENT),
                mix_shift: tri(&g.mix_shift, param::MIX_SHIFT),
                travel_training: tri(&g.travel_training, param::TRAVEL_TRAINING),
                own_team_effect: tri_if(team, &t.effect, param::OWN_TEAM_EFFECT),
                own_team_month: tri_if(team, &t.monthly_cost, param::OWN_TEAM_COST),
                management_month: tri_if(contract, &c.management_per_month, param::MANAGEMENT),
                arrival_leave_month: tri_if(contract, &c.arrival_turnover, param::ARRIVAL_TURNOVER)
                    / 12.0,
            },
            s: initial_s,
            permanent: k.establishment * (1.0 - start_agency),
            progress: 0.0,
            trained: 0.0,
            demand: 1.0,
            children: 0.0,
            disruption_left: 0.0,
            arrival_left: 0.0,
            spend: ByCategory::default(),
            paid_partner: 0.0,
            npv: 0.0,
            year: 0.0,
            changes: 0,
            stable_run: 0,
            stable_months: 0,
            got24: false,
        }
    }

    /// One month `t` (1-based); returns the month's series values.
    #[inline]
    pub(crate) fn step(
        &mut self,
        t: u32,
        plan: &Plan,
        pc: &PathContext,
        d: &Draws,
        k: &Consts,
        discount: f64,
    ) -> MonthSeries<f64> {
        let s = self;
        let ev = if plan.route == Route::InterimChain {
            s.lead.step_chain(&d.u)
        } else {
            s.lead.step(plan, &d.u)
        };
        let changes = ev.changes;
        s.changes += changes;

        // Leadership spend (end-of-month seat), campaign fees.
        let leadership_spend = s.lead.spend(pc.pay_index);

        // Stability.
        let seat = s.lead.seat;
        let mut st = s.s - pc.shock * changes as f64;
        if st < 0.0 {
            st = 0.0;
        }
        let target = match seat {
            SeatState::Interim => k.interim_target,
            _ => {
                let ramp = min(s.lead.months_in_post * k.inv_ramp, 1.0);
                k.start_level + (1.0 - k.start_level) * ramp
            }
        };
        st += (target - st) * k.alpha;
        s.s = st;
        let gap = 1.0 - st;
        if seat != SeatState::Interim {
            s.lead.months_in_post += 1.0;
        }

        // Improvement teams: the partner's while the contract runs, the
        // option's own in its months. Both add to recruitment and mix shift.
        let own_team_on = t >= plan.own_team_first && t <= plan.own_team_last;
        let mut team = 0.0;
        if ev.contract_running {
            team += s.drawn.partner_team;
        }
        if own_team_on {
            team += s.drawn.own_team_effect;
        }
        let any_team = ev.contract_running || own_team_on;

        // Workforce: base turnover, instability churn, and extra leaving for a
        // few months after a leadership change or the partner's arrival.
        if changes > 0 {
            s.disruption_left = k.disruption_months;
        }
        if ev.partner_arrived {
            s.arrival_left = k.disruption_months;
        }
        let mut extra = 0.0;
        if s.disruption_left > 0.0 {
            extra += pc.change_leave_month;
            s.disruption_left -= 1.0;
        }
        if s.arrival_left > 0.0 {
            extra += s.drawn.arrival_leave_month;
            s.arrival_left -= 1.0;
        }
        let q = min((pc.turnover + pc.churn * gap) / 12.0 + extra, 1.0);
        let mean = s.permanent * q;
        let sd = (mean * (1.0 - q)).sqrt();
        let leavers = (mean + d.z_leavers * sd).clamp(0.0, s.permanent);
        let mut perm = s.permanent - leavers;
        let fill = (k.base_fill
            * d.fill_luck
            * (1.0 + s.drawn.recruitment + team)
            * (1.0 - pc.recruitment_coupling * gap))
            .clamp(0.0, 1.0);
        perm += (k.establishment - perm) * fill;
        s.permanent = perm;
        let agency = max(k.establishment - perm, 0.0);
        let agency_share = if k.establishment > 0.0 {
            agency / k.establishment
        } else {
            0.0
        };
        let pay = k.establishment * pc.perm_cost_month * pc.pay_index;
        let premium = agency * pc.premium_month * pc.pay_index;

        // Placements: demand rises when S is low; mix-shift progress moves at
        // the programme's pace and unwinds when S is low or the programme stops.
        s.demand *= 1.0 + pc.demand_month * gap;
        let strength = s.drawn.mix_shift + team;
        let pace = strength * (1.0 - pc.placement_coupling * gap) * k.inv_target_month;
        let decay = s.progress * pc.mix_decay_month * if strength > 0.0 { gap } else { 1.0 };
        s.progress = (s.progress + pace - decay).clamp(0.0, 1.0);
        s.children = pc.children * s.demand;
        let placements = s.children
            * (pc.base_weekly + k.shift_share * s.progress * pc.shift_delta_weekly)
            * pc.placement_index
            * WEEKS_PER_MONTH;

        // SEN transport: trained pupils return or age out; training never
        // exceeds the pupils still eligible and not yet trained.
        s.trained *= 1.0 - pc.trained_exit_month;
        let team_travel = if any_team {
            plan.team_travel_training
        } else {
            0.0
        };
        let mut trainees = max(
            k.training_month
                * (s.drawn.travel_training + team_travel)
                * (1.0 - pc.sen_coupling * gap),
            0.0,
        );
        let remaining = max(pc.sen_pupils - s.trained, 0.0);
        if trainees > remaining {
            trainees = remaining;
        }
        s.trained += trainees;
        let funded = max(pc.sen_pupils - s.trained, 0.0);
        let sen = (funded * pc.sen_cost_month + trainees * k.cost_per_trainee) * pc.sen_index;

        // Improvement contract and teams: partner fees (with extensions,
        // variations and the at-risk payment), procurement, contract
        // management and the option's own team.
        let mut partner = ev.partner_fee;
        if ev.contract_ended {
            let met = u32::from(agency_share <= plan.agency_target)
                + u32::from(s.progress >= plan.mix_target);
            partner += plan.at_risk_value * met as f64 / 2.0;
        }
        s.paid_partner += partner;
        let mut contract = partner + ev.procurement_cost * pc.pay_index;
        if ev.contract_running {
            contract += s.drawn.management_month * pc.pay_index;
        }
        if own_team_on {
            contract += s.drawn.own_team_month * pc.pay_index;
        }

        let spend = ByCategory {
            leadership: leadership_spend,
            social_worker_pay: pay,
            agency_premium: premium,
            placements,
            sen_transport: sen,
            contract,
        };
        let total = spend.total();
        s.spend.add(&spend);
        s.npv += total * discount;
        s.year += total;
        let cumulative = s.spend.total();

        // Stable months.
        let settled = seat != SeatState::Interim;
        if settled {
            s.stable_months += 1;
        }
        if settled && changes == 0 {
            s.stable_run += 1;
            if s.stable_run >= 24 {
                s.got24 = true;
            }
        } else {
            s.stable_run = 0;
        }

        MonthSeries {
            spend,
            total,
            cumulative,
            agency_share,
            stability: st,
        }
    }
}
