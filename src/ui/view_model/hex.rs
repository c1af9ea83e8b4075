//! The labelled hex view of a DNS message: the bytes in rows of 16, and one
//! row per wire field (offset range, name, decoded value, its bytes), so that
//! pointing at a field can highlight exactly its bytes.

/// One labelled field of the wire message, as the engine's `wire` module
/// reports it (RFC 1035 §4.1: header, question, answer... fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireField {
    /// Offset of the first byte in the message.
    pub start: usize,
    /// Number of bytes.
    pub len: usize,
    /// Field name, e.g. `ID`, `QDCOUNT`, `answer[0] RDATA`.
    pub name: String,
    /// The decoded value, e.g. `0x1c2a`, `example.com.`, `192.0.2.1`.
    pub value: String,
}

/// The whole message: its bytes and its labelled fields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WireView {
    /// The message as sent on the wire.
    pub bytes: Vec<u8>,
    /// Fields in message order; they may leave gaps and should not overlap.
    pub fields: Vec<WireField>,
}

/// One byte in the hex grid and the field it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HexByte {
    /// The byte.
    pub value: u8,
    /// Index into the field rows, if some field covers this byte.
    pub field: Option<usize>,
}

/// One line of the hex grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexLine {
    /// Offset of the line's first byte.
    pub offset: usize,
    /// Up to [`BYTES_PER_LINE`] bytes.
    pub bytes: Vec<HexByte>,
}

/// One row of the field table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRow {
    /// `0x0000–0x0001` style range of offsets (inclusive).
    pub range: String,
    /// Field name.
    pub name: String,
    /// Decoded value.
    pub value: String,
    /// The field's bytes in hex, space-separated.
    pub hex: String,
}

/// The grid and the field rows, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HexDump {
    /// The bytes, 16 per line.
    pub lines: Vec<HexLine>,
    /// One row per field that lies inside the message.
    pub fields: Vec<FieldRow>,
}

/// Bytes per grid line, as in `xxd` and Wireshark.
pub const BYTES_PER_LINE: usize = 16;

/// Most bytes a field row spells out in hex before eliding the rest (a long
/// TXT string would otherwise fill the panel).
pub const MAX_FIELD_HEX_BYTES: usize = 24;

/// Groups `view` into grid lines and field rows. A field that starts past the
/// end is dropped and one that runs past the end is cut at it (a truncated
/// message must not panic the panel); where fields overlap, the first wins
/// the bytes.
pub fn hex_dump(view: &WireView) -> HexDump {
    let n = view.bytes.len();
    let mut owner: Vec<Option<usize>> = vec![None; n];
    let mut fields = Vec::new();
    for f in &view.fields {
        if f.start >= n || f.len == 0 {
            continue;
        }
        let end = f.start.saturating_add(f.len).min(n);
        let idx = fields.len();
        for slot in owner.iter_mut().take(end).skip(f.start) {
            if slot.is_none() {
                *slot = Some(idx);
            }
        }
        let bytes = view.bytes.get(f.start..end).unwrap_or(&[]);
        let mut hex: Vec<String> = bytes
            .iter()
            .take(MAX_FIELD_HEX_BYTES)
            .map(|b| format!("{b:02x}"))
            .collect();
        if bytes.len() > MAX_FIELD_HEX_BYTES {
            hex.push(format!("… (+{} bytes)", bytes.len() - MAX_FIELD_HEX_BYTES));
        }
        fields.push(FieldRow {
            range: offset_range(f.start, end - f.start),
            name: f.name.clone(),
            value: f.value.clone(),
            hex: hex.join(" "),
        });
    }
    let lines = view
        .bytes
        .chunks(BYTES_PER_LINE)
        .enumerate()
        .map(|(i, chunk)| {
            let offset = i * BYTES_PER_LINE;
            HexLine {
                offset,
                bytes: chunk
                    .iter()
                    .enumerate()
                    .map(|(j, &value)| HexByte {
                        value,
                        field: owner.get(offset + j).copied().flatten(),
                    })
                    .collect(),
            }
        })
        .collect();
    HexDump { lines, fields }
}

