//! Validation of SARIF output against the official SARIF 2.1.0 JSON schema
//! (draft-04), for tests here and in the CLI. Behind the `schema-check`
//! feature, so that the binary does not carry a JSON-schema engine.
//!
//! The schema is not vendored: it is read from `shared/schemas/` beside the
//! repository (or from the file named by `NODEWARD_SARIF_SCHEMA`). When it is
//! absent the outcome is [`SchemaCheckError::SchemaMissing`], never success,
//! so a caller decides explicitly to skip. Nothing is fetched over the
//! network: the schema has no external references and the engine is built
//! without its HTTP resolver.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::Value;

/// Environment variable naming another schema file.
pub const SCHEMA_PATH_ENV: &str = "NODEWARD_SARIF_SCHEMA";

/// Where the schema is looked for: `$NODEWARD_SARIF_SCHEMA`, else
/// `shared/schemas/sarif-schema-2.1.0.json` next to the repository.
pub fn sarif_schema_path() -> PathBuf {
    if let Some(p) = std::env::var_os(SCHEMA_PATH_ENV) {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/schemas/sarif-schema-2.1.0.json")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaCheckError {
    /// The schema file is not there: the check could not run (skip, do not pass).
    SchemaMissing { path: PathBuf },
    /// The schema file is there but is not a usable schema.
    SchemaUnusable { path: PathBuf, reason: String },
    /// The SARIF violates the schema: one line per violation, `JSON pointer: what`.
    Invalid(Vec<String>),
}

impl fmt::Display for SchemaCheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaCheckError::SchemaMissing { path } => {
                write!(f, "SARIF schema not found at {}", path.display())
            }
            SchemaCheckError::SchemaUnusable { path, reason } => {
                write!(f, "SARIF schema {} is unusable: {reason}", path.display())
            }
            SchemaCheckError::Invalid(errors) => {
                write!(f, "SARIF does not match the schema:\n{}", errors.join("\n"))
            }
        }
    }
}

impl std::error::Error for SchemaCheckError {}

/// Validates a SARIF log against the schema at [`sarif_schema_path`].
pub fn validate_sarif_against_schema(sarif: &Value) -> Result<(), SchemaCheckError> {
    validate_against_schema_file(sarif, &sarif_schema_path())
}

/// Validates a SARIF log against the schema in `schema_path` (compiled once
/// per path and process).
pub fn validate_against_schema_file(
    sarif: &Value,
    schema_path: &Path,
) -> Result<(), SchemaCheckError> {
    let validator = compiled(schema_path)?;
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| {
            let at = e.instance_path().to_string();
            format!("{}: {e}", if at.is_empty() { "/" } else { &at })
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(SchemaCheckError::Invalid(errors))
    }
}

type Cache = Mutex<HashMap<PathBuf, Arc<jsonschema::Validator>>>;

fn compiled(path: &Path) -> Result<Arc<jsonschema::Validator>, SchemaCheckError> {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(v) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(path) {
        return Ok(Arc::clone(v));
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SchemaCheckError::SchemaMissing {
                path: path.to_path_buf(),
            })
        }
        Err(e) => {
            return Err(SchemaCheckError::SchemaUnusable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })
        }
    };
    let unusable = |reason: String| SchemaCheckError::SchemaUnusable {
        path: path.to_path_buf(),
        reason,
    };
    let schema: Value = serde_json::from_str(&text).map_err(|e| unusable(e.to_string()))?;
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| unusable(e.to_string()))?;
    let validator = Arc::new(validator);
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(path.to_path_buf(), Arc::clone(&validator));
    Ok(validator)
}
