//! The compact per-file model that rules query once the AST is gone.
//!
//! Values are symbolic (`Val`): what an expression is, as far as a static
//! reading can tell without running the code — a module's export, a call
//! of something, a function of this file, a parameter, a constant. Local
//! variables stay as `Val::Binding` and are resolved lazily (hoisting, and a
//! variable assigned after its first use, need no second pass).

pub use swc_atoms::Atom;

use nodeward_report::Span;
use serde::Serialize;

/// Index of a function in `FileModel::functions`; 0 is the module body.
pub type FnId = u32;
/// Index of a condition in `FileModel::conds`.
pub type CondId = u32;
/// Index of a variable in `FileModel::bindings`.
pub type BindingId = u32;

pub const MODULE_FN: FnId = 0;

/// Pseudo-properties for the loop variables of
/// `for (const [k, v] of Object.entries(table))`: `k` is
/// `Member(table, ENTRY_KEY)`, `v` is `Member(table, ENTRY_VALUE)`. The
/// variable of `for (const k in table)` is a key too, and `table[k]` (a
/// computed key of any value) is `Member(table, ENTRY_VALUE)`.
pub const ENTRY_KEY: &str = "*entry-key";
pub const ENTRY_VALUE: &str = "*entry-value";
/// Pseudo-property for an element of an array: the variable of
/// `for (const id of ids)` is `Member(ids, ELEMENT)`.
pub const ELEMENT: &str = "*element";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Val {
    /// Anything the model does not follow, and why.
    Unknown(Why),
    Undefined,
    Null,
    Bool(bool),
    Num(f64),
    /// A string constant (interned: the same text is stored once).
    Str(Atom),
    /// A name no local binding declares (`process`, `console`, `module`).
    Global(Atom),
    /// What `require(spec)` returns, or an ESM namespace / default import
    /// (a default import of a package is its `module.exports`).
    Module(Atom),
    /// `obj.prop` with a static property name. The object and the name
    /// share one box, so that every `Val` is two words (members are the
    /// most common value of a model); read it with `Val::as_member`.
    Member(Box<(Val, Atom)>),
    /// Shared: a call nested in another is the same value in its parent's
    /// arguments and in its own call site.
    Call(std::sync::Arc<CallVal>),
    /// The `index`-th parameter of function `func` of this file.
    Param {
        func: FnId,
        index: u32,
    },
    /// A function (declaration, expression, arrow or method) of this file.
    Func(FnId),
    /// A local variable of this file, resolved through `FileModel::bindings`.
    Binding(BindingId),
    /// An object literal; spreads are kept under the key `...`.
    Object(Box<Vec<(Atom, Val)>>),
    Array(Box<Vec<Val>>),
    /// `...x` in an array literal.
    Spread(Box<Val>),
    /// A binary or logical operation (`===`, `!==`, `&&`, `||`, `??`, `+` …).
    Bin(Box<(&'static str, Val, Val)>),
    /// `!x`.
    Not(Box<Val>),
    /// `typeof x`.
    TypeOf(Box<Val>),
    /// `test ? cons : alt`.
    Cond(Box<(Val, Val, Val)>),
    /// A template literal with substitutions: its parts in order.
    Template(Box<Vec<Val>>),
    /// A class of this file (index into `FileModel::classes`).
    Class(u32),
    /// `this` inside the methods of class `0` of this file.
    This(u32),
    /// A regex literal of this file (index into `FileModel::regexes`).
    Regex(u32),
    /// What a `catch (e)` clause caught: the error thrown in its `try`.
    Caught,
}

/// Why a value is unknown: a rule can tell "not modelled" from "computed at
/// run time" from "cut by a budget" from "names nothing the project has".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Why {
    /// Syntax or an operation the model does not follow.
    Unmodeled,
    /// Decided at run time: a computed member (`obj[k]`), a spread, a
    /// computed `require`.
    Dynamic,
    /// Cut by the model's depth or width limits.
    Truncated,
    /// A resolution that found nothing: a variable given no single value,
    /// an import of a file outside the project, too many hops.
    Unresolved,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallVal {
    pub callee: Val,
    pub args: Vec<Val>,
    pub new: bool,
    pub span: Span,
}

impl Val {
    pub fn is_unknown(&self) -> bool {
        matches!(self, Val::Unknown(_))
    }

    pub fn member(self, prop: &str) -> Val {
        Val::Member(Box::new((self, Atom::from(prop))))
    }

    /// `obj.prop` built from a name that is already an atom.
    pub fn member_atom(self, prop: Atom) -> Val {
        Val::Member(Box::new((self, prop)))
    }

    /// The object and property name of `obj.prop`.
    pub fn as_member(&self) -> Option<(&Val, &Atom)> {
        match self {
            Val::Member(m) => Some((&m.0, &m.1)),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value of `key` in an object literal.
    pub fn prop(&self, key: &str) -> Option<&Val> {
        match self {
            Val::Object(props) => props
                .iter()
                .rev()
                .find(|(k, _)| &**k == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// A call made by a function, in source order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallSite {
    pub call: std::sync::Arc<CallVal>,
    /// The span of the callee expression (e.g. `app.use`), for locations.
    pub callee_span: Span,
    /// The innermost condition the call runs under, if any.
    pub cond: Option<CondId>,
    /// Inside a `try` block that has a `catch`.
    pub in_try: bool,
    /// The operand of an `await` (`await User.findById(id)`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub awaited: bool,
}

/// A `catch` that does nothing with what it caught: its body is empty
/// (comments aside) or only returns a constant, `continue`s or `break`s.
/// Only such catches are kept (`FileModel::bare_catches`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BareCatch {
    pub func: FnId,
    /// The `catch` clause.
    pub span: Span,
    /// Statements of the `try` block that await something (not counting
    /// nested functions).
    pub try_awaits: u32,
    /// The `try` block holds a loop that awaits something, or sits in a
    /// loop and awaits two things or more (a job loop).
    pub try_loop: bool,
}

/// A condition: the call runs only when `test` is truthy (falsy if `negated`)
/// and the parent condition holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CondNode {
    pub parent: Option<CondId>,
    pub test: Val,
    pub negated: bool,
}

/// Something a function does that is not a call but that rules ask about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Effect {
    /// `throw value` outside any `try` with a `catch` in the same function.
    Throw { span: Span },
    /// `target.prop = value` (e.g. `process.exitCode = 1`, `ctx.body = …`).
    Assign { target: Val, value: Val, span: Span },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EffectSite {
    pub effect: Effect,
    pub cond: Option<CondId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Function {
    pub name: Option<Atom>,
    pub span: Span,
    pub params: u32,
    pub is_async: bool,
    /// Its body does nothing: no statement but a `return` of nothing or of
    /// a constant (an arrow's expression body: a constant, `() => null`). Calls the model leaves out
    /// (`console.error(err)`) are statements, so a function that logs is
    /// not empty.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub empty: bool,
    /// The function this one is written in (`None` for the module body).
    pub parent: Option<FnId>,
    pub calls: Vec<CallSite>,
    pub effects: Vec<EffectSite>,
    /// Values of its `return` statements (and of an expression body).
    pub returns: Vec<Val>,
    /// The condition the end of its body runs under: after
    /// `if (!enabled) return res.sendStatus(404);` the rest of the body runs
    /// only when `enabled` holds.
    pub tail_cond: Option<CondId>,
}

/// What few functions have, kept aside so that the others pay nothing:
/// decorators (a class method: `@Get(':id')`) and, per parameter, what a
/// type- or decorator-aware analysis needs (empty when no parameter has a
/// decorator, a type name or a TS modifier).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FnMeta {
    pub func: FnId,
    pub decorators: Vec<Val>,
    pub params: Vec<ParamInfo>,
}

/// A parameter's decorators (`@Body()`), the name of its declared type
/// (`UsersService` in `users: UsersService`), and whether it is a TS
/// parameter property (`constructor(private readonly users: UsersService)`),
/// which is also a member of the class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParamInfo {
    pub name: Option<Atom>,
    pub decorators: Vec<Val>,
    pub type_name: Option<Atom>,
    pub ts_property: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Binding {
    /// Interned: the parser's own atom, not a copy.
    pub name: Atom,
    pub span: Span,
    /// Its value if it is assigned once (declaration or one assignment).
    pub value: Val,
    pub assignments: u32,
}

/// A class: its constructor and members (methods, fields, and the
/// properties its methods assign on `this`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Class {
    pub name: Option<Box<str>>,
    pub span: Span,
    pub ctor: Option<FnId>,
    /// (name, value, how many times it is assigned); a member assigned more
    /// than once has no single value. Static members are members too, and a
    /// getter's value is a call of it. Placeholder values (`app = undefined;`,
    /// `this.app = null` on close) do not count when a real value exists.
    pub members: Vec<(Box<str>, Val, u32)>,
    /// Decorators written on the class (`@Controller('users')`).
    pub decorators: Vec<Val>,
}

impl Class {
    pub fn member(&self, name: &str) -> Option<&Val> {
        self.members
            .iter()
            .find(|(k, _, n)| &**k == name && *n == 1)
            .map(|(_, v, _)| v)
    }
}

/// A regex literal: `/pattern/flags`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegexLit {
    pub pattern: Box<str>,
    pub flags: Box<str>,
    pub span: Span,
}

/// The model of one file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FileModel {
    /// Project-relative path with `/` separators.
    pub path: String,
    pub functions: Vec<Function>,
    pub bindings: Vec<Binding>,
    pub conds: Vec<CondNode>,
    pub classes: Vec<Class>,
    pub regexes: Vec<RegexLit>,
    /// Exported names and what they are: ESM exports, `exports.x = …`;
    /// `module.exports = v` and `export default v` are `default`.
    pub exports: Vec<(Box<str>, Val)>,
    /// `export * from '…'` specifiers.
    pub star_exports: Vec<Box<str>>,
    /// Module specifiers this file imports or requires (for the module graph).
    pub imports: Vec<Box<str>>,
    /// Those of `imports` that the file only imports as types (`import
    /// type`): the module graph keeps them, the running code never loads them.
    pub type_only_imports: Vec<Box<str>>,
    pub is_typescript: bool,
    /// `module.exports = v` is assigned: `require` gives `v`, even when
    /// properties are added to it (`module.exports.Router = …`).
    pub cjs_default: bool,
    /// Decorators and parameter details of the functions that have any,
    /// sorted by function.
    pub fn_meta: Vec<FnMeta>,
    /// Every value of each variable given more than one, in source order
    /// (`let sql = '…'; sql += x` → `'…'`, `sql + x`), sorted by variable.
    pub reassigned: Vec<(BindingId, Vec<Val>)>,
    /// The catches that do nothing with the error, in source order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bare_catches: Vec<BareCatch>,
}

impl FileModel {
    pub fn function(&self, id: FnId) -> Option<&Function> {
        self.functions.get(id as usize)
    }

    /// The decorators and parameter details of function `id`, if it has any.
    pub fn fn_meta(&self, id: FnId) -> Option<&FnMeta> {
        self.fn_meta
            .binary_search_by_key(&id, |m| m.func)
            .ok()
            .map(|i| &self.fn_meta[i])
    }

    /// The decorators written on function `id`.
    pub fn decorators(&self, id: FnId) -> &[Val] {
        self.fn_meta(id).map_or(&[], |m| &m.decorators)
    }

    /// The values variable `id` is given: its one value, or every one.
    pub fn binding_values(&self, id: BindingId) -> &[Val] {
        match self.reassigned.binary_search_by_key(&id, |(b, _)| *b) {
            Ok(i) => &self.reassigned[i].1,
            Err(_) => self
                .bindings
                .get(id as usize)
                .map_or(&[], |b| std::slice::from_ref(&b.value)),
        }
    }

    pub fn cond(&self, id: CondId) -> Option<&CondNode> {
        self.conds.get(id as usize)
    }

    pub fn export(&self, name: &str) -> Option<&Val> {
        self.exports
            .iter()
            .rev()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v)
    }
}
