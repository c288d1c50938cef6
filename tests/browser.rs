//! Browser tests (wasm-bindgen-test in headless Chromium): the engine's
//! golden figures computed in WebAssembly, and components driven through
//! real DOM events. Run by `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use turnaround::codec::Warning;
use turnaround::components::{
    changes::{Changes, ChangesProps},
    chart_panel::{ChartPanel, ChartPanelProps},
    link_warnings::{LinkWarnings, LinkWarningsProps},
    param_field::ParamField,
};
use turnaround::params::{self, Value};
use turnaround::state::{Action, AppState, Commit};
use turnaround::view_model;
use turnaround::worker::{run, Request, Stage};
use turnaround_engine::{golden, presets::PresetId, simulate, validate};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{enter_value, fire, mount, query, wait_for};

#[wasm_bindgen_test]
fn the_drivers_analysis_matches_native_exactly() {
    assert_eq!(
        golden::insight_fingerprint(),
        golden::INSIGHT_FINGERPRINT,
        "tornado, break-evens and value of information equal the native bits"
    );
}

#[wasm_bindgen_test]
fn golden_figures_match_native_exactly() {
    let scenario = validate(&golden::scenario()).expect("golden scenario is valid");
    let results = simulate(&scenario);
    golden::check(&results).expect("browser figures equal the native golden figures");
}

/// A settled request for the golden scenario with `paths` paths.
fn golden_request(generation: u64, paths: u32) -> Request {
    let mut input = golden::scenario();
    input.simulation.paths = paths;
    Request {
        generation,
        input,
        version: turnaround::failsafe::version(),
        debug_panic: false,
        insight: Default::default(),
        share: Default::default(),
        settled: true,
    }
}

#[wasm_bindgen_test]
fn full_run_waits_for_a_drag_but_not_for_a_settled_change() {
    use turnaround::worker::{full_run_pause, PAINT_PAUSE_MS};
    let mut request = golden_request(1, golden::scenario().simulation.paths);
    assert_eq!(full_run_pause(&request, 2), 0, "settled, a core to spare");
    assert_eq!(
        full_run_pause(&request, 1),
        PAINT_PAUSE_MS,
        "one core: paint first"
    );
    request.settled = false;
    assert_eq!(full_run_pause(&request, 8), PAINT_PAUSE_MS, "mid-drag");
}

#[wasm_bindgen_test]
fn worker_run_gives_preview_then_full_path_counts() {
    let request = golden_request(7, 2_000);
    let preview = run(&request, Stage::Preview);
    let full = run(&request, Stage::Full);
    assert_eq!(preview.generation, 7);
    assert_eq!(preview.version, turnaround::failsafe::version());
    assert_eq!(preview.outcome.unwrap().paths, 1_000);
    assert_eq!(full.outcome.unwrap().paths, 2_000);
}

#[wasm_bindgen_test]
fn worker_replies_carry_results_as_one_buffer_bit_for_bit() {
    use gloo::worker::Codec;
    use turnaround::worker::{Reply, WireCodec};
    let request = golden_request(3, 300);
    let response = run(&request, Stage::Full);
    let sent = response.outcome.clone().expect("the golden scenario runs");
    let js = WireCodec::encode(Reply::Run(response));
    // The whole reply is one Uint8Array, not a tree of objects.
    assert!(
        js.is_instance_of::<js_sys::Uint8Array>(),
        "replies travel as bytes"
    );
    let Reply::Run(back) = WireCodec::decode::<Reply>(js) else {
        panic!("a run reply decodes as a run reply")
    };
    assert_eq!(back.generation, 3);
    let back = back.outcome.expect("results decode");
    assert_eq!(back, sent, "every figure crosses unchanged");
    // Bit for bit, not just equal (f64 PartialEq takes 0.0 == -0.0; Debug
    // text tells every distinct value apart).
    assert_eq!(
        debug_text(&back),
        debug_text(&sent),
        "every figure crosses with its bits"
    );
}

fn debug_text(r: &turnaround_engine::Results) -> String {
    format!("{r:?}")
}

/// Every state the harness rendered, newest last.
type States = Rc<RefCell<Vec<AppState>>>;

#[derive(Properties, PartialEq)]
struct HarnessProps {
    key_: &'static str,
    states: States,
}

