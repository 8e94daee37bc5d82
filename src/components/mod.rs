//! Reusable pieces of the screens.

pub mod announcement_card;
pub mod badges;
pub mod field;
pub mod filters;
pub mod form;
pub mod goals;
pub mod kakao_link;
pub mod layout;
pub mod load_error;
pub mod page_heading;
pub mod proposal_card;
pub mod qr;
pub mod report;
pub mod share;
pub mod shop_answers;
pub mod shop_card;
pub mod skeleton;
pub mod vote_toggle;
