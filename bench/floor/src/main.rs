//! The floor: what any Leptos CSR app costs before it does anything of its own. It paints
//! a header, a heading and a paragraph like the district page's, with no data to fetch.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <header class="header">
                <span class="brand"><span class="brand-name">"골목"</span></span>
            </header>
            <main id="main" class="main">
                <section class="hero">
                    <p class="hero-region">"대전 유성구 노은동"</p>
                    <h1>"은구비서로 골목형상점가"</h1>
                    <p class="lede">
                        "대전 유성구 노은동 은구비서로의 골목형상점가예요. 맹꽁이가 사는 \
                         습지 옆 맹꽁이길을 따라 빵집, 카페, 식당, 꽃집이 모여 있어요."
                    </p>
                </section>
            </main>
        }
    });
}