/// One field wired to the real reducer, as the assumptions panel wires it:
/// the field sends every edit; the reducer checks it once and keeps any
/// refusal in the state, which the field shows.
#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let state = use_reducer(|| AppState::new(PresetId::Sandwell2012));
    props.states.borrow_mut().push((*state).clone());
    let param = params::find(props.key_).unwrap();
    let value = param.get(&state.input, 0).unwrap();
    let baseline = param.get(&state.baseline, 0).unwrap();
    let dispatcher = state.dispatcher();
    let on_set = Callback::from(move |(param, option, value, commit)| {
        dispatcher.dispatch(Action::SetParam {
            param,
            option,
            value,
            commit,
        })
    });
    html! {
        <ParamField
            {param}
            option={0}
            {value}
            {baseline}
            source={None}
            {on_set}
            rejected={state.rejection_for(param, 0).map(|m| AttrValue::from(m.to_string()))}
        />
    }
}

fn mount_field(key: &'static str) -> (web_sys::Element, States) {
    let root = mount();
    let states: States = Rc::new(RefCell::new(Vec::new()));
    yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            key_: key,
            states: states.clone(),
        },
    )
    .render();
    (root, states)
}

fn newest(states: &States) -> AppState {
    states.borrow().last().cloned().expect("rendered")
}

fn error_text(root: &web_sys::Element) -> String {
    query(root, ".field-error").unwrap().text_content().unwrap()
}

#[wasm_bindgen_test]
async fn number_box_sets_a_typed_value() {
    let (root, states) = mount_field("wf.agency");
    wait_for("the field", || query(&root, "input[type=text]").is_some()).await;

    enter_value(&query(&root, "input[type=text]").unwrap(), "30%");
    wait_for("the value in the state", || {
        newest(&states).input.context.workforce.start_agency_share == 0.3
    })
    .await;
    assert_eq!(newest(&states).commit, Commit::Push);
    assert!(error_text(&root).is_empty());
}

#[wasm_bindgen_test]
async fn invalid_input_shows_a_message_and_changes_nothing() {
    let (root, states) = mount_field("wf.agency");
    wait_for("the field", || query(&root, "input[type=text]").is_some()).await;
    let before = newest(&states).input;

    let input = query(&root, "input[type=text]").unwrap();
    enter_value(&input, "lots");
    wait_for("a message for text", || {
        error_text(&root).contains("enter a number")
    })
    .await;
    enter_value(&input, "140");
    wait_for("a bounds message", || {
        error_text(&root).contains("between 0 and 100")
    })
    .await;
    let now = newest(&states);
    assert_eq!(
        now.input, before,
        "invalid input must not reach the scenario"
    );
    assert!(now.rejected.is_some(), "the refusal is kept in the state");
    let typed: HtmlInputElement = input.unchecked_into();
    assert_eq!(
        typed.value(),
        "140",
        "the user's text is kept for correction"
    );
}

#[wasm_bindgen_test]
async fn range_boxes_hold_an_out_of_order_range_without_applying_it() {
    let (root, states) = mount_field("wf.premium");
    wait_for("three boxes", || {
        root.query_selector_all("input[type=text]")
            .unwrap()
            .length()
            == 3
    })
    .await;
    let before = newest(&states).input;
    let low = query(&root, "input[type=text]").unwrap();
    enter_value(&low, "99,000");
    // Typing a range in its natural order passes through out-of-order
    // states: they are held with a note, not applied and not thrown away.
    wait_for("a hold note", || {
        error_text(&root).contains("Not applied yet")
    })
    .await;
    assert_eq!(newest(&states).input, before);
    let typed: HtmlInputElement = low.unchecked_into();
    assert_eq!(typed.value(), "99,000", "what was typed stays in the box");
}

#[wasm_bindgen_test]
async fn slider_input_is_transient_and_change_is_pushed() {
    let (root, states) = mount_field("wf.agency");
    wait_for("the slider", || query(&root, "input[type=range]").is_some()).await;
    let slider: HtmlInputElement = query(&root, "input[type=range]").unwrap().unchecked_into();
    slider.set_value("0.4");
    fire(&slider, "input");
    wait_for("a transient change", || {
        let s = newest(&states);
        s.input.context.workforce.start_agency_share == 0.4 && s.commit == Commit::Transient
    })
    .await;
    fire(&slider, "change");
    wait_for("a pushed change", || newest(&states).commit == Commit::Push).await;
}

