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
pub const SANDWELL_TENURE: Range = Range::new(28.0, 32.0, 36.0);
/// Interim mean stay used by the Sandwell preset (months).
pub const SANDWELL_INTERIM_STAY: Range = Range::fixed(12.0);

/// The scenario for a preset: two options, "Recruit" and "In-source partner".
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
        shock: 0.15,
        time_constant_months: 6.0,
        churn_coupling: 0.10,
        recruitment_coupling: 0.5,
        placement_coupling: 0.5,
        sen_coupling: 0.5,
    }
}

fn options(leadership: LeadershipParams, contract: ContractParams) -> Vec<OptionInput> {
    let programmes = Programmes {
        recruitment: 0.25,
        mix_shift: 0.5,
        travel_training: 0.5,
    };
    vec![
        OptionInput {
            name: "Recruit".to_string(),
            route: Route::Recruit,
            leadership: leadership.clone(),
            contract: contract.clone(),
            programmes: programmes.clone(),
        },
        OptionInput {
            name: "In-source partner".to_string(),
            route: Route::InSource,
            leadership,
            contract,
            programmes,
        },
    ]
}

fn sandwell() -> ScenarioInput {
    ScenarioInput {
        context: Context {
            stability: stability(),
            workforce: WorkforceParams {
                establishment_fte: 220.0,
                start_agency_share: 0.25,
                permanent_cost_per_fte: Range::fixed(41_000.0),
                agency_premium_per_fte: Range::new(8_000.0, 14_400.0, 20_000.0),
                base_turnover: Range::fixed(0.15),
                base_fill_rate: 0.06,
                pay_inflation: Range::new(0.005, 0.01, 0.025),
            },
            placements: PlacementParams {
                children_start: 530.0,
                net_growth: Range::new(0.0, 0.03, 0.10),
                mix: [0.45, 0.25, 0.07, 0.03, 0.07, 0.13],
                weekly_cost: [
                    spread(400.0),
                    spread(800.0),
                    spread(250.0),
                    spread(3_000.0),
                    spread(3_200.0),
                    spread(600.0),
                ],
                inflation: Range::new(0.02, 0.035, 0.06),
                shift: MixShift {
                    from: PlacementKind::Ifa,
                    to: PlacementKind::InHouseFostering,
                    share: 0.05,
                    target_month: 24,
                },
            },
            sen: SenParams {
                pupils: 1_000.0,
                cost_per_pupil: Range::new(5_000.0, 5_500.0, 6_000.0),
                growth: Range::new(0.0, 0.03, 0.06),
                inflation: Range::new(0.01, 0.025, 0.05),
                training_per_year: 40.0,
                cost_per_trainee: 1_500.0,
            },
            finance: FinanceParams {
                annual_budget: 36_000_000.0,
                discount_rate: 0.035,
                general_inflation: 0.02,
                price_base_year: 2012,
            },
        },
        options: options(
            LeadershipParams {
                permanent_cost_per_year: Range::new(160_000.0, 185_000.0, 210_000.0),
                interim_day_rate: Range::new(800.0, 1_000.0, 1_250.0),
                interim_days_per_year: 220.0,
                interim_mean_stay_months: SANDWELL_INTERIM_STAY,
                campaign_months: Range::new(4.0, 6.0, 9.0),
                campaign_fee: Range::new(30_000.0, 40_000.0, 50_000.0),
                campaign_success: 0.7,
                permanent_mean_tenure_months: SANDWELL_TENURE,
                tenure_shape: 1.0,
            },
            ContractParams {
                procurement_months: Range::new(3.0, 4.0, 6.0),
                procurement_failure: 0.1,
                length_months: 30,
                value: 1_150_000.0,
                at_risk_share: 0.2,
                agency_share_target: 0.18,
                mix_shift_target: 0.5,
                partner_early_exit: 0.15,
                partner_replacement_months: 2.0,
                handover_probability: 0.5,
                campaign_lead_months: 3,
                team_strength: 0.5,
            },
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
            },
            sen: SenParams {
                pupils: 1_350.0,
                cost_per_pupil: Range::new(8_500.0, 9_481.0, 10_500.0),
                growth: Range::new(0.02, 0.05, 0.08),
                inflation: Range::new(0.02, 0.04, 0.07),
                training_per_year: 50.0,
                cost_per_trainee: 2_000.0,
            },
            finance: FinanceParams {
                annual_budget: 62_000_000.0,
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
                campaign_success: 0.75,
                permanent_mean_tenure_months: Range::new(30.0, 35.0, 40.0),
                tenure_shape: 1.0,
            },
            ContractParams {
                procurement_months: Range::new(3.0, 4.0, 6.0),
                procurement_failure: 0.1,
                length_months: 30,
                value: 1_400_000.0,
                at_risk_share: 0.2,
                agency_share_target: 0.12,
                mix_shift_target: 0.5,
                partner_early_exit: 0.15,
                partner_replacement_months: 2.0,
                handover_probability: 0.5,
                campaign_lead_months: 3,
                team_strength: 0.5,
            },
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
            src(F::StabilityShock, "Assumption: each change of director costs 0.15 of the index", "-", true),
            src(F::StabilityTau, "Assumption: the service closes 63% of the gap to its target in six months", "-", true),
            src(F::ChurnCoupling, "Assumption: up to 10 points of extra social worker turnover under instability (cf. turnover 16% in 2015 vs 13.8% in 2024, DfE workforce statistics)", "2015-2024", true),
            src(F::RecruitmentCoupling, "Assumption: instability halves vacancy filling at S = 0", "-", true),
            src(F::PlacementCoupling, "Assumption: instability halves mix-shift progress at S = 0", "-", true),
            src(F::SenCoupling, "Assumption: instability halves travel-training throughput at S = 0", "-", true),
            src(F::Establishment, "Estimate of a metropolitan borough's children's social worker establishment", "-", true),
            src(F::ShiftFrom, "Assumption: move 5% of all children from IFA to in-house fostering within 24 months (the contract's placement goal)", "-", true),
            src(F::ShiftTo, "Assumption: move 5% of all children from IFA to in-house fostering within 24 months (the contract's placement goal)", "-", true),
            src(F::ShiftShare, "Assumption: move 5% of all children from IFA to in-house fostering within 24 months (the contract's placement goal)", "-", true),
            src(F::ShiftMonth, "Assumption: move 5% of all children from IFA to in-house fostering within 24 months (the contract's placement goal)", "-", true),
            src(F::DiscountRate, "HM Treasury Green Book discount rate 3.5% (a real rate)", "2022", false),
            src(F::GeneralInflation, "Estimate: the Bank of England's 2% CPI target as the general price deflator for discounting real values", "-", true),
            src(F::InterimDays, "Interim days paid per year (brief: 220)", "-", false),
            src(F::CampaignLength, "No published time-to-recruit for a DCS; estimate", "-", true),
            src(F::DcsShape, "Weibull shape 1 (memoryless): no evidence for a different shape", "-", true),
            src(F::ProcurementLength, "Sandwell let its contract about four months after the decision", "2012", false),
            src(F::ProcurementFailure, "Estimate: one procurement in ten fails", "-", true),
            src(F::ContractLength, "Sandwell contract: 2.5 years", "2012", false),
            src(F::ContractAtRisk, "Share of fee at risk on results (Sandwell contract: part of fee at risk; 20% assumed)", "2012", true),
            src(F::ContractMixTarget, "Assumption: half the planned mix shift by contract end meets the placement target", "-", true),
            src(F::PartnerExit, "Estimate: 15% chance the partner's director leaves early", "-", true),
            src(F::PartnerReplacement, "Estimate: partner replaces its director within two months", "-", true),
            src(F::Handover, "Estimate: even chance of a handover without vacancy at contract end", "-", true),
            src(F::CampaignLead, "Estimate: a campaign starts three months before contract end", "-", true),
            src(F::TeamStrength, "Estimate: the improvement team adds half the nominal programme pace", "-", true),
            src(F::ProgrammeRecruitment, "Estimate: the council's own programmes run at a quarter (recruitment) and half (mix shift, travel training) of nominal pace in every option", "-", true),
            src(F::ProgrammeMixShift, "Estimate: the council's own programmes run at a quarter (recruitment) and half (mix shift, travel training) of nominal pace in every option", "-", true),
            src(F::ProgrammeTravel, "Estimate: the council's own programmes run at a quarter (recruitment) and half (mix shift, travel training) of nominal pace in every option", "-", true),
            src(F::OptionRoute, "Options compared: Recruit and In-source partner (the article's decision)", "2012", false),
            src(F::OptionName, "Option names", "-", false),
];

static SANDWELL_SPECIFIC: &[Source] = &[
    src(F::AgencyShare, "Agency share 25%: inadequate-rated councils 27% (DfE, Sep 2020); West Midlands 16% (Sep 2013); Sandwell's 2012 agency overspend", "2013-2020", true),
    src(F::WorkerCost, "Median children's social worker salary GBP 31,200 (2011) plus about 30% on-costs", "2011", true),
    src(F::AgencyPremium, "About GBP 14,400 a year over a newly qualified permanent worker (2010); range estimate", "2010", false),
    src(F::Turnover, "About 1 in 7 a year (DfE workforce statistics, 2013)", "2013", false),
    src(F::FillRate, "Estimate chosen so a 25% agency share is roughly steady under interim leadership", "-", true),
    src(F::PayInflation, "Public sector pay restraint, 1% awards 2013 to 2015", "2013", true),
    src(F::Children, "Sandwell children in care about 530 in 2012 (552 in 2014)", "2012-2014", true),
    src(F::ChildrenGrowth, "Sandwell's children in care rose from 552 (2014) to 901 (2019), about 10% a year at most", "2014-2019", false),
    src(F::PlacementMix, "England mix 2013: 75% fostering, 9% homes, 16% other; split by estimate", "2013", true),
    src(F::WeeklyCost, "In-house fostering GBP 396, IFA GBP 759, council home GBP 3,000 a week (2013-16; NAO 2014); kinship, external home and other estimated; -10%/+15% spread estimated", "2013-2016", true),
    src(F::PlacementInflation, "Placement prices rising about 3.5% a year (CMA 2022); range estimate", "2022", false),
    src(F::SenPupils, "Estimate of pupils on funded SEN transport", "-", true),
    src(F::SenCost, "GBP 6,280 per pupil in 2018/19 (County Councils Network), deflated to 2012", "2018", true),
    src(F::SenGrowth, "Estimate of growth in pupils needing transport", "-", true),
    src(F::SenInflation, "Estimate of transport price inflation", "-", true),
    src(F::TrainingPerYear, "Estimate of pupils trained per year by an independent travel training unit (the article's GO4it)", "2012", true),
    src(F::TrainingCost, "Estimate of the cost of training one pupil", "-", true),
    src(F::Budget, "Estimate of the budget for the modelled lines (modelled spend about GBP 37m a year)", "2012", true),
    src(F::PriceBaseYear, "Prices of 2012, the year of the decision", "2012", false),
    src(F::DcsCost, "About GBP 140k salary plus GBP 47k pension/NI (Suffolk, 2010)", "2010", false),
    src(F::InterimRate, "Interim day rates GBP 800 to 1,250 plus agency fee (local press, 2013-2019)", "2013-2019", false),
    src(F::InterimStay, "Calibrated: 12 months, the top of the 8 to 12 band for the period (interims average 8 months in post, 2024)", "2024", true),
    src(F::CampaignFee, "Headhunter fee about a third of salary; Brighton GBP 42.4k for three posts (2013/14)", "2013", false),
    src(F::CampaignSuccess, "Estimate: 70% of campaigns appoint", "-", true),
    src(F::DcsTenure, "Calibrated 28/32/36 (national average 32 months, 2012/13) so the recruit route puts 7 to 12 people in the seat over 12 years (Sandwell: 9 DCSs in 12 years, average stay 16 months)", "2012-2013", true),
    src(F::ContractValue, "Sandwell contract with iMPower: GBP 1.15m", "2012", false),
    src(F::ContractAgencyTarget, "Estimate: agency share at or below 18% by contract end", "-", true),
];

static ENGLAND_SPECIFIC: &[Source] = &[
    src(F::AgencyShare, "Agency share 16.2% of FTE (DfE workforce statistics, Sep 2024)", "2024", false),
    src(F::WorkerCost, "Estimate of social worker pay with on-costs, 2024", "2024", true),
    src(F::AgencyPremium, "About GBP 6k a year (2018) to GBP 14.4k (2010); range estimate", "2018", true),
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
    src(F::SenInflation, "GBP 8,299 (2023/24) to GBP 9,481 (2024/25) per pupil; range estimate", "2024", true),
    src(F::TrainingPerYear, "Estimate of pupils trained per year by an independent travel training unit", "-", true),
    src(F::TrainingCost, "Estimate of the cost of training one pupil", "-", true),
    src(F::Budget, "Estimate of the budget for the modelled lines", "2024", true),
    src(F::PriceBaseYear, "Prices of 2024", "2024", false),
    src(F::DcsCost, "GBP 113k to 155k salaries (2018-2021) plus on-costs; range estimate", "2018-2021", true),
    src(F::InterimRate, "Interim day rates GBP 800 to 1,250 (2013-2019) uprated", "2019", true),
    src(F::InterimStay, "Interims average 8 months in post (Community Care, May 2024)", "2024", false),
    src(F::CampaignFee, "Headhunter fee about a third of salary", "2013", true),
    src(F::CampaignSuccess, "Estimate: 75% of campaigns appoint", "-", true),
    src(F::DcsTenure, "Permanent DCSs average 35 months in role (Community Care, May 2024); 32 (2012/13), 37 (2017/18)", "2024", false),
    src(F::ContractValue, "Estimate: Sandwell's GBP 1.15m uprated", "2024", true),
    src(F::ContractAgencyTarget, "Estimate: agency share at or below 12% (the 2013 national level) by contract end", "2013", true),
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
