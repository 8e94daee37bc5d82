//! The demo data set of `--demo`: the Eungubi-seo alley in Daejeon ("Maengkkongi
//! Street"), its shops, neighbours and their proposals. It goes only into an empty
//! database, because its accounts share a published password.

use golmok_api::{AnnouncementKind, ProposalKind::*, ProposalStatus::*, Stance};

use crate::{
    auth,
    db::{
        DemoAnnouncement, DemoAnswer, DemoClaim, DemoComment, DemoData, DemoDistrict, DemoEvent,
        DemoProposal, DemoShop, DemoUser, EventDay, SeedOutcome, Store,
    },
};

pub const DEMO_PASSWORD: &str = "golmok-demo-2026";
/// The second demo district, so that rules between districts can be tried.
pub const SECOND_DISTRICT: &str = "dongmyeong";
const MODERATOR2: &str = "moderator2@example.com";
const MERCHANT2: &str = "merchant2@example.com";
const DONGMYEONG: &str = "dongmyeong.resident@example.com";
pub const DEMO_DISTRICT: &str = "eungubi-seo";

const RESIDENT: &str = "resident@example.com";
const MERCHANT: &str = "merchant@example.com";
const MODERATOR: &str = "moderator@example.com";
const WALKER: &str = "walker@example.com";
const JIEUN: &str = "jieun@example.com";
const EMILY: &str = "emily@example.com";
const DAD: &str = "dad@example.com";
const PARENT: &str = "parent@example.com";
const CHICKEN: &str = "chicken@example.com";
const RUNNER: &str = "runner@example.com";
const HALMEONI: &str = "halmeoni@example.com";
const STUDENT: &str = "student@example.com";
const CAFE_OWNER: &str = "cafe@example.com";
const NOODLE_OWNER: &str = "noodles@example.com";

const fn days(n: u32) -> u32 {
    n * 24 * 60
}

const fn hours(n: u32) -> u32 {
    n * 60
}

/// When an announcement starts: that long ago.
const fn before(minutes: u32) -> i32 {
    minutes as i32
}

/// When an announcement starts: that long from now.
const fn later(minutes: u32) -> i32 {
    -(minutes as i32)
}