#[wasm_bindgen_test]
async fn chart_panel_draws_and_has_a_data_table() {
    let root = mount();
    let scenario = validate(&golden::scenario()).unwrap();
    let results = turnaround_engine::simulate_with_paths(&scenario, 200);
    let props = ChartPanelProps {
        id: "t-chart".into(),
        spec: Rc::new(view_model::cumulative(&results)),
        caption: "caption".into(),
        type_scale: 1.0,
    };
    yew::Renderer::<ChartPanel>::with_root_and_props(root.clone(), props).render();
    wait_for("the chart to draw", || {
        query(&root, "canvas[data-drawn=true]").is_some()
    })
    .await;
    // The table is built only once its <details> is open.
    assert!(query(&root, "details.data-table").is_some());
    assert!(query(&root, "table").is_none(), "no table while closed");
    query(&root, "details.data-table summary")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    wait_for("the table to open", || query(&root, "tbody tr").is_some()).await;
    let rows = root.query_selector_all("tbody tr").unwrap().length();
    assert!(
        rows >= 10,
        "a 60-month table lists every sixth month: {rows} rows"
    );
    let canvas: web_sys::HtmlCanvasElement = query(&root, "canvas").unwrap().unchecked_into();
    assert!(canvas.width() >= 200);
    // Closing it takes the table out of the page again.
    query(&root, "details.data-table summary")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    wait_for("the table to go", || query(&root, "table").is_none()).await;
}

#[wasm_bindgen_test]
async fn changes_list_resets_one_item() {
    let root = mount();
    let state = AppState::new(PresetId::Sandwell2012);
    let param = params::find("wf.agency").unwrap();
    let changed = state.apply(Action::SetParam {
        param,
        option: 0,
        value: Value::Scalar(0.3),
        commit: Commit::Push,
    });
    let actions = Rc::new(RefCell::new(Vec::new()));
    let sink = actions.clone();
    let props = ChangesProps {
        baseline: changed.baseline.clone(),
        input: changed.input.clone(),
        preset: changed.preset,
        council: None,
        dispatch: Callback::from(move |a| sink.borrow_mut().push(a)),
    };
    yew::Renderer::<Changes>::with_root_and_props(root.clone(), props).render();
    wait_for("one change listed", || {
        root.query_selector_all("li").unwrap().length() == 1
    })
    .await;
    let reset = query(&root, "li button").unwrap();
    fire(&reset, "click");
    wait_for("a reset action", || !actions.borrow().is_empty()).await;
    assert_eq!(actions.borrow()[0], Action::Reset { param, option: 0 });
}

#[wasm_bindgen_test]
async fn link_warnings_list_each_problem_and_keep_the_link() {
    let root = mount();
    let props = LinkWarningsProps {
        warnings: vec![Warning {
            what: "wf.agency=lots".into(),
            why: "expected a number".into(),
        }],
        original: Some("v=1&wf.agency=lots".into()),
        on_dismiss: Callback::noop(),
        notes: Vec::new(),
    };
    yew::Renderer::<LinkWarnings>::with_root_and_props(root.clone(), props).render();
    wait_for("the warning", || query(&root, "[role=alert]").is_some()).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("wf.agency=lots"));
    assert!(text.contains("expected a number"));
    let kept: HtmlInputElement = query(&root, "input[readonly]").unwrap().unchecked_into();
    assert_eq!(kept.value(), "#v=1&wf.agency=lots");
}

/// Lower-casing in the page (the browser's own `toLowerCase` for text that
/// is not ASCII) agrees with the standard library's.
#[wasm_bindgen_test]
fn lowercase_in_the_browser_matches_the_standard_library() {
    for s in [
        "Kent",
        "SANDWELL",
        "",
        "Café CRÈME",
        "ΣΟΦΙΑ Σ",
        "Ŵyddgrug",
        "K\u{212a}",
    ] {
        assert_eq!(turnaround::text::lowercase(s), s.to_lowercase(), "{s}");
    }
}

/// Numbers read in the page (the browser's `parseFloat` behind a check of
/// the standard library's grammar) are the standard library's, to the bit:
/// short and long decimals, exponents, halfway cases, and strings either
/// side of the grammar.
#[wasm_bindgen_test]
fn numbers_parse_in_the_browser_as_the_standard_library_does() {
    let mut strings: Vec<String> = [
        "0",
        "-0",
        "+0.0",
        "5.",
        ".5",
        ".",
        "",
        " 1",
        "1 ",
        "1_0",
        "0x10",
        "1e",
        "e5",
        "1e+5",
        "-1E-5",
        "Infinity",
        "-infinity",
        "inf",
        "NaN",
        "-nan",
        "1e400",
        "-1e-400",
        "4.9e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "9007199254740993",
        "0.1000000000000000055511151231257827",
        "123456789012345678901234567890",
        "0.30000000000000004",
        "1,5",
        "£5",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        // xorshift: any bit pattern, so every exponent and subnormals.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let v = f64::from_bits(x);
        strings.push(format!("{v}"));
        strings.push(format!("{v:e}"));
        strings.push(format!("{v:.25e}"));
        strings.push(format!("{:.3}", (x % 1_000_000_007) as f64 / 7.0));
    }
    for s in &strings {
        let ours = turnaround::text::parse_f64(s);
        let std = s.parse::<f64>().ok();
        assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "`{s}`");
    }
}
