//! `--online`: the advisories of exactly the installed versions, from the
//! OSV API (`POST /v1/querybatch`, then `GET /v1/vulns/{id}` for each id it
//! names). Only with the flag; any failure is an error that stops the run,
//! never a silent fallback to no advisories.

use std::collections::BTreeSet;
use std::time::Duration;

use serde::Deserialize;
use serde_json::json;

use crate::db::AdvisoryDb;

/// The public OSV API.
pub const DEFAULT_ENDPOINT: &str = "https://api.osv.dev";

/// The OSV API allows 1,000 queries per batch.
const BATCH: usize = 1000;

#[derive(Deserialize)]
struct BatchAnswer {
    #[serde(default)]
    results: Vec<BatchResult>,
}

#[derive(Deserialize)]
struct BatchResult {
    #[serde(default)]
    vulns: Vec<VulnRef>,
}

#[derive(Deserialize)]
struct VulnRef {
    id: String,
}

/// The advisories of `packages` (name, version) from the OSV API at
/// `endpoint`, as a database. `Err` is one line saying what failed.
pub fn query(
    endpoint: &str,
    packages: &[(String, String)],
    timeout: Duration,
) -> Result<AdvisoryDb, String> {
    let endpoint = endpoint.trim_end_matches('/');
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .build()
        .into();
    let fail = |what: &str, e: &dyn std::fmt::Display| {
        format!("--online: {what} at {endpoint} failed: {e}")
    };
    let mut ids = BTreeSet::new();
    for chunk in packages.chunks(BATCH) {
        let queries: Vec<_> = chunk
            .iter()
            .map(|(name, version)| {
                json!({"package": {"name": name, "ecosystem": "npm"}, "version": version})
            })
            .collect();
        let body = json!({ "queries": queries }).to_string();
        let text = agent
            .post(format!("{endpoint}/v1/querybatch"))
            .content_type("application/json")
            .send(body.as_bytes())
            .and_then(|mut r| r.body_mut().read_to_string())
            .map_err(|e| fail("the OSV query", &e))?;
        let answer: BatchAnswer =
            serde_json::from_str(&text).map_err(|e| fail("reading the OSV answer", &e))?;
        if answer.results.len() != chunk.len() {
            return Err(fail(
                "the OSV query",
                &format!(
                    "{} answers to {} queries",
                    answer.results.len(),
                    chunk.len()
                ),
            ));
        }
        ids.extend(
            answer
                .results
                .into_iter()
                .flat_map(|r| r.vulns)
                .map(|v| v.id),
        );
    }
    let mut files = Vec::new();
    for id in ids {
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c))
        {
            return Err(fail(
                "the OSV query",
                &format!("unexpected advisory id {id:?}"),
            ));
        }
        let text = agent
            .get(format!("{endpoint}/v1/vulns/{id}"))
            .call()
            .and_then(|mut r| r.body_mut().read_to_string())
            .map_err(|e| fail(&format!("fetching {id}"), &e))?;
        files.push((format!("{id}.json"), text.into_bytes()));
    }
    Ok(AdvisoryDb::from_json(endpoint, files))
}
