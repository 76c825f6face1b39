//! Bytes live per thread, counted by the global allocator the binary
//! installs ([`CountingAlloc`]): how the memory guard knows what one file's
//! model holds. A file is read, parsed and indexed on one worker thread, so
//! the growth of that thread's count over the file is its model (the syntax
//! tree is dropped by then). Without the allocator (a library user, unit
//! tests) the counts stay 0 and the guard never trips.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    /// Allocated minus freed on this thread (negative when it frees what
    /// another thread allocated). A `const` cell without destructor: safe
    /// to touch from the allocator, even while the thread ends.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

/// The system allocator, counting.
pub struct CountingAlloc;

fn add(n: isize) {
    let _ = LIVE.try_with(|c| c.set(c.get().wrapping_add(n)));
}

// SAFETY: every call is forwarded to `System` unchanged; the count is a
// thread-local integer that never allocates.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        add(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// This thread's count: compare two readings on one thread.
pub fn thread_live() -> isize {
    LIVE.try_with(Cell::get).unwrap_or(0)
}
