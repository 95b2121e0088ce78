//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and GBK/GB18030, which many
//! agencies still save text in. Binary input is refused with a reason instead of being read.

use super::whatwg::{self, Encoding};

pub enum Decoded {
    Text {
        text: String,
        encoding: &'static str,
    },
    /// Not text: the reason, in Chinese.
    NotText(String),
}

pub fn decode(bytes: &[u8]) -> Decoded {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Decoded::Text { text: String::from_utf8_lossy(&bytes[3..]).into_owned(), encoding: "UTF-8" };
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Decoded::Text { text: whatwg::decode(bytes, Encoding::Utf16Le).0, encoding: "UTF-16LE" };
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Decoded::Text { text: whatwg::decode(bytes, Encoding::Utf16Be).0, encoding: "UTF-16BE" };
    }
    if let Some(reason) = binary_kind(bytes) {
        return Decoded::NotText(reason);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded::Text { text: s.to_string(), encoding: "UTF-8" },
        Err(_) => {
            let (text, had_errors) = whatwg::decode(bytes, Encoding::Gb18030);
            if had_errors {
                // Neither valid UTF-8 nor GB18030: keep what UTF-8 can read, mark the rest.
                Decoded::Text { text: String::from_utf8_lossy(bytes).into_owned(), encoding: "UTF-8（含无法识别的字节）" }
            } else {
                Decoded::Text { text, encoding: "GB18030" }
            }
        }
    }
}

/// `decode` of bytes the caller gives up: UTF-8 (the usual case) becomes the text in the same
/// buffer, without a copy of the whole file.
pub fn decode_owned(mut bytes: Vec<u8>) -> Decoded {
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    if !bom && (bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || binary_kind(&bytes).is_some()) {
        return decode(&bytes);
    }
    if bom {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text { text, encoding: "UTF-8" },
        // With a BOM, invalid bytes are read as UTF-8 all the same (as `decode` does).
        Err(e) if bom => Decoded::Text { text: String::from_utf8_lossy(e.as_bytes()).into_owned(), encoding: "UTF-8" },
        Err(e) => decode(e.as_bytes()),
    }
}

/// Recognise files that are not text at all, so the user is told what to do.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"%PDF") {
        return Some("这是 PDF 文件。请复制 PDF 中的文字粘贴到这里，或使用支持 PDF 的版本。".into());
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some("这是压缩格式文件（如 .docx）。请复制文档中的文字粘贴到这里。".into());
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some("这是旧版 Word/WPS 文件（.doc/.wps），无法直接读取。请另存为 .docx 或 PDF，或复制文字粘贴到这里。".into());
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head.iter().filter(|&&b| b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)).count();
    if !head.is_empty() && (head.contains(&0) || controls * 10 > head.len()) {
        return Some("这不是文本文件（含有大量二进制字节），无法读取。".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(d: Decoded) -> (Option<(String, &'static str)>, Option<String>) {
        match d {
            Decoded::Text { text, encoding } => (Some((text, encoding)), None),
            Decoded::NotText(r) => (None, Some(r)),
        }
    }

    #[test]
    fn decoding_owned_bytes_is_decoding_them() {
        let gbk = encoding_rs::GB18030.encode("二〇二四年政府信息公开").0.into_owned();
        let cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            "年度报告\n一、总体情况".as_bytes().to_vec(),
            [&[0xEF, 0xBB, 0xBF][..], "年度报告".as_bytes()].concat(),
            [&[0xEF, 0xBB, 0xBF][..], &[0xC3, 0x28, b'a'][..]].concat(),
            [&[0xFF, 0xFE][..], &[0x74, 0x5E][..]].concat(),
            [&[0xFE, 0xFF][..], &[0x5E, 0x74][..]].concat(),
            gbk,
            vec![0x81, 0x30, 0xFF, 0xFF, b'a'],
            b"%PDF-1.7 ...".to_vec(),
            b"PK\x03\x04rest".to_vec(),
            vec![0, 1, 2, 3, b'a'],
        ];
        for b in cases {
            assert_eq!(parts(decode_owned(b.clone())), parts(decode(&b)), "{:?}", b);
        }
    }
}
