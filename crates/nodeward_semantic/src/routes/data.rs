//! Framework knowledge as data: rules/models/frameworks.toml, parsed once.

use std::sync::OnceLock;

use serde::Deserialize;

/// A framework name as the data spells it; an unknown name is an error of
/// the data file (checked by a test), never a silent default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FrameworkName {
    Express,
    Koa,
    Fastify,
    Nest,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworksData {
    pub factory: Vec<FactoryData>,
    pub router: Vec<FactoryData>,
    #[serde(rename = "platform-adapter")]
    pub platform_adapter: Vec<AdapterData>,
    pub unwrap: UnwrapData,
    pub mount: Vec<ApiData>,
    #[serde(rename = "plugin-wrapper")]
    pub plugin_wrapper: Vec<ApiData>,
    pub autoload: Vec<ApiData>,
    pub methods: MethodsData,
    pub chain: UnwrapData,
    pub nest: NestData,
    #[serde(rename = "static")]
    pub static_: Vec<ApiData>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactoryData {
    pub framework: FrameworkName,
    pub module: String,
    pub path: String,
    #[serde(default)]
    pub new: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdapterData {
    pub module: String,
    pub class: String,
    pub platform: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnwrapData {
    pub methods: Vec<String>,
}

/// A package export: `module` and the member path on it ("" = the module).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiData {
    pub module: String,
    pub path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodsData {
    pub express: Vec<String>,
    #[serde(rename = "koa-router")]
    pub koa_router: Vec<String>,
    pub fastify: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NestData {
    pub module: String,
    pub controller: String,
    #[serde(rename = "module-decorator")]
    pub module_decorator: String,
    pub methods: Vec<(String, String)>,
}

pub fn data() -> &'static FrameworksData {
    static DATA: OnceLock<FrameworksData> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../../rules/models/frameworks.toml"))
            .expect("rules/models/frameworks.toml is valid (checked by a test)")
    })
}

/// Whether `(module, path)` is one of `list`.
pub fn is_api(list: &[ApiData], module: &str, path: &str) -> bool {
    list.iter().any(|a| a.module == module && a.path == path)
}

#[cfg(test)]
mod tests {
    #[test]
    fn frameworks_data_parses() {
        let d = super::data();
        assert!(d.factory.iter().any(|f| f.module == "express"));
        assert!(!d.methods.express.is_empty());
    }

    #[test]
    fn an_unknown_framework_name_is_rejected() {
        let text = "framework = \"expresss\"\nmodule = \"x\"\npath = \"\"\n";
        assert!(toml::from_str::<super::FactoryData>(text).is_err());
    }
}
