//! What `swallowed-crash` reads of a `try`/`catch` while the AST is there:
//! whether the `catch` does anything with the error, and how much the `try`
//! block does that can fail.

use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// A body that does nothing with what it caught: empty (a comment is not a
/// statement), or only a `return` of nothing or of a constant, or a
/// `break`. A `continue` skips one candidate of a search (the next key,
/// the next folder), which libraries do on purpose, so it is not bare.
pub(super) fn is_bare(stmts: &[Stmt]) -> bool {
    stmts.iter().all(|s| match s {
        Stmt::Empty(_) | Stmt::Break(_) => true,
        Stmt::Return(r) => r.arg.as_deref().is_none_or(is_constant),
        _ => false,
    })
}

pub(super) fn is_constant(e: &Expr) -> bool {
    match e {
        Expr::Lit(Lit::Str(_) | Lit::Num(_) | Lit::Bool(_) | Lit::Null(_)) => true,
        Expr::Ident(i) => &*i.sym == "undefined",
        Expr::Unary(u) => matches!(u.op, UnaryOp::Void | UnaryOp::Minus) && is_constant(&u.arg),
        Expr::Paren(p) => is_constant(&p.expr),
        _ => false,
    }
}

/// The statements of `block` that await something (a function written
/// inside does not count: it is not run there), and whether one of them is
/// a loop that does. Awaited work is what fails for reasons of its own (a
/// database, the network, another service); a synchronous `try` around a
/// feature test or a parse expects the one failure it catches.
pub(super) fn operations(block: &BlockStmt) -> (u32, bool) {
    let mut count = 0;
    let mut looped = false;
    for s in &block.stmts {
        let mut f = OpFinder::default();
        s.visit_with(&mut f);
        if f.found {
            count += 1;
            looped |= matches!(
                s,
                Stmt::For(_) | Stmt::ForIn(_) | Stmt::ForOf(_) | Stmt::While(_) | Stmt::DoWhile(_)
            );
        }
    }
    (count, looped)
}

#[derive(Default)]
struct OpFinder {
    found: bool,
}

impl Visit for OpFinder {
    fn visit_await_expr(&mut self, _: &AwaitExpr) {
        self.found = true;
    }
    fn visit_for_of_stmt(&mut self, f: &ForOfStmt) {
        // `for await (const x of stream)`.
        self.found |= f.is_await;
        f.visit_children_with(self);
    }
    // Written here, run elsewhere.
    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_class(&mut self, _: &Class) {}
    fn visit_stmt(&mut self, s: &Stmt) {
        if !self.found {
            stacker::maybe_grow(64 * 1024, 1024 * 1024, || s.visit_children_with(self));
        }
    }
}
