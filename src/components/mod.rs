//! The page's components, one per file. Each renders from its props and
//! reports user intent upwards as typed actions; none holds model logic.

pub mod add_option;
pub mod app;
pub mod assumptions;
pub mod changes;
pub mod chart_panel;
pub mod compare_panel;
pub mod comparison;
pub mod copy_status;
pub mod council_picker;
pub mod data_table;
pub mod drivers;
pub mod embed;
pub mod embed_snippet;
pub mod exports;
pub mod header;
pub mod help_panel;
pub mod link_warnings;
pub mod meeting_log;
pub mod option_card;
pub mod paired_card;
pub mod paper_appendix;
pub mod paper_details;
pub mod paper_head;
pub mod param_field;
pub mod pinned;
pub mod presentation;
pub mod results;
pub mod saved_scenarios;
pub mod share_and_save;
pub mod share_panel;
pub mod undo_redo;
pub mod update_notice;
pub mod verdict;
