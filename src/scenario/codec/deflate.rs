//! Raw deflate (RFC 1951) with a preset dictionary, on `miniz_oxide`.
//!
//! A preset dictionary is text both sides agree on before the stream
//! starts, so back-references can point into it (zlib's
//! `deflateSetDictionary`, RFC 1950 §2.2 `FDICT`). `miniz_oxide` has no such
//! call, so the same stream is made by hand: the compressor reads the
//! dictionary first and sync-flushes (which ends the block on a byte
//! boundary but keeps the window), then reads the data; the bytes after
//! the flush are the payload. The decompressor writes into a buffer that
//! already holds the dictionary, in non-wrapping mode, so distances may
//! reach back into it but never before it.
//!
//! Decompression stops at `limit` output bytes: a small link cannot
//! expand into a large allocation (deflate reaches about 1032:1).

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Why a payload does not inflate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InflateError {
    /// The stream ends before its last block does (a cut link).
    Truncated,
    /// The stream is not valid deflate (a tampered link), or refers back
    /// beyond the dictionary.
    Corrupt,
    /// Bytes follow the end of the stream.
    TrailingData(usize),
    /// The output passes `limit` bytes.
    TooLarge(usize),
}

/// Runs the compressor over `input` with `flush`, appending to `out`.
fn pump(c: &mut CompressorOxide, mut input: &[u8], flush: TDEFLFlush, out: &mut Vec<u8>) {
    let mut buf = vec![0u8; 16 * 1024];
    // Each round either consumes input or drains output; the bound only
    // guards against a compressor that does neither.
    for _ in 0..(input.len() / 64 + 1024) {
        let (status, read, written) = compress(c, input, &mut buf, flush);
        out.extend_from_slice(buf.get(..written).unwrap_or_default());
        input = input.get(read..).unwrap_or_default();
        let done = status == TDEFLStatus::Done
            || status != TDEFLStatus::Okay
            || (input.is_empty() && written < buf.len());
        if done {
            return;
        }
    }
}

/// `data` deflated (level 10, raw, 32 KiB window) after `dict`.
pub fn deflate(dict: &[u8], data: &[u8]) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(10, -15, 0);
    let mut c = CompressorOxide::new(flags);
    let mut out = Vec::new();
    let mut skip = 0;
    if !dict.is_empty() {
        pump(&mut c, dict, TDEFLFlush::Sync, &mut out);
        skip = out.len();
    }
    pump(&mut c, data, TDEFLFlush::Finish, &mut out);
    out.split_off(skip.min(out.len()))
}

/// Inflates `data`, a stream that [`deflate`] made with the same `dict`,
/// refusing output longer than `limit`.
pub fn inflate(dict: &[u8], data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let start = dict.len();
    let mut out = dict.to_vec();
    out.resize(start + limit.min(16 * 1024), 0);
    let mut pos = start;
    let mut input = data;
    let mut d = DecompressorOxide::new();
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    // Every round consumes input, writes output or grows the buffer towards
    // `limit`, so the rounds are bounded by input + limit / 16 KiB doublings.
    for _ in 0..(data.len() + 64) {
        let (status, read, written) = decompress(&mut d, input, &mut out, pos, flags);
        input = input.get(read..).unwrap_or_default();
        pos += written;
        match status {
            TINFLStatus::Done => {
                if !input.is_empty() {
                    return Err(InflateError::TrailingData(input.len()));
                }
                out.truncate(pos);
                return Ok(out.split_off(start));
            }
            TINFLStatus::HasMoreOutput => {
                let have = out.len() - start;
                if have >= limit {
                    return Err(InflateError::TooLarge(limit));
                }
                out.resize(start + have.saturating_mul(2).min(limit), 0);
            }
            TINFLStatus::NeedsMoreInput | TINFLStatus::FailedCannotMakeProgress => {
                return Err(InflateError::Truncated)
            }
            _ => return Err(InflateError::Corrupt),
        }
    }
    Err(InflateError::Corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dictionary makes text it contains almost free (RFC 1950 §2.2
    /// FDICT semantics), and the same dictionary restores it.
    #[test]
    fn dictionary_round_trip_and_gain() {
        let dict = b"\"ResourceRecordSets\":[{\"Name\":\"api.hello-localstack.com.\"";
        let data =
            b"{\"ResourceRecordSets\":[{\"Name\":\"api.hello-localstack.com.\",\"TTL\":60}]}";
        let with = deflate(dict, data);
        let without = deflate(b"", data);
        assert!(
            with.len() + 30 < without.len(),
            "{} vs {}",
            with.len(),
            without.len()
        );
        assert_eq!(inflate(dict, &with, 1024), Ok(data.to_vec()));
        assert_eq!(inflate(b"", &without, 1024), Ok(data.to_vec()));
        // Without the dictionary the references point before the start.
        assert_eq!(inflate(b"", &with, 1024), Err(InflateError::Corrupt));
    }

    /// The output limit is exact: `limit` bytes inflate, `limit - 1` do not.
    #[test]
    fn limit_is_exact_and_bombs_stop() {
        let data = vec![b'a'; 100_000];
        let packed = deflate(b"", &data);
        assert!(packed.len() < 200);
        assert_eq!(inflate(b"", &packed, 100_000).map(|v| v.len()), Ok(100_000));
        assert_eq!(
            inflate(b"", &packed, 99_999),
            Err(InflateError::TooLarge(99_999))
        );
    }

    /// A cut stream is truncated; a trailing byte is reported; garbage is
    /// corrupt (BTYPE 11 is reserved, RFC 1951 §3.2.3).
    #[test]
    fn damaged_streams() {
        let packed = deflate(b"", b"hello hello hello hello");
        let cut = packed.get(..packed.len() - 2).unwrap_or_default();
        assert_eq!(inflate(b"", cut, 1024), Err(InflateError::Truncated));
        let mut longer = packed.clone();
        longer.push(0);
        assert_eq!(
            inflate(b"", &longer, 1024),
            Err(InflateError::TrailingData(1))
        );
        assert_eq!(
            inflate(b"", &[0xff, 0xff], 1024),
            Err(InflateError::Corrupt)
        );
        assert_eq!(inflate(b"", &[], 1024), Err(InflateError::Truncated));
    }
}
