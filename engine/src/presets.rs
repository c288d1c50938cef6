//! Ready-made scenarios, each default with its source and year.
//!
//! Values come from the project's domain brief (public sources named in each
//! [`Source`]). Where no figure was published the value is a stated estimate
//! (`estimate: true`) that users should challenge.

use crate::field::FieldId;
use crate::field::FieldId as F;
use crate::input::*;

/// The presets offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PresetId {
    /// Sandwell MBC in 2012: the case that started the project.
    Sandwell2012,
    /// A typical English council with the latest national figures.
    England2024,
}

impl PresetId {
    /// Every preset.
    pub const ALL: [PresetId; 2] = [PresetId::Sandwell2012, PresetId::England2024];

    /// Stable identifier for URLs: `"sandwell-2012"` or `"england-2024"`.
    pub fn id(&self) -> &'static str {
        match self {
            PresetId::Sandwell2012 => "sandwell-2012",
            PresetId::England2024 => "england-2024",
        }
    }

    /// Human label.
    pub fn label(&self) -> &'static str {
        match self {
            PresetId::Sandwell2012 => "Sandwell 2012",
            PresetId::England2024 => "England 2024",
        }
    }

    /// The preset with identifier `id`, if any.
    pub fn from_id(id: &str) -> Option<PresetId> {
        PresetId::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// Where a preset value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The field; a per-option field's source applies to every option, a
    /// per-placement-type field's to every type.
    pub field: FieldId,
    /// Source and what was taken from it.
    pub note: &'static str,
    /// Year (or years) of the figure.
    pub year: &'static str,
    /// True when the value is the project's estimate rather than a published figure.
    pub estimate: bool,
}

/// Mean permanent DCS stay used by the Sandwell preset (calibrated, months).
pub const SANDWELL_TENURE: Range = Range::new(32.0, 38.0, 44.0);
/// Interim mean stay used by the Sandwell preset (months).
pub const SANDWELL_INTERIM_STAY: Range = Range::new(8.0, 10.0, 12.0);

/// The scenario for a preset: three options, "Recruit", "In-source
/// partner" and "Recruit + own improvement team" (at equal spend).
pub fn preset(id: PresetId) -> ScenarioInput {
    match id {
        PresetId::Sandwell2012 => sandwell(),
        PresetId::England2024 => england(),
    }
}

/// Sources for every field of a preset, one per field (the preset's own
/// entry where it has one, else the shared one), in field-table order.
pub fn sources(id: PresetId) -> Vec<&'static Source> {
    FieldId::ALL.iter().filter_map(|&f| source(id, f)).collect()
}

/// Weekly cost spread: -10% / +15% around the published figure (estimate),
/// rounded to whole pounds so the preset serialises exactly.
fn spread(v: f64) -> Range {
    Range::new((v * 0.9).round(), v, (v * 1.15).round())
}

fn stability() -> StabilityParams {
    StabilityParams {
        initial: 0.4,
        interim_target: 0.4,
        start_level: 0.5,
        ramp_months: 12.0,
        shock: Range::new(0.05, 0.15, 0.25),
        time_constant_months: 6.0,
        churn_coupling: Range::new(0.0, 0.10, 0.20),
        recruitment_coupling: Range::new(0.2, 0.5, 0.8),
        placement_coupling: Range::new(0.2, 0.5, 0.8),
        sen_coupling: Range::new(0.2, 0.5, 0.8),
        demand_coupling: Range::new(0.0, 0.03, 0.08),
    }
}

/// Strength an improvement team (the partner's, or a council's own) adds to
/// the recruitment and mix-shift programmes: wide, and below zero at the low
/// end (a new team can unsettle staff). No published figure: estimate.
pub const TEAM_EFFECT: Range = Range::new(-0.25, 0.25, 0.75);

/// Monthly cost of an own improvement team at equal spend with the partner
/// contract: what the contract costs beyond a permanent director's pay over
/// the same months, per month, rounded to GBP 100.
pub fn equal_spend_team_month(contract_value: f64, director_per_year: f64, months: u32) -> f64 {
    let m = months.max(1) as f64;
    ((contract_value - director_per_year * m / 12.0) / m / 100.0).round() * 100.0
}

