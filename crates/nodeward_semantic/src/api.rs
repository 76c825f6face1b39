//! Typed API paths: what a value is in terms of a package's API, as CodeQL's
//! API graphs name it. `mongoose.model('User', s).findOne` is
//! `mongoose Member[model].Return.Member[findOne]`; `new Koa()` is
//! `koa Instance`. Models name library values this way, and the resolution
//! of a value to its path goes through variables, imports and project
//! files (`Project::resolve`).

use std::fmt;

use crate::model::Val;
use crate::project::{FileId, Project};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ApiStep {
    /// A property: `Member[find]`.
    Member(String),
    /// What a call returns: `Return`.
    Return,
    /// What `new` constructs: `Instance`.
    Instance,
}

/// A package (`express`, `@nestjs/common`; `node:` stripped) and the steps
/// from its `module.exports` to the value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApiPath {
    pub package: String,
    pub steps: Vec<ApiStep>,
}

const MAX_STEPS: usize = 16;

impl ApiPath {
    /// Parses `mongoose Member[model].Return.Member[findOne]`; a member list
    /// (`Member[find,findOne]`) gives one path per name.
    pub fn parse(text: &str) -> Result<Vec<ApiPath>, String> {
        let text = text.trim();
        let (package, rest) = match text.split_once(' ') {
            Some((p, r)) => (p, r.trim()),
            None => (text, ""),
        };
        if package.is_empty() {
            return Err(format!("`{text}`: no package"));
        }
        let mut paths = vec![ApiPath {
            package: package.to_string(),
            steps: Vec::new(),
        }];
        if rest.is_empty() {
            return Ok(paths);
        }
        for token in rest.split('.') {
            let steps: Vec<ApiStep> = match token {
                "Return" => vec![ApiStep::Return],
                "Instance" => vec![ApiStep::Instance],
                t => {
                    let names = t
                        .strip_prefix("Member[")
                        .and_then(|x| x.strip_suffix(']'))
                        .ok_or_else(|| format!("`{text}`: unknown step `{t}`"))?;
                    names
                        .split(',')
                        .map(|n| n.trim())
                        .filter(|n| !n.is_empty())
                        .map(|n| ApiStep::Member(n.to_string()))
                        .collect()
                }
            };
            if steps.is_empty() {
                return Err(format!("`{text}`: empty step"));
            }
            paths = paths
                .into_iter()
                .flat_map(|p| {
                    steps.iter().map(move |s| {
                        let mut q = p.clone();
                        q.steps.push(s.clone());
                        q
                    })
                })
                .collect();
        }
        Ok(paths)
    }
}

impl fmt::Display for ApiPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.package)?;
        for (i, s) in self.steps.iter().enumerate() {
            f.write_str(if i == 0 { " " } else { "." })?;
            match s {
                ApiStep::Member(m) => write!(f, "Member[{m}]")?,
                ApiStep::Return => f.write_str("Return")?,
                ApiStep::Instance => f.write_str("Instance")?,
            }
        }
        Ok(())
    }
}

/// The API path of a value of `file`, if it is a package's value: followed
/// through variables, imports and project files; a call is `Return` of its
/// callee's path, `new` its `Instance`. The `default` member of a package
/// is the package itself (CommonJS interop).
pub fn api_path(project: &Project, file: FileId, val: &Val) -> Option<ApiPath> {
    let mut steps = Vec::new();
    let root = walk(project, file, val, &mut steps, 0)?;
    steps.reverse();
    Some(ApiPath {
        package: root,
        steps,
    })
}

fn walk(
    project: &Project,
    file: FileId,
    val: &Val,
    steps: &mut Vec<ApiStep>,
    depth: usize,
) -> Option<String> {
    if depth > MAX_STEPS {
        return None;
    }
    let (f, v) = project.resolve(file, val);
    match &v {
        Val::Module(m) if !project.is_local(f, m) => {
            Some(m.strip_prefix("node:").unwrap_or(m).to_string())
        }
        Val::Member(m) => {
            let (obj, p) = (&m.0, &m.1);
            if &**p != "default" {
                steps.push(ApiStep::Member(p.to_string()));
            }
            walk(project, f, obj, steps, depth + 1)
        }
        Val::Call(c) => {
            steps.push(if c.new {
                ApiStep::Instance
            } else {
                ApiStep::Return
            });
            walk(project, f, &c.callee, steps, depth + 1)
        }
        // A parameter typed with a package's class (`@InjectModel(User.name)
        // private users: Model<User>`, filled by a DI container): an
        // instance of it.
        Val::Param { func, index } => {
            project
                .param_type(f, *func, *index)
                .into_iter()
                .find_map(|id| {
                    let mut inner = vec![ApiStep::Instance];
                    let root = walk(project, f, &Val::Binding(id), &mut inner, depth + 1)?;
                    steps.extend(inner);
                    Some(root)
                })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{ApiPath, ApiStep};

    #[test]
    fn parses_and_prints() {
        let p = ApiPath::parse("mongoose Member[model].Return.Member[findOne]").unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].to_string(),
            "mongoose Member[model].Return.Member[findOne]"
        );
        assert_eq!(p[0].steps[1], ApiStep::Return);
        let many = ApiPath::parse("pg Member[Client].Instance.Member[query,execute]").unwrap();
        let shown: Vec<String> = many.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            shown,
            [
                "pg Member[Client].Instance.Member[query]",
                "pg Member[Client].Instance.Member[execute]"
            ]
        );
        assert_eq!(ApiPath::parse("helmet").unwrap()[0].steps, vec![]);
        assert!(ApiPath::parse("x Method[y]").is_err());
        assert!(ApiPath::parse("x Member[]").is_err());
    }
}
