//! A cheap nesting pre-scan, run on a file's text before it is parsed.
//!
//! swc's parser recurses once per level of nesting and does not guard its
//! stack (only `if` bodies are guarded in `swc_ecma_parser` 47): about 600
//! nested parentheses abort the process on a 2 MiB stack, and even 256 MiB
//! does not survive 100,000. A stack overflow is an abort, not a panic, so it
//! cannot be caught per file. Files are parsed on large stacks, and this scan
//! refuses any file whose nesting could take the parser anywhere near the
//! end of one (`Skipped(TooDeep)`), while hand-written code, which rarely
//! nests more than ~50 levels, always passes.
//!
//! The scan is lexer-free: one pass over the bytes with a small state machine
//! that skips strings, template literals (tracking `${ … }` nesting),
//! comments and regular expression literals, and counts:
//!
//! - open brackets and blocks: `(`, `[`, `{` and template substitutions;
//! - constructs the parser handles by recursion without a bracket, while they
//!   are "open" on the current bracket level:
//!   - prefix operators (`!`, `~`, unary `+`/`-`, `typeof`, `void`,
//!     `delete`, `await`, `new`): open until the next binary operator or the
//!     end of the expression;
//!   - right-recursive constructs (`=` and compound assignments, `? :`,
//!     an expression-bodied `=>`, `yield`, and the bodies of `for`, `while`,
//!     `with` and `do` written without braces): open until `;`, `,`, the end
//!     of the bracket level, a closed block, or a line break that can end a
//!     statement.
//!
//! It is an approximation that errs towards counting more: `!a && !b` counts
//! one level, not two, but `a ? b : c ? d : e` counts two, exactly like the
//! parser's recursion. A mismatched closer, an unterminated string or a `/`
//! taken for the wrong token can only make the count drift, never panic or
//! loop: every step advances through the text.

/// The deepest nesting a file may have and still be parsed. Far below what
/// the parser survives on the large stacks we give it, far above real code.
pub const MAX_NESTING: usize = 1000;

/// Computes the maximum nesting depth of `src` (see the module documentation
/// for what counts as a level).
///
/// Returns `Ok(depth)` when the depth never exceeds `limit`, or `Err(depth)`
/// with the depth reached (`limit + 1`) as soon as it passes the limit: the
/// scan stops there, so a hostile file costs no more than a normal one.
pub fn nesting_depth(src: &str, limit: usize) -> Result<usize, usize> {
    Scanner::new(src.as_bytes(), limit).run()
}

/// What opened a bracket level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `(` of an expression or a parameter list.
    Paren,
    /// `(` right after `for`, `while`, `with`, `if`, `switch` or `catch`: its
    /// `)` is followed by a statement, not an operator.
    HeadParen,
    Bracket,
    /// `{` of an object literal, pattern or type.
    Brace,
    /// `{` of a block or a function, class or arrow body: closing it ends a
    /// statement.
    Block,
    /// `${` inside a template literal: its `}` resumes the template text.
    Subst,
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    kind: Kind,
    /// The enclosing level's open prefix operators and right-recursive
    /// constructs, restored when this level closes.
    outer_unary: usize,
    outer_loose: usize,
}

/// The previous significant token, as far as the next one cares: whether a
/// `/` starts a regex, whether a line break can end the statement, and
/// whether a `{` opens a block or an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// Start of the text, or after `;` or a block's `{`.
    Start,
    /// An operator, `(`, `[`, `,`, `:` or a keyword followed by an
    /// expression (`return`, `typeof` …): a `/` starts a regex, and a line
    /// break continues the expression.
    Operator,
    /// An identifier, literal, `)` or `]`: a `/` divides, and a line break
    /// may end the statement.
    Operand,
    /// `}`: a `/` starts a regex, a line break may end the statement.
    CloseBrace,
    /// The `)` of a statement head (`if (…)`): a statement follows.
    HeadClose,
    /// `for`, `while`, `with`, `if`, `switch`, `catch`: a `(` follows.
    HeadKeyword,
    /// `else`, `do`, `try`, `finally`: a statement follows.
    StmtKeyword,
    /// `=>` followed by `{`: a block follows.
    Arrow,
    /// `.` or `?.`: a property name follows, never a keyword.
    Dot,
}

