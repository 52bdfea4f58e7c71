//! The app's components, one a file. Each gets only the data and callbacks it needs, and
//! renders the engine's answers without filtering, counting or sorting anything itself.

pub mod app;
pub mod capacity_chart;
pub mod capacity_view;
pub mod chips;
pub mod comparison;
pub mod contact_all;
pub mod detail_view;
pub mod facet_group;
pub mod facet_panel;
pub mod heading;
pub mod live_status;
pub mod mode_switch;
pub mod pager;
pub mod print_view;
pub mod range_filters;
pub mod result_card;
pub mod result_list;
pub mod search_answer;
pub mod search_box;
pub mod search_help;
pub mod search_page;
pub mod segmented;
pub mod shortlist_panel;
pub mod sort_select;
pub mod view_switch;
