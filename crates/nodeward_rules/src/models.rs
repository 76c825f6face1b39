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
}

#[derive(Debug, Clone, Deserialize)]
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
    /// The core headers (lower case) one part of a package sets
    /// (`helmet.hsts()`); several parts together can cover them all.
    #[serde(default)]
    pub sets: Vec<String>,
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DevTool {
    pub module: String,
    pub path: String,
    #[serde(default)]
    pub option: Option<String>,
    pub what: String,
}

#[derive(Debug, Clone, Deserialize)]
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
        let mut d: DevToolModels =
            toml::from_str(include_str!("../../../rules/models/dev-tools.toml"))
                .expect("rules/models/dev-tools.toml is valid (checked by a test)");
        if let Some(u) = USER.get() {
            d.tool.extend(u.tool.iter().cloned());
            d.server.extend(u.server.iter().cloned());
        }
        d
    })
}

/// A project's own models (`models = [...]` in nodeward.toml): rows of the
/// same shape as the built-in files, for packages the project uses that
/// nodeward does not know (its own app factory, its security-headers
/// middleware, its debug dashboard).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UserModels {
    /// frameworks.toml rows.
    #[serde(default)]
    pub factory: Vec<nodeward_semantic::routes::FactoryData>,
    #[serde(default)]
    pub router: Vec<nodeward_semantic::routes::FactoryData>,
    #[serde(default)]
    pub mount: Vec<nodeward_semantic::routes::ApiData>,
    #[serde(default)]
    pub plugin_wrapper: Vec<nodeward_semantic::routes::ApiData>,
    #[serde(default)]
    pub autoload: Vec<nodeward_semantic::routes::ApiData>,
    #[serde(default, rename = "static")]
    pub static_: Vec<nodeward_semantic::routes::ApiData>,
    /// headers.toml rows.
    #[serde(default)]
    pub middleware: Vec<HeaderMiddleware>,
    /// dev-tools.toml rows.
    #[serde(default)]
    pub tool: Vec<DevTool>,
    #[serde(default)]
    pub server: Vec<DevServer>,
    /// errors.toml additions (`[errors]`).
    #[serde(default)]
    pub errors: Option<nodeward_semantic::flow::ErrorExtras>,
}

static USER: OnceLock<UserModels> = OnceLock::new();

/// Parses a project's models files (`(name, text)`, name for messages) and
/// adds them to the built-in models for the rest of the process; call once,
/// before the analysis.
pub fn install_user_models(files: &[(String, String)]) -> Result<(), String> {
    let mut all = UserModels::default();
    for (name, text) in files {
        let m: UserModels =
            toml::from_str(text).map_err(|e| format!("models file {name}: {}", e.message()))?;
        all.factory.extend(m.factory);
        all.router.extend(m.router);
        all.mount.extend(m.mount);
        all.plugin_wrapper.extend(m.plugin_wrapper);
        all.autoload.extend(m.autoload);
        all.static_.extend(m.static_);
        all.middleware.extend(m.middleware);
        all.tool.extend(m.tool);
        all.server.extend(m.server);
        if let Some(e) = m.errors {
            let into = all.errors.get_or_insert_with(Default::default);
            into.detail_members.extend(e.detail_members);
            into.serializers.extend(e.serializers);
            into.callback_names.extend(e.callback_names);
            into.helper_names.extend(e.helper_names);
            into.response_names.extend(e.response_names);
        }
    }
    if let Some(e) = all.errors.take() {
        nodeward_semantic::flow::install_error_extras(e)?;
    }
    nodeward_semantic::routes::install_extras(nodeward_semantic::routes::FrameworkExtras {
        factory: std::mem::take(&mut all.factory),
        router: std::mem::take(&mut all.router),
        mount: std::mem::take(&mut all.mount),
        plugin_wrapper: std::mem::take(&mut all.plugin_wrapper),
        autoload: std::mem::take(&mut all.autoload),
        static_: std::mem::take(&mut all.static_),
    })?;
    USER.set(all)
        .map_err(|_| "project models are already loaded".to_string())
}