/// `0x000c` for one byte, `0x000c–0x000d` for more (inclusive, as people read
/// them in a packet dump).
pub fn offset_range(start: usize, len: usize) -> String {
    if len <= 1 {
        format!("0x{start:04x}")
    } else {
        format!("0x{start:04x}–0x{:04x}", start + len - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(start: usize, len: usize, name: &str) -> WireField {
        WireField {
            start,
            len,
            name: name.into(),
            value: format!("v-{name}"),
        }
    }

    #[test]
    fn header_fields_map_to_their_bytes() {
        // RFC 1035 §4.1.1: ID is bytes 0-1, flags 2-3, QDCOUNT 4-5.
        let view = WireView {
            bytes: vec![0x1c, 0x2a, 0x01, 0x00, 0x00, 0x01],
            fields: vec![
                field(0, 2, "ID"),
                field(2, 2, "flags"),
                field(4, 2, "QDCOUNT"),
            ],
        };
        let dump = hex_dump(&view);
        assert_eq!(dump.fields.len(), 3);
        assert_eq!(dump.fields[0].range, "0x0000–0x0001");
        assert_eq!(dump.fields[0].hex, "1c 2a");
        assert_eq!(dump.fields[2].value, "v-QDCOUNT");
        let owners: Vec<Option<usize>> = dump.lines[0].bytes.iter().map(|b| b.field).collect();
        assert_eq!(
            owners,
            [Some(0), Some(0), Some(1), Some(1), Some(2), Some(2)]
        );
    }

    #[test]
    fn lines_hold_sixteen_bytes_and_a_field_may_span_two_lines() {
        let bytes: Vec<u8> = (0..40).collect();
        let view = WireView {
            bytes,
            fields: vec![field(12, 8, "QNAME")],
        };
        let dump = hex_dump(&view);
        let lens: Vec<usize> = dump.lines.iter().map(|l| l.bytes.len()).collect();
        assert_eq!(lens, [16, 16, 8]);
        assert_eq!(
            dump.lines.iter().map(|l| l.offset).collect::<Vec<_>>(),
            [0, 16, 32]
        );
        assert_eq!(dump.lines[0].bytes[11].field, None);
        assert_eq!(dump.lines[0].bytes[12].field, Some(0));
        assert_eq!(dump.lines[1].bytes[3].field, Some(0)); // byte 19
        assert_eq!(dump.lines[1].bytes[4].field, None); // byte 20
        assert_eq!(dump.fields[0].range, "0x000c–0x0013");
    }

    #[test]
    fn fields_outside_the_message_are_cut_or_dropped() {
        let view = WireView {
            bytes: vec![1, 2, 3, 4],
            fields: vec![
                field(2, 10, "runs past the end"),
                field(4, 1, "starts at the end"),
                field(1, 0, "empty"),
                field(usize::MAX, 5, "absurd offset"),
            ],
        };
        let dump = hex_dump(&view);
        assert_eq!(dump.fields.len(), 1);
        assert_eq!(dump.fields[0].range, "0x0002–0x0003");
        assert_eq!(dump.fields[0].hex, "03 04");
    }

    #[test]
    fn overlapping_fields_give_each_byte_to_the_first() {
        let view = WireView {
            bytes: vec![0; 4],
            fields: vec![field(0, 3, "a"), field(2, 2, "b")],
        };
        let dump = hex_dump(&view);
        let owners: Vec<Option<usize>> = dump.lines[0].bytes.iter().map(|b| b.field).collect();
        assert_eq!(owners, [Some(0), Some(0), Some(0), Some(1)]);
    }

    #[test]
    fn long_fields_elide_their_hex() {
        let view = WireView {
            bytes: vec![0xab; 30],
            fields: vec![field(0, 30, "TXT")],
        };
        let hex = &hex_dump(&view).fields[0].hex;
        assert!(hex.ends_with("… (+6 bytes)"), "{hex}");
        assert_eq!(hex.matches("ab").count(), MAX_FIELD_HEX_BYTES);
    }

    #[test]
    fn single_byte_range_has_no_dash() {
        assert_eq!(offset_range(255, 1), "0x00ff");
        assert_eq!(offset_range(0, 0), "0x0000");
        assert_eq!(offset_range(16, 2), "0x0010–0x0011");
    }
}