fn options(leadership: LeadershipParams, contract: ContractParams) -> Vec<OptionInput> {
    let programmes = Programmes {
        recruitment: Range::new(0.0, 0.25, 0.5),
        mix_shift: Range::new(0.2, 0.5, 0.8),
        travel_training: Range::new(0.25, 0.5, 0.75),
        team_travel_training: 0.0,
    };
    let team_month = equal_spend_team_month(
        contract.value,
        leadership.permanent_cost_per_year.likely,
        contract.length_months,
    );
    let own_team = OwnTeam {
        monthly_cost: Range::new(
            (team_month * 0.85 / 100.0).round() * 100.0,
            team_month,
            (team_month * 1.15 / 100.0).round() * 100.0,
        ),
        effect: TEAM_EFFECT,
        start_month: 1,
        length_months: contract.length_months,
    };
    vec![
        OptionInput {
            name: "Recruit".to_string(),
            route: Route::Recruit,
            leadership: leadership.clone(),
            contract: contract.clone(),
            programmes: programmes.clone(),
            own_team: OwnTeam::default(),
        },
        OptionInput {
            name: "In-source partner".to_string(),
            route: Route::InSource,
            leadership: leadership.clone(),
            contract: contract.clone(),
            programmes: programmes.clone(),
            own_team: OwnTeam::default(),
        },
        OptionInput {
            name: "Recruit + own improvement team".to_string(),
            route: Route::Recruit,
            leadership,
            contract,
            programmes,
            own_team,
        },
    ]
}

/// Contract terms shared by both presets apart from the value and targets.
fn contract(
    value: f64,
    agency_share_target: f64,
    procurement_cost: Range,
    management: Range,
) -> ContractParams {
    ContractParams {
        procurement_months: Range::new(3.0, 4.0, 6.0),
        procurement_failure: Range::new(0.02, 0.10, 0.25),
        procurement_cost,
        management_per_month: management,
        variation_probability: Range::new(0.1, 0.3, 0.5),
        variation_share: Range::new(0.05, 0.15, 0.3),
        variation_extends: true,
        arrival_turnover: Range::new(0.0, 0.02, 0.08),
        length_months: 30,
        value,
        at_risk_share: 0.2,
        agency_share_target,
        mix_shift_target: 0.5,
        partner_early_exit: Range::new(0.05, 0.15, 0.35),
        partner_replacement_months: Range::new(1.0, 2.0, 4.0),
        handover_probability: Range::new(0.2, 0.5, 0.8),
        campaign_lead_months: 3,
        team_strength: TEAM_EFFECT,
    }
}

fn sandwell() -> ScenarioInput {
    ScenarioInput {
        context: Context {
            stability: stability(),
            workforce: WorkforceParams {
                establishment_fte: 220.0,
                start_agency_share: 0.25,
                permanent_cost_per_fte: Range::fixed(41_000.0),
                agency_premium_per_fte: Range::new(4_000.0, 8_000.0, 14_400.0),
                base_turnover: Range::fixed(0.15),
                base_fill_rate: 0.06,
                pay_inflation: Range::new(0.005, 0.01, 0.025),
                fill_variability: 0.3,
                change_turnover: Range::new(0.0, 0.03, 0.10),
                disruption_months: 6.0,
            },
            placements: PlacementParams {
                children_start: 530.0,
                net_growth: Range::new(0.0, 0.04, 0.13),
                mix: [0.45, 0.25, 0.07, 0.03, 0.07, 0.13],
                weekly_cost: [
                    spread(400.0),
                    spread(800.0),
                    spread(250.0),
                    spread(3_000.0),
                    spread(3_200.0),
                    spread(600.0),
                ],
                inflation: Range::new(0.01, 0.03, 0.05),
                shift: MixShift {
                    from: PlacementKind::Ifa,
                    to: PlacementKind::InHouseFostering,
                    share: 0.05,
                    target_month: 24,
                },
                mix_decay: Range::new(0.0, 0.15, 0.4),
            },
            sen: SenParams {
                pupils: 1_000.0,
                cost_per_pupil: Range::new(5_000.0, 5_500.0, 6_000.0),
                growth: Range::new(0.0, 0.03, 0.06),
                inflation: Range::new(0.01, 0.025, 0.05),
                training_per_year: 40.0,
                cost_per_trainee: 1_500.0,
                return_rate: Range::new(0.02, 0.10, 0.25),
                age_out_rate: 0.2,
            },
            finance: FinanceParams {
                annual_budget: 36_000_000.0,
                budget_uprating: 0.02,
                baseline_option: 0,
                discount_rate: 0.035,
                general_inflation: 0.02,
                price_base_year: 2012,
            },
        },
        options: options(
            LeadershipParams {
                permanent_cost_per_year: Range::new(160_000.0, 185_000.0, 210_000.0),
                interim_day_rate: Range::new(700.0, 900.0, 1_200.0),
                interim_days_per_year: 220.0,
                interim_mean_stay_months: SANDWELL_INTERIM_STAY,
                campaign_months: Range::new(4.0, 6.0, 9.0),
                campaign_fee: Range::new(15_000.0, 35_000.0, 50_000.0),
                campaign_success: Range::new(0.5, 0.7, 0.85),
                permanent_mean_tenure_months: SANDWELL_TENURE,
                tenure_shape: 1.0,
            },
            contract(
                1_150_000.0,
                0.18,
                Range::new(20_000.0, 40_000.0, 80_000.0),
                Range::new(2_000.0, 4_000.0, 8_000.0),
            ),
        ),
        simulation: Simulation {
            seed: 2012,
            paths: 10_000,
            horizon_months: 60,
        },
    }
}

