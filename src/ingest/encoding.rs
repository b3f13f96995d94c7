//! Bytes → text: gzip, byte-order marks, UTF-8 / GB18030 / UTF-16 detection, and the
//! refusal of binary files.
//!
//! Chinese shop platforms export GBK (GB18030 is its superset) by default and Excel saves
//! "Unicode text" as UTF-16, so all three are detected without asking the user. Detection
//! order: BOM; UTF-16 by its NUL pattern; NUL or many control bytes → binary; valid UTF-8;
//! valid GB18030; UTF-8 with a few broken sequences (read with U+FFFD, and the rows that
//! contain one are rejected as `malformed`); else the file is refused with the line of the
//! first byte that cannot be read.

use super::error::{BinaryKind, IngestError, IngestErrorKind};
use std::io::Read;

/// Largest decompressed size accepted from a gzip file (a guard against gzip bombs; the
/// browser tab would die long before).
pub const MAX_DECOMPRESSED: u64 = 4 << 30;

/// How many leading bytes the binary and UTF-16 checks look at.
const SAMPLE: usize = 64 * 1024;

/// A text encoding ingest can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a BOM.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// GB18030 / GBK / GB2312.
    Gb18030,
    /// UTF-16 little endian (with or without BOM).
    Utf16Le,
    /// UTF-16 big endian (with or without BOM).
    Utf16Be,
}

impl TextEncoding {
    /// The name shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Gb18030 => "GB18030",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// Decoded text.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// The encoding it was read as.
    pub encoding: TextEncoding,
    /// The text holds stray NUL bytes (rows holding one are rejected: `rows`).
    pub nul: bool,
    /// Some bytes were not valid and were replaced by U+FFFD (rows holding one are rejected).
    pub lossy: bool,
}

/// True when `bytes` start with the gzip magic `1f 8b`.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses a gzip file (all members), refusing more than `MAX_DECOMPRESSED` bytes.
pub fn gunzip(file: &str, bytes: &[u8]) -> Result<Vec<u8>, IngestError> {
    gunzip_limited(file, bytes, MAX_DECOMPRESSED)
}

fn gunzip_limited(file: &str, bytes: &[u8], limit: u64) -> Result<Vec<u8>, IngestError> {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4));
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    decoder.take(limit + 1).read_to_end(&mut out).map_err(|e| {
        IngestError::new(IngestErrorKind::Binary {
            file: file.to_string(),
            what: BinaryKind::DamagedGzip(e.to_string()),
        })
    })?;
    if out.len() as u64 > limit {
        return Err(IngestError::new(IngestErrorKind::TooLarge {
            file: file.to_string(),
            limit,
        }));
    }
    Ok(out)
}

/// What a binary file looks like, from its magic number.
fn describe_binary(bytes: &[u8], nul_at: Option<usize>) -> BinaryKind {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"\x89PNG", "binary.png"),
        (b"\xff\xd8\xff", "binary.jpeg"),
        (b"GIF8", "binary.gif"),
        (b"%PDF", "binary.pdf"),
        (b"\x7fELF", "binary.elf"),
        (b"MZ", "binary.exe"),
        (b"\xd0\xcf\x11\xe0", "binary.xls"),
        (b"Rar!", "binary.rar"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return BinaryKind::Known(what);
    }
    match nul_at {
        Some(i) => BinaryKind::Nul(i),
        None => BinaryKind::Controls,
    }
}

/// UTF-16 without BOM: ASCII-range text leaves a NUL in every other byte.
fn sniff_utf16(sample: &[u8]) -> Option<TextEncoding> {
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // ASCII characters put a NUL in one parity (≥ 10 % of pairs); text leaves the other
    // parity almost free of NULs (binary files have them in both)
    let utf16 = |nul: usize, other: usize| nul * 10 >= pairs && other * 8 <= nul;
    if utf16(odd, even) {
        Some(TextEncoding::Utf16Le)
    } else if utf16(even, odd) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// At most this share of a text's bytes may be NUL (1 in 1,000, and at least 16 of them):
/// a stray NUL in a cell of an export (a bad copy, a damaged sector) rejects its row only.
const STRAY_NULS_PER_MILLE: usize = 1;

/// True when `bytes` are text with a few stray NUL bytes rather than binary data: no known
/// binary signature, few NULs, few other control bytes.
fn stray_nuls_only(bytes: &[u8], sample: &[u8], controls: usize) -> bool {
    if matches!(describe_binary(bytes, None), BinaryKind::Known(_)) {
        return false;
    }
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    let allowed = (bytes.len() * STRAY_NULS_PER_MILLE / 1000).max(16);
    let sample_nuls = sample.iter().filter(|&&b| b == 0).count();
    nuls <= allowed && (controls - sample_nuls) * 10 <= sample.len()
}

/// Refuses binary data; `Ok(true)` for text with stray NUL bytes.
fn refuse_binary(file: &str, bytes: &[u8]) -> Result<bool, IngestError> {
    // `contains` on bytes is a memchr; find the position only when there is one
    let nul_at = if bytes.contains(&0) {
        bytes.iter().position(|&b| b == 0)
    } else {
        None
    };
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a))
        .count();
    if nul_at.is_some() && stray_nuls_only(bytes, sample, controls) {
        return Ok(true);
    }
    if nul_at.is_some() || controls * 10 > sample.len() {
        return Err(IngestError::new(IngestErrorKind::Binary {
            file: file.to_string(),
            what: describe_binary(bytes, nul_at),
        }));
    }
    Ok(false)
}

