//! rules/models/errors.toml: what an error object carries, the parameters
//! that receive one, and the calls that send a response (`chatty-error`).

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ErrorData {
    pub error: ErrorMembers,
    pub response: ResponseData,
    pub nest: NestExceptions,
    pub status_names: StatusNames,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ErrorMembers {
    pub detail_members: Vec<String>,
    pub classifying_members: Vec<String>,
    pub status_members: Vec<String>,
    pub status_methods: Vec<String>,
    pub detail_methods: Vec<String>,
    pub serializers: Vec<String>,
    pub callback_names: Vec<String>,
    pub helper_names: Vec<String>,
    pub error_callbacks: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ResponseData {
    pub send: Vec<String>,
    pub render: Vec<String>,
    pub redirect: Vec<String>,
    pub chain: Vec<String>,
    pub status: Vec<String>,
    pub status_calls: Vec<String>,
    pub status_props: Vec<String>,
    pub names: Vec<String>,
    pub reply_names: Vec<String>,
    pub context_names: Vec<String>,
    pub getters: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NestExceptions {
    pub server_exceptions: Vec<String>,
    pub status_exceptions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StatusNames {
    pub server: Vec<String>,
    pub client: Vec<String>,
    pub success: Vec<String>,
}

/// A project's additions to errors.toml (from its models files): error
/// serializers and detail members of its own libraries, the names its
/// helpers give a response or an error.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ErrorExtras {
    #[serde(default)]
    pub detail_members: Vec<String>,
    #[serde(default)]
    pub serializers: Vec<String>,
    #[serde(default)]
    pub callback_names: Vec<String>,
    #[serde(default)]
    pub helper_names: Vec<String>,
    #[serde(default)]
    pub response_names: Vec<String>,
}

static EXTRAS: OnceLock<ErrorExtras> = OnceLock::new();
static DATA: OnceLock<ErrorData> = OnceLock::new();

/// Adds a project's rows to the built-in ones, for the rest of the process.
/// Must come before the first analysis reads the data.
pub fn install_error_extras(extras: ErrorExtras) -> Result<(), String> {
    if DATA.get().is_some() {
        return Err("project models must be loaded before the analysis starts".into());
    }
    EXTRAS
        .set(extras)
        .map_err(|_| "project models are already loaded".to_string())
}

pub fn error_data() -> &'static ErrorData {
    DATA.get_or_init(|| {
        let mut d: ErrorData = toml::from_str(include_str!("../../../../rules/models/errors.toml"))
            .expect("rules/models/errors.toml is valid (checked by a test)");
        if let Some(x) = EXTRAS.get() {
            d.error
                .detail_members
                .extend(x.detail_members.iter().cloned());
            d.error.serializers.extend(x.serializers.iter().cloned());
            d.error
                .callback_names
                .extend(x.callback_names.iter().cloned());
            d.error.helper_names.extend(x.helper_names.iter().cloned());
            d.response.names.extend(x.response_names.iter().cloned());
        }
        d
    })
}

pub(crate) fn has(list: &[String], name: &str) -> bool {
    list.iter().any(|x| x == name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_error_models_parse() {
        let d = super::error_data();
        assert!(d.error.detail_members.iter().any(|m| m == "stack"));
        assert!(d.response.send.iter().any(|m| m == "json"));
    }
}
