//! Rule codes: the stable name of every kind of finding (`../shared/spec/rules.md`). A code is a
//! type, so a mistyped one is a compile error; it reads and serialises as its text ("A03").
//! What each code means, its severity and its rule function are in the registry
//! (`rules::codes`). A leaf of the crate: the format's sums and the result model name codes too.

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($($c:ident),* $(,)?) => {
        /// A rule code. Codes are ordered by their text, as findings at one place are.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $($c),* }

        impl Code {
            /// Every code, in the catalogue's order.
            pub const ALL: &'static [Code] = &[$(Code::$c),*];

            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$c => stringify!($c)),* }
            }
        }
    };
}

codes!(
    P01, P02, P03, P04, D01, D02, D03, D04, D05, T01, T02, T03, T04, T05, T06, T07, A01, A02, A03, A04, A05, C01, C02, C03, C04, C05, C06, C07, W01, W02, W03,
    W04, X01, X02, X03
);

impl Code {
    /// The code written as text ("W04", also "w04"), if there is such a code.
    pub fn parse(s: &str) -> Option<Code> {
        let s = s.trim();
        Code::ALL.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
    /// The letter of its group: P reading, D document, T table, A arithmetic, C prose against
    /// tables, W wording, X last year's report.
    pub fn group(self) -> char {
        self.as_str().as_bytes()[0] as char
    }
}

impl std::ops::Deref for Code {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Code) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_from_their_text() {
        for &c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
            assert_eq!(Code::parse(&c.as_str().to_lowercase()), Some(c));
        }
        assert_eq!(Code::parse("W05"), None);
        assert_eq!(Code::parse(""), None);
    }
}
