//! rules/models/flow.toml: how client data moves through calls the model
//! does not read (globals and package APIs).

use std::sync::OnceLock;

use serde::Deserialize;

use crate::api::{api_path, ApiStep};
use crate::model::Val;
use crate::project::{FileId, Project};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FlowData {
    pub convert: Vec<Convert>,
    pub string: StringMethods,
    pub merge: ApiList,
    pub parse: ApiList,
    pub sanitize: ApiList,
    pub validation: Validation,
    pub escape: Vec<Escape>,
    pub schemas: Schemas,
    pub express_validator: ExpressValidator,
    pub json_schema: JsonSchema,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct JsonSchema {
    pub packages: Vec<String>,
    pub compile: Vec<String>,
    pub validate: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Schemas {
    pub packages: Vec<String>,
    pub scalars: Vec<String>,
    pub objects: Vec<String>,
    pub parts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExpressValidator {
    pub sources: Vec<String>,
    pub checks: Vec<String>,
}

/// Escaping for one language: `concern` is `sql` or `regex`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Escape {
    pub concern: String,
    pub apis: Vec<String>,
    #[serde(default)]
    pub methods: Vec<String>,
    #[serde(default)]
    pub packages: Vec<String>,
}

/// The concern bit of an escape row (`Taint::escaped`).
pub fn concern_bit(concern: &str) -> u8 {
    match concern {
        "sql" => super::SQL,
        "regex" => super::REGEX,
        _ => 0,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Validation {
    pub nest_pipes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Convert {
    pub globals: Vec<String>,
    pub keep_text: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StringMethods {
    pub methods: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ApiList {
    /// `package dotted.path`, or `global Name.path` for a global.
    pub apis: Vec<String>,
}

pub fn flow_data() -> &'static FlowData {
    static DATA: OnceLock<FlowData> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../../rules/models/flow.toml"))
            .expect("rules/models/flow.toml is valid (checked by a test)")
    })
}

/// What a callee is, as the rows of flow.toml name it: `global JSON.parse`,
/// `lodash merge`, `mongoose Types.ObjectId`, `mongo-sanitize`.
pub fn callee_name(project: &Project, file: FileId, callee: &Val) -> Option<String> {
    let mut members = Vec::new();
    let mut cur = callee;
    while let Some((obj, p)) = cur.as_member() {
        members.push(p.as_str());
        cur = obj;
    }
    if let Val::Global(g) = cur {
        members.reverse();
        let mut s = format!("global {g}");
        for m in members {
            s.push('.');
            s.push_str(m);
        }
        return Some(s);
    }
    let path = api_path(project, file, callee)?;
    let mut parts = Vec::new();
    for step in &path.steps {
        match step {
            ApiStep::Member(m) => parts.push(m.as_str()),
            _ => return None,
        }
    }
    Some(if parts.is_empty() {
        path.package.clone()
    } else {
        format!("{} {}", path.package, parts.join("."))
    })
}

/// Whether `v` is `new ValidationPipe(…)` (or another validating pipe).
pub fn is_validation_pipe(project: &Project, file: FileId, v: &Val) -> bool {
    let (f, v) = project.resolve(file, v);
    match &v {
        Val::Call(c) if c.new => callee_name(project, f, &c.callee)
            .is_some_and(|n| flow_data().validation.nest_pipes.contains(&n)),
        _ => false,
    }
}

pub fn listed(list: &ApiList, name: &str) -> bool {
    list.apis.iter().any(|a| a == name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_flow_models_parse() {
        let d = super::flow_data();
        assert!(!d.convert.is_empty() && !d.sanitize.apis.is_empty());
    }
}
