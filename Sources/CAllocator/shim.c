#include "CAllocator.h"

// Any C library header defines __GLIBC__ when the library is glibc; test it only after one.
#include <stdint.h>
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#endif

#if defined(__GLIBC__)
/// Asks the kernel for transparent huge pages in the whole 2 MiB blocks of `[start, start + bytes)`.
/// Where huge pages are off or the size differs, the advice changes nothing.
static void advise_huge_pages(void *start, size_t bytes) {
#if defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t first = ((uintptr_t)start + huge - 1) & ~(huge - 1);
    uintptr_t end = ((uintptr_t)start + bytes) & ~(huge - 1);
    if (end > first) madvise((void *)first, end - first, MADV_HUGEPAGE);
#else
    (void)start;
    (void)bytes;
#endif
}
#endif

void callocator_tune_for_many_small_objects(void) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

void callocator_reserve_thread_heap(size_t bytes) {
#if defined(__GLIBC__)
    static __thread int reserved;
    if (reserved) return;
    reserved = 1;
    // A block below the mmap threshold comes from the thread's arena, which grows to hold it
    // with one mprotect; freeing it leaves that room to later allocations (the trim threshold
    // keeps it), so they no longer grow the arena a few pages and a system call at a time.
    // Only the block's header is written, so no memory is made resident.
    // The pointer passes through a volatile so the compiler cannot drop the pair as unused.
    char *volatile block = malloc(bytes);
    if (!block) return;
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t start = (uintptr_t)block;
    uintptr_t boundary = (start + huge - 1) & ~(huge - 1);
    free(block);
    // The room is advised for transparent huge pages: a lint touches its heap once, page by
    // page, and in a virtual machine each 4 KiB fault was about a tenth of the run. A huge page
    // is only made where nothing of its 2 MiB was touched before, so the bytes up to the first
    // boundary are held by a block that is never used or freed (address space, not memory),
    // and the heap's next allocations start at the boundary.
    if (boundary - start >= 4096) {
        void *volatile hold = malloc(boundary - start - 64);
        (void)hold;
    }
    if (start + bytes > boundary) advise_huge_pages((void *)boundary, start + bytes - boundary);
#else
    (void)bytes;
#endif
}
