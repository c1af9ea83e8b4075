//! A Pratt parser for JMESPath with the binding powers of the reference
//! implementation (jmespath.py `parser.py`), so projections stop where the
//! AWS CLI's stop.

use serde_json::Value;

use super::lex::{tokenize, type_name, Cmp, Tok};

/// Parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Ast {
    /// `@`
    Identity,
    /// `foo` or `"foo"`
    Field(String),
    /// `a.b`
    Sub(Box<Ast>, Box<Ast>),
    /// `[n]` (negative counts from the end)
    Index(i64),
    /// `[start:stop:step]`
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// A list projection: evaluate the right side for each element of the
    /// left side's list, dropping nulls.
    Projection(Box<Ast>, Box<Ast>),
    /// `*` on an object: project over its values.
    ValueProjection(Box<Ast>, Box<Ast>),
    /// `[?cond]`: project over elements where `cond` is truthy.
    Filter(Box<Ast>, Box<Ast>, Box<Ast>),
    /// `[]`
    Flatten(Box<Ast>),
    /// `a | b`
    Pipe(Box<Ast>, Box<Ast>),
    /// `a || b`
    Or(Box<Ast>, Box<Ast>),
    /// `a && b`
    And(Box<Ast>, Box<Ast>),
    /// `!a`
    Not(Box<Ast>),
    /// `a == b` etc.
    Compare(Cmp, Box<Ast>, Box<Ast>),
    /// `` `json` `` or `'raw'`
    Literal(Value),
    /// `[a, b]`
    MultiList(Vec<Ast>),
    /// `{k: a, ...}`
    MultiHash(Vec<(String, Ast)>),
    /// `name(args)`
    Call(String, Vec<Ast>),
    /// `&expr`, for `sort_by` and friends.
    Expref(Box<Ast>),
}

/// Recursion bound: `((((...))))` or `a.a.a...` of user input must not
/// overflow the stack when parsed or evaluated (wasm32 stacks are small).
const MAX_DEPTH: usize = 64;

fn bp(t: &Tok) -> u8 {
    match t {
        Tok::Pipe => 1,
        Tok::Or => 2,
        Tok::And => 3,
        Tok::Cmp(_) => 5,
        Tok::Flatten => 9,
        Tok::Star => 20,
        Tok::Filter => 21,
        Tok::Dot => 40,
        Tok::Not => 45,
        Tok::LBrace => 50,
        Tok::LBracket => 55,
        Tok::LParen => 60,
        _ => 0,
    }
}

/// Parses a JMESPath expression; errors read like jmespath.py's.
pub fn parse(src: &str) -> Result<Ast, String> {
    let toks = tokenize(src).map_err(|(pos, msg)| {
        // jmespath.py LexerError.__str__
        format!(
            "Bad jmespath expression: {msg}:\n{src}\n{}^",
            " ".repeat(pos)
        )
    })?;
    let mut p = P {
        toks,
        i: 0,
        depth: 0,
        src: src.chars().collect(),
    };
    let ast = p.expr(0)?;
    if p.peek() != &Tok::Eof {
        return Err(p.unexpected());
    }
    Ok(ast)
}

struct P {
    toks: Vec<(Tok, usize)>,
    i: usize,
    depth: usize,
    src: Vec<char>,
}

impl P {
    fn peek(&self) -> &Tok {
        self.toks.get(self.i).map(|t| &t.0).unwrap_or(&Tok::Eof)
    }

    fn peek_at(&self, n: usize) -> &Tok {
        self.toks.get(self.i + n).map(|t| &t.0).unwrap_or(&Tok::Eof)
    }

    fn next(&mut self) -> Tok {
        let t = self.peek().clone();
        self.i += 1;
        t
    }

    fn unexpected(&self) -> String {
        self.parse_error("invalid token")
    }

    /// jmespath.py's ParseError (or IncompleteExpressionError at the end)
    /// for the current token.
    fn parse_error(&self, msg: &str) -> String {
        let expr: String = self.src.iter().collect();
        let (tok, pos) = self
            .toks
            .get(self.i)
            .cloned()
            .unwrap_or((Tok::Eof, self.src.len()));
        if tok == Tok::Eof {
            return format!(
                "Invalid jmespath expression: Incomplete expression:\n\"{expr}\"\n{}^",
                " ".repeat(self.src.len() + 1)
            );
        }
        let end = self.toks.get(self.i + 1).map_or(self.src.len(), |t| t.1);
        let value: String = self.src.get(pos..end).unwrap_or_default().iter().collect();
        format!(
            "{msg}: Parse error at column {pos}, token \"{}\" ({}), for expression:\n\"{expr}\"\n{}^",
            value.trim_end(),
            type_name(&tok),
            " ".repeat(pos + 1)
        )
    }