fn england() -> ScenarioInput {
    ScenarioInput {
        context: Context {
            stability: stability(),
            workforce: WorkforceParams {
                establishment_fte: 220.0,
                start_agency_share: 0.16,
                permanent_cost_per_fte: Range::fixed(55_000.0),
                agency_premium_per_fte: Range::new(6_000.0, 10_000.0, 15_000.0),
                base_turnover: Range::fixed(0.138),
                base_fill_rate: 0.10,
                pay_inflation: Range::new(0.02, 0.03, 0.045),
                fill_variability: 0.3,
                change_turnover: Range::new(0.0, 0.03, 0.10),
                disruption_months: 6.0,
            },
            placements: PlacementParams {
                children_start: 535.0,
                net_growth: Range::new(-0.02, 0.01, 0.04),
                mix: [0.28, 0.25, 0.16, 0.03, 0.08, 0.20],
                weekly_cost: [
                    spread(550.0),
                    spread(900.0),
                    spread(300.0),
                    spread(5_500.0),
                    spread(6_100.0),
                    spread(1_500.0),
                ],
                inflation: Range::new(0.03, 0.05, 0.08),
                shift: MixShift {
                    from: PlacementKind::Ifa,
                    to: PlacementKind::InHouseFostering,
                    share: 0.05,
                    target_month: 24,
                },
                mix_decay: Range::new(0.0, 0.15, 0.4),
            },
            sen: SenParams {
                pupils: 1_350.0,
                cost_per_pupil: Range::new(8_500.0, 9_481.0, 10_500.0),
                growth: Range::new(0.02, 0.05, 0.08),
                inflation: Range::new(0.03, 0.07, 0.14),
                training_per_year: 50.0,
                cost_per_trainee: 2_000.0,
                return_rate: Range::new(0.02, 0.10, 0.25),
                age_out_rate: 0.2,
            },
            finance: FinanceParams {
                annual_budget: 62_000_000.0,
                budget_uprating: 0.02,
                baseline_option: 0,
                discount_rate: 0.035,
                general_inflation: 0.02,
                price_base_year: 2024,
            },
        },
        options: options(
            LeadershipParams {
                permanent_cost_per_year: Range::new(180_000.0, 210_000.0, 240_000.0),
                interim_day_rate: Range::new(900.0, 1_100.0, 1_300.0),
                interim_days_per_year: 220.0,
                interim_mean_stay_months: Range::fixed(8.0),
                campaign_months: Range::new(4.0, 6.0, 9.0),
                campaign_fee: Range::new(35_000.0, 50_000.0, 65_000.0),
                campaign_success: Range::new(0.55, 0.75, 0.9),
                permanent_mean_tenure_months: Range::new(30.0, 35.0, 40.0),
                tenure_shape: 1.0,
            },
            contract(
                1_650_000.0,
                0.12,
                Range::new(30_000.0, 50_000.0, 100_000.0),
                Range::new(3_000.0, 5_000.0, 10_000.0),
            ),
        ),
        simulation: Simulation {
            seed: 2024,
            paths: 10_000,
            horizon_months: 60,
        },
    }
}