pub static DEMO: DemoData = DemoData {
    district: DemoDistrict {
        slug: DEMO_DISTRICT,
        name: "은구비서로 골목형상점가",
        name_en: "Eungubi-seo-ro Alley Shopping District",
        description: "대전 유성구 노은동 은구비서로의 골목형상점가예요. 동네의 작은 생태자원인 \
            맹꽁이를 살려 '맹꽁이길'로 꾸민 골목에 빵집, 치킨집, 카페, 꽃집, 철물점이 \
            옹기종기 모여 있어요. 2024년 카카오 '우리동네 단골시장'의 첫 골목 가운데 하나로 \
            함께했고, 골목 카카오톡 채널로 소식과 혜택을 나눠요. 주민이 제안하고 상인이 \
            답하면서 골목을 함께 가꿔 가요.",
        description_en: "The alley shopping district of Eungubi-seo-ro in Noeun-dong, Yuseong-gu, \
            Daejeon. Its lanes became Maengkkongi Street, named after the oriental fire-bellied \
            toad (maengkkongi), a small local treasure, and are lined with a bakery, fried-chicken \
            places, a café, a flower shop and a hardware store. In 2024 it was one of the first \
            streets in Kakao's Project Regulars (우리동네 단골시장), and it shares news and offers \
            on its own KakaoTalk channel. Residents propose, merchants answer, and the alley \
            gets better together.",
        region: "대전 유성구 노은동",
        region_en: "Noeun-dong, Yuseong-gu, Daejeon",
        kakao_channel_url: Some("https://pf.kakao.com/_golmokdemo"),
        // Any site may show its widget (PRODUCT.md).
        embed_origins: "",
    },
    users: &[
        DemoUser { email: RESIDENT, display_name: "노은동 주민" },
        DemoUser { email: MERCHANT, display_name: "은구비 베이커리 박미숙" },
        DemoUser { email: MODERATOR, display_name: "은구비서로 상인회" },
        DemoUser { email: WALKER, display_name: "은구비공원 산책러" },
        DemoUser { email: JIEUN, display_name: "빵순이 지은" },
        DemoUser { email: EMILY, display_name: "Emily (Noeun-dong)" },
        DemoUser { email: DAD, display_name: "두 아이 아빠" },
        DemoUser { email: PARENT, display_name: "노은초 학부모" },
        DemoUser { email: CHICKEN, display_name: "치킨은 맹꽁이" },
        DemoUser { email: RUNNER, display_name: "아침 러너 민호" },
        DemoUser { email: HALMEONI, display_name: "노은동 토박이 할머니" },
        DemoUser { email: STUDENT, display_name: "노은고 학생회" },
        DemoUser { email: CAFE_OWNER, display_name: "카페 노은 이서연" },
        DemoUser { email: NOODLE_OWNER, display_name: "칼국수집 김영자" },
    ],
    moderators: &[MODERATOR],
    shops: &[
        DemoShop {
            name: "은구비 베이커리",
            name_en: "Eungubi Bakery",
            category: "bakery",
            description: "매일 아침 7시에 굽는 우유식빵과 맹꽁이 쿠키",
            description_en: "Milk bread baked every morning at 7, and our toad-shaped cookies",
            owner: Some(MERCHANT),
            place: "맹꽁이 벽화 맞은편, 파란 차양",
            accepts_onnuri: true,
            accepts_local_card: true,
            open_days: [true, true, true, true, true, true, false],
            open: ("07:00", "21:00"),
            break_time: None,
            phone: Some("042-822-0700"),
            kakao_channel_url: None,
            followers: &[RESIDENT, JIEUN, HALMEONI, EMILY, DAD, PARENT],
        },
        DemoShop {
            name: "맹꽁이 치킨",
            name_en: "Maengkkongi Chicken",
            category: "chicken",
            description: "골목에서 20년, 가마솥에 튀기는 옛날 통닭",
            description_en: "Twenty years in the alley: old-style whole chicken fried in a cauldron",
            owner: None,
            place: "골목 끝 삼거리 모퉁이",
            accepts_onnuri: true,
            accepts_local_card: false,
            open_days: [false, true, true, true, true, true, true],
            open: ("16:00", "01:00"),
            break_time: None,
            phone: None,
            kakao_channel_url: None,
            followers: &[CHICKEN, STUDENT, RUNNER],
        },
        DemoShop {
            name: "카페 노은",
            name_en: "Café Noeun",
            category: "cafe",
            description: "직접 볶은 원두와 창가 자리",
            description_en: "House-roasted beans and a seat by the window",
            owner: None,
            place: "은구비공원 쪽 입구에서 세 번째 집 2층",
            accepts_onnuri: false,
            accepts_local_card: true,
            open_days: [true, true, true, true, true, true, true],
            open: ("10:00", "01:00"),
            break_time: None,
            phone: Some("042-823-1234"),
            kakao_channel_url: Some("https://pf.kakao.com/_cafenoeun"),
            followers: &[STUDENT, EMILY],
        },
        DemoShop {
            name: "은구비 칼국수",
            name_en: "Eungubi Kalguksu",
            category: "restaurant",
            description: "손으로 미는 바지락 칼국수와 보리밥, 월요일은 쉬어요",
            description_en: "Hand-cut clam noodle soup and barley rice; closed on Mondays",
            owner: None,
            place: "철물점과 반찬가게 사이, 하얀 포렴",
            accepts_onnuri: true,
            accepts_local_card: true,
            open_days: [false, true, true, true, true, true, true],
            open: ("11:00", "21:00"),
            break_time: Some(("15:00", "17:00")),
            phone: Some("042-825-5151"),
            kakao_channel_url: None,
            followers: &[WALKER, HALMEONI, DAD],
        },
        DemoShop {
            name: "골목 꽃집",
            name_en: "Golmok Flowers",
            category: "florist",
            description: "제철 꽃다발과 작은 화분",
            description_en: "Seasonal bouquets and small potted plants",
            owner: None,
            place: "빵집 옆, 화분이 줄지어 있는 집",
            accepts_onnuri: true,
            accepts_local_card: true,
            open_days: [true, true, true, true, true, true, false],
            open: ("09:30", "20:00"),
            break_time: Some(("13:00", "14:00")),
            phone: None,
            kakao_channel_url: None,
            followers: &[HALMEONI],
        },
        DemoShop {
            name: "노은 철물",
            name_en: "Noeun Hardware",
            category: "hardware",
            description: "열쇠 복사부터 방충망 수리까지",
            description_en: "From key cutting to window-screen repair",
            owner: None,
            place: "맹꽁이길 가운데, 빨간 간판",
            accepts_onnuri: true,
            accepts_local_card: false,
            open_days: [true, true, true, true, true, true, false],
            open: ("08:30", "19:30"),
            break_time: None,
            phone: None,
            kakao_channel_url: None,
            followers: &[],
        },
        DemoShop {
            name: "엄마손 반찬",
            name_en: "Eommason Side Dishes",
            category: "side_dishes",
            description: "날마다 새로 무치는 나물과 밑반찬",
            description_en: "Namul and side dishes made fresh every day",
            owner: None,
            place: "꽃집 건너편 골목 안쪽",
            accepts_onnuri: true,
            accepts_local_card: true,
            open_days: [false, true, true, true, true, true, true],
            open: ("10:00", "20:00"),
            break_time: Some(("14:30", "16:00")),
            phone: None,
            kakao_channel_url: None,
            followers: &[],
        },
    ],
    proposals: &[
        DemoProposal {
            author: DAD,
            kind: Improvement,
            title: "골목 가로등을 더 밝게 해 주세요",
            body: "은구비서로 안쪽 골목은 저녁 8시만 지나도 꽤 어두워요. 아이들이 학원 끝나고 \
                이 길로 돌아오는데 걱정이 돼요. 가로등을 LED로 바꾸거나, 가게 간판 조명을 \
                조금 더 오래 켜 두면 어떨까요?",
            status: UnderReview,
            event_day: None,
            event_place: None,
            ago_min: days(20),
            answers: &[],
            timeline: &[DemoEvent {
                status: Some(UnderReview),
                note: "상인회에서 구청에 가로등 교체를 요청했어요. 구청의 답이 오면 여기에 알려 드릴게요.",
                ago_min: days(15),
            }],
            voters: &[
                DAD, PARENT, WALKER, JIEUN, RUNNER, HALMEONI, STUDENT, EMILY, CHICKEN, MERCHANT, RESIDENT,
            ],
            comments: &[
                DemoComment {
                    author: HALMEONI,
                    body: "저녁에 장 보고 올 때 골목 안쪽이 제일 어두워요. 꼭 좀 밝게 해 주세요.",
                    ago_min: days(19),
                },
                DemoComment {
                    author: MODERATOR,
                    body: "상인회에서 구청에 가로등 교체를 요청했어요. 답이 오면 여기에 알려 드릴게요.",
                    ago_min: days(15),
                },
                DemoComment {
                    author: MERCHANT,
                    body: "저희 빵집은 간판 조명을 밤 10시까지 켜 둘게요. 작은 보탬이 되면 좋겠어요.",
                    ago_min: days(14),
                },
            ],
        },
        DemoProposal {
            author: WALKER,
            kind: Event,
            title: "맹꽁이 여름밤 야시장",
            body: "맹꽁이가 우는 여름밤에 골목 가게들이 조금 늦게까지 문을 열고 야시장을 열면 \
                좋겠어요. 치킨, 빵, 음료를 골목에서 함께 팔고, 아이들을 위한 맹꽁이 그림 \
                그리기 부스도 있으면 동네 잔치가 될 것 같아요.",
            status: Accepted,
            event_day: Some(EventDay::Next("07-18")),
            event_place: Some("맹꽁이길 입구부터 은구비서로 공영주차장까지"),
            ago_min: days(16),
            answers: &[DemoAnswer {
                shop: "은구비 베이커리",
                stance: Stance::TakePart,
                message: "야시장 날에는 가게 앞에서 맹꽁이 쿠키를 구워 팔게요. 테이블 두 개는 \
                    저희 가게 앞에 놓으셔도 괜찮아요.",
                pledge: Some("야시장 날 밤 10시까지 문 열어요"),
                ago_min: hours(20),
            }],
            timeline: &[
                DemoEvent {
                    status: Some(UnderReview),
                    note: "다음 상인회 회의 안건으로 올렸어요.",
                    ago_min: days(13),
                },
                DemoEvent {
                    status: Some(Accepted),
                    note: "상인회 회의에서 야시장을 열기로 했어요. 참여 가게와 시간은 골목 카카오톡 채널로 \
                        안내할게요.",
                    ago_min: days(10),
                },
            ],
            voters: &[
                WALKER, CHICKEN, JIEUN, EMILY, DAD, PARENT, RUNNER, HALMEONI, STUDENT, RESIDENT, MERCHANT,
                MODERATOR,
            ],
            comments: &[
                DemoComment {
                    author: CHICKEN,
                    body: "치킨에 시원한 음료 한 잔이면 여름밤 최고죠! 아이들 먹거리 부스도 있었으면 해요.",
                    ago_min: days(15),
                },
                DemoComment {
                    author: EMILY,
                    body: "Count me in! I can help with an English corner for foreign families in Noeun-dong.",
                    ago_min: days(13),
                },
                DemoComment {
                    author: MODERATOR,
                    body: "상인회 회의에서 야시장을 열기로 했어요. 참여 가게와 시간은 골목 카카오톡 채널로 안내할게요.",
                    ago_min: days(10),
                },
            ],
        },
        DemoProposal {
            author: PARENT,
            kind: Improvement,
            title: "온누리상품권 사용 안내 스티커를 붙여 주세요",
            body: "어느 가게에서 온누리상품권을 받는지 밖에서는 알 수가 없어요. 가게 문마다 \
                '온누리상품권 됩니다' 스티커를 붙이고, 골목 입구 안내판에도 사용 가능한 가게를 \
                표시해 주면 상품권으로 장 보기가 훨씬 편할 것 같아요.",
            status: Open,
            event_day: None,
            event_place: None,
            ago_min: days(12),
            answers: &[DemoAnswer {
                shop: "은구비 베이커리",
                stance: Stance::Support,
                message: "저희 가게는 온누리상품권도 지역화폐도 받고 있어요. 스티커가 나오면 \
                    계산대 옆에 바로 붙일게요.",
                pledge: None,
                ago_min: hours(30),
            }],
            timeline: &[],
            voters: &[PARENT, HALMEONI, DAD, WALKER, JIEUN, RUNNER, STUDENT, MODERATOR],
            comments: &[
                DemoComment {
                    author: JIEUN,
                    body: "계산할 때마다 물어보기 민망했는데, 스티커가 있으면 정말 편하겠어요.",
                    ago_min: days(11),
                },
                DemoComment {
                    author: HALMEONI,
                    body: "종이 상품권이 되는지 모바일 상품권이 되는지도 같이 써 주면 좋겠어요.",
                    ago_min: days(9),
                },
            ],
        },
        DemoProposal {
            author: JIEUN,
            kind: Event,
            title: "단골 스탬프 투어",
            body: "골목 가게 다섯 곳에서 도장을 모으면 맹꽁이 배지나 작은 할인 쿠폰을 주는 \
                스탬프 투어를 제안해요. 골목 카카오톡 채널로 안내하면 새로 이사 온 분들도 \
                단골 가게를 만들기 좋을 것 같아요.",
            status: Open,
            event_day: Some(EventDay::InDays(18)),
            event_place: Some("은구비서로 골목 전체 (참여 가게)"),
            ago_min: days(9),
            answers: &[DemoAnswer {
                shop: "은구비 베이커리",
                stance: Stance::Support,
                message: "좋아요! 스탬프 판은 저희 가게에서도 나눠 드릴게요.",
                pledge: Some("스탬프를 다 모은 분께 우유식빵 한 봉지 드려요"),
                ago_min: hours(5),
            }],
            timeline: &[DemoEvent {
                status: None,
                note: "스탬프 판은 은구비 베이커리에서 받을 수 있게 이야기하고 있어요.",
                ago_min: days(4),
            }],
            voters: &[JIEUN, RESIDENT, STUDENT, EMILY, CHICKEN, WALKER],
            comments: &[
                DemoComment {
                    author: MERCHANT,
                    body: "저희 빵집도 참여할게요. 도장을 다 모으시면 맹꽁이 쿠키 하나 드려요!",
                    ago_min: days(8),
                },
                DemoComment {
                    author: STUDENT,
                    body: "학생회 친구들이랑 같이 돌아볼게요. 카카오톡으로도 스탬프를 받을 수 있으면 좋겠어요.",
                    ago_min: days(6),
                },
            ],
        },
        DemoProposal {
            author: CHICKEN,
            kind: Improvement,
            title: "공영주차장 안내판을 골목 입구에 세워 주세요",
            body: "처음 오는 손님들이 주차할 곳을 못 찾아서 골목 안을 몇 바퀴씩 돌아요. 골목 \
                입구에 공영주차장 방향과 거리를 알려 주는 안내판이 있으면 골목도 덜 막히고 \
                가게를 찾기도 쉬울 거예요.",
            status: Done,
            event_day: None,
            event_place: None,
            ago_min: days(7),
            answers: &[],
            timeline: &[
                DemoEvent {
                    status: Some(Accepted),
                    note: "구청과 함께 골목 입구 두 곳에 안내판을 세우기로 했어요.",
                    ago_min: days(5),
                },
                DemoEvent {
                    status: Some(Done),
                    note: "공영주차장 방향 안내판 두 개를 골목 입구에 세웠어요.",
                    ago_min: days(2),
                },
            ],
            voters: &[CHICKEN, DAD, HALMEONI, RUNNER],
            comments: &[DemoComment {
                author: MODERATOR,
                body: "공영주차장 방향 안내판 두 개를 골목 입구에 세웠어요. 의견 주셔서 고마워요!",
                ago_min: days(2),
            }],
        },
        DemoProposal {
            author: EMILY,
            kind: Event,
            title: "Language exchange evening at Café Noeun",
            body: "Hi neighbours! I moved to Noeun-dong last year and would love to meet more people \
                in our alley. How about a monthly language exchange evening: Korean, English and \
                whatever else we speak, with coffee and bread from the shops here. Beginners are \
                very welcome!",
            status: Open,
            event_day: Some(EventDay::InDays(25)),
            event_place: Some("Café Noeun (카페 노은)"),
            ago_min: days(3),
            answers: &[],
            timeline: &[],
            voters: &[EMILY, JIEUN, STUDENT, WALKER, RESIDENT],
            comments: &[
                DemoComment {
                    author: STUDENT,
                    body: "좋아요! 영어 회화 연습하고 싶었어요. 학생도 참여할 수 있나요?",
                    ago_min: days(2),
                },
                DemoComment {
                    author: EMILY,
                    body: "Of course, everyone is welcome! 학생도 환영이에요 :)",
                    ago_min: days(1) + hours(2),
                },
            ],
        },
        DemoProposal {
            author: RUNNER,
            kind: Improvement,
            title: "분리수거함을 골목 곳곳에 늘려 주세요",
            body: "주말 아침에 달리다 보면 테이크아웃 컵과 포장 쓰레기가 골목에 많이 보여요. \
                카페와 치킨집 근처에 분리수거함을 두 개쯤 더 놓으면 골목이 훨씬 깨끗해질 것 \
                같아요.",
            status: Open,
            event_day: None,
            event_place: None,
            ago_min: days(1),
            answers: &[],
            timeline: &[],
            voters: &[RUNNER, HALMEONI],
            comments: &[DemoComment {
                author: WALKER,
                body: "주말 아침에는 공원 쪽 쓰레기통이 꽉 차 있더라고요. 공감해요.",
                ago_min: hours(20),
            }],
        },
        DemoProposal {
            author: RESIDENT,
            kind: Event,
            title: "맹꽁이길 어린이 그림 전시",
            body: "아이들이 그린 맹꽁이 그림을 맹꽁이길 담장에 한 달 동안 걸어 두면 어떨까요? \
                참여한 아이들에게는 골목 가게 쿠폰을 주고, 가족들이 그림을 보러 왔다가 가게에도 \
                들르면 좋겠어요.",
            status: Open,
            event_day: Some(EventDay::InDays(32)),
            event_place: Some("맹꽁이길 담장"),
            ago_min: hours(5),
            answers: &[],
            timeline: &[],
            voters: &[PARENT],
            comments: &[],
        },
    ],
    announcements: &[
        DemoAnnouncement {
            shop: Some("은구비 베이커리"),
            kind: AnnouncementKind::Hours,
            title: "추석 연휴 영업 안내",
            body: "추석 당일 하루만 쉬고, 연휴 내내 평소처럼 아침 7시에 문 열어요.",
            started_ago_min: before(days(70)),
            days: 7,
            pinned: false,
        },
        DemoAnnouncement {
            shop: None,
            kind: AnnouncementKind::Notice,
            title: "맹꽁이길 골목 대청소, 이번 주 토요일 오전 9시",
            body: "상인회와 주민이 함께 골목을 쓸어요. 빗자루와 장갑은 철물점 앞에서 나눠 드려요. \
                끝나고 빵집에서 따뜻한 보리차를 드려요.",
            started_ago_min: before(days(2)),
            days: 6,
            pinned: true,
        },
        DemoAnnouncement {
            shop: Some("은구비 베이커리"),
            kind: AnnouncementKind::Event,
            title: "크리스마스 케이크 예약을 받아요",
            body: "맹꽁이 딸기 케이크를 예약 주문으로만 구워요. 가게에서 이름과 찾으실 날을 적어 주세요.",
            started_ago_min: later(days(5)),
            days: 20,
            pinned: false,
        },
        DemoAnnouncement {
            shop: Some("은구비 베이커리"),
            kind: AnnouncementKind::Sale,
            title: "금요일은 우유식빵 1+1",
            body: "매주 금요일 오후 5시부터 우유식빵을 하나 사시면 하나 더 드려요. \
                온누리상품권과 지역화폐도 받아요.",
            started_ago_min: before(hours(26)),
            days: 28,
            pinned: false,
        },
    ],
    claims: &[
        DemoClaim {
            claimant: CAFE_OWNER,
            shop: "카페 노은",
            business_number: "314-81-24680",
            note: "2019년부터 운영하고 있어요. 사업자등록증 사진은 상인회 단톡방에 올렸어요.",
            ago_min: hours(30),
        },
        DemoClaim {
            claimant: NOODLE_OWNER,
            shop: "은구비 칼국수",
            business_number: "305 12 98765",
            note: "",
            ago_min: hours(3),
        },
    ],
};

