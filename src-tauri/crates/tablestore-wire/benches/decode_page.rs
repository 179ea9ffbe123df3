//! Decoding a realistic 4 MB GetRange page (see `support/page.rs`): the streaming borrowed
//! decode reusing one `RowRef` (`RowReader::next_into`, no allocation per row), the same
//! through the iterator (two vectors allocated per row), and the iterator plus copying every
//! row into owned `Row`s.
//!
//! Run: `cargo bench -p tablestore-wire --bench decode_page -- --warm-up-time 1 --measurement-time 3`
//! Compare with Python: `tests/conformance/plainbuffer/bench_python.py`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tablestore_wire::plainbuffer::{RowReader, RowRef};

#[path = "support/page.rs"]
mod page;

fn decode_page(c: &mut Criterion) {
    let page = page::realistic_page(page::PAGE_BYTES);
    let rows = RowReader::new(&page).expect("header").count();
    let mut group = c.benchmark_group(format!("decode_4mb_page_{rows}_rows"));
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("borrowed_streaming", |b| {
        b.iter(|| {
            let mut reader = RowReader::new(black_box(&page)).expect("header");
            let mut row = RowRef::default();
            let mut cells = 0;
            while let Some(read) = reader.next_into(&mut row) {
                read.expect("valid");
                cells += row.cells.len();
            }
            cells
        });
    });
    group.bench_function("borrowed_iterator", |b| {
        b.iter(|| {
            let mut cells = 0;
            for row in RowReader::new(black_box(&page)).expect("header") {
                cells += row.expect("valid").cells.len();
            }
            cells
        });
    });
    group.bench_function("owned_rows", |b| {
        b.iter(|| {
            RowReader::new(black_box(&page))
                .expect("header")
                .map(|row| row.map(|row| row.to_row()))
                .collect::<Result<Vec<_>, _>>()
                .expect("valid")
        });
    });
    group.finish();
}

criterion_group!(benches, decode_page);
criterion_main!(benches);
