//! Every integration test, as modules of one test binary: each file used to link the
//! whole app on its own (25 links of ~250 MB); one binary links it once.

mod access;
mod common;

mod architecture;
mod bounds;
mod breach_cli;
mod calendar_export;
mod cli;
mod concurrency;
mod corpus;
mod crash;
mod deadline_properties;
mod desktop;
mod example_shop;
mod files;
mod fuzz;
mod holiday_merge;
mod letter_cli;
mod letters;
mod lia_export;
mod new_business;
mod notice;
mod notice_gate;
mod register_csv;
mod request_cli;
mod rulebook;
mod screens;
mod store;
mod tagged_pdf;
mod typing;
mod ui;
mod website;
mod window_files;
mod writers;
