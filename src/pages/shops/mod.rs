//! The alley's shops: the directory and a shop's page.

pub mod claim;
pub mod directory;
pub mod shop;
