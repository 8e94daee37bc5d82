use clap::Parser as _;
use golmok_server::Cli;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("golmok_server=info,tower_http=warn")),
        )
        .init();
    match cli.admin {
        Some(command) => golmok_server::administer(&cli.config, command, &mut std::io::stdout()).await,
        None => golmok_server::run(cli.config, golmok_server::shutdown_signal()).await,
    }
}
