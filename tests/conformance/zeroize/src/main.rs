//! Drops secrets and watches the allocator: no freed block may still hold the secret's bytes.
//! A plain `String` holding the same text is the control: the watcher must see that one, or
//! the check proves nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Frees that still held the watched bytes.
static SEEN_ON_FREE: AtomicUsize = AtomicUsize::new(0);
static WATCHING: AtomicBool = AtomicBool::new(false);
/// The watched bytes, set once before watching starts (no allocation inside the allocator).
static mut NEEDLE: [u8; 32] = [0; 32];

struct WatchingAllocator;

// SAFETY: every call is forwarded to the system allocator unchanged; `dealloc` only reads the
// block it is given, before handing it back.
unsafe impl GlobalAlloc for WatchingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if WATCHING.load(Ordering::SeqCst) && layout.size() >= 32 {
            // SAFETY: `ptr` is valid for `layout.size()` bytes until the call below frees it.
            let block = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            // SAFETY: NEEDLE is written once, before WATCHING turns on.
            let needle = unsafe { &*std::ptr::addr_of!(NEEDLE) };
            if block.windows(needle.len()).any(|w| w == needle) {
                SEEN_ON_FREE.fetch_add(1, Ordering::SeqCst);
            }
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: WatchingAllocator = WatchingAllocator;

/// A secret built at run time (never a literal in the binary's data).
fn sentinel() -> String {
    let mut text = String::with_capacity(32);
    for i in 0..32u8 {
        text.push(char::from(b'A' + (i * 7 + 3) % 26));
    }
    text
}

/// Runs `drop_it` while watching frees; answers how many freed blocks held the sentinel.
fn frees_holding_sentinel(drop_it: impl FnOnce()) -> usize {
    SEEN_ON_FREE.store(0, Ordering::SeqCst);
    WATCHING.store(true, Ordering::SeqCst);
    drop_it();
    WATCHING.store(false, Ordering::SeqCst);
    SEEN_ON_FREE.load(Ordering::SeqCst)
}

fn main() {
    let text = sentinel();
    // SAFETY: single-threaded here, and nothing reads NEEDLE until WATCHING is set.
    unsafe { (*std::ptr::addr_of_mut!(NEEDLE)).copy_from_slice(text.as_bytes()) };

    let mut passed = 0;
    let mut failed = 0;
    let mut check = |name: &str, ok: bool| {
        if ok {
            passed += 1;
            println!("ok   {name}");
        } else {
            failed += 1;
            println!("FAIL {name}");
        }
    };

    let plain = sentinel();
    check(
        "control: a plain String is freed with the text still in it (the watcher works)",
        frees_holding_sentinel(move || drop(plain)) == 1,
    );

    let secret = signing::Secret::new(sentinel());
    check(
        "a Secret is wiped before its memory is freed",
        frees_holding_sentinel(move || drop(secret)) == 0,
    );

    let token = signing::SecurityToken::new(sentinel());
    let copy = token.clone();
    check(
        "a SecurityToken and its clone are both wiped",
        frees_holding_sentinel(move || {
            drop(token);
            drop(copy);
        }) == 0,
    );

    println!("{passed} passed, {failed} failed");
    std::process::exit(i32::from(failed != 0));
}
