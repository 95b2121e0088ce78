//! The content-stream interpreter: follows the graphics and text state and turns every run of
//! shown glyphs into a positioned text item.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::{deref_dict, load_font, obj_f32, Font};
use super::geom::Matrix;
use super::lexer::{Lexer, Operand};
use super::{MAX_FORM_DEPTH, MAX_OPS_PER_PAGE, MAX_STREAM};
use crate::input::positioned::TextItem;

#[derive(Clone)]
pub(super) struct GState {
    pub(super) ctm: Matrix,
    pub(super) font: Option<std::rc::Rc<Font>>,
    pub(super) size: f32,
    pub(super) char_spacing: f32,
    pub(super) word_spacing: f32,
    pub(super) hscale: f32,
    pub(super) leading: f32,
    pub(super) rise: f32,
}

/// A run of glyphs that follow each other: becomes one item.
pub(super) struct Run {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) end: (f32, f32),
    pub(super) size: f32,
    pub(super) dir: u16,
    pub(super) text: String,
}

pub(super) struct Interp<'a> {
    pub(super) doc: &'a Document,
    pub(super) page: u32,
    pub(super) view: Matrix,
    pub(super) items: Vec<TextItem>,
    pub(super) ops: usize,
    pub(super) fonts: &'a mut HashMap<ObjectId, std::rc::Rc<Font>>,
    /// Forms being run (to refuse cycles).
    pub(super) forms: Vec<ObjectId>,
}

impl<'a> Interp<'a> {
    pub(super) fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<std::rc::Rc<Font>> {
        let doc = self.doc;
        let fonts = deref_dict(doc, resources?.get(b"Font").ok()?)?;
        let o = fonts.get(name).ok()?;
        let id = o.as_reference().ok();
        if let Some(id) = id {
            if let Some(f) = self.fonts.get(&id) {
                return Some(f.clone());
            }
        }
        let fd = deref_dict(doc, o)?;
        let f = std::rc::Rc::new(load_font(doc, fd));
        if let Some(id) = id {
            self.fonts.insert(id, f.clone());
        }
        Some(f)
    }

    pub(super) fn flush(&mut self, run: &mut Option<Run>) {
        if let Some(r) = run.take() {
            if !r.text.trim().is_empty() {
                let w = ((r.end.0 - r.x).powi(2) + (r.end.1 - r.y).powi(2)).sqrt();
                let r2 = |v: f32| (v * 100.0).round() / 100.0;
                self.items.push(TextItem { page: self.page, x: r2(r.x), y: r2(r.y), w: r2(w), h: r2(r.size), dir: r.dir, text: r.text });
            }
        }
    }

