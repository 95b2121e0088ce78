//! A report as pretty JSON, written straight from the report: the same bytes as
//! `serde_json::to_value` (whose maps sort their keys) written by `serde_json::to_writer_pretty`
//! as an element of a pretty array, without the value tree.
//!
//! A report with tens of thousands of spans made a value tree about as large as the input (a
//! map, a string and a value for every key of every span); the tree was then written through a
//! writer that indented it token by token. Here each object's members are written one after
//! another into one buffer, kept for every report, and put in the order of their keys when the
//! object ends (its bytes moved once); the report's own members are taken from the buffer in
//! that order as they are written out.

use serde::ser::{self, Impossible, Serialize};
use std::io::Write;

/// Something the report's types never serialise (tuples, enums with data, bytes …): the
/// caller then goes through `serde_json::Value`, written by this same writer.
#[derive(Debug)]
pub struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not supported by the report writer")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// An object member's key: a field name, or a map's key.
enum Key {
    Field(&'static str),
    Owned(String),
}

impl Key {
    fn as_str(&self) -> &str {
        match self {
            Key::Field(k) => k,
            Key::Owned(k) => k,
        }
    }
}

/// The buffers, kept from one report to the next.
#[derive(Default)]
pub struct Writer {
    /// The report's members, each object's already in order.
    buf: Vec<u8>,
    /// An object's members while they are put in order.
    tmp: Vec<u8>,
    /// The members of the objects being written, innermost last: (key, start, end in `buf`).
    members: Vec<(Key, usize, usize)>,
    /// The outermost object's members, in order, when it ends (not moved: written out from
    /// `buf` by `write_to`).
    top: Vec<(Key, usize, usize)>,
    /// The outermost value was an object, and it has ended.
    top_done: bool,
}

const INDENT: &[u8] = b"  ";

fn indent(buf: &mut Vec<u8>, depth: usize) {
    for _ in 0..depth {
        buf.extend_from_slice(INDENT);
    }
}

fn string(buf: &mut Vec<u8>, s: &str) {
    // serde_json's escaping (writing to a Vec cannot fail).
    let _ = serde_json::to_writer(&mut *buf, s);
}

impl Writer {
    /// `value` (an object) as an element of a pretty array (its members two levels in), with
    /// one more member `key: text`, written to `out` as `serde_json::to_writer_pretty` writes
    /// the value's `serde_json::Value` with that member inserted. Nothing is written when
    /// `Unsupported` is returned.
    pub fn write_to<T: Serialize, W: Write>(&mut self, value: &T, extra: (&'static str, &str), out: &mut W) -> Result<std::io::Result<()>, Unsupported> {
        self.buf.clear();
        self.members.clear();
        self.top.clear();
        self.top_done = false;
        if let Err(e) = value.serialize(Ser { w: self, depth: 1 }) {
            self.buf.clear();
            return Err(e);
        }
        if !self.top_done {
            // Not an object.
            return Err(Unsupported);
        }
        let s = self.buf.len();
        string(&mut self.buf, extra.1);
        let mut top = std::mem::take(&mut self.top);
        top.push((Key::Field(extra.0), s, self.buf.len()));
        sort_members(&mut top);
        let r = (|| {
            out.write_all(b"{")?;
            for (i, (k, s, e)) in top.iter().enumerate() {
                out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
                let mut key = Vec::with_capacity(k.as_str().len() + 2);
                string(&mut key, k.as_str());
                out.write_all(&key)?;
                out.write_all(b": ")?;
                out.write_all(&self.buf[*s..*e])?;
            }
            out.write_all(b"\n  }")
        })();
        top.clear();
        self.top = top;
        Ok(r)
    }
}

/// Members in the order of their keys, as a `BTreeMap<String, _>` holds them: a key given again
/// keeps its last value.
fn sort_members(m: &mut Vec<(Key, usize, usize)>) {
    m.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    let mut i = 0;
    while i + 1 < m.len() {
        if m[i].0.as_str() == m[i + 1].0.as_str() {
            m.remove(i);
        } else {
            i += 1;
        }
    }
}

struct Ser<'a> {
    w: &'a mut Writer,
    /// The object or array nesting of the value (its members are one deeper).
    depth: usize,
}

impl<'a> Ser<'a> {
    fn scalar<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Unsupported> {
        serde_json::to_writer(&mut self.w.buf, v).map_err(|_| Unsupported)
    }

