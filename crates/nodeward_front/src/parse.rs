//! Parsing one file with swc, on a stack sized for it.
//!
//! swc's parser and our visitors recurse; the drop of an AST recurses too
//! (a 100k-term `a+a+…` chain aborts on an 8 MiB stack). A stack overflow
//! aborts the process and cannot be caught, so every file's work runs on its
//! own stack segment (`stacker::grow`), sized from the file's length, after
//! the bracket pre-scan has refused anything nested deeper than
//! `prescan::MAX_NESTING`.

use swc_common::comments::{Comments, SingleThreadedComments};
use swc_common::{BytePos, Globals, Mark, Spanned, GLOBALS};
use swc_ecma_ast::Program;
use swc_ecma_parser::{EsSyntax, Parser, StringInput, Syntax, TsSyntax};
use swc_ecma_transforms_base::resolver;
use swc_ecma_visit::VisitMutWith;

use nodeward_report::Span;

/// swc reserves `BytePos(0)` for "no position"; files start at 1.
const BASE: u32 = 1;

/// Converts an swc span to byte offsets in the file text.
pub fn span_of(span: swc_common::Span) -> Span {
    Span::new(
        span.lo.0.saturating_sub(BASE),
        span.hi.0.saturating_sub(BASE),
    )
}

/// A comment that may hold a suppression directive (`nodeward-ignore…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectiveComment {
    pub text: String,
    pub span: Span,
    pub block: bool,
}

/// A parsed file. Identifiers carry the `SyntaxContext` of their binding
/// (swc's resolver), so `(sym, ctxt)` names one variable; unresolved names
/// (globals) carry `unresolved_mark`.
pub struct ParsedFile {
    pub program: Program,
    pub unresolved_mark: Mark,
    pub directives: Vec<DirectiveComment>,
    pub is_typescript: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
    /// A Flow file whose Flow-only type syntax could not be read.
    pub flow: bool,
}

/// The dialect a file is parsed as, chosen by its extension.
pub fn syntax_for(rel_path: &str) -> Syntax {
    let ext = rel_path.rsplit('.').next().unwrap_or("");
    match ext {
        "ts" | "mts" | "cts" => Syntax::Typescript(TsSyntax {
            decorators: true,
            ..Default::default()
        }),
        "tsx" => tsx(),
        _ => Syntax::Es(EsSyntax {
            jsx: true,
            decorators: true,
            decorators_before_export: true,
            import_attributes: true,
            allow_return_outside_function: ext != "mjs",
            explicit_resource_management: true,
            auto_accessors: true,
            ..Default::default()
        }),
    }
}

/// TypeScript with JSX: `.tsx` files, and Flow files read again.
fn tsx() -> Syntax {
    Syntax::Typescript(TsSyntax {
        tsx: true,
        decorators: true,
        ..Default::default()
    })
}

/// Runs `f` on a fresh stack segment large enough for any file of `len`
/// bytes that passed the pre-scan, inside its own swc `GLOBALS` (so marks
/// and hygiene data are dropped with the file).
pub fn with_file_stack<R>(len: usize, f: impl FnOnce() -> R) -> R {
    // Chains such as `a+a+…` parse iteratively but are visited and dropped
    // recursively: a few hundred bytes of stack per term at most.
    let stack = (64usize << 20)
        .saturating_add(len.saturating_mul(512))
        .min(4 << 30);
    // Most files fit the worker's own stack (`WORKER_STACK`): a fresh
    // segment per file would cost an mmap and a munmap whose TLB shootdown
    // reaches every core, about a tenth of a whole run.
    stacker::maybe_grow(stack, stack, || GLOBALS.set(&Globals::new(), f))
}

/// The stack of every worker thread that parses: room for files up to a few
/// hundred KB in place (see `with_file_stack`). Only touched pages cost
/// memory.
pub const WORKER_STACK: usize = 256 << 20;

/// Parses `src` as the dialect of `rel_path` and resolves its bindings.
/// Must run inside `with_file_stack`.
pub fn parse(rel_path: &str, src: &str) -> Result<ParsedFile, SyntaxError> {
    let syntax = syntax_for(rel_path);
    match parse_as(rel_path, src, syntax) {
        Err(e) if !matches!(syntax, Syntax::Typescript(_)) && looks_like_flow(src) => {
            // Flow's annotations (`x: string`, `import type`, generics,
            // `opaque`-free type aliases) are mostly TypeScript syntax too:
            // parsed as TSX at the same byte offsets, most Flow files are
            // read whole. What is Flow-only (`?string`, `{| |}`, `%checks`)
            // still fails, with the first error of the JavaScript parse.
            parse_as(rel_path, src, tsx()).map_err(|_| SyntaxError {
                message: format!("{} {FLOW_NOTE}", e.message),
                flow: true,
                ..e
            })
        }
        other => other,
    }
}

