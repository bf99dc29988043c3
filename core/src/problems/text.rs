//! Texts that say something, and nothing hidden in them.
//!
//! Every text of a document, wherever it stands, must have a visible
//! character once whitespace, zero-width characters and control characters
//! are removed (`empty_text`), and may not hold a NUL or a bidirectional
//! override (`forbidden_character`): the latter can make a name or a number
//! read differently from what it is ("Trojan Source"). The check walks the
//! typed document through its own `Serialize` implementation, keeping a
//! stack of path segments and building a JSON Pointer only for a problem,
//! so it costs no intermediate JSON value.
//!
//! The same walk meets every date of the document, so it also warns of a
//! date more than 50 years from the agreement's entry into force
//! (`implausible_date`): almost always a typing mistake (`2204` for `2024`).
//!
//! ```
//! let mut agreement = sundhedsaftale::nordjylland_2024();
//! agreement.title = "   ".to_string();
//! let found = sundhedsaftale::text::check(&agreement);
//! assert_eq!(found[0].code.as_str(), "empty_text");
//! assert_eq!(found[0].path, "/title");
//! ```

use chrono::NaiveDate;
use serde::ser::{self, Serialize, Serializer};

use crate::problems::catalogue::Code;
use crate::problems::problem::{ctx, Pointer, Problem};

/// Whether `c` shows nothing: whitespace, zero-width characters, controls.
fn invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The first character that must never appear in a text: NUL, or one of
/// the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069). Scans bytes: in UTF-8 those are `00`, `E2 80 AA`–`AE`
/// and `E2 81 A6`–`A9`, so ordinary text is read once without decoding.
fn forbidden(s: &str) -> Option<char> {
    let b = s.as_bytes();
    let mut from = 0;
    // memchr2 scans with SIMD; every text of a document passes through here.
    while let Some(k) = memchr::memchr2(0, 0xE2, &b[from..]) {
        let i = from + k;
        if b[i] == 0 {
            return Some('\0');
        }
        if let (Some(&b1), Some(&b2)) = (b.get(i + 1), b.get(i + 2)) {
            if matches!((b1, b2), (0x80, 0xAA..=0xAE) | (0x81, 0xA6..=0xA9)) {
                return s[i..].chars().next();
            }
        }
        from = i + 1;
    }
    None
}

/// The problems of every text in `document`.
///
/// ```
/// let mut a = sundhedsaftale::nordjylland_2024();
/// a.title = "\u{200B} ".into();
/// a.focus_areas[0].name = "Sundhed\u{202E}".into();
/// let found: Vec<_> = sundhedsaftale::text::check(&a)
///     .into_iter().map(|p| (p.code.as_str(), p.path)).collect();
/// assert_eq!(found, [("empty_text", "/title".to_string()),
///                    ("forbidden_character", "/focus_areas/0/name".to_string())]);
/// ```
pub fn check<T: Serialize>(document: &T) -> Vec<Problem> {
    check_around(document, None)
}

/// [`check`], and a warning for every date more than 50 years from `around`.
///
/// ```
/// let mut a = sundhedsaftale::nordjylland_2024();
/// a.bodies[0].established = chrono::NaiveDate::from_ymd_opt(2202, 7, 1);
/// let on = a.reference_day();
/// let found: Vec<_> = sundhedsaftale::text::check_around(&a, Some(on))
///     .into_iter().map(|p| (p.code.as_str(), p.path)).collect();
/// assert_eq!(found, [("implausible_date", "/bodies/0/established".to_string())]);
/// ```
pub fn check_around<T: Serialize>(document: &T, around: Option<NaiveDate>) -> Vec<Problem> {
    let mut walker = Walker {
        around,
        ..Walker::default()
    };
    // The walker's own serializer never fails, and the document's
    // `Serialize` implementations are derived.
    let _ = document.serialize(&mut walker);
    walker.out
}

#[derive(Debug, Clone)]
enum Segment {
    Key(&'static str),
    Owned(String),
    Index(usize),
}

#[derive(Default)]
struct Walker {
    path: Vec<Segment>,
    out: Vec<Problem>,
    /// The key a map entry is about to be serialized under.
    pending_key: Option<String>,
    /// Set while a map key is serialized, so it is taken as a key, not a text.
    in_key: bool,
    /// The date others should lie within 50 years of.
    around: Option<NaiveDate>,
}

impl Walker {
    fn pointer(&self) -> Pointer {
        self.path.iter().fold(Pointer::root(), |p, s| match s {
            Segment::Key(k) => p.key(k),
            Segment::Owned(k) => p.key(k),
            Segment::Index(i) => p.index(*i),
        })
    }