impl Prev {
    fn regex_allowed(self) -> bool {
        !matches!(self, Prev::Operand | Prev::Dot)
    }
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    limit: usize,
    max: usize,
    stack: Vec<Frame>,
    /// Open prefix operators on the current level.
    unary: usize,
    /// Open right-recursive constructs on the current level.
    loose: usize,
    /// `unary + loose` summed over every level, the current one included.
    pending: usize,
    prev: Prev,
}

impl<'a> Scanner<'a> {
    fn new(b: &'a [u8], limit: usize) -> Self {
        Scanner {
            b,
            i: 0,
            limit,
            max: 0,
            stack: Vec::with_capacity(64),
            unary: 0,
            loose: 0,
            pending: 0,
            prev: Prev::Start,
        }
    }

    fn peek(&self, ahead: usize) -> u8 {
        self.b.get(self.i + ahead).copied().unwrap_or(0)
    }

    /// Records the current depth; fails once it passes the limit.
    fn check(&mut self) -> Result<(), usize> {
        let depth = self.stack.len() + self.pending;
        if depth > self.max {
            self.max = depth;
            if depth > self.limit {
                return Err(depth);
            }
        }
        Ok(())
    }

    fn open_unary(&mut self) -> Result<(), usize> {
        self.unary += 1;
        self.pending += 1;
        self.check()
    }

    fn open_loose(&mut self) -> Result<(), usize> {
        self.loose += 1;
        self.pending += 1;
        self.check()
    }

    /// A binary operator ends the operand of every open prefix operator.
    fn binary_operator(&mut self) {
        self.pending -= self.unary;
        self.unary = 0;
        self.prev = Prev::Operator;
    }

    /// The end of an expression or statement on the current level.
    fn end_of_expression(&mut self) {
        self.pending -= self.unary + self.loose;
        self.unary = 0;
        self.loose = 0;
    }

    fn push(&mut self, kind: Kind) -> Result<(), usize> {
        self.stack.push(Frame {
            kind,
            outer_unary: self.unary,
            outer_loose: self.loose,
        });
        self.unary = 0;
        self.loose = 0;
        self.check()
    }

    /// Closes the innermost level; returns what it was. A closer with
    /// nothing open is ignored.
    fn pop(&mut self) -> Option<Kind> {
        let frame = self.stack.pop()?;
        self.pending -= self.unary + self.loose;
        self.unary = frame.outer_unary;
        self.loose = frame.outer_loose;
        Some(frame.kind)
    }

    fn newline(&mut self) {
        if matches!(self.prev, Prev::Operand | Prev::CloseBrace) && self.unary + self.loose > 0 {
            self.end_of_expression();
        }
    }

