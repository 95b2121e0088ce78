//! GB18030 and UTF-16 decoding as the WHATWG Encoding Standard defines it (and encoding_rs,
//! which the CLI and the tests still use, implements it): the same text and the same errors,
//! byte for byte (the tests below compare the two over every two- and four-byte sequence).
//!
//! Why not encoding_rs here: its `Encoding::decode` dispatches at run time over every encoding
//! it knows, so calling it for GB18030 alone linked all its decoders and their tables (Big5,
//! Shift_JIS, EUC-KR, EUC-JP, …: about 115 KB of data and 33 KB of code) into the page's wasm.
//! This module holds only GB18030's own index (`gb18030_two.bin`, generated from encoding_rs
//! 0.8.44: the code point of each two-byte pointer as u16 little-endian) and ranges.

/// The code point of each two-byte pointer ((lead − 0x81) × 190 + trail − offset), u16 LE.
static TWO: &[u8; 47880] = include_bytes!("gb18030_two.bin");

/// Index gb18030 ranges for four-byte pointers below 39420: (pointer, code point) where
/// code point − pointer changes.
#[rustfmt::skip]
static RANGES: [(u32, u32); 208] = [
    (0, 0x0080), (36, 0x00A5), (38, 0x00A9), (45, 0x00B2), (50, 0x00B8), (81, 0x00D8), (89, 0x00E2),
    (95, 0x00EB), (96, 0x00EE), (100, 0x00F4), (103, 0x00F8), (104, 0x00FB), (105, 0x00FD),
    (109, 0x0102), (126, 0x0114), (133, 0x011C), (148, 0x012C), (172, 0x0145), (175, 0x0149),
    (179, 0x014E), (208, 0x016C), (306, 0x01CF), (307, 0x01D1), (308, 0x01D3), (309, 0x01D5),
    (310, 0x01D7), (311, 0x01D9), (312, 0x01DB), (313, 0x01DD), (341, 0x01FA), (428, 0x0252),
    (443, 0x0262), (544, 0x02C8), (545, 0x02CC), (558, 0x02DA), (741, 0x03A2), (742, 0x03AA),
    (749, 0x03C2), (750, 0x03CA), (805, 0x0402), (819, 0x0450), (820, 0x0452), (7457, 0xE7C7),
    (7458, 0x1E40), (7922, 0x2011), (7924, 0x2017), (7925, 0x201A), (7927, 0x201E), (7934, 0x2027),
    (7943, 0x2031), (7944, 0x2034), (7945, 0x2036), (7950, 0x203C), (8062, 0x20AD), (8148, 0x2104),
    (8149, 0x2106), (8152, 0x210A), (8164, 0x2117), (8174, 0x2122), (8236, 0x216C), (8240, 0x217A),
    (8262, 0x2194), (8264, 0x219A), (8374, 0x2209), (8380, 0x2210), (8381, 0x2212), (8384, 0x2216),
    (8388, 0x221B), (8390, 0x2221), (8392, 0x2224), (8393, 0x2226), (8394, 0x222C), (8396, 0x222F),
    (8401, 0x2238), (8406, 0x223E), (8416, 0x2249), (8419, 0x224D), (8424, 0x2253), (8437, 0x2262),
    (8439, 0x2268), (8445, 0x2270), (8482, 0x2296), (8485, 0x229A), (8496, 0x22A6), (8521, 0x22C0),
    (8603, 0x2313), (8936, 0x246A), (8946, 0x249C), (9046, 0x254C), (9050, 0x2574), (9063, 0x2590),
    (9066, 0x2596), (9076, 0x25A2), (9092, 0x25B4), (9100, 0x25BE), (9108, 0x25C8), (9111, 0x25CC),
    (9113, 0x25D0), (9131, 0x25E6), (9162, 0x2607), (9164, 0x260A), (9218, 0x2641), (9219, 0x2643),
    (11329, 0x2E82), (11331, 0x2E85), (11334, 0x2E89), (11336, 0x2E8D), (11346, 0x2E98),
    (11361, 0x2EA8), (11363, 0x2EAB), (11366, 0x2EAF), (11370, 0x2EB4), (11372, 0x2EB8),
    (11375, 0x2EBC), (11389, 0x2ECB), (11682, 0x2FFC), (11686, 0x3004), (11687, 0x3018),
    (11692, 0x301F), (11694, 0x302A), (11714, 0x303F), (11716, 0x3094), (11723, 0x309F),
    (11725, 0x30F7), (11730, 0x30FF), (11736, 0x312A), (11982, 0x322A), (11989, 0x3232),
    (12102, 0x32A4), (12336, 0x3390), (12348, 0x339F), (12350, 0x33A2), (12384, 0x33C5),
    (12393, 0x33CF), (12395, 0x33D3), (12397, 0x33D6), (12510, 0x3448), (12553, 0x3474),
    (12851, 0x359F), (12962, 0x360F), (12973, 0x361B), (13738, 0x3919), (13823, 0x396F),
    (13919, 0x39D1), (13933, 0x39E0), (14080, 0x3A74), (14298, 0x3B4F), (14585, 0x3C6F),
    (14698, 0x3CE1), (15583, 0x4057), (15847, 0x4160), (16318, 0x4338), (16434, 0x43AD),
    (16438, 0x43B2), (16481, 0x43DE), (16729, 0x44D7), (17102, 0x464D), (17122, 0x4662),
    (17315, 0x4724), (17320, 0x472A), (17402, 0x477D), (17418, 0x478E), (17859, 0x4948),
    (17909, 0x497B), (17911, 0x497E), (17915, 0x4984), (17916, 0x4987), (17936, 0x499C),
    (17939, 0x49A0), (17961, 0x49B8), (18664, 0x4C78), (18703, 0x4CA4), (18814, 0x4D1A),
    (18962, 0x4DAF), (19043, 0x9FA6), (33469, 0xE76C), (33470, 0xE7C8), (33471, 0xE7E7),
    (33484, 0xE815), (33485, 0xE819), (33490, 0xE81F), (33497, 0xE827), (33501, 0xE82D),
    (33505, 0xE833), (33513, 0xE83C), (33520, 0xE844), (33536, 0xE856), (33550, 0xE865),
    (37845, 0xF92D), (37921, 0xF97A), (37948, 0xF996), (38029, 0xF9E8), (38038, 0xF9F2),
    (38064, 0xFA10), (38065, 0xFA12), (38066, 0xFA15), (38069, 0xFA19), (38075, 0xFA22),
    (38076, 0xFA25), (38078, 0xFA2A), (39108, 0xFE32), (39109, 0xFE45), (39113, 0xFE53),
    (39114, 0xFE58), (39115, 0xFE67), (39116, 0xFE6C), (39265, 0xFF5F), (39394, 0xFFE6),
];

