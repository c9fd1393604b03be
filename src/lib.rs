//! Smallprint: a UK sole trader's data-protection paperwork, offline.
//!
//! One local JSON file holds the shop's workspace ([`domain::Workspace`]); the register,
//! rights requests, deadlines, notices and letters are all derived from it. Layers
//! depend one way: `domain ← store, documents ← session ← ui ← app ← main` (see
//! ARCHITECTURE.md; `tests/architecture.rs` checks it).

pub mod actions;
pub mod app;
pub mod cli;
pub mod clock;
pub mod command;
pub mod documents;
pub mod domain;
pub mod platform;
pub mod session;
pub mod store;
pub mod ui;
