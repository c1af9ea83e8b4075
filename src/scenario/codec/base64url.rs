//! Base64url without padding (RFC 4648 §5, "URL and Filename safe"), the
//! alphabet that survives URL fragments and chat apps without escaping.
//!
//! Decoding is strict so that a tampered link is reported where it breaks:
//! a character outside the alphabet, a length that no encoder produces
//! (`len % 4 == 1`), or non-zero bits in the last character (RFC 4648 §3.5:
//! "pad bits MUST be set to zero by conforming encoders"; refusing them keeps
//! one text per payload).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a text is not base64url.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside `A-Z a-z 0-9 - _`, at this 0-based position.
    BadCharacter {
        /// Position in the payload text.
        position: usize,
        /// The character found.
        found: char,
    },
    /// `len % 4 == 1`: one character cannot carry a whole byte.
    BadLength(usize),
    /// The last character carries bits beyond the data (RFC 4648 §3.5).
    NonZeroPadBits(usize),
}

impl std::fmt::Display for Base64Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Base64Error::BadCharacter { position, found } => write!(
                f,
                "bad base64url at position {position}: {found:?} is not one of A-Z a-z 0-9 - _"
            ),
            Base64Error::BadLength(n) => write!(
                f,
                "bad base64url length {n}: a length of 4k+1 characters cannot be decoded (the link is cut)"
            ),
            Base64Error::NonZeroPadBits(p) => write!(
                f,
                "bad base64url at position {p}: the last character has bits set beyond the data"
            ),
        }
    }
}

/// `bytes` as base64url, no padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// The bytes `text` encodes; `text` is base64url without padding.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(Base64Error::BadLength(bytes.len()));
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for (c, chunk) in bytes.chunks(4).enumerate() {
        let mut n: u32 = 0;
        for (i, &ch) in chunk.iter().enumerate() {
            let position = c * 4 + i;
            let v = value(ch).ok_or_else(|| Base64Error::BadCharacter {
                position,
                // The text is UTF-8; name the whole character, not a byte of it.
                found: text
                    .get(position..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or(char::REPLACEMENT_CHARACTER),
            })?;
            n |= v << (18 - 6 * i);
        }
        let full = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = chunk.len() * 6 / 8;
        if n & (0x00FF_FFFF >> (keep * 8)) != 0 {
            return Err(Base64Error::NonZeroPadBits(c * 4 + chunk.len() - 1));
        }
        out.extend_from_slice(full.get(..keep).unwrap_or(&full));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648 §10 test vectors, in the URL-safe alphabet without padding.
    #[test]
    fn rfc4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded), Ok(plain.as_bytes().to_vec()), "{coded}");
        }
    }

    /// §5: 62 and 63 are `-` and `_`, never `+` and `/`.
    #[test]
    fn url_safe_alphabet() {
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("-_8"), Ok(vec![0xfb, 0xff]));
        assert_eq!(
            decode("+_8"),
            Err(Base64Error::BadCharacter {
                position: 0,
                found: '+'
            })
        );
    }

    /// Errors name the position; padding `=` is refused like any other
    /// character; 4k+1 lengths and set pad bits (§3.5) are refused.
    #[test]
    fn bad_inputs() {
        let cases: &[(&str, Base64Error)] = &[
            ("Zm9v=", Base64Error::BadLength(5)),
            (
                "Zm8=",
                Base64Error::BadCharacter {
                    position: 3,
                    found: '=',
                },
            ),
            (
                "Zm9vé",
                Base64Error::BadCharacter {
                    position: 4,
                    found: 'é',
                },
            ),
            ("Zh", Base64Error::NonZeroPadBits(1)),
            ("Zm9", Base64Error::NonZeroPadBits(2)),
        ];
        for (text, err) in cases {
            assert_eq!(decode(text).as_ref(), Err(err), "{text}");
        }
    }
}
