//! App-wide state, provided once by `App` and read with `use_…` functions.

pub mod announce;
pub mod clock;
pub mod lang;
pub mod load;
pub mod paged;
pub mod session;
