//! The project view: every file's model, the module graph between them,
//! and the resolution of a value through variables and imports, across
//! files (`require('./security')`, `import { harden } from './harden.js'`).

use std::collections::HashMap;

use crate::index::is_relative;
use crate::model::Why;
use crate::model::{Atom, BindingId, FileModel, FnId, Val};
use crate::resolve::ModuleMap;

pub type FileId = u32;

/// How many variable or import hops a resolution follows (cycles stop here).
const MAX_HOPS: u32 = 24;

/// Extensions tried for an import without one, in Node's and TypeScript's order.
const EXTENSIONS: &[&str] = &["js", "ts", "mjs", "cjs", "jsx", "tsx", "mts", "cts"];

pub struct Project {
    pub files: Vec<FileModel>,
    by_path: HashMap<String, FileId>,
    modules: ModuleMap,
    /// Per file, what each specifier it imports names (relative ones, and
    /// bare ones through TS paths and workspace packages), resolved once,
    /// in the order of the file's `imports` (sorted, so a lookup is a
    /// binary search there, and the strings are not kept twice). Resolving
    /// a path builds a dozen candidate strings, and the engine resolves the
    /// same imports again and again.
    specs: Vec<Box<[Option<FileId>]>>,
    /// The sizes the project's calls give the options of limits.toml,
    /// scanned once (`flow::limits::option_sizes`).
    option_sizes: std::sync::OnceLock<crate::flow::OptionSizes>,
    /// By file, the files importing it (`flow::build_importers`).
    importers: std::sync::OnceLock<Vec<Vec<FileId>>>,
    /// The calls to the names the rules look up, by name (`calls_named`).
    calls_by_name: std::sync::OnceLock<foldhash::HashMap<Atom, Vec<CallRef>>>,
}

/// A call site of the project: `files[file].functions[func].calls[site]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CallRef {
    pub file: FileId,
    pub func: FnId,
    pub site: u32,
}

impl Project {
    /// The largest size given to each option limits.toml names.
    pub(crate) fn option_sizes(&self) -> &crate::flow::OptionSizes {
        self.option_sizes
            .get_or_init(|| crate::flow::limits_option_sizes(self))
    }

    /// Computes what the dataflow engine reads of the whole project (the
    /// option sizes, who imports whom), so that it can run beside other
    /// work.
    /// `call_names`: the names the enabled rules look their sinks up by
    /// (`calls_named`).
    pub fn prepare_flow(&self, call_names: &[&str]) {
        self.option_sizes();
        self.importers();
        self.index_calls(call_names);
    }

    /// Indexes the calls to each of `names` (once per run: the first
    /// call's names are the index's).
    pub fn index_calls(&self, names: &[&str]) {
        self.calls_by_name.get_or_init(|| {
            let names: foldhash::HashSet<Atom> = names.iter().map(|n| Atom::from(*n)).collect();
            let mut map = self.calls_where(|name| names.contains(name));
            for n in names {
                map.entry(n).or_default();
            }
            map
        });
    }

