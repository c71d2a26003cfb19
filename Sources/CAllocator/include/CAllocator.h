#ifndef CALLOCATOR_H
#define CALLOCATOR_H

#include <stddef.h>

/// Sets glibc's allocator to grow its heaps in large steps and keep freed memory (see
/// `Curator.tuneAllocator` for why); does nothing where the C library is not glibc.
void callocator_tune_for_many_small_objects(void);

/// Makes the calling thread's glibc heap usable up to `bytes` at once, on the thread's first
/// call only (see `concurrentMap` for why); does nothing where the C library is not glibc.
void callocator_reserve_thread_heap(size_t bytes);

#endif
