//! One option's services on a block of paths: stability, social workers,
//! placements, SEN transport and the month's spend.
//!
//! The state is held structure-of-arrays, one lane a path ([`Lanes`]), and
//! the month is one loop over the block's lanes with no branches (every
//! condition is a select), so the compiler runs it several paths at a time
//! (SSE2 natively, simd128 in WebAssembly). Each lane does exactly the
//! arithmetic one path did on its own, in the same order, so every figure
//! is the same to the bit.

use crate::output::Category;

use super::context::{param, Consts, ContextLanes, ParamUniforms};
use super::lanes::{M, V, W};
use super::leadership::{EventLanes, Plan};
use super::partial::SERIES;
use super::{Lanes, BLOCK, WEEKS_PER_MONTH, ZERO_LANES};
use crate::input::{Context, OptionInput, Range, Route};
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

    /// The values at index `i` of each category's values (a path's, or a lane's).
    #[inline(always)]
    pub fn at(&self, i: usize) -> ByCategory<f64>
    where
        T: AsRef<[f64]>,
    {
        ByCategory::from_fn(|c| self.get(c).as_ref()[i])
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
    #[inline(always)]
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
}

/// One option's service state and accumulators on a block of paths.
#[derive(Clone)]
pub(crate) struct ServiceLanes {
    // Per-path draws of the option's programme and team inputs.
    /// Partner team strength while the contract runs.
    partner_team: Lanes,
    recruitment: Lanes,
    mix_shift: Lanes,
    travel_training: Lanes,
    own_team_effect: Lanes,
    own_team_month: Lanes,
    management_month: Lanes,
    arrival_leave_month: Lanes,
    // Service state.
    s: Lanes,
    permanent: Lanes,
    progress: Lanes,
    trained: Lanes,
    /// Children looked after relative to the shared path (entries rise when S is low).
    demand: Lanes,
    /// Children looked after at the end of the last month.
    pub children: Lanes,
    /// Months of extra leaving left after the last leadership change.
    disruption_left: Lanes,
    /// Months of extra leaving left after the partner's arrival.
    arrival_left: Lanes,
    // Accumulators.
    pub spend: ByCategory<Lanes>,
    /// Paid to the partner: fees, extensions, variations and at-risk payments.
    pub paid_partner: Lanes,
    pub npv: Lanes,
    /// Spend so far this year.
    pub year: Lanes,
    // The month's values passed between the step's two loops.
    gap: Lanes,
    team: Lanes,
}

impl ServiceLanes {
    /// A block with every lane zero (lanes past the block's paths stay
    /// so: they are computed and never read).
    pub(crate) fn new() -> ServiceLanes {
        let z = ZERO_LANES;
        ServiceLanes {
            partner_team: z,
            recruitment: z,
            mix_shift: z,
            travel_training: z,
            own_team_effect: z,
            own_team_month: z,
            management_month: z,
            arrival_leave_month: z,
            s: z,
            permanent: z,
            progress: z,
            trained: z,
            demand: z,
            children: z,
            disruption_left: z,
            arrival_left: z,
            spend: ByCategory {
                leadership: z,
                social_worker_pay: z,
                agency_premium: z,
                placements: z,
                sen_transport: z,
                contract: z,
            },
            paid_partner: z,
            npv: z,
            year: z,
            gap: z,
            team: z,
        }
    }