    fn object(self) -> Object<'a> {
        let base = self.w.members.len();
        let start = self.w.buf.len();
        Object { w: self.w, depth: self.depth, base, start, key: None }
    }
}

impl<'a> ser::Serializer for Ser<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    // A value tree keeps every float as an f64 (an f32 written from it has all the f64's digits).
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        self.scalar(&serde_json::Value::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        self.scalar(&serde_json::Value::from(v))
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.scalar(&v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        string(&mut self.w.buf, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.w.buf.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Unsupported> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<(), Unsupported> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Array<'a>, Unsupported> {
        self.w.buf.push(b'[');
        Ok(Array { w: self.w, depth: self.depth, any: false })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object<'a>, Unsupported> {
        Ok(self.object())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object<'a>, Unsupported> {
        Ok(self.object())
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

pub struct Array<'a> {
    w: &'a mut Writer,
    depth: usize,
    any: bool,
}

impl ser::SerializeSeq for Array<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unsupported> {
        self.w.buf.extend_from_slice(if self.any { b",\n" } else { b"\n" });
        indent(&mut self.w.buf, self.depth + 1);
        self.any = true;
        v.serialize(Ser { w: self.w, depth: self.depth + 1 })
    }

    fn end(self) -> Result<(), Unsupported> {
        if self.any {
            self.w.buf.push(b'\n');
            indent(&mut self.w.buf, self.depth);
        }
        self.w.buf.push(b']');
        Ok(())
    }
}

/// An object being written: its members' values go to the buffer from `start` as they come,
/// their keys and places to the writer's `members` from `base`.
pub struct Object<'a> {
    w: &'a mut Writer,
    depth: usize,
    base: usize,
    start: usize,
    /// A map's key, given before its value.
    key: Option<String>,
}

impl Object<'_> {
    fn member<T: Serialize + ?Sized>(&mut self, key: Key, v: &T) -> Result<(), Unsupported> {
        let s = self.w.buf.len();
        v.serialize(Ser { w: self.w, depth: self.depth + 1 })?;
        self.w.members.push((key, s, self.w.buf.len()));
        Ok(())
    }

    fn finish(self) -> Result<(), Unsupported> {
        let Writer { buf, tmp, members, top, top_done } = self.w;
        members[self.base..].sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        if self.depth == 1 {
            // The report itself: written out by `write_to` from where the members are.
            top.extend(members.drain(self.base..));
            *top_done = true;
            return Ok(());
        }
        tmp.clear();
        tmp.extend_from_slice(&buf[self.start..]);
        buf.truncate(self.start);
        buf.push(b'{');
        let mut any = false;
        let n = members.len();
        for i in self.base..n {
            let (k, s, e) = &members[i];
            // A key given again keeps its last value (as in a BTreeMap).
            if i + 1 < n && members[i + 1].0.as_str() == k.as_str() {
                continue;
            }
            buf.extend_from_slice(if any { b",\n" } else { b"\n" });
            any = true;
            indent(buf, self.depth + 1);
            string(buf, k.as_str());
            buf.extend_from_slice(b": ");
            buf.extend_from_slice(&tmp[s - self.start..e - self.start]);
        }
        members.truncate(self.base);
        if any {
            buf.push(b'\n');
            indent(buf, self.depth);
        }
        buf.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Unsupported> {
        self.member(Key::Field(key), v)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        // A value tree's keys are strings: only string keys are taken.
        match serde_json::to_value(key) {
            Ok(serde_json::Value::String(k)) => {
                self.key = Some(k);
                Ok(())
            }
            _ => Err(Unsupported),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Unsupported> {
        let key = self.key.take().ok_or(Unsupported)?;
        self.member(Key::Owned(key), v)
    }

    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}