const fn src(field: FieldId, note: &'static str, year: &'static str, estimate: bool) -> Source {
    Source {
        field,
        note,
        year,
        estimate,
    }
}

/// Sources shared by both presets (modelling choices and the stability index).
static COMMON: &[Source] = &[
            src(F::Seed, "Fixed seed so the preset reproduces exactly; any value will do", "-", false),
            src(F::Paths, "10,000 futures: Monte Carlo error of the mean total well under 0.1%", "-", false),
            src(F::Horizon, "Five years, a typical medium-term financial plan", "-", false),
            src(F::StabilityInitial, "Seat starts under interim cover, so S starts at the interim level", "-", true),
            src(F::StabilityInterim, "Assumption-driven index: interim cover holds the service at 0.4 of settled", "-", true),
            src(F::StabilityStart, "Assumption: a new director starts half-way to settled", "-", true),
            src(F::StabilityRamp, "Assumption: a new director takes a year to settle the service", "-", true),
            src(F::StabilityShock, "Estimate (no published figure): each change of director costs 0.05 to 0.25 of the index, most likely 0.15", "-", true),
            src(F::StabilityTau, "Assumption: the service closes 63% of the gap to its target in six months", "-", true),
            src(F::ChurnCoupling, "Estimate (no published figure): 0 to 20 points of extra annual social worker turnover at S = 0, most likely 10; national turnover figures say nothing about leadership", "-", true),
            src(F::RecruitmentCoupling, "Estimate (no published figure): instability cuts vacancy filling by 20% to 80% at S = 0, most likely half", "-", true),
            src(F::PlacementCoupling, "Estimate (no published figure): instability cuts mix-shift progress by 20% to 80% at S = 0, most likely half", "-", true),
            src(F::SenCoupling, "Estimate (no published figure): instability cuts travel-training throughput by 20% to 80% at S = 0, most likely half", "-", true),
            src(F::Establishment, "Estimate of a metropolitan borough's children's social worker establishment", "-", true),
            src(F::ShiftFrom, "Assumption: move 5% of all children from IFA to in-house fostering within 24 months (the contract's placement goal)", "-", true),
            src(F::ShiftTo, "Assumption: move 5% of all children from IFA to in-house fostering within 24 months (the contract's placement goal)", "-", true),
            src(F::ShiftShare, "Assumption: move 5% of all children from IFA to in-house fostering within 24 months (the contract's placement goal)", "-", true),
            src(F::ShiftMonth, "Assumption: move 5% of all children from IFA to in-house fostering within 24 months (the contract's placement goal)", "-", true),
            src(F::GeneralInflation, "Estimate: the Bank of England's 2% CPI target as the general price deflator for discounting real values", "-", true),
            src(F::InterimDays, "Interim days paid per year (brief: 220)", "-", false),
            src(F::CampaignLength, "No published time-to-recruit for a DCS; estimate", "-", true),
            src(F::DcsShape, "Weibull shape 1 (memoryless): no evidence for a different shape", "-", true),
            src(F::ProcurementLength, "Sandwell let its contract about four months after the decision", "2012", false),
            src(F::ProcurementFailure, "Estimate (no published figure): 2% to 25% of procurements fail, most likely 10%", "-", true),
            src(F::ContractLength, "Sandwell contract: 2.5 years", "2012", false),
            src(F::ContractAtRisk, "Share of fee at risk on results (Sandwell contract: part of fee at risk; 20% assumed)", "2012", true),
            src(F::ContractMixTarget, "Assumption: half the planned mix shift by contract end meets the placement target", "-", true),
            src(F::PartnerExit, "Estimate (no published figure): 5% to 35% chance the partner's director leaves early, most likely 15%", "-", true),
            src(F::PartnerReplacement, "Estimate (no published figure): the partner replaces its director in 1 to 4 months, most likely 2", "-", true),
            src(F::Handover, "Estimate (no published figure): 20% to 80% chance of a handover without vacancy at contract end, most likely even", "-", true),
            src(F::CampaignLead, "Estimate: a campaign starts three months before contract end", "-", true),
            src(F::TeamStrength, "Estimate (no published figure): the partner team adds -0.25 to 0.75 of nominal programme pace, most likely 0.25; below zero a new partner unsettles staff", "-", true),
            src(F::ProgrammeRecruitment, "Estimate (no published figure): the council's own programme runs at 0 to 0.5 of nominal pace, most likely 0.25, the same in every option", "-", true),
            src(F::ProgrammeMixShift, "Estimate (no published figure): the council's own programme runs at 0.2 to 0.8 of nominal pace, most likely 0.5, the same in every option", "-", true),
            src(F::ProgrammeTravel, "Estimate (no published figure): the council's own programme runs at 0.25 to 0.75 of nominal pace, most likely 0.5, the same in every option", "-", true),
            src(F::OptionRoute, "Options compared: Recruit and In-source partner (the article's decision), and Recruit + own improvement team at equal spend (model 3)", "2012", false),
            src(F::OptionName, "Option names", "-", false),
    src(F::DemandCoupling, "Estimate (no published figure): entries to care add 0 to 8 points of annual growth at S = 0, most likely 3; 0 means no link", "-", true),
    src(F::TeamTravel, "Teams add nothing to travel training unless set here (model 3: the brief gives improvement teams no travel-training role)", "-", false),
    src(F::OwnTeamCost, "Equal spend with the partner: (contract value - permanent director pay over the contract months) / contract months, +/-15% (estimate)", "-", true),
    src(F::OwnTeamEffect, "Estimate (no published figure): the same range as the partner's team, -0.25 / 0.25 / 0.75", "-", true),
    src(F::OwnTeamStart, "Own team works from month 1 (Recruit + own improvement team only)", "-", false),
    src(F::OwnTeamLength, "Own team works for the contract's length, 30 months (Recruit + own improvement team only; 0 elsewhere)", "-", false),
    src(F::VariationProbability, "Estimate (no published figure): 10% to 50% chance the contract is varied or extended, most likely 30%", "-", true),
    src(F::VariationShare, "Estimate (no published figure): a variation adds 5% to 30% of the contract value, most likely 15%", "-", true),
    src(F::VariationExtends, "Assumption: a variation extends the term, and the partner director's tenure, at the full monthly rate", "-", true),
    src(F::ArrivalTurnover, "Estimate (no published figure): 0 to 8 points of extra annual leaving for six months after the partner arrives (a restructure), most likely 2", "-", true),
    src(F::FillLuck, "Estimate (no published figure): month-to-month luck in vacancy filling, standard deviation 0.3 around 1, the same in every option", "-", true),
    src(F::ChangeTurnover, "Estimate (no published figure): 0 to 10 points of extra annual leaving for six months after each change of director, most likely 3", "-", true),
    src(F::DisruptionMonths, "Estimate: extra leaving lasts six months after a change", "-", true),
    src(F::MixDecay, "Estimate (no published figure): mix-shift progress unwinds at 0% to 40% a year, most likely 15%: in full once the programme stops, scaled by instability while it runs", "-", true),
    src(F::SenReturn, "Estimate (no published figure): 2% to 25% of travel-trained pupils a year return to funded transport, most likely 10%", "-", true),
    src(F::SenAgeOut, "Estimate: trained pupils are older, so about a fifth a year leave eligibility and their saving ends", "-", true),
    src(F::BudgetUprating, "Estimate: the budget is uprated by general inflation (2%, the Bank of England CPI target) so a flat cash budget does not build in an overspend", "-", true),
    src(F::BaselineOption, "Spend is compared with the first option, Recruit", "-", false),
];

