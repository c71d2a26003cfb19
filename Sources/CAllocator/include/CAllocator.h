#ifndef CALLOCATOR_H
#define CALLOCATOR_H

/// Sets glibc's allocator to grow its heaps in large steps and keep freed memory (see
/// `Curator.tuneAllocator` for why); does nothing where the C library is not glibc.
void callocator_tune_for_many_small_objects(void);

#endif
