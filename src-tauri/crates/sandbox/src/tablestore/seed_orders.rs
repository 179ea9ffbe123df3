//! The large seed table `orders`, computed row by row from its index so that 200,000 rows
//! (or millions) cost no start-up time and no memory until they are read.

use chrono::{DateTime, SecondsFormat};
use tablestore_wire::{PrimaryKeyValue, Value};

use super::schema::Key;
use super::table::{RowSource, StoredRow, Version};

/// 2026-01-01T00:00:00Z in milliseconds: the first order's event time.
pub const FIRST_ORDER_MS: i64 = 1_767_225_600_000;
const STATUSES: [&str; 6] = [
    "created",
    "paid",
    "shipped",
    "delivered",
    "cancelled",
    "refunded",
];
const REGIONS: [&str; 5] = [
    "cn-hangzhou",
    "cn-shanghai",
    "cn-beijing",
    "ap-southeast-1",
    "eu-central-1",
];
const CURRENCIES: [&str; 3] = ["CNY", "USD", "EUR"];

/// Orders numbered `1..=rows` (`order_id`), about 13 s apart.
#[derive(Debug, Clone, Copy)]
pub struct Orders {
    pub rows: usize,
}

/// A cheap, well-mixed hash so each row's values look random but never change.
fn mix(index: usize, salt: u64) -> u64 {
    let mut z = (index as u64) ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `value % n` as an index; `n` is a small constant so the cast cannot lose anything.
#[allow(clippy::cast_possible_truncation)] // the result is below n, a small array length
fn pick(value: u64, n: usize) -> usize {
    (value % n as u64) as usize
}

impl Orders {
    pub fn event_time_ms(index: usize) -> i64 {
        let offset = i64::try_from(index).unwrap_or(i64::MAX) * 13_000;
        FIRST_ORDER_MS + offset + i64::try_from(mix(index, 7) % 1000).unwrap_or(0)
    }
}

impl RowSource for Orders {
    fn row_count(&self) -> usize {
        self.rows
    }

    fn key(&self, index: usize) -> Key {
        vec![PrimaryKeyValue::Integer(
            i64::try_from(index).unwrap_or(i64::MAX) + 1,
        )]
    }

    fn row(&self, index: usize) -> StoredRow {
        let h = mix(index, 1);
        let event_ms = Self::event_time_ms(index);
        let created_at = DateTime::from_timestamp_millis(event_ms)
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
            .unwrap_or_default();
        let quantity = i64::try_from(h % 20).unwrap_or(0) + 1;
        let unit_cents = i64::try_from(mix(index, 2) % 50_000).unwrap_or(0) + 99;
        #[allow(clippy::cast_precision_loss)] // cents below 2^53 are exact in an f64
        let amount = (quantity * unit_cents) as f64 / 100.0;
        let status = STATUSES[pick(h >> 8, STATUSES.len())];
        let mut cells: Vec<(&str, Value)> = vec![
            (
                "customer_id",
                Value::String(format!("C{:06}", mix(index, 3) % 50_000)),
            ),
            ("status", Value::String(status.to_owned())),
            ("amount", Value::Double(amount)),
            ("quantity", Value::Integer(quantity)),
            ("paid", Value::Boolean(status != "created")),
            (
                "currency",
                Value::String(CURRENCIES[pick(h >> 16, CURRENCIES.len())].to_owned()),
            ),
            (
                "region",
                Value::String(REGIONS[pick(h >> 24, REGIONS.len())].to_owned()),
            ),
            ("created_at", Value::String(created_at)),
            ("event_time_ms", Value::Integer(event_ms)),
        ];
        // Optional columns: present in some rows only, as real data is.
        if (h >> 32) % 10 < 3 {
            cells.push((
                "coupon_code",
                Value::String(format!("SAVE{}", (h >> 36) % 50)),
            ));
        }
        if (h >> 40).is_multiple_of(20) {
            cells.push((
                "invoice_pdf",
                Value::Binary(mix(index, 4).to_le_bytes().to_vec()),
            ));
        }
        let mut row = StoredRow::default();
        for (name, value) in cells {
            row.columns.insert(
                name.to_owned(),
                vec![Version {
                    timestamp: event_ms,
                    value,
                }],
            );
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_keys_increase_and_rows_are_the_same_every_time() {
        let orders = Orders { rows: 1000 };
        assert!((1..1000).all(|i| orders.key(i - 1) < orders.key(i)));
        assert_eq!(orders.row(42), orders.row(42));
        let row = orders.row(0);
        let created = &row.columns["created_at"][0].value;
        assert_eq!(created, &Value::String("2026-01-01T00:00:00Z".to_owned()));
        assert!(matches!(
            row.columns["event_time_ms"][0].value,
            Value::Integer(ms) if (FIRST_ORDER_MS..FIRST_ORDER_MS + 1000).contains(&ms)
        ));
        let with_coupon = (0..1000)
            .filter(|&i| orders.row(i).columns.contains_key("coupon_code"))
            .count();
        assert!((200..400).contains(&with_coupon), "{with_coupon} of 1000");
    }
}