    fn run(mut self) -> Result<usize, usize> {
        let b = self.b;
        if b.starts_with(b"#!") {
            self.skip_line();
        }
        while self.i < b.len() {
            let c = b[self.i];
            match c {
                b'\n' | b'\r' => {
                    self.i += 1;
                    self.newline();
                }
                b' ' | b'\t' | 0x0b | 0x0c => self.i += 1,
                b'\'' | b'"' => {
                    self.skip_string(c);
                    self.prev = Prev::Operand;
                }
                b'`' => {
                    self.i += 1;
                    self.template()?;
                }
                b'/' => self.slash()?,
                b'(' => {
                    self.i += 1;
                    let kind = if self.prev == Prev::HeadKeyword {
                        Kind::HeadParen
                    } else {
                        Kind::Paren
                    };
                    self.push(kind)?;
                    self.prev = Prev::Operator;
                }
                b'[' => {
                    self.i += 1;
                    self.push(Kind::Bracket)?;
                    self.prev = Prev::Operator;
                }
                b'{' => {
                    self.i += 1;
                    if matches!(self.prev, Prev::Operator | Prev::Dot) {
                        self.push(Kind::Brace)?;
                        self.prev = Prev::Operator;
                    } else {
                        self.push(Kind::Block)?;
                        self.prev = Prev::Start;
                    }
                }
                b')' | b']' => {
                    self.i += 1;
                    if self.stack.last().is_some_and(|f| f.kind == Kind::Subst) {
                        // A stray closer inside `${ }`: keep the template.
                        continue;
                    }
                    let kind = self.pop();
                    self.prev = if kind == Some(Kind::HeadParen) {
                        Prev::HeadClose
                    } else {
                        Prev::Operand
                    };
                }
                b'}' => {
                    self.i += 1;
                    match self.pop() {
                        Some(Kind::Subst) => self.template()?,
                        Some(Kind::Block) => {
                            self.end_of_expression();
                            self.prev = Prev::CloseBrace;
                        }
                        _ => self.prev = Prev::CloseBrace,
                    }
                }
                b';' => {
                    self.i += 1;
                    self.end_of_expression();
                    self.prev = Prev::Start;
                }
                b',' => {
                    self.i += 1;
                    self.end_of_expression();
                    self.prev = Prev::Operator;
                }
                b'=' => self.equals()?,
                b'!' => {
                    if self.peek(1) == b'=' {
                        self.i += 2;
                        if self.peek(0) == b'=' {
                            self.i += 1;
                        }
                        self.binary_operator();
                    } else {
                        self.i += 1;
                        // After an operand, `!` is TypeScript's non-null
                        // assertion, which nests nothing.
                        if self.prev != Prev::Operand {
                            self.open_unary()?;
                            self.prev = Prev::Operator;
                        }
                    }
                }
                b'~' => {
                    self.i += 1;
                    self.open_unary()?;
                    self.prev = Prev::Operator;
                }
                b'+' | b'-' => {
                    if self.peek(1) == c {
                        // `++`/`--`: postfix after an operand, else prefix
                        // (which cannot be repeated without brackets).
                        self.i += 2;
                        if self.prev != Prev::Operand {
                            self.prev = Prev::Operator;
                        }
                    } else if self.peek(1) == b'=' {
                        self.i += 2;
                        self.assignment()?;
                    } else {
                        self.i += 1;
                        if self.prev == Prev::Operand {
                            self.binary_operator();
                        } else {
                            self.open_unary()?;
                            self.prev = Prev::Operator;
                        }
                    }
                }
                b'?' => self.question()?,
                b'<' | b'>' => {
                    if c == b'<' && self.peek(1) == b'/' {
                        // A JSX closing tag: the `/` is not a regex.
                        self.i += 2;
                        self.prev = Prev::Operator;
                        continue;
                    }
                    let mut run = 0;
                    while self.peek(0) == c && run < 3 {
                        self.i += 1;
                        run += 1;
                    }
                    if self.peek(0) == b'=' {
                        self.i += 1;
                        if run >= 2 {
                            self.assignment()?;
                            continue;
                        }
                    }
                    self.binary_operator();
                }
                b'&' | b'|' | b'^' | b'*' | b'%' => {
                    self.i += 1;
                    if (c == b'&' || c == b'|' || c == b'*') && self.peek(0) == c {
                        self.i += 1;
                    }
                    if self.peek(0) == b'=' {
                        self.i += 1;
                        self.assignment()?;
                    } else {
                        self.binary_operator();
                    }
                }
                b':' | b'@' => {
                    self.i += 1;
                    self.prev = Prev::Operator;
                }
                b'.' => {
                    if self.peek(1).is_ascii_digit() {
                        self.skip_number();
                    } else if self.peek(1) == b'.' && self.peek(2) == b'.' {
                        self.i += 3;
                        self.prev = Prev::Operator;
                    } else {
                        self.i += 1;
                        self.prev = Prev::Dot;
                    }
                }
                b'0'..=b'9' => self.skip_number(),
                b'#' => {
                    // A private name (`#x`).
                    self.i += 1;
                    self.skip_word();
                    self.prev = Prev::Operand;
                }
                c if is_word_byte(c) => self.word()?,
                _ => self.i += 1,
            }
        }
        Ok(self.max)
    }

