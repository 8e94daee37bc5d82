//! The server's own command line for whoever runs it: founding districts and appointing
//! their first moderators. Nothing here is reachable over HTTP; later moderators are
//! appointed by the district's own moderators.
//!
//! ```text
//! golmok-server --database URL district create --slug gwangjang --name 광장시장 --name-en "Gwangjang Market"
//! golmok-server --database URL moderator add --district gwangjang --email lee@example.com
//! ```

use std::io::Write;

use anyhow::{Context, bail};
use clap::Subcommand;
use golmok_api::{NewDistrict, validate};

use crate::db::{Dismissal, Store, StoreError};

#[derive(Debug, Clone, Subcommand)]
pub enum Admin {
    /// Districts: found one, or list them.
    #[command(subcommand)]
    District(DistrictCommand),
    /// A district's moderators (운영진): appoint, remove, list.
    #[command(subcommand)]
    Moderator(ModeratorCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum DistrictCommand {
    /// Founds a district; it shows on the portal at once, at /d/SLUG.
    Create {
        /// Its address: a-z, 0-9 and hyphens, e.g. `eungubi-seo`.
        #[arg(long)]
        slug: String,
        /// Its name in Korean.
        #[arg(long)]
        name: String,
        /// Its name in English.
        #[arg(long)]
        name_en: String,
        #[arg(long, default_value = "")]
        region: String,
        #[arg(long, default_value = "")]
        region_en: String,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long, default_value = "")]
        description_en: String,
    },
    /// Lists every district with its moderators.
    List,
}

#[derive(Debug, Clone, Subcommand)]
pub enum ModeratorCommand {
    /// Appoints the account with this email (it signs up on the portal first).
    Add {
        #[arg(long)]
        district: String,
        #[arg(long)]
        email: String,
    },
    /// Removes a moderator; a district's last moderator stays.
    Remove {
        #[arg(long)]
        district: String,
        #[arg(long)]
        email: String,
    },
    /// Lists a district's moderators.
    List {
        #[arg(long)]
        district: String,
    },
}

/// Runs one command against the store, writing what it did to `out`. Refusals are
/// errors, so the process ends with a failure status a script can see.
pub async fn run(store: &Store, command: Admin, out: &mut impl Write) -> anyhow::Result<()> {
    match command {
        Admin::District(DistrictCommand::Create {
            slug,
            name,
            name_en,
            region,
            region_en,
            description,
            description_en,
        }) => {
            let input = NewDistrict { slug, name, name_en, region, region_en, description, description_en };
            let district = validate::new_district(&input).map_err(|problems| {
                let said: Vec<String> = problems.iter().map(|p| p.describe()).collect();
                anyhow::anyhow!("cannot create the district: {}", said.join("; "))
            })?;
            match store.create_district(&district).await {
                Ok(_) => writeln!(
                    out,
                    "created district {} ({} / {})",
                    district.slug, district.name, district.name_en
                )?,
                Err(StoreError::Conflict(_)) => bail!("a district {:?} exists already", district.slug),
                Err(e) => return Err(e).context("cannot create the district"),
            }
        }
        Admin::District(DistrictCommand::List) => {
            let mut after = None;
            loop {
                let page = store.list_districts(after, 100).await?;
                for (id, d) in &page {
                    let moderators: Vec<String> =
                        store.moderators(*id).await?.into_iter().map(|(e, _)| e).collect();
                    writeln!(
                        out,
                        "{}\t{} / {}\tmoderators: {}",
                        d.slug,
                        d.name,
                        d.name_en,
                        moderators.join(", ")
                    )?;
                }
                match page.last() {
                    Some((id, _)) if page.len() == 100 => after = Some(*id),
                    _ => break,
                }
            }
        }
        Admin::Moderator(ModeratorCommand::Add { district, email }) => {
            let (district_id, user_id, email) = find(store, &district, &email).await?;
            if store.appoint_moderator(district_id, user_id).await? {
                writeln!(out, "{email} now moderates {district}")?;
            } else {
                writeln!(out, "{email} moderates {district} already")?;
            }
        }
        Admin::Moderator(ModeratorCommand::Remove { district, email }) => {
            let (district_id, user_id, email) = find(store, &district, &email).await?;
            match store.dismiss_moderator(district_id, user_id).await? {
                Dismissal::Removed => writeln!(out, "{email} no longer moderates {district}")?,
                Dismissal::NotModerator => bail!("{email} does not moderate {district}"),
                Dismissal::LastOne => {
                    bail!("{email} is the last moderator of {district}: appoint another first")
                }
            }
        }
        Admin::Moderator(ModeratorCommand::List { district }) => {
            let id =
                store.district_id(&district).await?.with_context(|| format!("no district {district:?}"))?;
            for (email, name) in store.moderators(id).await? {
                writeln!(out, "{email}\t{name}")?;
            }
        }
    }
    Ok(())
}

/// The district and the account a moderator command names.
async fn find(store: &Store, district: &str, email: &str) -> anyhow::Result<(i64, i64, String)> {
    let id = store.district_id(district).await?.with_context(|| format!("no district {district:?}"))?;
    let email = email.trim().to_lowercase();
    let (user, _) = store
        .find_user_by_email(&email)
        .await?
        .with_context(|| format!("no account with the email {email:?}: they sign up on the portal first"))?;
    Ok((id, user.id, email))
}