/// What `encoding.decode(bytes)` of encoding_rs gives (its text and whether it had errors)
/// for GB18030, UTF-16LE and UTF-16BE: a BOM decides the encoding (UTF-8, UTF-16LE or
/// UTF-16BE) and is dropped, whichever encoding was asked for.
pub fn decode(bytes: &[u8], encoding: Encoding) -> (String, bool) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text = String::from_utf8_lossy(rest);
        let had_errors = matches!(text, std::borrow::Cow::Owned(_));
        return (text.into_owned(), had_errors);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true);
    }
    match encoding {
        Encoding::Gb18030 => gb18030(bytes),
        Encoding::Utf16Le => utf16(bytes, false),
        Encoding::Utf16Be => utf16(bytes, true),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Gb18030,
    Utf16Le,
    Utf16Be,
}

const REPLACEMENT: char = '\u{FFFD}';

/// The WHATWG gb18030 decoder over the whole input (no BOM handling).
fn gb18030(bytes: &[u8]) -> (String, bool) {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut errors = false;
    let mut error = |out: &mut String| {
        out.push(REPLACEMENT);
        errors = true;
    };
    let digit = |b: u8| (0x30..=0x39).contains(&b);
    let high = |b: u8| (0x81..=0xFE).contains(&b);
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            out.push(b as char);
            i += 1;
            continue;
        }
        if b == 0x80 {
            out.push('\u{20AC}');
            i += 1;
            continue;
        }
        if b == 0xFF {
            error(&mut out);
            i += 1;
            continue;
        }
        // A lead byte: the end of the input inside a sequence is one error.
        let Some(&b2) = bytes.get(i + 1) else {
            error(&mut out);
            break;
        };
        if digit(b2) {
            let Some(&b3) = bytes.get(i + 2) else {
                error(&mut out);
                break;
            };
            if !high(b3) {
                // The second and third bytes are read again.
                error(&mut out);
                i += 1;
                continue;
            }
            let Some(&b4) = bytes.get(i + 3) else {
                error(&mut out);
                break;
            };
            if !digit(b4) {
                error(&mut out);
                i += 1;
                continue;
            }
            let pointer = (b as u32 - 0x81) * 12600 + (b2 as u32 - 0x30) * 1260 + (b3 as u32 - 0x81) * 10 + (b4 as u32 - 0x30);
            match ranges_code_point(pointer).and_then(char::from_u32) {
                Some(c) => out.push(c),
                None => error(&mut out),
            }
            i += 4;
            continue;
        }
        if (0x40..=0x7E).contains(&b2) || (0x80..=0xFE).contains(&b2) {
            let offset = if b2 < 0x7F { 0x40 } else { 0x41 };
            let pointer = (b as usize - 0x81) * 190 + (b2 as usize - offset);
            let cp = u16::from_le_bytes([TWO[2 * pointer], TWO[2 * pointer + 1]]);
            if let Some(c) = char::from_u32(cp as u32).filter(|_| cp != 0) {
                out.push(c);
                i += 2;
                continue;
            }
        }
        error(&mut out);
        // An ASCII second byte is read again.
        i += if b2 < 0x80 { 1 } else { 2 };
    }
    (out, errors)
}