/// 동명동 카페거리 in Gwangju: a second district with its own moderator and merchant.
pub static DEMO_SECOND: DemoData = DemoData {
    district: DemoDistrict {
        slug: SECOND_DISTRICT,
        name: "동명동 카페거리",
        name_en: "Dongmyeong-dong Café Street",
        description: "광주 동구 동명동, 오래된 한옥과 주택을 고친 카페와 책방, 공방이 모인 \
            골목이에요. 상인회와 주민이 함께 골목 축제와 플리마켓을 열어요.",
        description_en: "Dongmyeong-dong in Dong-gu, Gwangju: old hanok and houses turned into \
            cafés, bookshops and workshops. The merchants' association and residents run \
            alley festivals and flea markets together.",
        region: "광주 동구 동명동",
        region_en: "Dongmyeong-dong, Dong-gu, Gwangju",
        kakao_channel_url: None,
        // Only the district's own site may show its widget (PRODUCT.md).
        embed_origins: "https://district.example",
    },
    users: &[
        DemoUser { email: MODERATOR2, display_name: "동명동 카페거리 상인회" },
        DemoUser { email: MERCHANT2, display_name: "동명 로스터리 김도윤" },
        DemoUser { email: DONGMYEONG, display_name: "동명동 주민" },
    ],
    moderators: &[MODERATOR2],
    shops: &[
        DemoShop {
            name: "동명 로스터리",
            name_en: "Dongmyeong Roastery",
            category: "cafe",
            description: "한옥 마당에서 볶는 원두, 직접 만든 무화과 스콘",
            description_en: "Beans roasted in a hanok courtyard, and our own fig scones",
            owner: Some(MERCHANT2),
            place: "동명교회 뒤 골목, 나무 대문 집",
            accepts_onnuri: true,
            accepts_local_card: true,
            open_days: [false, true, true, true, true, true, true],
            open: ("11:00", "22:00"),
            break_time: None,
            phone: None,
            kakao_channel_url: None,
            followers: &[DONGMYEONG],
        },
        DemoShop {
            name: "오래된 책방",
            name_en: "The Old Bookshop",
            category: "other",
            description: "헌책과 독립출판물, 목요일 밤 낭독회",
            description_en: "Second-hand books and indie zines, readings on Thursday nights",
            owner: None,
            place: "로스터리 맞은편 2층",
            accepts_onnuri: false,
            accepts_local_card: true,
            open_days: [false, false, true, true, true, true, true],
            open: ("13:00", "21:00"),
            break_time: None,
            phone: None,
            kakao_channel_url: None,
            followers: &[],
        },
    ],
    proposals: &[DemoProposal {
        author: DONGMYEONG,
        kind: Improvement,
        title: "주말 오후에는 카페거리를 걷는 길로 해 주세요",
        body: "주말 오후마다 차가 좁은 골목으로 들어와 걷기가 위험해요. 토요일과 일요일 \
            오후 2시부터 6시까지만이라도 차 없는 거리로 하면 어떨까요?",
        status: Open,
        event_day: None,
        event_place: None,
        ago_min: days(6),
        answers: &[DemoAnswer {
            shop: "동명 로스터리",
            stance: Stance::Support,
            message: "찬성해요. 가게 앞 화분을 옮겨서 걷는 길을 넓힐게요.",
            pledge: Some("차 없는 거리 시간에는 아메리카노 500원 할인"),
            ago_min: days(5),
        }],
        timeline: &[],
        voters: &[MERCHANT2, MODERATOR2],
        comments: &[DemoComment {
            author: MODERATOR2,
            body: "상인회 회의에서 다음 주에 논의할게요.",
            ago_min: days(4),
        }],
    }],
    announcements: &[DemoAnnouncement {
        shop: Some("동명 로스터리"),
        kind: AnnouncementKind::Event,
        title: "목요일 밤 핸드드립 클래스",
        body: "목요일 저녁 7시, 원두 고르기부터 내리기까지 함께해요. 네 자리만 받아요.",
        started_ago_min: before(days(1)),
        days: 14,
        pinned: false,
    }],
    claims: &[],
};