    fn text(&mut self, s: &str) {
        if self.in_key {
            self.pending_key = Some(s.to_string());
            return;
        }
        if let Some(c) = forbidden(s) {
            let at = self.pointer();
            self.out.push(Problem::with_context(
                Code::ForbiddenCharacter,
                at,
                ctx!("character" => format!("U+{:04X}", u32::from(c))),
            ));
        } else if s.chars().all(invisible) {
            let at = self.pointer();
            self.out.push(Problem::new(Code::EmptyText, at));
        }
    }
}

/// The walker never fails; serde still asks for an error type.
#[derive(Debug)]
struct Never;

impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unreachable")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<M: std::fmt::Display>(_: M) -> Never {
        Never
    }
}

macro_rules! ignore {
    ($($name:ident: $ty:ty),* $(,)?) => {
        $(fn $name(self, _: $ty) -> Result<(), Never> { Ok(()) })*
    };
}

impl<'a> Serializer for &'a mut Walker {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    ignore!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_f32: f32, serialize_f64: f64, serialize_char: char, serialize_bytes: &[u8],
        serialize_unit_struct: &'static str,
    );

    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.text(v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Never> {
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Never> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Never> {
        Ok(())
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Never> {
        if self.in_key {
            self.pending_key = Some(variant.to_string());
        }
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<(), Never> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.path.push(Segment::Key(variant));
        let r = value.serialize(&mut *self);
        self.path.pop();
        r
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Never> {
        Ok(Compound::new(self, false))
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Never> {
        Ok(Compound::new(self, false))
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Never> {
        Ok(Compound::new(self, false))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Never> {
        self.path.push(Segment::Key(variant));
        Ok(Compound::new(self, true))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Never> {
        Ok(Compound::new(self, false))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Never> {
        Ok(Compound::new(self, false))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Never> {
        self.path.push(Segment::Key(variant));
        Ok(Compound::new(self, true))
    }

    fn collect_str<T: ?Sized + std::fmt::Display>(self, value: &T) -> Result<(), Never> {
        // Dates, periods and places arrive here; their parsers checked their form.
        let text = value.to_string();
        if self.in_key {
            self.pending_key = Some(text);
        } else if let (Some(around), Some(date)) = (self.around, crate::ground::date::parse(&text)) {
            if (date - around).num_days().abs() > 50 * 365 + 12 {
                let at = self.pointer();
                self.out.push(Problem::with_context(
                    Code::ImplausibleDate,
                    at,
                    ctx!("date" => text, "from" => around.to_string()),
                ));
            }
        }
        Ok(())
    }
}

/// A sequence, map or struct being walked; counts elements for their index.
struct Compound<'a> {
    walker: &'a mut Walker,
    next: usize,
    /// Whether a variant segment was pushed and must be popped at the end.
    variant: bool,
}

impl<'a> Compound<'a> {
    fn new(walker: &'a mut Walker, variant: bool) -> Compound<'a> {
        Compound {
            walker,
            next: 0,
            variant,
        }
    }

    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Never> {
        self.walker.path.push(Segment::Index(self.next));
        self.next += 1;
        let r = value.serialize(&mut *self.walker);
        self.walker.path.pop();
        r
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Never> {
        self.walker.path.push(Segment::Key(key));
        let r = value.serialize(&mut *self.walker);
        self.walker.path.pop();
        r
    }

    fn finish(self) -> Result<(), Never> {
        if self.variant {
            self.walker.path.pop();
        }
        Ok(())
    }
}

/// The compound kinds whose parts are numbered.
macro_rules! numbered {
    ($($kind:ident::$method:ident),*) => {$(
        impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Never> {
                self.element(value)
            }
            fn end(self) -> Result<(), Never> {
                self.finish()
            }
        }
    )*};
}

/// The compound kinds whose parts are named fields.
macro_rules! named {
    ($($kind:ident),*) => {$(
        impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Never> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Never> {
                self.finish()
            }
        }
    )*};
}

numbered!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);
named!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Never> {
        self.walker.in_key = true;
        let r = key.serialize(&mut *self.walker);
        self.walker.in_key = false;
        r
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Never> {
        let key = self.walker.pending_key.take().unwrap_or_default();
        self.walker.path.push(Segment::Owned(key));
        let r = value.serialize(&mut *self.walker);
        self.walker.path.pop();
        r
    }
    fn end(self) -> Result<(), Never> {
        self.finish()
    }
}