    fn skip_line(&mut self) {
        let rest = &self.b[self.i..];
        self.i += rest
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
            .unwrap_or(rest.len());
    }

    /// Skips a `'…'` or `"…"` literal; an unterminated one ends at the line
    /// break, as it does for the parser.
    fn skip_string(&mut self, quote: u8) {
        let b = self.b;
        let mut i = self.i + 1;
        while i < b.len() {
            let c = b[i];
            if c == b'\\' {
                // A CRLF line continuation escapes both bytes.
                i += if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                    3
                } else {
                    2
                };
            } else if c == quote {
                i += 1;
                break;
            } else if c == b'\n' || c == b'\r' {
                break;
            } else {
                i += 1;
            }
        }
        self.i = i.min(b.len());
    }

    /// Scans template text up to its closing backtick or the next `${`,
    /// which opens a level closed by the matching `}`.
    fn template(&mut self) -> Result<(), usize> {
        let b = self.b;
        let mut i = self.i;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'`' => {
                    self.i = i + 1;
                    self.prev = Prev::Operand;
                    return Ok(());
                }
                b'$' if b.get(i + 1) == Some(&b'{') => {
                    self.i = i + 2;
                    self.push(Kind::Subst)?;
                    self.prev = Prev::Operator;
                    return Ok(());
                }
                _ => i += 1,
            }
        }
        self.i = b.len();
        Ok(())
    }

    fn slash(&mut self) -> Result<(), usize> {
        let b = self.b;
        match self.peek(1) {
            b'/' => self.skip_line(),
            b'*' => {
                let start = self.i + 2;
                let end = b
                    .get(start..)
                    .and_then(|rest| rest.windows(2).position(|w| w == b"*/"))
                    .map_or(b.len(), |p| start + p + 2);
                let had_newline = b[start.min(end)..end]
                    .iter()
                    .any(|&c| c == b'\n' || c == b'\r');
                self.i = end;
                if had_newline {
                    self.newline();
                }
            }
            // `/>` after an operand or `}` closes a JSX element.
            b'>' if matches!(self.prev, Prev::Operand | Prev::CloseBrace) => {
                self.i += 2;
                self.prev = Prev::Operand;
            }
            _ if self.prev.regex_allowed() => {
                self.skip_regex();
                self.prev = Prev::Operand;
            }
            b'=' => {
                self.i += 2;
                self.assignment()?;
            }
            _ => {
                self.i += 1;
                self.binary_operator();
            }
        }
        Ok(())
    }

    /// Skips a regex literal; a `/` inside a class (`[/]`) does not end it,
    /// and neither does an escaped one. Flags are scanned as a word after.
    fn skip_regex(&mut self) {
        let b = self.b;
        let mut i = self.i + 1;
        let mut in_class = false;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'\n' | b'\r' => break,
                b'[' => {
                    in_class = true;
                    i += 1;
                }
                b']' => {
                    in_class = false;
                    i += 1;
                }
                b'/' if !in_class => {
                    i += 1;
                    break;
                }
                _ => i += 1,
            }
        }
        self.i = i.min(b.len());
    }

    fn assignment(&mut self) -> Result<(), usize> {
        self.pending -= self.unary;
        self.unary = 0;
        self.prev = Prev::Operator;
        self.open_loose()
    }

    fn equals(&mut self) -> Result<(), usize> {
        match self.peek(1) {
            b'>' => {
                self.i += 2;
                // An arrow with a block body nests through its `{`; one with
                // an expression body nests the parser one level itself.
                let rest = &self.b[self.i..];
                let next = rest.iter().copied().find(|c| !c.is_ascii_whitespace());
                if next == Some(b'{') {
                    self.prev = Prev::Arrow;
                    Ok(())
                } else {
                    self.prev = Prev::Operator;
                    self.open_loose()
                }
            }
            b'=' => {
                self.i += 2;
                if self.peek(0) == b'=' {
                    self.i += 1;
                }
                self.binary_operator();
                Ok(())
            }
            _ => {
                self.i += 1;
                self.assignment()
            }
        }
    }

    fn question(&mut self) -> Result<(), usize> {
        match self.peek(1) {
            b'.' if !self.peek(2).is_ascii_digit() => {
                self.i += 2;
                self.prev = Prev::Dot;
                Ok(())
            }
            b'?' => {
                self.i += 2;
                if self.peek(0) == b'=' {
                    self.i += 1;
                    self.assignment()
                } else {
                    self.binary_operator();
                    Ok(())
                }
            }
            _ => {
                self.i += 1;
                self.pending -= self.unary;
                self.unary = 0;
                self.prev = Prev::Operator;
                self.open_loose()
            }
        }
    }

    fn skip_number(&mut self) {
        let rest = &self.b[self.i..];
        self.i += rest
            .iter()
            .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b'.'))
            .unwrap_or(rest.len());
        self.prev = Prev::Operand;
    }

    fn skip_word(&mut self) -> usize {
        let start = self.i;
        let rest = &self.b[start..];
        self.i += rest
            .iter()
            .position(|&c| !(is_word_byte(c) || c.is_ascii_digit()))
            .unwrap_or(rest.len());
        start
    }

    fn word(&mut self) -> Result<(), usize> {
        let start = self.skip_word();
        if self.prev == Prev::Dot {
            // A property name: `map.delete(k)`, `p.catch(f)`.
            self.prev = Prev::Operand;
            return Ok(());
        }
        match &self.b[start..self.i] {
            b"typeof" | b"void" | b"delete" | b"await" | b"new" => {
                self.prev = Prev::Operator;
                self.open_unary()?;
            }
            b"yield" => {
                self.prev = Prev::Operator;
                self.open_loose()?;
            }
            b"for" | b"while" | b"with" => {
                self.prev = Prev::HeadKeyword;
                self.open_loose()?;
            }
            b"do" => {
                self.prev = Prev::StmtKeyword;
                self.open_loose()?;
            }
            b"if" | b"switch" | b"catch" => self.prev = Prev::HeadKeyword,
            b"else" | b"try" | b"finally" => self.prev = Prev::StmtKeyword,
            b"in" | b"instanceof" => self.binary_operator(),
            b"return" | b"throw" | b"case" | b"of" | b"extends" => self.prev = Prev::Operator,
            _ => self.prev = Prev::Operand,
        }
        Ok(())
    }
}