    /// Sets lane `i` to a path's start: the option's draws from the
    /// path's uniforms `u`.
    pub(crate) fn start(
        &mut self,
        i: usize,
        o: &OptionInput,
        u: &ParamUniforms,
        k: &Consts,
        cx: &Context,
    ) {
        let tri = |r: &Range, j: usize| triangular_inverse(r, u[j]);
        let (c, g, t) = (&o.contract, &o.programmes, &o.own_team);
        // Draws a route or an absent team never uses are skipped (each draw
        // has its own uniform, so skipping one changes no other number).
        let contract = o.route == Route::InSource;
        let team = t.length_months > 0;
        let tri_if = |on: bool, r: &Range, j: usize| if on { tri(r, j) } else { 0.0 };
        self.partner_team[i] = tri_if(contract, &c.team_strength, param::TEAM_STRENGTH);
        self.recruitment[i] = tri(&g.recruitment, param::RECRUITMENT);
        self.mix_shift[i] = tri(&g.mix_shift, param::MIX_SHIFT);
        self.travel_training[i] = tri(&g.travel_training, param::TRAVEL_TRAINING);
        self.own_team_effect[i] = tri_if(team, &t.effect, param::OWN_TEAM_EFFECT);
        self.own_team_month[i] = tri_if(team, &t.monthly_cost, param::OWN_TEAM_COST);
        self.management_month[i] = tri_if(contract, &c.management_per_month, param::MANAGEMENT);
        self.arrival_leave_month[i] =
            tri_if(contract, &c.arrival_turnover, param::ARRIVAL_TURNOVER) / 12.0;
        self.s[i] = cx.stability.initial;
        self.permanent[i] = k.establishment * (1.0 - cx.workforce.start_agency_share);
        self.progress[i] = 0.0;
        self.trained[i] = 0.0;
        self.demand[i] = 1.0;
        self.children[i] = 0.0;
        self.disruption_left[i] = 0.0;
        self.arrival_left[i] = 0.0;
        for c in [
            &mut self.spend.leadership,
            &mut self.spend.social_worker_pay,
            &mut self.spend.agency_premium,
            &mut self.spend.placements,
            &mut self.spend.sen_transport,
            &mut self.spend.contract,
            &mut self.paid_partner,
            &mut self.npv,
            &mut self.year,
        ] {
            c[i] = 0.0;
        }
    }

    /// Total spend so far on lane `i`.
    pub(crate) fn total(&self, i: usize) -> f64 {
        self.spend.at(i).total()
    }