/// Seeds the demo data if the database is empty. Hashes the shared password once, and
/// only when there is something to seed, since hashing is slow on purpose.
pub async fn seed_demo(store: &Store) -> anyhow::Result<SeedOutcome> {
    if let Some(outcome) = store.demo_outcome_without_seeding(DEMO.district.slug).await? {
        return Ok(outcome);
    }
    let hash = auth::hash_password(DEMO_PASSWORD.to_owned()).await?;
    // Another server starting at the same moment may hold the seed's lock past the lock
    // timeout (a slow disk, a busy machine): wait for it as for the database itself.
    let started = std::time::Instant::now();
    loop {
        match store.seed_demo(&[&DEMO, &DEMO_SECOND], &hash).await {
            Err(crate::db::StoreError::Busy) if started.elapsed() < crate::db::START_PATIENCE => {
                tracing::warn!("the database is busy (another server seeding?); trying the demo seed again");
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            done => return Ok(done?),
        }
    }
}

#[cfg(test)]
mod tests {
    use golmok_api::{NewComment, NewProposal, RegisterRequest, validate};

    use super::*;

    /// The demo must obey the same rules as anything a user types.
    #[test]
    fn demo_content_is_valid() {
        let emails: Vec<&str> = DEMO.users.iter().chain(DEMO_SECOND.users).map(|u| u.email).collect();
        let mut unique = emails.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), emails.len(), "an account is in one set only");
        assert_ne!(DEMO.district.slug, DEMO_SECOND.district.slug);
        for set in [&DEMO, &DEMO_SECOND] {
            valid_set(set);
        }
    }

    fn valid_set(demo: &DemoData) {
        for u in demo.users {
            let r = RegisterRequest {
                email: u.email.to_owned(),
                password: DEMO_PASSWORD.to_owned(),
                display_name: u.display_name.to_owned(),
            };
            assert!(validate::register(&r).is_ok(), "{}", u.email);
        }
        let known = |e: &str| demo.users.iter().any(|u| u.email == e);
        for p in demo.proposals {
            assert!(known(p.author));
            let input = NewProposal {
                kind: p.kind,
                title: p.title.to_owned(),
                body: p.body.to_owned(),
                event_date: p.event_day.map(|_| "2026-07-18".to_owned()),
                event_place: p.event_place.map(str::to_owned),
            };
            assert!(validate::new_proposal(&input).is_ok(), "{}", p.title);
            let mut voters = p.voters.to_vec();
            voters.sort();
            voters.dedup();
            assert_eq!(voters.len(), p.voters.len(), "duplicate voter on {}", p.title);
            assert!(p.voters.iter().all(|v| known(v)));
            for a in p.answers {
                let shop =
                    demo.shops.iter().find(|s| s.name == a.shop).expect("an answer's shop is a demo shop");
                assert!(shop.owner.is_some(), "{} answers through its verified owner", a.shop);
                assert!(a.ago_min < p.ago_min, "an answer comes after its proposal");
                let answer = golmok_api::NewAnswer {
                    stance: a.stance,
                    message: a.message.to_owned(),
                    pledge: a.pledge.map(str::to_owned),
                };
                assert_eq!(validate::new_answer(&answer).as_ref(), Ok(&answer));
            }
            // The timeline walks the proposal's life, in allowed moves, to where it is.
            let mut at = golmok_api::ProposalStatus::Open;
            let mut when = p.ago_min;
            for e in p.timeline {
                assert!(e.ago_min < when, "{}: the timeline goes forward", p.title);
                when = e.ago_min;
                match e.status {
                    Some(to) => {
                        assert!(
                            at.can_move(to, golmok_api::Mover::Moderator),
                            "{}: {at:?} → {to:?}",
                            p.title
                        );
                        let change = golmok_api::StatusChange { status: to, note: e.note.to_owned() };
                        assert_eq!(validate::status_change(&change).map(|c| c.note), Ok(e.note.to_owned()));
                        at = to;
                    }
                    None => {
                        let update = golmok_api::UpdateNote { note: e.note.to_owned() };
                        assert_eq!(validate::update_note(&update).map(|u| u.note), Ok(e.note.to_owned()));
                    }
                }
            }
            assert_eq!(at, p.status, "{}: the timeline ends where the proposal is", p.title);
            for c in p.comments {
                assert!(known(c.author));
                assert!(
                    validate::new_comment(&NewComment { body: c.body.to_owned(), ..NewComment::default() })
                        .is_ok()
                );
            }
        }
        for shop in demo.shops {
            assert!(golmok_api::ShopCategory::parse(shop.category).is_some(), "{}", shop.category);
            let profile = golmok_api::ShopUpdate {
                name: Some(shop.name.to_owned()),
                name_en: Some(shop.name_en.to_owned()),
                description: Some(shop.description.to_owned()),
                description_en: Some(shop.description_en.to_owned()),
                place: Some(shop.place.to_owned()),
                hours: Some(shop.hours()),
                phone: shop.phone.map(str::to_owned),
                kakao_channel_url: shop.kakao_channel_url.map(str::to_owned),
                ..Default::default()
            };
            assert!(validate::shop_update(&profile).is_ok(), "{}", shop.name);
            assert!(!shop.hours().is_empty(), "{} has hours", shop.name);
            assert!(shop.followers.iter().all(|f| known(f)), "{}'s followers are demo users", shop.name);
        }
        for a in demo.announcements {
            if let Some(name) = a.shop {
                let shop = demo
                    .shops
                    .iter()
                    .find(|s| s.name == name)
                    .expect("an announcement's shop is a demo shop");
                assert!(shop.owner.is_some(), "{name} announces through its verified owner");
            }
            let announcement = golmok_api::NewAnnouncement {
                kind: a.kind,
                title: a.title.to_owned(),
                body: a.body.to_owned(),
                starts_at: None,
                ends_at: None,
            };
            assert!(validate::new_announcement(&announcement, "2026-11-27T00:00:00Z").is_ok(), "{}", a.title);
            assert!(a.days > 0);
        }
        for c in demo.claims {
            assert!(known(c.claimant));
            let shop = demo.shops.iter().find(|s| s.name == c.shop).expect("a claim's shop is a demo shop");
            assert!(shop.owner.is_none(), "{} has no owner to claim it from", c.shop);
            let claim = golmok_api::NewShopClaim {
                shop_id: Some(1),
                name: shop.name.to_owned(),
                category: golmok_api::ShopCategory::parse(shop.category).unwrap_or_default(),
                business_number: c.business_number.to_owned(),
                note: c.note.to_owned(),
            };
            assert!(validate::new_shop_claim(&claim).is_ok(), "{}", c.shop);
        }
        if let Some(channel) = demo.district.kakao_channel_url {
            assert_eq!(validate::kakao_channel_url(channel).as_deref(), Ok(channel));
        }
    }
}
