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

#[derive(Debug, Clone, Deserialize)]
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
#[derive(Debug, Clone, Deserialize)]
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

/// Framework knowledge a project adds in its own models file (the rows of
/// frameworks.toml that name packages: its own app factories, routers,
/// mount helpers, plugin wrappers and loaders, static-file middleware).
#[derive(Debug, Default, Deserialize)]
pub struct FrameworkExtras {
    pub factory: Vec<FactoryData>,
    pub router: Vec<FactoryData>,
    pub mount: Vec<ApiData>,
    pub plugin_wrapper: Vec<ApiData>,
    pub autoload: Vec<ApiData>,
    pub static_: Vec<ApiData>,
}

static EXTRAS: OnceLock<FrameworkExtras> = OnceLock::new();
static DATA: OnceLock<FrameworksData> = OnceLock::new();

/// Adds a project's framework rows to the built-in ones, for the rest of
/// the process. Must come before the first analysis reads the data.
pub fn install_extras(extras: FrameworkExtras) -> Result<(), String> {
    if DATA.get().is_some() {
        return Err("project models must be loaded before the analysis starts".into());
    }
    EXTRAS
        .set(extras)
        .map_err(|_| "project models are already loaded".to_string())
}

pub fn data() -> &'static FrameworksData {
    DATA.get_or_init(|| {
        let mut d: FrameworksData =
            toml::from_str(include_str!("../../../../rules/models/frameworks.toml"))
                .expect("rules/models/frameworks.toml is valid (checked by a test)");
        if let Some(x) = EXTRAS.get() {
            d.factory.extend(x.factory.iter().map(FactoryData::clone));
            d.router.extend(x.router.iter().map(FactoryData::clone));
            d.mount.extend(x.mount.iter().map(ApiData::clone));
            d.plugin_wrapper
                .extend(x.plugin_wrapper.iter().map(ApiData::clone));
            d.autoload.extend(x.autoload.iter().map(ApiData::clone));
            d.static_.extend(x.static_.iter().map(ApiData::clone));
        }
        d
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