    /// One month `t` (1-based) on lanes `0..len` (and on up to [`W`] - 1
    /// lanes past them, whose values nobody reads), after the leadership's
    /// events `ev`; writes the month's series values to `out`,
    /// `[series][lane]` ([`SERIES`] x [`BLOCK`]).
    ///
    /// Three loops over the lanes: stability and the workforce; placements
    /// and SEN transport; the contract and the sums. Each keeps fewer values
    /// live than one loop would (fewer spills, above all in WebAssembly
    /// engines); they hand on `gap`, `team` and their series values.
    #[inline(never)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn step(
        &mut self,
        t: u32,
        plan: &Plan,
        ev: &EventLanes,
        pc: &ContextLanes,
        k: &Consts,
        discount: f64,
        len: usize,
        out: &mut [f64],
    ) {
        let out: &mut [f64; SERIES * BLOCK] = (&mut out[..SERIES * BLOCK]).try_into().unwrap();
        let m = Month {
            own: M::splat(t >= plan.own_team_first && t <= plan.own_team_last),
            plan,
            ev,
            pc,
            k,
            discount,
            // Whole groups of W lanes: `i + W <= BLOCK` is plain to the compiler.
            groups: len.div_ceil(W).min(BLOCK / W),
        };
        self.workforce(&m, out);
        self.placements_and_sen(&m, out);
        self.contract_and_sums(&m, out);
    }

    /// Stability, the improvement teams and the workforce: series 1, 2, 8
    /// and 9, and `gap` and `team` for the next loops.
    #[inline(always)]
    fn workforce(&mut self, m: &Month, out: &mut [f64; SERIES * BLOCK]) {
        let Month { ev, pc, k, own, .. } = *m;
        let has_establishment = M::splat(k.establishment > 0.0);
        let (zero, one) = (V::splat(0.0), V::splat(1.0));
        let s = self;
        for i in (0..m.groups).map(|g| g * W) {
            let ld = |a: &Lanes| V::load(a, i);
            // Stability.
            let st = ld(&s.s) - ld(&pc.shock) * ld(&ev.changes);
            let st = st.lt(zero).select(zero, st);
            let ramp = (ld(&ev.months_in_post) * k.inv_ramp).min(one);
            let settled_target = k.start_level + (1.0 - k.start_level) * ramp;
            let interim = M::load(&ev.interim, i);
            let target = interim.select(V::splat(k.interim_target), settled_target);
            let st = st + (target - st) * k.alpha;
            st.store(&mut s.s, i);
            let gap = 1.0 - st;

            // Improvement teams: the partner's while the contract runs, the
            // option's own in its months. Both add to recruitment and mix shift.
            let running = M::load(&ev.contract_running, i);
            let team = running.select(0.0 + ld(&s.partner_team), zero);
            let team = own.select(team + ld(&s.own_team_effect), team);

            // Workforce: base turnover, instability churn, and extra leaving
            // for a few months after a leadership change or the partner's arrival.
            let disruption = V::splat(k.disruption_months);
            let dl = ld(&ev.changes)
                .gt(zero)
                .select(disruption, ld(&s.disruption_left));
            let al = M::load(&ev.partner_arrived, i).select(disruption, ld(&s.arrival_left));
            let extra = zero;
            let on = dl.gt(zero);
            let extra = on.select(extra + ld(&pc.change_leave_month), extra);
            on.select(dl - 1.0, dl).store(&mut s.disruption_left, i);
            let on = al.gt(zero);
            let extra = on.select(extra + ld(&s.arrival_leave_month), extra);
            on.select(al - 1.0, al).store(&mut s.arrival_left, i);
            let q = ((ld(&pc.turnover) + ld(&pc.churn) * gap) / 12.0 + extra).min(one);
            let permanent = ld(&s.permanent);
            let mean = permanent * q;
            let sd = (mean * (1.0 - q)).sqrt();
            let leavers = (mean + ld(&pc.z_leavers) * sd).clamp(zero, permanent);
            let perm = permanent - leavers;
            let fill = (k.base_fill
                * ld(&pc.fill_luck)
                * (1.0 + ld(&s.recruitment) + team)
                * (1.0 - ld(&pc.recruitment_coupling) * gap))
                .clamp(zero, one);
            let perm = perm + (k.establishment - perm) * fill;
            perm.store(&mut s.permanent, i);
            let agency = (k.establishment - perm).max(zero);
            let agency_share = has_establishment.select(agency / k.establishment, zero);
            let pay_index = ld(&pc.pay_index);
            let pay = k.establishment * ld(&pc.perm_cost_month) * pay_index;
            let premium = agency * ld(&pc.premium_month) * pay_index;
            gap.store(&mut s.gap, i);
            team.store(&mut s.team, i);
            pay.store(col(out, 1), i);
            premium.store(col(out, 2), i);
            agency_share.store(col(out, 8), i);
            st.store(col(out, 9), i);
        }
    }

    /// Placements and SEN transport: series 3 and 4.
    #[inline(always)]
    fn placements_and_sen(&mut self, m: &Month, out: &mut [f64; SERIES * BLOCK]) {
        let Month {
            plan,
            ev,
            pc,
            k,
            own,
            ..
        } = *m;
        let (zero, one) = (V::splat(0.0), V::splat(1.0));
        let s = self;
        for i in (0..m.groups).map(|g| g * W) {
            let ld = |a: &Lanes| V::load(a, i);
            let (gap, team) = (ld(&s.gap), ld(&s.team));
            let running = M::load(&ev.contract_running, i);
            let any_team = running.or(own);

            // Placements: demand rises when S is low; mix-shift progress
            // moves at the programme's pace and unwinds when S is low or the
            // programme stops.
            let demand = ld(&s.demand) * (1.0 + ld(&pc.demand_month) * gap);
            demand.store(&mut s.demand, i);
            let strength = ld(&s.mix_shift) + team;
            let pace = strength * (1.0 - ld(&pc.placement_coupling) * gap) * k.inv_target_month;
            let progress = ld(&s.progress);
            let decay = progress * ld(&pc.mix_decay_month) * strength.gt(zero).select(gap, one);
            let progress = (progress + pace - decay).clamp(zero, one);
            progress.store(&mut s.progress, i);
            let children = ld(&pc.children) * demand;
            children.store(&mut s.children, i);
            let placements = children
                * (ld(&pc.base_weekly) + k.shift_share * progress * ld(&pc.shift_delta_weekly))
                * ld(&pc.placement_index)
                * WEEKS_PER_MONTH;

            // SEN transport: trained pupils return or age out; training
            // never exceeds the pupils still eligible and not yet trained.
            let trained = ld(&s.trained) * (1.0 - ld(&pc.trained_exit_month));
            let travel = any_team.select(V::splat(plan.team_travel_training), zero);
            let trainees = (k.training_month
                * (ld(&s.travel_training) + travel)
                * (1.0 - ld(&pc.sen_coupling) * gap))
                .max(zero);
            let sen_pupils = ld(&pc.sen_pupils);
            let remaining = (sen_pupils - trained).max(zero);
            let trainees = trainees.gt(remaining).select(remaining, trainees);
            let trained = trained + trainees;
            trained.store(&mut s.trained, i);
            let funded = (sen_pupils - trained).max(zero);
            let sen = (funded * ld(&pc.sen_cost_month) + trainees * k.cost_per_trainee)
                * ld(&pc.sen_index);
            placements.store(col(out, 3), i);
            sen.store(col(out, 4), i);
        }
    }

    /// The contract, the month's total and the running sums: series 0, 5,
    /// 6 and 7.
    #[inline(always)]
    fn contract_and_sums(&mut self, m: &Month, out: &mut [f64; SERIES * BLOCK]) {
        let Month {
            plan,
            ev,
            pc,
            own,
            discount,
            ..
        } = *m;
        let (zero, one) = (V::splat(0.0), V::splat(1.0));
        let s = self;
        for i in (0..m.groups).map(|g| g * W) {
            let ld = |a: &Lanes| V::load(a, i);
            let running = M::load(&ev.contract_running, i);
            let pay_index = ld(&pc.pay_index);
            let agency_share = V::load(col(out, 8), i);
            let progress = ld(&s.progress);
            let (pay, premium) = (V::load(col(out, 1), i), V::load(col(out, 2), i));
            let (placements, sen) = (V::load(col(out, 3), i), V::load(col(out, 4), i));

            // Improvement contract and teams: partner fees (with extensions,
            // variations and the at-risk payment), procurement, contract
            // management and the option's own team.
            let fee = ld(&ev.partner_fee);
            let met = agency_share
                .le(V::splat(plan.agency_target))
                .select(one, zero)
                + progress.ge(V::splat(plan.mix_target)).select(one, zero);
            let partner =
                M::load(&ev.contract_ended, i).select(fee + plan.at_risk_value * met / 2.0, fee);
            (ld(&s.paid_partner) + partner).store(&mut s.paid_partner, i);
            let contract = partner + ld(&ev.procurement_cost) * pay_index;
            let contract = running.select(contract + ld(&s.management_month) * pay_index, contract);
            let contract = own.select(contract + ld(&s.own_team_month) * pay_index, contract);

            let spend = [
                ld(&ev.leadership_spend),
                pay,
                premium,
                placements,
                sen,
                contract,
            ];
            let total = sum(spend);
            let acc = &mut s.spend;
            let acc = [
                &mut acc.leadership,
                &mut acc.social_worker_pay,
                &mut acc.agency_premium,
                &mut acc.placements,
                &mut acc.sen_transport,
                &mut acc.contract,
            ];
            let so_far = core::array::from_fn(|c| V::load(acc[c], i) + spend[c]);
            for (a, v) in acc.into_iter().zip(so_far) {
                v.store(a, i);
            }
            (ld(&s.npv) + total * discount).store(&mut s.npv, i);
            (ld(&s.year) + total).store(&mut s.year, i);
            let cumulative = sum(so_far);

            spend[0].store(col(out, 0), i);
            contract.store(col(out, 5), i);
            total.store(col(out, 6), i);
            cumulative.store(col(out, 7), i);
        }
    }
}

/// What every lane's month shares.
#[derive(Clone, Copy)]
struct Month<'a> {
    /// The option's own team works this month.
    own: M,
    plan: &'a Plan,
    ev: &'a EventLanes,
    pc: &'a ContextLanes,
    k: &'a Consts,
    discount: f64,
    /// Groups of [`W`] lanes to step.
    groups: usize,
}

/// Series `j`'s lanes in the block's series values.
#[inline(always)]
fn col(out: &mut [f64; SERIES * BLOCK], j: usize) -> &mut Lanes {
    (&mut out[j * BLOCK..(j + 1) * BLOCK]).try_into().unwrap()
}

/// Sum over categories in [`Category::ALL`] order, lane by lane: the
/// additions of [`ByCategory::total`], from the same start.
#[inline(always)]
fn sum(v: [V; 6]) -> V {
    // `Iterator::sum` for f64 starts from -0.0.
    let start: f64 = core::iter::empty::<f64>().sum();
    v.into_iter().fold(V::splat(start), |a, b| a + b)
}
