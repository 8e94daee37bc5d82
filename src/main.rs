fn main() {
    golmok_web::start();
}