    /// The calls of the method `name` (`find` of `db.users.find(…)`) or of
    /// the global `name` (`RegExp(…)`), in file and source order. The
    /// rules look their sinks up here: a scan of every call of a large
    /// project for each of them costs more than all their queries. A name
    /// `index_calls` was not given is looked up by a scan.
    pub fn calls_named(&self, name: &str) -> std::borrow::Cow<'_, [CallRef]> {
        let name = Atom::from(name);
        if let Some(at) = self.calls_by_name.get().and_then(|m| m.get(&name)) {
            return std::borrow::Cow::Borrowed(at);
        }
        let mut map = self.calls_where(|n| *n == name);
        std::borrow::Cow::Owned(map.remove(&name).unwrap_or_default())
    }

    /// The calls to the methods and globals whose name `wanted` accepts, by
    /// name, in file and source order.
    fn calls_where(
        &self,
        wanted: impl Fn(&Atom) -> bool + Sync,
    ) -> foldhash::HashMap<Atom, Vec<CallRef>> {
        use rayon::prelude::*;
        type ByName = foldhash::HashMap<Atom, Vec<CallRef>>;
        // Each worker fills a map of its own; the maps are merged, then
        // each list put back in file and source order.
        let mut map = (0..self.files.len() as FileId)
            .into_par_iter()
            .fold(ByName::default, |mut map, file| {
                for (func, f) in self.file(file).functions.iter().enumerate() {
                    for (site, c) in f.calls.iter().enumerate() {
                        let name = match &c.call.callee {
                            Val::Global(g) => g,
                            Val::Member(m) => &m.1,
                            _ => continue,
                        };
                        if !wanted(name) {
                            continue;
                        }
                        map.entry(name.clone()).or_default().push(CallRef {
                            file,
                            func: func as FnId,
                            site: site as u32,
                        });
                    }
                }
                map
            })
            .reduce(ByName::default, |mut a, mut b| {
                if a.len() < b.len() {
                    std::mem::swap(&mut a, &mut b);
                }
                for (name, at) in b {
                    a.entry(name).or_default().extend(at);
                }
                a
            });
        map.par_iter_mut().for_each(|(_, at)| at.sort_unstable());
        map
    }

    /// The call site `at` names.
    pub fn call_site(&self, at: CallRef) -> &crate::model::CallSite {
        &self.file(at.file).functions[at.func as usize].calls[at.site as usize]
    }

    /// By file, the files that import it.
    pub(crate) fn importers(&self) -> &[Vec<FileId>] {
        self.importers
            .get_or_init(|| crate::flow::build_importers(self))
    }

    /// `files` must be sorted by path (the order of discovery).
    pub fn new(files: Vec<FileModel>) -> Project {
        Project::with_modules(files, ModuleMap::default())
    }

    /// A project whose bare specifiers resolve through `modules`.
    pub fn with_modules(files: Vec<FileModel>, modules: ModuleMap) -> Project {
        let by_path = files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.path.clone(), i as FileId))
            .collect();
        let mut p = Project {
            files,
            by_path,
            modules,
            specs: Vec::new(),
            option_sizes: std::sync::OnceLock::new(),
            importers: std::sync::OnceLock::new(),
            calls_by_name: std::sync::OnceLock::new(),
        };
        // (`imports` is sorted and without repeats.)
        use rayon::prelude::*;
        let specs = (0..p.files.len() as FileId)
            .into_par_iter()
            .map(|id| {
                let f = p.file(id);
                f.imports
                    .iter()
                    .map(|s| {
                        if is_relative(s) {
                            p.resolve_relative(id, s)
                        } else {
                            p.resolve_bare(&f.path, s)
                        }
                    })
                    .collect()
            })
            .collect();
        p.specs = specs;
        p
    }

    /// The major version of a dependency declared by the package.json that
    /// holds `file` (`express` 4 or 5), if it declares one.
    pub fn dependency_major(&self, file: FileId, dependency: &str) -> Option<u64> {
        self.modules
            .dependency_major(&self.file(file).path, dependency)
    }

    /// The `scripts` commands of the project's package.json files.
    pub fn scripts(&self) -> impl Iterator<Item = &str> {
        self.modules.scripts()
    }

    fn resolve_bare(&self, from: &str, spec: &str) -> Option<FileId> {
        self.modules
            .candidates(from, spec)
            .iter()
            .find_map(|c| self.find_path(c))
    }

    /// Whether `spec`, imported by `file`, names a file of the project.
    pub fn is_local(&self, file: FileId, spec: &str) -> bool {
        is_relative(spec) || self.resolve_module(file, spec).is_some()
    }

    pub fn file(&self, id: FileId) -> &FileModel {
        &self.files[id as usize]
    }

    pub fn file_id(&self, path: &str) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    /// The project file a specifier imported by `from` names: a relative
    /// one as Node (or a TS bundler) would find it (exact, with an
    /// extension, `index.*`, and a `.js` specifier that names a `.ts`
    /// source), a bare one through the module map.
    pub fn resolve_module(&self, from: FileId, spec: &str) -> Option<FileId> {
        if let Some(table) = self.specs.get(from as usize) {
            if let Ok(i) = self
                .file(from)
                .imports
                .binary_search_by(|s| (**s).cmp(spec))
            {
                return table[i];
            }
        }
        if !is_relative(spec) {
            return None;
        }
        // A file's own name (`self_spec`: how a CommonJS file's exports
        // are read back from it).
        let from_path = &self.file(from).path;
        if spec.strip_prefix("./") == Some(from_path.rsplit('/').next().unwrap_or(from_path)) {
            return Some(from);
        }
        self.resolve_relative(from, spec)
    }

    /// A relative specifier, resolved against the importing file's folder.
    fn resolve_relative(&self, from: FileId, spec: &str) -> Option<FileId> {
        let from_path = &self.file(from).path;
        let dir = from_path.rfind('/').map_or("", |i| &from_path[..i]);
        let joined = normalize(&format!("{dir}/{spec}"))?;
        self.find_path(&joined)
    }

    /// The project file a path names, as Node (or a TS bundler) would find
    /// it: exact, with an extension, `index.*`, and a `.js` path that names
    /// a `.ts` source.
    fn find_path(&self, joined: &str) -> Option<FileId> {
        let found = |p: &str| self.by_path.get(p).copied();
        if let Some(id) = found(joined) {
            return Some(id);
        }
        for ext in EXTENSIONS {
            if let Some(id) = found(&format!("{joined}.{ext}")) {
                return Some(id);
            }
        }
        for ext in EXTENSIONS {
            if let Some(id) = found(&format!("{joined}/index.{ext}")) {
                return Some(id);
            }
        }
        let stem = joined
            .strip_suffix(".js")
            .or_else(|| joined.strip_suffix(".mjs"))
            .or_else(|| joined.strip_suffix(".cjs"))?;
        ["ts", "tsx", "mts", "cts"]
            .iter()
            .find_map(|ext| found(&format!("{stem}.{ext}")))
    }

    /// Follows variables, object properties and imports until the value is
    /// something else: a call, a function, a package export, a parameter, a
    /// constant. Returns the file whose ids the result uses.
    pub fn resolve(&self, file: FileId, val: &Val) -> (FileId, Val) {
        self.resolve_hops(file, val, 0)
    }

    fn resolve_hops(&self, file: FileId, val: &Val, hops: u32) -> (FileId, Val) {
        if hops > MAX_HOPS {
            return (file, Val::Unknown(Why::Unresolved));
        }
        match val {
            Val::Binding(id) => match self.file(file).bindings.get(*id as usize) {
                Some(b) if b.assignments > 0 => self.resolve_hops(file, &b.value, hops + 1),
                _ => (file, Val::Unknown(Why::Unresolved)),
            },
            Val::Module(spec) if self.is_local(file, spec) => match self.resolve_module(file, spec)
            {
                Some(target) => match self.file(target).export("default") {
                    // CommonJS `module.exports = v`: require() gives v.
                    Some(v) if is_cjs_whole(self.file(target)) => {
                        self.resolve_hops(target, v, hops + 1)
                    }
                    _ => (
                        target,
                        Val::Module(Atom::from(&*self_spec(&self.file(target).path))),
                    ),
                },
                None => (file, Val::Unknown(Why::Unresolved)),
            },
            // `import x from './file.js'`: the file's default export (which
            // is also what `require` gives when it is all the file exports).
            Val::Member(m)
                if &*m.1 == "default"
                    && self.is_local_module(file, self.through_bindings(file, &m.0)) =>
            {
                let target = match self.through_bindings(file, &m.0) {
                    Val::Module(spec) => self.resolve_module(file, spec),
                    _ => None,
                };
                match target.and_then(|t| self.file(t).export("default").map(|v| (t, v))) {
                    Some((t, v)) => self.resolve_hops(t, v, hops + 1),
                    None => (target.unwrap_or(file), Val::Unknown(Why::Unresolved)),
                }
            }
            Val::Member(m) => {
                let (of, ov) = self.resolve_hops(file, &m.0, hops + 1);
                let found = self.member_of(of, ov, &m.1, hops);
                if !found.1.is_unknown() {
                    return found;
                }
                // `require('./headers')(middleware)` adding `addHeaders` to
                // an object literal of its caller's file.
                match self.object_binding(file, &m.0, hops) {
                    Some((bf, id)) => self.assigned_by_callee(bf, id, &m.1, hops).unwrap_or(found),
                    None => found,
                }
            }
            other => (file, other.clone()),
        }
    }

    /// The variable holding an object literal that `val` names, through
    /// variables and a project file's `module.exports`: (its file, its id).
    fn object_binding(&self, file: FileId, val: &Val, hops: u32) -> Option<(FileId, BindingId)> {
        if hops > MAX_HOPS {
            return None;
        }
        match val {
            Val::Binding(id) => {
                let b = self.file(file).bindings.get(*id as usize)?;
                match &b.value {
                    Val::Object(_) if b.assignments == 1 => Some((file, *id)),
                    v @ (Val::Binding(_) | Val::Module(_)) if b.assignments == 1 => {
                        self.object_binding(file, v, hops + 1)
                    }
                    _ => None,
                }
            }
            Val::Module(spec) if self.is_local(file, spec) => {
                let target = self.resolve_module(file, spec)?;
                let model = self.file(target);
                match model.export("default") {
                    Some(v) if is_cjs_whole(model) => self.object_binding(target, v, hops + 1),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// What a call of `file` assigns to `prop` of the object variable `id`
    /// it passes to a project function (`addHeaders(middleware)` whose body
    /// sets `middleware.x = …`): the first such value.
    fn assigned_by_callee(
        &self,
        file: FileId,
        id: BindingId,
        prop: &str,
        hops: u32,
    ) -> Option<(FileId, Val)> {
        for site in self.file(file).functions.iter().flat_map(|f| &f.calls) {
            let Some(index) = site
                .call
                .args
                .iter()
                .position(|a| matches!(a, Val::Binding(b) if *b == id))
            else {
                continue;
            };
            let (cf, Val::Func(func)) = self.resolve_hops(file, &site.call.callee, hops + 1) else {
                continue;
            };
            let model = self.file(cf);
            let Some(f) = model.function(func) else {
                continue;
            };
            for e in &f.effects {
                let crate::model::Effect::Assign { target, value, .. } = &e.effect else {
                    continue;
                };
                let Some((obj, p)) = target.as_member() else {
                    continue;
                };
                let is_param = matches!(self.through_bindings(cf, obj),
                    Val::Param { func: pf, index: pi } if *pf == func && *pi as usize == index);
                if &**p == prop && is_param {
                    let r = self.resolve_hops(cf, value, hops + 1);
                    if !r.1.is_unknown() {
                        return Some(r);
                    }
                }
            }
        }
        None
    }

    fn is_local_module(&self, file: FileId, v: &Val) -> bool {
        matches!(v, Val::Module(spec) if self.is_local(file, spec))
    }

    /// The value a chain of variables holds, without following imports
    /// (`const _routes = require('./routes')` → the `require`).
    fn through_bindings<'v>(&'v self, file: FileId, val: &'v Val) -> &'v Val {
        let mut cur = val;
        for _ in 0..8 {
            match cur {
                Val::Binding(id) => match self.file(file).bindings.get(*id as usize) {
                    Some(b) if b.assignments == 1 => cur = &b.value,
                    _ => return cur,
                },
                _ => return cur,
            }
        }
        cur
    }

    fn member_of(&self, file: FileId, obj: Val, prop: &str, hops: u32) -> (FileId, Val) {
        match &obj {
            Val::Object(_) => match obj.prop(prop) {
                Some(v) => self.resolve_hops(file, v, hops + 1),
                None => (file, Val::Unknown(Why::Unresolved)),
            },
            // A namespace of a project file: its named export, else a
            // property of its default export.
            Val::Module(spec) if self.is_local(file, spec) => {
                let Some(target) = self.resolve_module(file, spec) else {
                    return (file, Val::Unknown(Why::Unresolved));
                };
                let model = self.file(target);
                if let Some(v) = model.export(prop) {
                    return self.resolve_hops(target, v, hops + 1);
                }
                if let Some(v) = model.export("default") {
                    return self.member_of_resolved(target, v, prop, hops);
                }
                for star in &model.star_exports {
                    let (f, v) =
                        self.member_of(target, Val::Module(Atom::from(&**star)), prop, hops + 1);
                    if !v.is_unknown() {
                        return (f, v);
                    }
                }
                (target, Val::Unknown(Why::Unresolved))
            }
            // A member of `this`, or of an instance of a project class.
            Val::This(class) => self.class_member(file, *class, prop, hops),
            // A parameter typed with a project class (`constructor(private
            // users: UsersService)`, which NestJS fills by that type): a
            // member of an instance of it.
            Val::Param { func, index } => match self.typed_class(file, *func, *index, hops) {
                Some((cf, class)) => self.class_member(cf, class, prop, hops),
                None => (file, obj.member(prop)),
            },
            Val::Call(c) if c.new => match self.resolve_hops(file, &c.callee, hops + 1) {
                (cf, Val::Class(class)) => self.class_member(cf, class, prop, hops),
                _ => (file, obj.member(prop)),
            },
            // A static member (`Server.instance`).
            Val::Class(class) => match self
                .file(file)
                .classes
                .get(*class as usize)
                .and_then(|c| c.member(prop))
            {
                Some(v) => self.resolve_hops(file, v, hops + 1),
                None => (file, obj.member(prop)),
            },
            // A member of what a project function returns (a getter, a
            // singleton accessor `getServer().app`): its first return that
            // has it.
            Val::Call(c) if hops < MAX_HOPS / 3 => {
                match self.resolve_hops(file, &c.callee, hops + 1) {
                    (cf, Val::Func(id)) => {
                        let returns = self.file(cf).function(id).map_or(&[][..], |f| &f.returns);
                        // Few returns, few hops: the search branches.
                        returns
                            .iter()
                            .take(3)
                            .map(|r| self.member_of_resolved(cf, r, prop, hops + 2))
                            .find(|(_, v)| !v.is_unknown())
                            .unwrap_or((file, obj.member(prop)))
                    }
                    _ => (file, obj.member(prop)),
                }
            }
            // `module.exports = factory; module.exports.Router = …`: a
            // property of the exported function is a named export.
            Val::Func(_)
                if self.file(file).cjs_default && self.file(file).export(prop).is_some() =>
            {
                match self.file(file).export(prop) {
                    Some(v) => self.resolve_hops(file, v, hops + 1),
                    None => (file, Val::Unknown(Why::Unresolved)),
                }
            }
            // A package's default export is its module.exports (CJS interop).
            Val::Module(_) if prop == "default" => (file, obj),
            Val::Unknown(_) => (file, Val::Unknown(Why::Unresolved)),
            _ => (file, obj.member(prop)),
        }
    }

    fn class_member(&self, file: FileId, class: u32, prop: &str, hops: u32) -> (FileId, Val) {
        match self
            .file(file)
            .classes
            .get(class as usize)
            .and_then(|c| c.member(prop))
        {
            Some(v) => self.resolve_hops(file, v, hops + 1),
            None => (file, Val::Unknown(Why::Unresolved)),
        }
    }

    /// The bindings a parameter's declared type name can mean in its file
    /// (`users: UsersService` names the `UsersService` import).
    pub fn param_type(&self, file: FileId, func: FnId, index: u32) -> Vec<BindingId> {
        let model = self.file(file);
        let Some(ty) = model
            .fn_meta(func)
            .and_then(|m| m.params.get(index as usize))
            .and_then(|p| p.type_name.as_deref())
        else {
            return Vec::new();
        };
        (0..model.bindings.len())
            .filter(|&id| &*model.bindings[id].name == ty)
            .map(|id| id as BindingId)
            .collect()
    }

    /// The project class a parameter's declared type names, through the
    /// file's imports.
    fn typed_class(
        &self,
        file: FileId,
        func: FnId,
        index: u32,
        hops: u32,
    ) -> Option<(FileId, u32)> {
        self.param_type(file, func, index)
            .into_iter()
            .find_map(
                |id| match self.resolve_hops(file, &Val::Binding(id), hops + 1) {
                    (cf, Val::Class(c)) => Some((cf, c)),
                    _ => None,
                },
            )
    }

    fn member_of_resolved(&self, file: FileId, v: &Val, prop: &str, hops: u32) -> (FileId, Val) {
        let (f, v) = self.resolve_hops(file, v, hops + 1);
        self.member_of(f, v, prop, hops + 1)
    }
}

/// Whether `module.exports = …` (or `export default` of a value) is the
/// whole of what the file exports, so `require()` returns that value.
fn is_cjs_whole(model: &FileModel) -> bool {
    model.cjs_default || model.exports.iter().all(|(k, _)| &**k == "default")
}

/// A specifier that resolves to `path` from its own directory.
fn self_spec(path: &str) -> Box<str> {
    format!("./{}", path.rsplit('/').next().unwrap_or(path)).into()
}

/// Normalizes `a/./b/../c` to `a/c`; `None` if it climbs above the root.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalizes_relative_paths() {
        assert_eq!(
            normalize("src/./routes/../app.js").as_deref(),
            Some("src/app.js")
        );
        assert_eq!(normalize("/lib/x").as_deref(), Some("lib/x"));
        assert_eq!(normalize("../x"), None);
    }
}