/// Every built-in models file, by name: the ones the loader reads.
pub const BUILT_IN: &[&str] = &[
    "asserts.toml",
    "dev-tools.toml",
    "errors.toml",
    "flow.toml",
    "frameworks.toml",
    "globals.toml",
    "headers.toml",
    "limits.toml",
    "nosql.toml",
    "process.toml",
    "regex.toml",
    "sources.toml",
    "sql.toml",
];

pub fn headers() -> &'static HeaderModels {
    static DATA: OnceLock<HeaderModels> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut d: HeaderModels =
            toml::from_str(include_str!("../../../rules/models/headers.toml"))
                .expect("rules/models/headers.toml is valid (checked by a test)");
        if let Some(u) = USER.get() {
            d.middleware.extend(u.middleware.iter().cloned());
        }
        d
    })
}

#[cfg(test)]
mod tests {
    /// Every file under rules/models/ is one the loader reads: a new file
    /// or a renamed one cannot sit there unread.
    #[test]
    fn every_models_file_is_loaded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules/models");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        assert_eq!(names, super::BUILT_IN);
        // And each parses (the accessors panic on a bad file).
        let _ = (
            super::headers(),
            super::dev_tools(),
            super::process(),
            super::sources(),
            super::nosql(),
            super::sql(),
            super::regex_sinks(),
            nodeward_semantic::flow::flow_data(),
            nodeward_semantic::flow::error_data(),
        );
    }

    #[test]
    fn project_models_reject_unknown_keys() {
        let bad = "[[tool]]\nmodule = \"x\"\npath = \"\"\nwhat = \"x\"\nsevere = true\n";
        assert!(toml::from_str::<super::UserModels>(bad).is_err());
        let good =
            "[[factory]]\nframework = \"express\"\nmodule = \"@acme/http\"\npath = \"createApp\"\n";
        assert!(toml::from_str::<super::UserModels>(good).is_ok());
        let typo =
            "[[factory]]\nframework = \"expres\"\nmodule = \"@acme/http\"\npath = \"createApp\"\n";
        assert!(toml::from_str::<super::UserModels>(typo).is_err());
    }

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

/// rules/models/nosql.toml: query APIs that read operator objects.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NosqlModels {
    pub sink: Vec<NosqlSink>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NosqlSink {
    pub packages: Vec<String>,
    pub kind: NosqlKind,
    pub argument: usize,
    pub methods: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NosqlKind {
    Filter,
    Id,
    Update,
    PrismaWhere,
}

pub fn nosql() -> &'static NosqlModels {
    static DATA: OnceLock<NosqlModels> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../rules/models/nosql.toml"))
            .expect("rules/models/nosql.toml is valid (checked by a test)")
    })
}

/// rules/models/sql.toml: query APIs whose argument is SQL text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SqlModels {
    pub sink: Vec<SqlSink>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SqlSink {
    pub packages: Vec<String>,
    pub methods: Vec<String>,
    pub argument: usize,
    /// Whether the method name alone counts when the receiver cannot be
    /// resolved.
    #[serde(default = "yes")]
    pub by_name: bool,
}

fn yes() -> bool {
    true
}

pub fn sql() -> &'static SqlModels {
    static DATA: OnceLock<SqlModels> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../rules/models/sql.toml"))
            .expect("rules/models/sql.toml is valid (checked by a test)")
    })
}

/// rules/models/regex.toml: where a string becomes a pattern.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RegexSinks {
    pub constructor: Vec<RegexConstructor>,
    pub string_methods: RegexStringMethods,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RegexConstructor {
    pub apis: Vec<String>,
    pub argument: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RegexStringMethods {
    pub methods: Vec<String>,
}

pub fn regex_sinks() -> &'static RegexSinks {
    static DATA: OnceLock<RegexSinks> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../rules/models/regex.toml"))
            .expect("rules/models/regex.toml is valid (checked by a test)")
    })
}
