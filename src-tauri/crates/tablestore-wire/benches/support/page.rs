//! A realistic GetRange page for benchmarks: rows of 10 columns (2 key, 8 attribute, mixed
//! types, every attribute with a version timestamp as the service returns them), filled up to
//! a byte budget. Deterministic: a fixed-seed xorshift, so Rust and Python time the same bytes.

use tablestore_wire::plainbuffer::RowsWriter;
use tablestore_wire::{Cell, PrimaryKeyValue, Row, Value};

/// The service's GetRange cap (spec section 6).
pub const PAGE_BYTES: usize = 4 * 1024 * 1024;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: u64) -> usize {
        usize::try_from(self.next() % bound).unwrap_or(0)
    }

    fn text(&mut self, min: u64, spread: u64) -> String {
        const WORDS: [&str; 8] = [
            "alpha", "bravo", "Zürich", "delta", "echo", "東京", "golf", "hotel",
        ];
        let target = self.below(spread) + usize::try_from(min).unwrap_or(0);
        let mut text = String::new();
        while text.len() < target {
            text.push_str(WORDS[self.below(8)]);
            text.push(' ');
        }
        text
    }
}

fn row(rng: &mut XorShift, index: i64) -> Row {
    let version = 1_700_000_000_000 + index;
    let cell = |name: &str, value| Cell {
        name: name.to_owned(),
        value: Some(value),
        timestamp: Some(version),
    };
    let payload: Vec<u8> = (0..16 + rng.below(48))
        .map(|_| rng.next().to_le_bytes()[0])
        .collect();
    Row {
        primary_key: vec![
            (
                "user_id".into(),
                PrimaryKeyValue::String(format!("u-{:012}", rng.below(1_000_000_000))),
            ),
            ("seq".into(), PrimaryKeyValue::Integer(index)),
        ],
        cells: vec![
            cell("name", Value::String(rng.text(8, 16))),
            cell(
                "email",
                Value::String(format!("user{}@example.com", rng.below(1_000_000))),
            ),
            cell(
                "age",
                Value::Integer(i64::try_from(rng.below(100)).unwrap_or(0)),
            ),
            cell(
                "score",
                Value::Double(f64::from(u32::try_from(rng.below(1_000_000)).unwrap_or(0)) / 7.0),
            ),
            cell("active", Value::Boolean(rng.next() & 1 == 1)),
            cell("created_at", Value::Integer(version - 86_400_000)),
            cell("payload", Value::Binary(payload)),
            cell("note", Value::String(rng.text(0, 80))),
        ],
    }
}

/// Rows encoded back to back until the next one would pass `max_bytes`.
pub fn realistic_page(max_bytes: usize) -> Vec<u8> {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut writer = RowsWriter::new();
    for index in 0.. {
        let next = row(&mut rng, index);
        let mut probe = RowsWriter::new();
        probe.push(&next).expect("encodes");
        if writer.len() + probe.len() - 4 > max_bytes {
            break;
        }
        writer.push(&next).expect("encodes");
    }
    writer.finish()
}
