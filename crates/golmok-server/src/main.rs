use clap::Parser as _;
use golmok_server::Config;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("golmok_server=info,tower_http=warn")),
        )
        .init();
    golmok_server::run(config, golmok_server::shutdown_signal()).await
}
