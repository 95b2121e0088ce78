//! The allocator of the native binaries (CLI, bench): mimalloc for ordinary blocks, the
//! system's malloc (each block mapped on its own) for big ones. A check makes about a thousand
//! small allocations, and glibc's malloc/free were an eighth of a batch's instructions.
//!
//! The `mimalloc` crate's allocator asks for every block through mimalloc's aligned entry
//! points; Rust's blocks are nearly all aligned to 8 bytes or less, which every mimalloc block
//! is, so those go through the plain (faster) entry points instead.
//!
//! Blocks of `BIG` bytes or more (a file's text, its line starts, the prose, an HTML page's map:
//! a few per file, tens of megabytes on a big input) go to the system allocator, with glibc's
//! threshold for mapping a block on its own held at `BIG`: such a block is given back to the
//! system as soon as it is freed, and grows in place (mremap) instead of being copied. mimalloc
//! keeps freed memory resident for a while and a growing block's old copy with it: on a 42 MB
//! input the process's peak was 20–45 % above what was alive at any time (BENCHMARKS.md,
//! "CLI memory").

use std::alloc::{GlobalAlloc, Layout, System};
use std::ffi::c_void;

/// Every mimalloc block is aligned to at least a pointer's size.
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

/// Blocks at least this large go to the system allocator.
const BIG: usize = 1 << 17;

/// glibc: map every block of `BIG` bytes or more on its own, and keep that threshold (by default
/// it rises to the size of the last such block freed, up to 32 MiB, and the blocks below it stay
/// in the heap after they are freed).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn map_big_blocks() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static DONE: AtomicBool = AtomicBool::new(false);
    if !DONE.swap(true, Ordering::Relaxed) {
        extern "C" {
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
        unsafe {
            mallopt(M_MMAP_THRESHOLD, BIG as std::ffi::c_int);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn map_big_blocks() {}

pub struct Allocator;

unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= BIG {
            map_big_blocks();
            System.alloc(layout)
        } else if layout.align() <= PLAIN_ALIGN {
            libmimalloc_sys::mi_malloc(layout.size()) as *mut u8
        } else {
            libmimalloc_sys::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.size() >= BIG {
            map_big_blocks();
            System.alloc_zeroed(layout)
        } else if layout.align() <= PLAIN_ALIGN {
            libmimalloc_sys::mi_zalloc(layout.size()) as *mut u8
        } else {
            libmimalloc_sys::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if layout.size() >= BIG {
            System.dealloc(ptr, layout)
        } else {
            libmimalloc_sys::mi_free(ptr as *mut c_void)
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (old_big, new_big) = (layout.size() >= BIG, new_size >= BIG);
        if old_big && new_big {
            return System.realloc(ptr, layout, new_size);
        }
        if old_big != new_big {
            // From one allocator to the other: a new block, the contents, the old one freed.
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            let new = self.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            return new;
        }
        if layout.align() <= PLAIN_ALIGN {
            libmimalloc_sys::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            libmimalloc_sys::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
