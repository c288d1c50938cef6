//! Help in plain English: hints shown under the assumptions whose registry
//! help is technical, and the glossary of the words the page uses.

/// A plain-English hint for an assumption, where its registry help is
/// jargon (keys as in the parameter registry).
pub fn hint(key: &str) -> Option<&'static str> {
    Some(match key {
        "dcs.shape" => "How departures are spread over time. 1: a director is as likely to leave in any month. Below 1: more leave early (a bad start shows quickly). Above 1: most stay about the average time.",
        "dcs.tenure" => "On average, how long a permanent director stays before leaving.",
        "st.churn" => "How many more social workers leave each year when leadership is at its most unstable (stability 0). 5% means turnover rises by 5 percentage points at worst.",
        "st.recruit" => "How much unstable leadership slows the filling of vacancies. 0: not at all. 1: with no stability, no vacancies are filled.",
        "st.place" => "How much unstable leadership slows the move to cheaper placements. 0: not at all. 1: it stops when stability is zero.",
        "st.sen" => "How much unstable leadership slows travel training. 0: not at all. 1: it stops when stability is zero.",
        "st.shock" => "How far the stability index (0 to 1) falls each time the director changes.",
        "st.tau" => "How many months stability takes to recover most of the way after a change.",
        "prog.recruit" => "How strong the option's social worker recruitment work is: 0 is none; 1 doubles the monthly rate of filling vacancies.",
        "prog.mix" => "How strong the option's work to move children to cheaper placements is: 1 completes the planned shift on time when leadership is stable; 0 does nothing.",
        "prog.travel" => "How strong the option's independent travel training is: 1 trains the planned number each year when leadership is stable; 0 trains none.",
        "ctr.team" => "Extra strength the partner's improvement team adds to each programme while the contract runs (on the same scale: 1 is a full programme).",
        "seed" => "A starting number for the random draws. The same seed gives exactly the same figures, so a shared link reproduces them.",
        "paths" => "How many possible futures are simulated. More paths make every figure more precise (smaller Monte Carlo error) but take longer.",
        _ => return None,
    })
}

/// The glossary: words the page uses, in plain English.
pub const GLOSSARY: &[(&str, &str)] = &[
    ("Simulated future (path)", "One possible run of events over the horizon: when directors leave, how many social workers leave, how many children need placements. The page simulates thousands and reports how often each outcome happens."),
    ("Median", "The middle figure: half the simulated futures cost less, half more."),
    ("80% range (P10 to P90)", "In 80% of simulated futures the figure lies in this range: 1 in 10 is lower than P10 and 1 in 10 is higher than P90."),
    ("Chance it costs less", "The share of simulated futures in which one option's total spend is lower than the other's. Both options run on the same futures, so the difference comes from the options, not from luck."),
    ("Route's own cost", "What the leadership route itself costs: director pay, interim day rates, search fees and the partner's contract fees."),
    ("Monte Carlo error", "How precisely the simulation pins a figure down, because it uses a finite number of futures. More paths make it smaller. It is not the uncertainty of the outcome, which is the 80% range."),
    ("NPV (net present value)", "Future spending converted to today's money using the discount rate: a pound spent in year 5 counts for less than a pound spent now."),
    ("Seed", "The starting number for the random draws. The same seed, paths and assumptions always give the same figures."),
    ("Stability index", "An assumption-driven score from 0 (chaotic) to 1 (settled) for how steady leadership is. It falls when the director changes and recovers over time. It is not a measurement."),
    ("Coupling", "How strongly the stability index affects a service: 0 means not at all; 1 means the effect is fully proportional to stability."),
    ("Tenure shape", "How a director's departures spread over time: 1 means equally likely in any month; below 1, more early departures; above 1, most stay about the average."),
    ("Churn sensitivity", "How much social worker turnover rises when leadership is unstable."),
    ("Strength", "How strong a programme is, on a scale where 0 is no programme and 1 is a full programme delivering its plan when leadership is stable."),
    ("Flat cash budget", "A budget that stays the same in pounds each year. Prices rise, so every option spends above it; compare the options with each other, not with this budget."),
    ("Estimate", "No published figure exists for this assumption, so the preset uses an estimate. Challenge it."),
];

#[cfg(test)]
mod tests {
    #[test]
    fn jargon_has_a_plain_hint_and_a_glossary_entry() {
        for key in ["dcs.shape", "st.churn", "prog.recruit", "seed", "paths"] {
            assert!(super::hint(key).is_some(), "{key}");
        }
        for word in [
            "Monte Carlo error",
            "NPV",
            "P10",
            "Seed",
            "Tenure shape",
            "Coupling",
            "Churn",
            "Strength",
        ] {
            assert!(
                super::GLOSSARY.iter().any(|(w, _)| w.contains(word)),
                "{word}"
            );
        }
    }
}