/// Added to the syntax error of a Flow file that could not be read as
/// TypeScript either (`SyntaxError::flow`).
const FLOW_NOTE: &str = "(a Flow file: its Flow-only type syntax is not supported)";

/// A `.js` file written with Flow types: the `@flow` pragma in a comment, or
/// an `import type` / `export type` declaration at the start of a line.
pub fn looks_like_flow(src: &str) -> bool {
    let mut cut = src.len().min(4096);
    while !src.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &src[..cut];
    let pragma = head.match_indices("@flow").any(|(i, _)| {
        let before = &head[..i];
        let open = before.rfind("/*").max(before.rfind("//"));
        open.is_some_and(|o| !before[o..].contains("*/"))
    });
    pragma
        || src.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("import type ")
                || l.starts_with("export type ")
                || l.starts_with("import typeof ")
        })
}

/// [`parse_unguarded`], with a panic of swc's parser taken as the syntax
/// error it stands for: its internal checks fail on some unfinished code
/// (`class S{` at the end of a `.js` file trips an assertion in
/// swc_ecma_parser 47, found by the pipeline fuzz target). The file is not
/// analysed and the run fails as for any syntax error; nodeward's own
/// panics are not caught here.
fn parse_as(rel_path: &str, src: &str, syntax: Syntax) -> Result<ParsedFile, SyntaxError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parse_unguarded(rel_path, src, syntax)
    }))
    .unwrap_or_else(|_| {
        let end = src.len() as u32;
        Err(SyntaxError {
            message: "the parser gave up on this file (an internal check of swc's parser failed, usually on code left unfinished); it is treated as a syntax error".into(),
            span: Span::new(end, end),
            flow: false,
        })
    })
}

fn parse_unguarded(rel_path: &str, src: &str, syntax: Syntax) -> Result<ParsedFile, SyntaxError> {
    let is_typescript = matches!(syntax, Syntax::Typescript(_));
    let comments = SingleThreadedComments::default();
    let end = BytePos(BASE + src.len() as u32);
    let input = StringInput::new(src, BytePos(BASE), end);
    let mut parser = Parser::new(syntax, input, Some(&comments as &dyn Comments));
    let parsed = if rel_path.ends_with(".mjs") || rel_path.ends_with(".mts") {
        parser.parse_module().map(Program::Module)
    } else {
        parser.parse_program()
    };
    let mut program = parsed.map_err(|e| SyntaxError {
        message: e.kind().msg().to_string(),
        span: span_of(e.span()),
        flow: false,
    })?;
    // Errors the parser recovered from still mean Node would refuse the
    // file: report the first, as for a fatal one.
    let mut recovered = parser.take_errors();
    recovered.sort_by_key(|e| e.span().lo);
    if let Some(e) = recovered.first() {
        return Err(SyntaxError {
            message: e.kind().msg().to_string(),
            span: span_of(e.span()),
            flow: false,
        });
    }
    let unresolved_mark = Mark::new();
    let top_level_mark = Mark::new();
    program.visit_mut_with(&mut resolver(
        unresolved_mark,
        top_level_mark,
        is_typescript,
    ));
    Ok(ParsedFile {
        program,
        unresolved_mark,
        directives: directive_comments(&comments),
        is_typescript,
    })
}

fn directive_comments(comments: &SingleThreadedComments) -> Vec<DirectiveComment> {
    let (leading, trailing) = comments.borrow_all();
    let mut out: Vec<DirectiveComment> = leading
        .values()
        .chain(trailing.values())
        .flatten()
        .filter(|c| c.text.contains("nodeward-ignore"))
        .map(|c| DirectiveComment {
            text: c.text.to_string(),
            span: span_of(c.span),
            block: matches!(c.kind, swc_common::comments::CommentKind::Block),
        })
        .collect();
    out.sort_by_key(|c| c.span);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::{looks_like_flow, parse};

    #[test]
    fn a_panic_of_the_parser_is_a_syntax_error() {
        // swc_ecma_parser 47 trips an assertion on this (a fuzz find).
        let e = parse("app.js", "class S{").err().expect("not parseable");
        assert!(e.message.contains("parser gave up"), "{}", e.message);
        assert_eq!((e.span.start, e.span.end), (8, 8));
    }

    #[test]
    fn flow_is_recognised_by_its_pragma_or_type_imports() {
        assert!(looks_like_flow("// @flow\nconst a = 1;"));
        assert!(looks_like_flow("/**\n * @flow strict\n */\n"));
        assert!(looks_like_flow(
            "const a = 1;\nimport type { A } from './a';\n"
        ));
        assert!(looks_like_flow("export type T = number;\n"));
        assert!(!looks_like_flow("const s = '@flow';\n"));
        assert!(!looks_like_flow("/* not flow */ const t = '@flow';\n"));
        assert!(!looks_like_flow("const type = 1;\n"));
        // A cut in the middle of a multi-byte character does not panic.
        let long = format!("{}é// @flow", "a".repeat(4095));
        let _ = looks_like_flow(&long);
    }
}
