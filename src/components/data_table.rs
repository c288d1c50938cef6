//! A chart's (or panel's) data table in a `<details>`, closed at first.
//!
//! The table is built, and put in the page, only while the `<details>` is
//! open: a closed one holds just its summary. The page has a dozen such
//! tables, about 2,000 elements in all, and every new result used to format
//! and reconcile them all, open or not (closed `<details>` content is out of
//! the accessibility tree and the print styles hide these tables, so nobody
//! loses anything while it is closed).

use web_sys::Element;
use yew::prelude::*;

use crate::view_model::Table;

/// Properties of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The summary's words, also the scrolling region's name.
    pub summary: AttrValue,
    /// The table's caption.
    pub caption: AttrValue,
    /// The `<details>`' id, if any.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Builds the table; called only while the `<details>` is open.
    pub table: Callback<(), Table>,
}

/// A `<details class="data-table">` whose table exists only while open.
#[function_component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.setter();
        Callback::from(move |e: Event| {
            let details: Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    html! {
        <details class="data-table" id={props.id.clone()} {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if *open {
                { table(&props.table.emit(()), &props.summary, &props.caption) }
            }
        </details>
    }
}

/// A table in a scrolling region named `label`.
pub fn table(t: &Table, label: &str, caption: &str) -> Html {
    html! {
        // Focusable, so a keyboard user can scroll the table.
        <div class="table-scroll" tabindex="0" role="region" aria-label={label.to_string()}>
            <table>
                <caption>{ caption }</caption>
                <thead><tr>{ for t.head.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for t.rows.iter().map(|row| html! {
                        <tr>{ for row.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
