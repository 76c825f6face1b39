//! Library knowledge as data: rules/models/*.toml, embedded at build time.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HeaderModels {
    pub middleware: Vec<HeaderMiddleware>,
    pub disabling_options: BTreeMap<String, String>,
    pub manual: ManualHeaders,
    pub routes: Routes,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HeaderMiddleware {
    pub module: String,
    pub path: String,
    #[serde(default)]
    pub sets_headers: bool,
    #[serde(default)]
    pub hides_powered_by: bool,
    #[serde(default)]
    pub powered_by_options: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ManualHeaders {
    pub core_headers: Vec<String>,
    pub setters: Vec<String>,
    pub removers: Vec<String>,
    pub fastify_hooks: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Routes {
    pub methods: Vec<String>,
    pub router_factories: Vec<(String, String)>,
    #[serde(rename = "static")]
    pub static_: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SourceModels {
    pub request: Vec<RequestModel>,
    pub propagation: Propagation,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RequestModel {
    pub names: Vec<String>,
    pub members: Vec<String>,
    pub methods: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Propagation {
    pub functions: Vec<String>,
    pub methods: Vec<String>,
    pub truncating: Vec<String>,
}

pub fn sources() -> &'static SourceModels {
    static DATA: OnceLock<SourceModels> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../rules/models/sources.toml"))
            .expect("rules/models/sources.toml is valid (checked by a test)")
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProcessModels {
    pub may_exit_words: Vec<String>,
}

pub fn process() -> &'static ProcessModels {
    static DATA: OnceLock<ProcessModels> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../rules/models/process.toml"))
            .expect("rules/models/process.toml is valid (checked by a test)")
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DevToolModels {
    pub paths: DevPaths,
    pub tool: Vec<DevTool>,
    pub server: Vec<DevServer>,
    pub handler: DevHandler,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DevPaths {
    pub segments: Vec<String>,
    pub first_segments: Vec<String>,
    pub root_only_segments: Vec<String>,
    pub api_prefixes: Vec<String>,
    pub pairs: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DevTool {
    pub module: String,
    pub path: String,
    #[serde(default)]
    pub option: Option<String>,
    pub what: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DevServer {
    pub module: String,
    pub path: String,
    pub options: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DevHandler {
    pub respond_methods: Vec<String>,
    pub eval_globals: Vec<String>,
    pub eval_modules: Vec<(String, String)>,
    pub drop_methods: Vec<String>,
}

pub fn dev_tools() -> &'static DevToolModels {
    static DATA: OnceLock<DevToolModels> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../rules/models/dev-tools.toml"))
            .expect("rules/models/dev-tools.toml is valid (checked by a test)")
    })
}

pub fn headers() -> &'static HeaderModels {
    static DATA: OnceLock<HeaderModels> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../rules/models/headers.toml"))
            .expect("rules/models/headers.toml is valid (checked by a test)")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn header_models_parse() {
        let h = super::headers();
        assert!(h
            .middleware
            .iter()
            .any(|m| m.module == "helmet" && m.path.is_empty()));
        assert!(h.disabling_options.contains_key("contentSecurityPolicy"));
        assert!(!super::process().may_exit_words.is_empty());
        assert!(super::dev_tools()
            .paths
            .segments
            .iter()
            .any(|s| s == "debug"));
        assert!(super::sources()
            .request
            .iter()
            .any(|r| r.names.iter().any(|n| n == "req")));
    }
}
