//! One module per route.

pub mod district;
pub mod home;
pub mod login;
pub mod new_proposal;
pub mod not_found;
pub mod proposal;
pub mod register;
