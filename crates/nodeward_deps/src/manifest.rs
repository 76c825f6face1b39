//! package.json: the direct dependencies of an importer, with the span of
//! each key (a finding's related location), and its workspace patterns.

use jsonc_parser::ast::{Object, Value};

use nodeward_report::Span;

use crate::json::{parse_strict, prop_name_span, string_of};

/// Which section of package.json declares a dependency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Prod,
    Dev,
    Optional,
    Peer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Declared {
    pub name: String,
    /// The range, or an alias such as `npm:semver@5.7.1`.
    pub spec: String,
    pub section: Section,
    pub key_span: Span,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifest {
    pub name: Option<String>,
    pub deps: Vec<Declared>,
    /// `workspaces` as an array or as `{ packages: [...] }`.
    pub workspaces: Vec<String>,
}

impl Manifest {
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let root = parse_strict(text)?;
        let Some(obj) = root.as_ref().and_then(Value::as_object) else {
            return Err("package.json is not a JSON object".into());
        };
        let mut out = Manifest {
            name: obj.get_string("name").map(|s| s.value.to_string()),
            ..Manifest::default()
        };
        for (key, section) in [
            ("dependencies", Section::Prod),
            ("devDependencies", Section::Dev),
            ("optionalDependencies", Section::Optional),
            ("peerDependencies", Section::Peer),
        ] {
            if let Some(deps) = obj.get_object(key) {
                collect(deps, section, &mut out.deps);
            }
        }
        let ws = match obj.get("workspaces").map(|p| &p.value) {
            Some(Value::Array(a)) => Some(a),
            Some(Value::Object(o)) => o.get_array("packages"),
            _ => None,
        };
        if let Some(a) = ws {
            out.workspaces = a.elements.iter().filter_map(string_of).collect();
        }
        Ok(out)
    }

    /// The declaration of `name`, production sections first (a name in
    /// both `dependencies` and `devDependencies` is installed for
    /// production).
    pub fn declared(&self, name: &str) -> Option<&Declared> {
        let mut all: Vec<&Declared> = self.deps.iter().filter(|d| d.name == name).collect();
        all.sort_by_key(|d| d.section != Section::Prod);
        all.first().copied()
    }
}

fn collect(deps: &Object, section: Section, out: &mut Vec<Declared>) {
    for p in &deps.properties {
        let Some(spec) = string_of(&p.value) else {
            continue;
        };
        out.push(Declared {
            name: p.name.as_str().to_string(),
            spec,
            section,
            key_span: prop_name_span(p),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sections_spans_and_workspaces() {
        let text = r#"{
  "name": "shop",
  "workspaces": { "packages": ["packages/*"] },
  "dependencies": { "express": "4.17.1", "semver5": "npm:semver@5.7.1" },
  "devDependencies": { "moment": "2.29.1", "express": "4.17.1" }
}"#;
        let m = Manifest::parse(text).unwrap();
        assert_eq!(m.name.as_deref(), Some("shop"));
        assert_eq!(m.workspaces, vec!["packages/*"]);
        let e = m.declared("express").unwrap();
        assert_eq!(e.section, Section::Prod);
        assert_eq!(
            &text[e.key_span.start as usize..e.key_span.end as usize],
            "\"express\""
        );
        assert_eq!(m.declared("semver5").unwrap().spec, "npm:semver@5.7.1");
        assert_eq!(m.declared("moment").unwrap().section, Section::Dev);
        assert!(Manifest::parse("[1]").is_err());
        assert!(Manifest::parse("{\"a\": ").is_err());
    }
}