/// Index gb18030 ranges code point.
fn ranges_code_point(pointer: u32) -> Option<u32> {
    if (pointer > 39419 && pointer < 189000) || pointer > 1237575 {
        return None;
    }
    if pointer >= 189000 {
        return Some(0x10000 + pointer - 189000);
    }
    let k = RANGES.partition_point(|&(p, _)| p <= pointer) - 1;
    let (p, cp) = RANGES[k];
    Some(cp + pointer - p)
}

/// The WHATWG UTF-16 decoder over the whole input (no BOM handling).
fn utf16(bytes: &[u8], big_endian: bool) -> (String, bool) {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut errors = false;
    let mut lead: Option<u16> = None;
    for pair in bytes.chunks_exact(2) {
        let unit = if big_endian { u16::from_be_bytes([pair[0], pair[1]]) } else { u16::from_le_bytes([pair[0], pair[1]]) };
        if let Some(l) = lead.take() {
            if (0xDC00..=0xDFFF).contains(&unit) {
                let c = 0x10000 + ((l as u32 - 0xD800) << 10) + (unit as u32 - 0xDC00);
                out.push(char::from_u32(c).unwrap_or(REPLACEMENT));
                continue;
            }
            // A lead surrogate not followed by a trail one: an error, and the unit is read again.
            out.push(REPLACEMENT);
            errors = true;
        }
        match unit {
            0xD800..=0xDBFF => lead = Some(unit),
            0xDC00..=0xDFFF => {
                out.push(REPLACEMENT);
                errors = true;
            }
            _ => out.push(char::from_u32(unit as u32).unwrap_or(REPLACEMENT)),
        }
    }
    // A byte or a lead surrogate left at the end is one error.
    if bytes.len() % 2 == 1 || lead.is_some() {
        out.push(REPLACEMENT);
        errors = true;
    }
    (out, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theirs(bytes: &[u8], encoding: Encoding) -> (String, bool) {
        let e = match encoding {
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
        };
        let (text, _, had_errors) = e.decode(bytes);
        (text.into_owned(), had_errors)
    }

    fn same(bytes: &[u8], encoding: Encoding) {
        let ours = decode(bytes, encoding);
        let theirs = theirs(bytes, encoding);
        if ours != theirs {
            let at = ours.0.chars().zip(theirs.0.chars()).position(|(a, b)| a != b);
            panic!(
                "{:?}: differs at char {:?} of {} / {} chars, errors {} / {}",
                encoding,
                at,
                ours.0.chars().count(),
                theirs.0.chars().count(),
                ours.1,
                theirs.1
            );
        }
    }

    #[test]
    fn every_one_and_two_byte_sequence_decodes_as_encoding_rs() {
        for a in 0..=255u8 {
            same(&[a], Encoding::Gb18030);
            let mut all = Vec::new();
            for b in 0..=255u8 {
                same(&[a, b], Encoding::Gb18030);
                all.extend_from_slice(&[a, b, b'x']);
            }
            same(&all, Encoding::Gb18030);
        }
    }

    #[test]
    fn every_four_byte_sequence_decodes_as_encoding_rs() {
        let mut all = Vec::with_capacity(126 * 10 * 126 * 10 * 4);
        for a in 0x81..=0xFEu8 {
            for b in 0x30..=0x39u8 {
                for c in 0x81..=0xFEu8 {
                    for d in 0x30..=0x39u8 {
                        all.extend_from_slice(&[a, b, c, d]);
                    }
                }
            }
        }
        same(&all, Encoding::Gb18030);
        // Broken four-byte sequences, cut at each place and followed by each kind of byte.
        for tail in [&b""[..], b"a", b"\x81", b"\xFF", b"0", b"\x80"] {
            for cut in 1..=4 {
                for seq in [[0x81u8, 0x30, 0x81, 0x30], [0xE3, 0x32, 0x9A, 0x35], [0x84, 0x31, 0xA4, 0x39], [0xFE, 0x39, 0xFE, 0x39], [0x90, 0x30, 0x81, 0x30]]
                {
                    let bytes = [&seq[..cut], tail, b"z"].concat();
                    same(&bytes, Encoding::Gb18030);
                    same(&seq[..cut], Encoding::Gb18030);
                    let bytes = [&seq[..cut], tail].concat();
                    same(&bytes, Encoding::Gb18030);
                }
            }
        }
    }

    #[test]
    fn random_bytes_decode_as_encoding_rs() {
        let mut rng = crate::testgen::Rng::new(11);
        let pools: [&[u8]; 4] = [
            b"\x81\xFE\x30\x39\x80\xFF\x40\x7F\xA1\xB0a\n",
            b"\x00\xD8\xDC\xDF\xDB\x41\x00\xFF\xFE",
            b"\xEF\xBB\xBF\xC3\x28\xE4\xB8\xAD\x80\xF0\x9F",
            b"\xFF\xFE\xFE\xFF\x00\xD8",
        ];
        for round in 0..20000 {
            let pool = pools[round % pools.len()];
            let len = rng.below(24) as usize;
            let mut bytes: Vec<u8> =
                (0..len).map(|_| if rng.below(4) == 0 { rng.below(256) as u8 } else { pool[rng.below(pool.len() as u64) as usize] }).collect();
            if round % 7 == 0 {
                let boms: [&[u8]; 3] = [b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];
                bytes.splice(0..0, boms[round % 3].iter().copied());
            }
            for e in [Encoding::Gb18030, Encoding::Utf16Le, Encoding::Utf16Be] {
                same(&bytes, e);
            }
        }
    }

    #[test]
    fn text_in_each_encoding_decodes_as_encoding_rs() {
        let text = "二〇二四年政府信息公开工作年度报告 €¥ 𠀀𪚥 ǹ ḿ \u{E5E5} \u{E7C7} abc\n";
        for e in [encoding_rs::GB18030, encoding_rs::UTF_16LE, encoding_rs::UTF_16BE] {
            let (bytes, _, _) = e.encode(text);
            same(&bytes, Encoding::Gb18030);
        }
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        same(&le, Encoding::Utf16Le);
        same(&be, Encoding::Utf16Be);
        assert_eq!(decode(&le, Encoding::Utf16Le), (text.to_string(), false));
    }
}