    /// Run a content stream with its resources and the matrix it starts with.
    pub(super) fn run(&mut self, content: &[u8], resources: Option<&'a Dictionary>, ctm: Matrix, depth: usize) {
        let mut gs = GState { ctm, font: None, size: 0.0, char_spacing: 0.0, word_spacing: 0.0, hscale: 1.0, leading: 0.0, rise: 0.0 };
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut run: Option<Run> = None;
        let mut lx = Lexer { b: content, i: 0 };
        while let Some((args, op)) = lx.next_op() {
            self.ops += 1;
            if self.ops > MAX_OPS_PER_PAGE {
                break;
            }
            let n = |i: usize| args.get(i).and_then(|o| o.num());
            match op.as_slice() {
                b"q" => {
                    if stack.len() < 256 {
                        stack.push(gs.clone());
                    }
                }
                b"Q" => {
                    if let Some(g) = stack.pop() {
                        gs = g;
                    }
                }
                b"cm" => {
                    if let (Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)) = (n(0), n(1), n(2), n(3), n(4), n(5)) {
                        let m = Matrix([a, b, c, d, e, f]).then(gs.ctm);
                        if m.finite() {
                            gs.ctm = m;
                        }
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"ET" => self.flush(&mut run),
                b"Tf" => {
                    if let Some(Operand::Name(name)) = args.first() {
                        gs.font = self.font(resources, name);
                    }
                    if let Some(s) = n(1) {
                        gs.size = s;
                    }
                }
                b"Tc" => gs.char_spacing = n(0).unwrap_or(0.0),
                b"Tw" => gs.word_spacing = n(0).unwrap_or(0.0),
                b"Tz" => gs.hscale = n(0).unwrap_or(100.0) / 100.0,
                b"TL" => gs.leading = n(0).unwrap_or(0.0),
                b"Ts" => gs.rise = n(0).unwrap_or(0.0),
                b"Td" | b"TD" => {
                    let (x, y) = (n(0).unwrap_or(0.0), n(1).unwrap_or(0.0));
                    if op == b"TD" {
                        gs.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let (Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)) = (n(0), n(1), n(2), n(3), n(4), n(5)) {
                        let m = Matrix([a, b, c, d, e, f]);
                        if m.finite() {
                            tlm = m;
                            tm = m;
                        }
                    }
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    if op == b"'" || op == b"\"" {
                        if op == b"\"" {
                            gs.word_spacing = n(0).unwrap_or(gs.word_spacing);
                            gs.char_spacing = n(1).unwrap_or(gs.char_spacing);
                        }
                        tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                        tm = tlm;
                    }
                    let parts: Vec<Operand> = match args.last() {
                        Some(Operand::Array(a)) if op == b"TJ" => a.clone(),
                        Some(s @ Operand::Str(_)) => vec![s.clone()],
                        _ => vec![],
                    };
                    for p in parts {
                        match p {
                            Operand::Num(k) if k.is_finite() => {
                                let tx = -k / 1000.0 * gs.size * gs.hscale;
                                tm = Matrix::translate(tx, 0.0).then(tm);
                            }
                            Operand::Str(s) => self.show(&s, &gs, &mut tm, &mut run),
                            _ => {}
                        }
                    }
                }
                b"Do" => {
                    if depth < MAX_FORM_DEPTH {
                        if let Some(Operand::Name(name)) = args.first() {
                            self.flush(&mut run);
                            self.form(resources, name, gs.ctm, depth);
                        }
                    }
                }
                _ => {}
            }
        }
        self.flush(&mut run);
    }

    pub(super) fn form(&mut self, resources: Option<&'a Dictionary>, name: &[u8], ctm: Matrix, depth: usize) {
        let doc = self.doc;
        let Some(xobjects) = resources.and_then(|r| r.get(b"XObject").ok()).and_then(|o| deref_dict(doc, o)) else { return };
        let Ok(o) = xobjects.get(name) else { return };
        let Ok((id, Object::Stream(s))) = doc.dereference(o) else { return };
        if s.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) != Some(b"Form") {
            return;
        }
        if let Some(id) = id {
            if self.forms.contains(&id) {
                return;
            }
            self.forms.push(id);
        }
        let m = s
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|x| x.1.as_array().ok())
            .and_then(|a| {
                let v: Vec<f32> = a.iter().filter_map(|o| obj_f32(doc, o)).collect();
                (v.len() == 6).then(|| Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]))
            })
            .unwrap_or(Matrix::IDENTITY);
        let res = s.dict.get(b"Resources").ok().and_then(|o| deref_dict(doc, o)).or(resources);
        if let Ok(data) = s.get_plain_content_with_limit(MAX_STREAM) {
            self.run(&data, res, m.then(ctm), depth + 1);
        }
        if id.is_some() {
            self.forms.pop();
        }
    }

    /// Show a string: glyph by glyph, extending or starting runs.
    pub(super) fn show(&mut self, s: &[u8], gs: &GState, tm: &mut Matrix, run: &mut Option<Run>) {
        let Some(font) = gs.font.clone() else { return };
        for (code, len) in font.codes(s) {
            let trm = Matrix([gs.size * gs.hscale, 0.0, 0.0, gs.size, 0.0, gs.rise]).then(*tm).then(gs.ctm);
            let disp = trm.then(self.view);
            let (x, y) = disp.apply(0.0, 0.0);
            let (ux, uy) = disp.vec(1.0, 0.0);
            let (vx, vy) = disp.vec(0.0, 1.0);
            let size = (vx * vx + vy * vy).sqrt();
            let dir = {
                let a = uy.atan2(ux).to_degrees();
                ((((a / 90.0).round() as i32 * 90) % 360 + 360) % 360) as u16
            };
            let text = font.text(code, len);
            let w0 = font.width(code);
            let is_space = len == 1 && code == 32;
            let tx = (w0 * gs.size + gs.char_spacing + if is_space { gs.word_spacing } else { 0.0 }) * gs.hscale;
            *tm = Matrix::translate(tx, 0.0).then(*tm);
            let (ex, ey) = tm.then(gs.ctm).then(self.view).apply(0.0, gs.rise);
            let _ = (ex, ey);
            let end = {
                let t2 = Matrix([gs.size * gs.hscale, 0.0, 0.0, gs.size, 0.0, gs.rise]).then(*tm).then(gs.ctm).then(self.view);
                t2.apply(0.0, 0.0)
            };
            if !(x.is_finite() && y.is_finite() && size.is_finite()) {
                continue;
            }
            let Some(text) = text else { continue };
            let text: String = text.chars().filter(|c| !c.is_control() && *c != '\u{FFFD}').collect();
            if text.is_empty() {
                continue;
            }
            let continues = match run.as_ref() {
                Some(r) => {
                    r.dir == dir
                        && (r.size - size).abs() <= 0.05 * size.max(0.1)
                        && ((r.end.0 - x).powi(2) + (r.end.1 - y).powi(2)).sqrt() <= 0.15 * size.max(0.1)
                }
                None => false,
            };
            if !continues {
                self.flush(run);
                *run = Some(Run { x, y, end: end, size, dir, text: String::new() });
            }
            let r = run.as_mut().unwrap();
            r.text.push_str(&text);
            r.end = end;
        }
    }
}