/// Bytes that can start or continue an identifier. Every non-ASCII byte
/// counts: it is part of a Unicode identifier or of text we need not
/// understand.
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == b'$' || c == b'\\' || c >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(src: &str) -> usize {
        nesting_depth(src, MAX_NESTING).expect("within the limit")
    }

    #[test]
    fn brackets_and_blocks_count() {
        assert_eq!(depth(""), 0);
        assert_eq!(depth("a"), 0);
        assert_eq!(depth("f(a)"), 1);
        assert_eq!(depth("f([{a: 1}])"), 3);
        assert_eq!(depth("function f() { if (a) { return [1] } }"), 3);
        assert_eq!(depth("((((0))))"), 4);
    }

    #[test]
    fn brackets_in_strings_comments_and_regexes_do_not_count() {
        assert_eq!(depth(r#"f("((((", '[[[[', "\"(((")"#), 1);
        assert_eq!(depth("// ((((((\nf(a) /* {{{{{ \n ((( */"), 1);
        assert_eq!(depth(r"x = /[(/]/g.test(s); y = /\(\[\{/;"), 2);
        assert_eq!(depth(r"if (a) /((/.test(b)"), 1);
        assert_eq!(depth(r"return /{{{/"), 0);
        assert_eq!(depth("a = b / c / (d)"), 2);
        assert_eq!(depth("x = `((( ${ f(`[[[ ${ a } ]]]`) } {{{` + `}}}`"), 4);
        // An apostrophe in a regex class and in a comment.
        assert_eq!(depth("s.replace(/[']/g, '')\n// don't (\nf(1)"), 1);
    }

    #[test]
    fn template_substitutions_nest() {
        assert_eq!(depth("`${a}`"), 1);
        assert_eq!(depth("`${ `${ `${ a }` }` }`"), 3);
        // After a substitution the template text resumes: `{` is text.
        assert_eq!(depth("`${a} { ( [` ; f(x)"), 1);
        // A `}` of an object inside a substitution does not end it.
        assert_eq!(depth("`${ {a: 1}.a } ((`"), 2);
    }

    #[test]
    fn prefix_operators_and_chains_count() {
        assert_eq!(depth("!!!!a"), 4);
        assert_eq!(depth("x = !a && !b && !c && !d"), 2);
        assert_eq!(depth("a = b = c = d"), 3);
        assert_eq!(depth("a ? b : c ? d : e"), 2);
        assert_eq!(depth("f = a => b => c => d"), 4);
        assert_eq!(depth("f = a => { return b }"), 2);
        assert_eq!(depth("x = a - -b"), 2);
        assert_eq!(depth("x = a?.b ?? c; y = a !== b"), 1);
        assert_eq!(depth("for (;;) for (;;) for (;;) x++"), 4);
        // A non-null assertion nests nothing.
        assert_eq!(depth("a!.b!.c"), 0);
    }

    #[test]
    fn statements_reset_open_constructs() {
        let src = "const a = !x\nconst b = typeof y\nconst c = z ? 1 : 2\n".repeat(2000);
        assert!(depth(&src) <= 3);
        let src = "a = await f(x);\n".repeat(5000);
        assert!(depth(&src) <= 3);
        let src = "for (const x of xs) {\n  total += x\n}\n".repeat(5000);
        assert!(depth(&src) <= 3);
        let src = "p.then(a => a.b).catch(e => log(e))\n".repeat(5000);
        assert!(depth(&src) <= 3);
        let src = "do { i++ } while (i < 10)\n".repeat(5000);
        assert!(depth(&src) <= 3);
    }

    fn nested(open: &str, middle: &str, close: &str, n: usize) -> String {
        let mut s = String::with_capacity((open.len() + close.len()) * n + middle.len());
        for _ in 0..n {
            s.push_str(open);
        }
        s.push_str(middle);
        for _ in 0..n {
            s.push_str(close);
        }
        s
    }

    #[test]
    fn deep_nesting_is_refused_early() {
        for n in [5_000, 100_000] {
            let shapes = [
                nested("(", "0", ")", n),
                nested("[", "0", "]", n),
                nested("{a:", "0", "}", n),
                nested("f(", "0", ")", n),
                nested("function f(){", "", "}", n),
                nested("()=>", "0", "", n),
                nested("a=>{return ", "0", "}", n),
                nested("{", "", "}", n),
                nested("for(;;)", "x;", "", n),
                nested("if(a){", "", "}", n),
                nested("`${", "a", "}`", n),
                nested("!", "a", "", n),
                nested("- ", "a", "", n),
                nested("typeof ", "a", "", n),
                nested("a=", "0", "", n),
                nested("a?b:", "0", "", n),
            ];
            for src in &shapes {
                assert_eq!(
                    nesting_depth(src, MAX_NESTING),
                    Err(MAX_NESTING + 1),
                    "{}",
                    &src[..40]
                );
            }
        }
    }

    #[test]
    fn unclosed_brackets_are_refused_too() {
        assert_eq!(
            nesting_depth(&"(".repeat(100_000), MAX_NESTING),
            Err(MAX_NESTING + 1)
        );
        assert_eq!(nesting_depth(&"((".repeat(600), 1000), Err(1001));
        assert_eq!(nesting_depth("((", 1), Err(2));
        assert_eq!(nesting_depth("()()", 1), Ok(1));
    }

    #[test]
    fn unbalanced_input_is_tolerated() {
        assert_eq!(depth(")))]]]}}}"), 0);
        assert_eq!(depth("f(a))) g(b)"), 1);
        assert_eq!(depth("'unterminated (((\nf(x)"), 1);
        assert_eq!(depth("`unterminated ${ ((("), 4);
        assert_eq!(depth("/* unterminated ((("), 0);
        assert_eq!(depth("x = /unterminated (((\nf(x)"), 1);
        assert_eq!(depth("\\"), 0);
        assert_eq!(depth("'\\"), 0);
        assert_eq!(depth("`\\"), 0);
        assert_eq!(depth("/\\"), 0);
        assert_eq!(depth("`${"), 1);
    }

    #[test]
    fn hashbang_and_jsx() {
        assert_eq!(depth("#!/usr/bin/env node\n'use strict'\nf(a)"), 1);
        let jsx = r#"
export function App({ items }) {
  return (
    <ul className="list">
      {items.map(item => <li key={item.id}>{item.name}</li>)}
      <img src={logo} alt="logo" />
      <p>Don't panic</p>
    </ul>
  );
}
"#;
        assert!(depth(jsx) <= 8, "{}", depth(jsx));
    }

    #[test]
    fn a_real_looking_file_is_accepted() {
        let src = REAL_FILE.repeat(6);
        assert!(src.lines().count() >= 300);
        let d = depth(&src);
        assert!(d < 20, "depth {d}");
        // The file does not drift: the depth is the same for one copy.
        assert_eq!(depth(REAL_FILE), d);
    }

    #[test]
    fn random_bytes_never_panic() {
        // xorshift64*: deterministic pseudo-random inputs without a crate.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        // Bytes drawn mostly from the characters the scanner reacts to.
        const ALPHABET: &[u8] = b"()[]{}'\"`$\\/*=>!?.:;,+-<&|~#\n\r az09\xc3\xa9";
        for round in 0..2000 {
            let len = (next() % 200) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    if round % 4 == 0 {
                        r as u8
                    } else {
                        ALPHABET[(r % ALPHABET.len() as u64) as usize]
                    }
                })
                .collect();
            let src = String::from_utf8_lossy(&bytes);
            let limit = (next() % 50) as usize;
            match nesting_depth(&src, limit) {
                Ok(d) => assert!(d <= limit),
                Err(d) => assert_eq!(d, limit + 1),
            }
        }
    }

    const REAL_FILE: &str = r#"'use strict';