/// 1-based line of byte `at`.
fn line_of(bytes: &[u8], at: usize) -> u64 {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

fn decode_utf16(file: &str, bytes: &[u8], encoding: TextEncoding) -> Result<Decoded, IngestError> {
    let enc = match encoding {
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        _ => encoding_rs::UTF_16LE,
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    if text.contains('\0') {
        return Err(IngestError::new(IngestErrorKind::Binary {
            file: file.to_string(),
            what: describe_binary(bytes, bytes.iter().position(|&b| b == 0)),
        }));
    }
    Ok(Decoded {
        text,
        encoding,
        nul: false,
        lossy: had_errors,
    })
}

/// Decodes the bytes of a text file. `bytes` is consumed so valid UTF-8 (the common case)
/// becomes the `String` without a copy.
pub fn decode_text(file: &str, mut bytes: Vec<u8>) -> Result<Decoded, IngestError> {
    let empty = || {
        IngestError::new(IngestErrorKind::Empty {
            file: file.to_string(),
        })
    };
    if bytes.starts_with(&[0xef, 0xbb, 0xbf]) {
        bytes.drain(..3);
        return match String::from_utf8(bytes) {
            Ok(text) => finish(text, TextEncoding::Utf8Bom, false, None, empty),
            Err(e) => {
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                finish(text, TextEncoding::Utf8Bom, true, None, empty)
            }
        };
    }
    if bytes.starts_with(&[0xff, 0xfe]) {
        let d = decode_utf16(file, &bytes[2..], TextEncoding::Utf16Le)?;
        return finish(d.text, d.encoding, d.lossy, Some(false), empty);
    }
    if bytes.starts_with(&[0xfe, 0xff]) {
        let d = decode_utf16(file, &bytes[2..], TextEncoding::Utf16Be)?;
        return finish(d.text, d.encoding, d.lossy, Some(false), empty);
    }
    if let Some(enc) = sniff_utf16(&bytes[..bytes.len().min(SAMPLE)]) {
        let d = decode_utf16(file, &bytes, enc)?;
        return finish(d.text, d.encoding, d.lossy, Some(false), empty);
    }
    let nul = Some(refuse_binary(file, &bytes)?);
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return finish(text, TextEncoding::Utf8, false, nul, empty),
        Err(e) => e.into_bytes(),
    };
    // Not UTF-8. Mostly-UTF-8 text with a few broken sequences stays UTF-8 (GB18030 would
    // turn its Chinese into mojibake); otherwise GB18030 if it decodes cleanly.
    let (mut good, mut bad, mut first_bad) = (0usize, 0usize, None);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
            first_bad.get_or_insert(chunk.invalid().as_ptr() as usize - bytes.as_ptr() as usize);
        }
    }
    if good < bad * 20 {
        if let Some(text) =
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes)
        {
            return finish(text.into_owned(), TextEncoding::Gb18030, false, nul, empty);
        }
    }
    if good >= bad * 20 {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        return finish(text, TextEncoding::Utf8, true, nul, empty);
    }
    let at = first_bad.unwrap_or(0);
    Err(IngestError::new(IngestErrorKind::UnsupportedEncoding {
        file: file.to_string(),
        line: line_of(&bytes, at),
        byte: bytes.get(at).copied().unwrap_or(0),
    }))
}