static SANDWELL_SPECIFIC: &[Source] = &[
    src(F::AgencyShare, "Agency share 25%: inadequate-rated councils 27% (DfE, Sep 2020); West Midlands 16% (Sep 2013); Sandwell's 2012 agency overspend", "2013-2020", true),
    src(F::WorkerCost, "Median children's social worker salary GBP 31,200 (2011) plus about 30% on-costs", "2011", true),
    src(F::AgencyPremium, "Premium over the permanent cost of the same (median-pay) post: about GBP 14,400 a year over a newly qualified worker (2010) less about GBP 6k, the gap between a newly qualified and a median post with on-costs (median salary GBP 31,200, 2011); range 4k / 8k / 14.4k is an estimate", "2010-2011", true),
    src(F::Turnover, "Estimate: 15% a year (the first DfE workforce statistics, 2013, found about 1 in 7: context only)", "-", true),
    src(F::FillRate, "Estimate chosen so a 25% agency share is roughly steady under interim leadership", "-", true),
    src(F::PayInflation, "Public sector pay freeze then a 1% cap, announced in the Autumn Statement (Nov 2011); range estimate", "2011", true),
    src(F::Children, "Estimate: Sandwell had about 530 children in care in 2012", "2012", true),
    src(F::ChildrenGrowth, "England's children looked after rose from about 59,400 (2008) to 67,050 (2012), about 3% a year (DfE SFR, Sep 2012); the 13% high end for a council in intervention is an estimate", "2008-2012", true),
    src(F::PlacementMix, "About three quarters of England's children looked after in foster care (DfE SFR, 2012); split by type by estimate", "2012", true),
    src(F::WeeklyCost, "Estimate for 2012: in-house fostering GBP 400, IFA GBP 800, council home GBP 3,000 a week (NAO 2014 figures for 2013-16 as later context); -10%/+15% spread estimated", "-", true),
    src(F::PlacementInflation, "Estimate of 2012 cash placement price inflation: CPI was 2.8% in 2012 (ONS); range 1% to 5%", "2012", true),
    src(F::SenPupils, "Estimate of pupils on funded SEN transport", "-", true),
    src(F::SenCost, "Estimate for 2012 (the County Councils Network's GBP 6,280 per pupil in 2018/19, deflated, is later context)", "-", true),
    src(F::SenGrowth, "Estimate of growth in pupils needing transport", "-", true),
    src(F::SenInflation, "Estimate of transport price inflation", "-", true),
    src(F::TrainingPerYear, "Estimate of pupils trained per year by an independent travel training unit (the article's GO4it)", "2012", true),
    src(F::TrainingCost, "Estimate of the cost of training one pupil", "-", true),
    src(F::Budget, "Estimate of the budget for the modelled lines (modelled spend about GBP 37m a year)", "2012", true),
    src(F::PriceBaseYear, "Prices of 2012, the year of the decision", "2012", false),
    src(F::DcsCost, "About GBP 140k salary plus GBP 47k pension/NI (Suffolk, 2010)", "2010", false),
    src(F::InterimRate, "Estimate for 2012: GBP 700 / 900 / 1,200 a day (the GBP 800 to 1,250 examples of 2013-2019 are later, so context only)", "-", true),
    src(F::InterimStay, "Estimate: 8 to 12 months, most likely 10 (no figure published by 2012; the 2024 average of 8 months is context only)", "-", true),
    src(F::CampaignFee, "Estimate: about a third of a GBP 140k salary is about GBP 47k; Brighton's GBP 42.4k covered three posts (about GBP 14k each, 2013/14, context only); so 15k / 35k / 50k", "-", true),
    src(F::CampaignSuccess, "Estimate (no published figure): 50% to 85% of campaigns appoint, most likely 70%", "-", true),
    src(F::DcsTenure, "Calibrated 32 / 38 / 44 months so the recruit route puts about 11 people in the seat over 12 years, inside the 7 to 12 check (Sandwell: 9 DCSs in 12 years, 10 with the interim chief executive)", "2012", true),
    src(F::ContractValue, "Sandwell contract with iMPower: GBP 1.15m", "2012", false),
    src(F::ContractAgencyTarget, "Estimate: agency share at or below 18% by contract end", "-", true),
    src(F::DiscountRate, "HM Treasury Green Book discount rate 3.5% (a real rate): 2003 edition, as updated in 2011", "2003-2011", false),
    src(F::ProcurementCost, "Estimate (no published figure): GBP 20k to 80k of legal and procurement staff time, most likely 40k", "-", true),
    src(F::ContractManagement, "Estimate (no published figure): GBP 2k to 8k a month of client-side officer time, most likely 4k", "-", true),
];