const express = require('express');
const helmet = require('helmet');
const { MongoClient, ObjectId } = require('mongodb');
const path = require('path');

const app = express();
app.use(helmet());
app.use(express.json({ limit: '1mb' }));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/i;

function validate(body) {
  const errors = [];
  if (typeof body.email !== 'string' || !EMAIL.test(body.email)) {
    errors.push({ field: 'email', message: `invalid email: ${body.email}` });
  }
  if (body.age !== undefined && (body.age < 0 || body.age > 150)) {
    errors.push({ field: 'age', message: 'age out of range (0-150)' });
  }
  return errors.length ? errors : null;
}

async function main() {
  const client = await MongoClient.connect(process.env.MONGO_URL || 'mongodb://localhost');
  const users = client.db('app').collection('users');

  app.get('/users/:id', async (req, res, next) => {
    try {
      const user = await users.findOne({ _id: new ObjectId(String(req.params.id)) });
      if (!user) {
        return res.status(404).json({ error: 'not found' });
      }
      res.json({ id: user._id, name: user.name, tags: (user.tags || []).map(t => t.toLowerCase()) });
    } catch (err) {
      next(err);
    }
  });

  app.post('/users', async (req, res) => {
    const errors = validate(req.body);
    if (errors) return res.status(400).json({ errors });
    const doc = { ...req.body, created: new Date(), slug: SLUG.test(req.body.slug) ? req.body.slug : null };
    const { insertedId } = await users.insertOne(doc);
    res.status(201).json({ id: insertedId });
  });

  app.use((err, req, res, _next) => {
    console.error(err);
    res.status(500).json({ error: 'internal error' });
  });

  const port = Number(process.env.PORT) || 3000;
  app.listen(port, () => console.log(`listening on ${port} (${path.basename(__dirname)})`));
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
"#;
}
