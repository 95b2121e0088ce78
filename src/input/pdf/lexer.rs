//! Content streams as tokens: operands (numbers, names, strings, arrays, dictionaries) and
//! operators, with inline images skipped.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Operand {
    Num(f32),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Operand>),
    Other,
}

impl Operand {
    pub(super) fn num(&self) -> Option<f32> {
        match self {
            Operand::Num(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

pub(super) fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}
pub(super) fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// A tokenizer over a content stream, yielding (operands, operator) pairs.
pub(super) struct Lexer<'a> {
    pub(super) b: &'a [u8],
    pub(super) i: usize,
}

pub(super) enum Token {
    Operand(Operand),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
    Op(Vec<u8>),
}

impl<'a> Lexer<'a> {
    pub(super) fn skip_ws(&mut self) {
        while self.i < self.b.len() {
            let c = self.b[self.i];
            if is_ws(c) {
                self.i += 1;
            } else if c == b'%' {
                while self.i < self.b.len() && self.b[self.i] != b'\n' && self.b[self.i] != b'\r' {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    pub(super) fn token(&mut self) -> Option<Token> {
        self.skip_ws();
        let b = self.b;
        let c = *b.get(self.i)?;
        match c {
            b'[' => {
                self.i += 1;
                Some(Token::ArrayStart)
            }
            b']' => {
                self.i += 1;
                Some(Token::ArrayEnd)
            }
            b'<' if b.get(self.i + 1) == Some(&b'<') => {
                self.i += 2;
                Some(Token::DictStart)
            }
            b'>' if b.get(self.i + 1) == Some(&b'>') => {
                self.i += 2;
                Some(Token::DictEnd)
            }
            b'<' => {
                self.i += 1;
                let mut out = Vec::new();
                let mut hi: Option<u8> = None;
                while self.i < b.len() && b[self.i] != b'>' {
                    let d = b[self.i];
                    self.i += 1;
                    let v = match d {
                        b'0'..=b'9' => d - b'0',
                        b'a'..=b'f' => d - b'a' + 10,
                        b'A'..=b'F' => d - b'A' + 10,
                        _ => continue,
                    };
                    match hi.take() {
                        Some(h) => out.push(h << 4 | v),
                        None => hi = Some(v),
                    }
                }
                if let Some(h) = hi {
                    out.push(h << 4);
                }
                self.i += 1;
                Some(Token::Operand(Operand::Str(out)))
            }
            b'(' => {
                self.i += 1;
                let mut out = Vec::new();
                let mut depth = 1;
                while self.i < b.len() {
                    let d = b[self.i];
                    self.i += 1;
                    match d {
                        b'\\' => {
                            let Some(&e) = b.get(self.i) else { break };
                            self.i += 1;
                            match e {
                                b'n' => out.push(b'\n'),
                                b'r' => out.push(b'\r'),
                                b't' => out.push(b'\t'),
                                b'b' => out.push(8),
                                b'f' => out.push(12),
                                b'\r' => {
                                    if b.get(self.i) == Some(&b'\n') {
                                        self.i += 1;
                                    }
                                }
                                b'\n' => {}
                                b'0'..=b'7' => {
                                    let mut v = (e - b'0') as u32;
                                    for _ in 0..2 {
                                        match b.get(self.i) {
                                            Some(&o @ b'0'..=b'7') => {
                                                v = v * 8 + (o - b'0') as u32;
                                                self.i += 1;
                                            }
                                            _ => break,
                                        }
                                    }
                                    out.push(v as u8);
                                }
                                other => out.push(other),
                            }
                        }
                        b'(' => {
                            depth += 1;
                            out.push(d);
                        }
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            out.push(d);
                        }
                        _ => out.push(d),
                    }
                }
                Some(Token::Operand(Operand::Str(out)))
            }
            b'/' => {
                self.i += 1;
                let s = self.i;
                while self.i < b.len() && !is_ws(b[self.i]) && !is_delim(b[self.i]) {
                    self.i += 1;
                }
                Some(Token::Operand(Operand::Name(b[s..self.i].to_vec())))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let s = self.i;
                self.i += 1;
                while self.i < b.len() && matches!(b[self.i], b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E') {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&b[s..self.i]).unwrap_or("0");
                Some(Token::Operand(Operand::Num(t.parse::<f32>().unwrap_or(0.0))))
            }
            b')' | b'>' | b'{' | b'}' => {
                self.i += 1;
                Some(Token::Operand(Operand::Other))
            }
            _ => {
                let s = self.i;
                while self.i < b.len() && !is_ws(b[self.i]) && !is_delim(b[self.i]) {
                    self.i += 1;
                }
                if self.i == s {
                    self.i += 1;
                }
                Some(Token::Op(b[s..self.i].to_vec()))
            }
        }
    }

    /// After `ID`: skip inline image data up to `EI` between white space.
    pub(super) fn skip_inline_image(&mut self) {
        let b = self.b;
        self.i += 1;
        while self.i + 1 < b.len() {
            if b[self.i] == b'E' && b[self.i + 1] == b'I' && self.i > 0 && is_ws(b[self.i - 1]) && b.get(self.i + 2).map(|&c| is_ws(c)).unwrap_or(true) {
                self.i += 2;
                return;
            }
            self.i += 1;
        }
        self.i = b.len();
    }

    /// The next operator with its operands.
    pub(super) fn next_op(&mut self) -> Option<(Vec<Operand>, Vec<u8>)> {
        let mut stack: Vec<Vec<Operand>> = vec![Vec::new()];
        let mut dict_depth = 0usize;
        loop {
            let t = self.token()?;
            match t {
                Token::Operand(o) => {
                    if dict_depth == 0 {
                        stack.last_mut().unwrap().push(o);
                    }
                }
                Token::ArrayStart => stack.push(Vec::new()),
                Token::ArrayEnd => {
                    if stack.len() > 1 {
                        let a = stack.pop().unwrap();
                        if dict_depth == 0 {
                            stack.last_mut().unwrap().push(Operand::Array(a));
                        }
                    }
                }
                Token::DictStart => dict_depth += 1,
                Token::DictEnd => dict_depth = dict_depth.saturating_sub(1),
                Token::Op(op) => {
                    if dict_depth > 0 || stack.len() > 1 {
                        // `true`/`false`/`null` inside a dictionary or array.
                        continue;
                    }
                    if op == b"ID" {
                        self.skip_inline_image();
                        stack[0].clear();
                        continue;
                    }
                    if op == b"true" || op == b"false" || op == b"null" {
                        stack[0].push(Operand::Other);
                        continue;
                    }
                    return Some((stack.pop().unwrap(), op));
                }
            }
        }
    }
}
