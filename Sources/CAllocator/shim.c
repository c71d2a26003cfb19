#include "CAllocator.h"

// Any C library header defines __GLIBC__ when the library is glibc; test it only after one.
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
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
    free(block);
    // The room is not advised for transparent huge pages (an earlier version did). A huge page
    // is zeroed whole when first touched, so a lint of the list zeroed 17 MB instead of the
    // 10 MB it uses; where the 2 MiB blocks come from memory another process just freed, as
    // when a lint follows other tools, that cost more than the page faults it saved: in turns
    // with mdl and cmark-gfm (bench/lint's order), 31-32 ms a lint of the list against 37-40 ms
    // with the advice.
#else
    (void)bytes;
#endif
}