    fn expect(&mut self, t: Tok) -> Result<(), String> {
        if self.peek() == &t {
            self.i += 1;
            Ok(())
        } else {
            let msg = format!(
                "Expecting: {}, got: {}",
                type_name(&t),
                type_name(self.peek())
            );
            Err(self.parse_error(&msg))
        }
    }

    fn expr(&mut self, rbp: u8) -> Result<Ast, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.parse_error(&format!("nested more than {MAX_DEPTH} deep")));
        }
        let mut left = self.nud()?;
        // Each `led` step wraps `left` once more (`a.b.c...` is left-deep),
        // so it counts toward the depth that evaluation will recurse.
        let mut steps = 0;
        while rbp < bp(self.peek()) {
            steps += 1;
            if self.depth + steps > MAX_DEPTH {
                return Err(self.parse_error(&format!("nested more than {MAX_DEPTH} deep")));
            }
            left = self.led(left)?;
        }
        self.depth -= 1;
        Ok(left)
    }

    fn nud(&mut self) -> Result<Ast, String> {
        let start = self.i;
        Ok(match self.next() {
            Tok::Literal(v) => Ast::Literal(v),
            Tok::Ident(s) | Tok::Quoted(s) => Ast::Field(s),
            Tok::Star => Ast::ValueProjection(
                Box::new(Ast::Identity),
                Box::new(self.projection_rhs(bp(&Tok::Star))?),
            ),
            Tok::Filter => self.filter(Ast::Identity)?,
            Tok::LBrace => self.multi_hash()?,
            Tok::LParen => {
                let e = self.expr(0)?;
                self.expect(Tok::RParen)?;
                e
            }
            Tok::Flatten => Ast::Projection(
                Box::new(Ast::Flatten(Box::new(Ast::Identity))),
                Box::new(self.projection_rhs(bp(&Tok::Flatten))?),
            ),
            Tok::Not => Ast::Not(Box::new(self.expr(bp(&Tok::Not))?)),
            Tok::LBracket => match self.peek() {
                Tok::Number(_) | Tok::Colon => {
                    let right = self.index_expr()?;
                    self.project_if_slice(Ast::Identity, right)?
                }
                Tok::Star if self.peek_at(1) == &Tok::RBracket => {
                    self.i += 2;
                    Ast::Projection(
                        Box::new(Ast::Identity),
                        Box::new(self.projection_rhs(bp(&Tok::Star))?),
                    )
                }
                _ => self.multi_list()?,
            },
            Tok::Current => Ast::Identity,
            Tok::Expref => Ast::Expref(Box::new(self.expr(0)?)),
            _ => {
                self.i = start;
                return Err(self.unexpected());
            }
        })
    }

    fn led(&mut self, left: Ast) -> Result<Ast, String> {
        let start = self.i;
        Ok(match self.next() {
            Tok::Dot => {
                if self.peek() == &Tok::Star {
                    self.i += 1;
                    let right = self.projection_rhs(bp(&Tok::Dot))?;
                    Ast::ValueProjection(Box::new(left), Box::new(right))
                } else {
                    let right = self.dot_rhs(bp(&Tok::Dot))?;
                    Ast::Sub(Box::new(left), Box::new(right))
                }
            }
            Tok::Pipe => Ast::Pipe(Box::new(left), Box::new(self.expr(bp(&Tok::Pipe))?)),
            Tok::Or => Ast::Or(Box::new(left), Box::new(self.expr(bp(&Tok::Or))?)),
            Tok::And => Ast::And(Box::new(left), Box::new(self.expr(bp(&Tok::And))?)),
            Tok::Cmp(c) => Ast::Compare(c, Box::new(left), Box::new(self.expr(5)?)),
            Tok::Flatten => Ast::Projection(
                Box::new(Ast::Flatten(Box::new(left))),
                Box::new(self.projection_rhs(bp(&Tok::Flatten))?),
            ),
            Tok::Filter => self.filter(left)?,
            Tok::LParen => {
                let Ast::Field(name) = left else {
                    self.i = start;
                    return Err(self.unexpected());
                };
                let mut args = Vec::new();
                while self.peek() != &Tok::RParen {
                    args.push(self.expr(0)?);
                    if self.peek() == &Tok::Comma {
                        self.i += 1;
                    } else if self.peek() != &Tok::RParen {
                        return Err(self.unexpected());
                    }
                }
                self.i += 1;
                Ast::Call(name, args)
            }
            Tok::LBracket => match self.peek() {
                Tok::Number(_) | Tok::Colon => {
                    let right = self.index_expr()?;
                    self.project_if_slice(left, right)?
                }
                _ => {
                    self.expect(Tok::Star)?;
                    self.expect(Tok::RBracket)?;
                    let right = self.projection_rhs(bp(&Tok::Star))?;
                    Ast::Projection(Box::new(left), Box::new(right))
                }
            },
            _ => {
                self.i = start;
                return Err(self.unexpected());
            }
        })
    }

    fn filter(&mut self, left: Ast) -> Result<Ast, String> {
        let cond = self.expr(0)?;
        self.expect(Tok::RBracket)?;
        let right = if self.peek() == &Tok::Flatten {
            Ast::Identity
        } else {
            self.projection_rhs(bp(&Tok::Filter))?
        };
        Ok(Ast::Filter(Box::new(left), Box::new(right), Box::new(cond)))
    }

    fn projection_rhs(&mut self, rbp: u8) -> Result<Ast, String> {
        // Tokens binding weaker than 10 (pipe, or, and, comparisons,
        // flatten) end a projection.
        if bp(self.peek()) < 10 {
            return Ok(Ast::Identity);
        }
        match self.peek() {
            Tok::LBracket | Tok::Filter => self.expr(rbp),
            Tok::Dot => {
                self.i += 1;
                self.dot_rhs(rbp)
            }
            _ => Err(self.unexpected()),
        }
    }

    fn dot_rhs(&mut self, rbp: u8) -> Result<Ast, String> {
        match self.peek() {
            Tok::Ident(_) | Tok::Quoted(_) | Tok::Star => self.expr(rbp),
            Tok::LBracket => {
                self.i += 1;
                self.multi_list()
            }
            Tok::LBrace => {
                self.i += 1;
                self.multi_hash()
            }
            _ => Err(self.unexpected()),
        }
    }

    fn index_expr(&mut self) -> Result<Ast, String> {
        if self.peek() == &Tok::Colon || self.peek_at(1) == &Tok::Colon {
            let mut parts = [None, None, None];
            let mut n = 0;
            loop {
                match self.next() {
                    Tok::RBracket => break,
                    Tok::Colon => {
                        n += 1;
                        if n > 2 {
                            self.i -= 1;
                            return Err(self.unexpected());
                        }
                    }
                    Tok::Number(v) => {
                        if let Some(slot) = parts.get_mut(n) {
                            *slot = Some(v);
                        }
                    }
                    _ => {
                        self.i -= 1;
                        return Err(self.unexpected());
                    }
                }
            }
            if parts[2] == Some(0) {
                return Err(self.parse_error("Step cannot be 0"));
            }
            Ok(Ast::Slice(parts[0], parts[1], parts[2]))
        } else {
            let Tok::Number(n) = self.next() else {
                self.i -= 1;
                return Err(self.unexpected());
            };
            self.expect(Tok::RBracket)?;
            Ok(Ast::Index(n))
        }
    }

    fn project_if_slice(&mut self, left: Ast, right: Ast) -> Result<Ast, String> {
        let is_slice = matches!(right, Ast::Slice(..));
        let indexed = Ast::Sub(Box::new(left), Box::new(right));
        if is_slice {
            let rhs = self.projection_rhs(bp(&Tok::Star))?;
            Ok(Ast::Projection(Box::new(indexed), Box::new(rhs)))
        } else {
            Ok(indexed)
        }
    }

    fn multi_list(&mut self) -> Result<Ast, String> {
        let mut items = Vec::new();
        loop {
            items.push(self.expr(0)?);
            match self.next() {
                Tok::Comma => continue,
                Tok::RBracket => break,
                _ => {
                    self.i -= 1;
                    return Err(self.unexpected());
                }
            }
        }
        Ok(Ast::MultiList(items))
    }

    fn multi_hash(&mut self) -> Result<Ast, String> {
        let mut pairs = Vec::new();
        loop {
            let key = match self.next() {
                Tok::Ident(s) | Tok::Quoted(s) => s,
                _ => {
                    self.i -= 1;
                    return Err(self.unexpected());
                }
            };
            self.expect(Tok::Colon)?;
            pairs.push((key, self.expr(0)?));
            match self.next() {
                Tok::Comma => continue,
                Tok::RBrace => break,
                _ => {
                    self.i -= 1;
                    return Err(self.unexpected());
                }
            }
        }
        Ok(Ast::MultiHash(pairs))
    }
}
