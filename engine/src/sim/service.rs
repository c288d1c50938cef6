//! One option on one path: the services leadership affects (stability,
//! social workers, placements, SEN transport) and the month's spend.

use crate::output::{Category, SeatState};

use super::context::{Consts, Draws, PathContext};
use super::leadership::{Leadership, Plan};
use super::WEEKS_PER_MONTH;
use crate::input::Route;

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

    /// The value for category `c`, mutably.
    pub fn get_mut(&mut self, c: Category) -> &mut T {
        match c {
            Category::Leadership => &mut self.leadership,
            Category::SocialWorkerPay => &mut self.social_worker_pay,
            Category::AgencyPremium => &mut self.agency_premium,
            Category::Placements => &mut self.placements,
            Category::SenTransport => &mut self.sen_transport,
            Category::Contract => &mut self.contract,
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

    /// Store path `p`'s values and add them to `sums`.
    #[inline]
    pub fn store(&mut self, p: usize, v: &MonthSeries<f64>, sums: &mut MonthSeries<f64>) {
        for c in Category::ALL {
            let x = *v.spend.get(c);
            self.spend.get_mut(c)[p] = x;
            *sums.spend.get_mut(c) += x;
        }
        self.total[p] = v.total;
        sums.total += v.total;
        self.cumulative[p] = v.cumulative;
        sums.cumulative += v.cumulative;
        self.agency_share[p] = v.agency_share;
        sums.agency_share += v.agency_share;
        self.stability[p] = v.stability;
        sums.stability += v.stability;
    }
}

/// One option on one path.
#[derive(Debug, Clone)]
pub(crate) struct OptState {
    pub lead: Leadership,
    // Service state.
    s: f64,
    permanent: f64,
    progress: f64,
    trained: f64,
    // Accumulators.
    pub spend: ByCategory<f64>,
    pub npv: f64,
    pub year: f64,
    pub changes: u32,
    stable_run: u32,
    pub stable_months: u32,
    pub got24: bool,
}

impl OptState {
    pub(crate) fn new(lead: Leadership, k: &Consts, initial_s: f64, start_agency: f64) -> Self {
        OptState {
            lead,
            s: initial_s,
            permanent: k.establishment * (1.0 - start_agency),
            progress: 0.0,
            trained: 0.0,
            spend: ByCategory::default(),
            npv: 0.0,
            year: 0.0,
            changes: 0,
            stable_run: 0,
            stable_months: 0,
            got24: false,
        }
    }

    /// One month; returns the month's series values.
    #[inline]
    pub(crate) fn step(
        &mut self,
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
        let mut st = s.s - k.shock * changes as f64;
        if st < 0.0 {
            st = 0.0;
        }
        let target = match seat {
            SeatState::Interim => k.interim_target,
            _ => {
                let ramp = (s.lead.months_in_post * k.inv_ramp).min(1.0);
                k.start_level + (1.0 - k.start_level) * ramp
            }
        };
        st += (target - st) * k.alpha;
        s.s = st;
        let gap = 1.0 - st;
        let team = if ev.contract_running { plan.team } else { 0.0 };
        if seat != SeatState::Interim {
            s.lead.months_in_post += 1.0;
        }

        // Workforce.
        let q = ((pc.turnover + k.churn * gap) / 12.0).min(1.0);
        let mean = s.permanent * q;
        let sd = (mean * (1.0 - q)).sqrt();
        let leavers = (mean + d.z_leavers * sd).clamp(0.0, s.permanent);
        let mut perm = s.permanent - leavers;
        let fill =
            (k.base_fill * (1.0 + plan.recruitment + team) * (1.0 - k.recruitment_coupling * gap))
                .clamp(0.0, 1.0);
        perm += (k.establishment - perm) * fill;
        s.permanent = perm;
        let agency = (k.establishment - perm).max(0.0);
        let agency_share = if k.establishment > 0.0 {
            agency / k.establishment
        } else {
            0.0
        };
        let pay = k.establishment * pc.perm_cost_month * pc.pay_index;
        let premium = agency * pc.premium_month * pc.pay_index;

        // Placements.
        let pace =
            (plan.mix_shift + team) * (1.0 - k.placement_coupling * gap) * k.inv_target_month;
        s.progress = (s.progress + pace).min(1.0);
        let placements = pc.children
            * (pc.base_weekly + k.shift_share * s.progress * pc.shift_delta_weekly)
            * pc.placement_index
            * WEEKS_PER_MONTH;

        // SEN transport.
        let mut trainees =
            k.training_month * (plan.travel_training + team) * (1.0 - k.sen_coupling * gap);
        let remaining = (pc.sen_pupils - s.trained).max(0.0);
        if trainees > remaining {
            trainees = remaining;
        }
        s.trained += trainees;
        let funded = (pc.sen_pupils - s.trained).max(0.0);
        let sen = (funded * pc.sen_cost_month + trainees * k.cost_per_trainee) * pc.sen_index;

        // Contract fees.
        let mut contract = 0.0;
        if ev.contract_running {
            contract = plan.contract_fee_month;
            if ev.contract_ended {
                let met = u32::from(agency_share <= plan.agency_target)
                    + u32::from(s.progress >= plan.mix_target);
                contract += plan.at_risk_value * met as f64 / 2.0;
            }
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