static ENGLAND_SPECIFIC: &[Source] = &[
    src(F::AgencyShare, "Agency share 16.2% of FTE (DfE workforce statistics, Sep 2024)", "2024", false),
    src(F::WorkerCost, "Estimate of social worker pay with on-costs, 2024", "2024", true),
    src(F::AgencyPremium, "Premium over the permanent cost of the same post: about GBP 6k a year (2018); range 6k / 10k / 15k is an estimate", "2018", true),
    src(F::Turnover, "Turnover 13.8% (DfE workforce statistics, 2024)", "2024", false),
    src(F::FillRate, "Estimate chosen so a 16% agency share is roughly steady under interim leadership", "-", true),
    src(F::PayInflation, "Estimate of local government pay awards", "2024", true),
    src(F::Children, "About 67 per 10,000 children (2025) in a council of about 80,000 children", "2025", true),
    src(F::ChildrenGrowth, "England 68,110 (2013) to 81,770 (2025): about 1.5% a year; range estimate", "2013-2025", true),
    src(F::PlacementMix, "FOI, 150 councils: in-house 27.9%, IFA 24.8%, kinship 15.6%, homes 11.4%, supported 9.8%, with parents 6% (homes split council/external by estimate)", "2024", false),
    src(F::WeeklyCost, "IFA about GBP 820/wk (CMA 2021); residential about GBP 6,100/wk (NAO 2025); others estimated; -10%/+15% spread estimated", "2021-2025", true),
    src(F::PlacementInflation, "Placement prices rising about 3.5% a year in real terms (CMA 2022), plus general inflation; range estimate", "2022", true),
    src(F::SenPupils, "Estimate of pupils on funded SEN transport", "-", true),
    src(F::SenCost, "GBP 9,481 per pupil (County Councils Network, 2024/25); range estimate", "2024", false),
    src(F::SenGrowth, "Estimate of growth in pupils needing transport", "-", true),
    src(F::SenInflation, "Per-pupil cost rose from GBP 6,280 (2018/19) to GBP 9,481 (2024/25), about 7% a year, and 14% in the last year (County Councils Network): range 3% / 7% / 14% (price and complexity of need)", "2019-2024", true),
    src(F::TrainingPerYear, "Estimate of pupils trained per year by an independent travel training unit", "-", true),
    src(F::TrainingCost, "Estimate of the cost of training one pupil", "-", true),
    src(F::Budget, "Estimate of the budget for the modelled lines", "2024", true),
    src(F::PriceBaseYear, "Prices of 2024", "2024", false),
    src(F::DcsCost, "GBP 113k to 155k salaries (2018-2021) plus on-costs; range estimate", "2018-2021", true),
    src(F::InterimRate, "Interim day rates GBP 800 to 1,250 (2013-2019) uprated", "2019", true),
    src(F::InterimStay, "Interims average 8 months in post (Community Care, May 2024)", "2024", false),
    src(F::CampaignFee, "Headhunter fee about a third of salary", "2013", true),
    src(F::CampaignSuccess, "Estimate (no published figure): 55% to 90% of campaigns appoint, most likely 75%", "-", true),
    src(F::DcsTenure, "Permanent DCSs average 35 months in role (Community Care, May 2024); 32 (2012/13), 37 (2017/18)", "2024", false),
    src(F::ContractValue, "Estimate: Sandwell's GBP 1.15m (2012) uprated by CPI to 2024/25 prices (about x1.4 to x1.45, depending on the months compared): about GBP 1.65m", "2012-2024", true),
    src(F::ContractAgencyTarget, "Estimate: agency share at or below 12% (the 2013 national level) by contract end", "2013", true),
    src(F::DiscountRate, "HM Treasury Green Book discount rate 3.5% (a real rate), 2022 edition, current in 2024", "2022", false),
    src(F::ProcurementCost, "Estimate (no published figure): GBP 30k to 100k of legal and procurement staff time, most likely 50k", "-", true),
    src(F::ContractManagement, "Estimate (no published figure): GBP 3k to 10k a month of client-side officer time, most likely 5k", "-", true),
];

/// The source of one field in a preset: the preset's own entry, else the
/// entry both presets share.
pub fn source(id: PresetId, field: FieldId) -> Option<&'static Source> {
    let specific: &'static [Source] = match id {
        PresetId::Sandwell2012 => SANDWELL_SPECIFIC,
        PresetId::England2024 => ENGLAND_SPECIFIC,
    };
    specific.iter().chain(COMMON).find(|s| s.field == field)
}