/// The decoded text, unless it is empty; `nul`: whether it holds a NUL byte, when known.
fn finish(
    text: String,
    encoding: TextEncoding,
    lossy: bool,
    nul: Option<bool>,
    empty: impl Fn() -> IngestError,
) -> Result<Decoded, IngestError> {
    if text.trim().is_empty() {
        return Err(empty());
    }
    let nul = nul.unwrap_or_else(|| text.as_bytes().contains(&0));
    Ok(Decoded {
        text,
        encoding,
        nul,
        lossy,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], encoding: TextEncoding, text: &str) {
        let d = decode_text("t.csv", bytes.to_vec()).expect("decodes");
        assert_eq!(d.encoding, encoding);
        assert_eq!(d.text, text);
    }

    fn kind(bytes: &[u8]) -> IngestErrorKind {
        decode_text("t.csv", bytes.to_vec())
            .expect_err("must fail")
            .into_kind()
    }

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn utf8_is_read_as_is() {
        check(
            "订单号,a\n1,2\n".as_bytes(),
            TextEncoding::Utf8,
            "订单号,a\n1,2\n",
        );
    }

    #[test]
    fn a_utf8_bom_is_removed() {
        check(b"\xef\xbb\xbfa,b\n", TextEncoding::Utf8Bom, "a,b\n");
    }

    #[test]
    fn gbk_bytes_are_detected_as_gb18030() {
        let text = "订单号,会员ID,下单时间\nA1,张三,2024-03-05\n";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        check(&bytes, TextEncoding::Gb18030, text);
    }

    #[test]
    fn utf16_with_bom_is_detected_in_both_byte_orders() {
        let mut le = vec![0xff, 0xfe];
        le.extend(utf16("订单,a\n", true));
        check(&le, TextEncoding::Utf16Le, "订单,a\n");
        let mut be = vec![0xfe, 0xff];
        be.extend(utf16("订单,a\n", false));
        check(&be, TextEncoding::Utf16Be, "订单,a\n");
    }

    #[test]
    fn utf16_without_bom_is_detected_by_its_nul_bytes() {
        check(
            &utf16("order_id\tqty\n1\t2\n", true),
            TextEncoding::Utf16Le,
            "order_id\tqty\n1\t2\n",
        );
        check(
            &utf16("order_id\tqty\n1\t2\n", false),
            TextEncoding::Utf16Be,
            "order_id\tqty\n1\t2\n",
        );
    }

    #[test]
    fn binary_files_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert!(matches!(
            kind(png),
            IngestErrorKind::Binary {
                what: BinaryKind::Known("binary.png"),
                ..
            }
        ));
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
        assert!(matches!(kind(elf), IngestErrorKind::Binary { .. }));
        let controls = vec![1u8; 100];
        assert!(matches!(kind(&controls), IngestErrorKind::Binary { .. }));
    }

    #[test]
    fn empty_and_blank_files_are_empty() {
        assert!(matches!(kind(b""), IngestErrorKind::Empty { .. }));
        assert!(matches!(kind(b" \r\n\n"), IngestErrorKind::Empty { .. }));
        assert!(matches!(
            kind(b"\xef\xbb\xbf"),
            IngestErrorKind::Empty { .. }
        ));
    }

    #[test]
    fn undecodable_bytes_name_their_line() {
        // Latin-1 "café" is neither UTF-8 nor GB18030 (0xE9 then a comma)
        let bytes = b"a,b\nx,caf\xe9,\n";
        match kind(bytes) {
            IngestErrorKind::UnsupportedEncoding { line, byte, .. } => {
                assert_eq!((line, byte), (2, 0xe9));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mostly_utf8_text_with_a_broken_byte_stays_utf8_and_lossy() {
        let mut bytes = "名称,数量\n".repeat(30).into_bytes();
        bytes.extend_from_slice(b"x\xff,1\n");
        let d = decode_text("t.csv", bytes).expect("decodes");
        assert_eq!(d.encoding, TextEncoding::Utf8);
        assert!(d.lossy);
        assert!(d.text.contains('\u{fffd}'));
    }

    #[test]
    fn gzip_is_detected_and_decompressed() {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(b"a,b\n1,2\n").expect("writes");
        let gz = enc.finish().expect("finishes");
        assert!(is_gzip(&gz));
        assert_eq!(gunzip("t.csv.gz", &gz).expect("gunzips"), b"a,b\n1,2\n");
        let err = gunzip_limited("t.csv.gz", &gz, 4).expect_err("too large");
        assert!(matches!(err.kind(), IngestErrorKind::TooLarge { .. }));
        let err = gunzip("t.csv.gz", &gz[..10]).expect_err("damaged");
        assert_eq!(err.code(), "ingest.binary_file");
    }
}
