//! One module per route. Visits start on a district's page (its link is what a district
//! hands out) or on a proposal (what residents share in messengers), so those two are
//! compiled into the first load: the district page, and the proposal's reading view,
//! whose support button and conversation come as chunks once it shows (see
//! `proposal`). Every other page is a chunk of its own, fetched on its first visit (see
//! `crate::lazy`). The not-found page stays too: it is a few lines, and the district
//! page shows it for unknown districts anyway.

pub mod alley;
pub mod announcements;
pub mod district;
pub mod home;
pub mod leave;
pub mod login;
pub mod manage;
pub mod new_proposal;
pub mod not_found;
pub mod proposal;
pub mod register;
pub mod shops;

crate::lazy_page!(pub const HOME in page_home = home::HomePage);
crate::lazy_page!(pub const LOGIN in page_login = login::LoginPage);
crate::lazy_page!(pub const REGISTER in page_register = register::RegisterPage);
crate::lazy_page!(pub const NEW_PROPOSAL in page_new_proposal = new_proposal::NewProposalPage);
crate::lazy_page!(pub const SHOPS in page_shops = shops::directory::ShopsPage);
crate::lazy_page!(pub const SHOP in page_shop = shops::shop::ShopPage);
crate::lazy_page!(pub const ANNOUNCEMENTS in page_announcements = announcements::AnnouncementsPage);
crate::lazy_page!(pub const ALLEY in page_alley = alley::AlleyPage);
crate::lazy_page!(pub const MANAGE in page_manage = manage::ManagePage);
crate::lazy_page!(pub const CLAIM in page_claim = shops::claim::ClaimPage);
// A district's ways of spreading the word, one chunk: "Put this on your website" and the
// posters (every lazy page costs the first load its loader's share: about 0.3 KB).
crate::lazy_page!(pub const SPREAD in page_spread = district::spread::SpreadPage);
