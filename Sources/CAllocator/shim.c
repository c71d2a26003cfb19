#include "CAllocator.h"

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
