#include "CCmarkArena.h"

#include <cmark-gfm.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// A thread's arena is a list of chunks, used in order and kept when reset. Each block starts
// after a 16-byte header holding its size, so that `realloc` knows how much to copy, and the
// most recent block can grow in place (a growing buffer is usually the last thing allocated).
//
// Freed blocks are kept by size and handed out again. cmark-gfm frees many short-lived blocks
// while it parses (a table row's cells and their unescaped copies, text nodes merged into one,
// buffers that moved as they grew); when freeing did nothing, all of them stayed in the arena,
// and a lint of the list touched about 3 MB more memory than with malloc, 760 more page faults.

enum { header = 16, alignment = 16, small_limit = 4096 };
static const size_t chunk_size = (size_t)4 << 20;

struct chunk {
    struct chunk *next;
    size_t capacity;  // usable bytes after this struct, a multiple of `alignment`
    size_t used;
};

static __thread struct chunk *first;    // the arena's chunks, oldest first
static __thread struct chunk *current;  // where blocks are being cut now
static __thread char *last;             // the most recent block, or NULL
// Freed blocks, linked through their first bytes: one list for each size up to `small_limit`
// (index: size / alignment), and one list of larger blocks, taken first fit.
static __thread char *free_small[small_limit / alignment + 1];
static __thread char *free_large;

static void forget_free_blocks(void) {
    memset(free_small, 0, sizeof free_small);
    free_large = NULL;
}

// The chunk's header, rounded up so that blocks are aligned.
static const size_t chunk_header = (sizeof(struct chunk) + alignment - 1) & ~(size_t)(alignment - 1);

static char *chunk_start(struct chunk *chunk) { return (char *)chunk + chunk_header; }

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void free_chunks(void *unused) {
    (void)unused;
    while (first) {
        struct chunk *next = first->next;
        free(first);
        first = next;
    }
    current = NULL;
    last = NULL;
    forget_free_blocks();
}

static void make_key(void) { pthread_key_create(&key, free_chunks); }

static size_t round_up(size_t bytes) { return (bytes + alignment - 1) & ~(size_t)(alignment - 1); }

// A chunk after `current` with room for `bytes`, reusing kept chunks before making a new one.
static struct chunk *chunk_with_room(size_t bytes) {
    struct chunk *candidate = current ? current->next : first;
    while (candidate && candidate->capacity < bytes) candidate = candidate->next;
    if (candidate) {
        // Chunks skipped for being too small stay in the list for the next parse.
        candidate->used = 0;
        return candidate;
    }
    size_t capacity = bytes > chunk_size ? round_up(bytes) : chunk_size;
    struct chunk *made = malloc(chunk_header + capacity);
    if (!made) return NULL;
    // The thread's chunks are freed when it ends (the key's value only has to be non-NULL).
    pthread_once(&key_once, make_key);
    pthread_setspecific(key, made);
    made->capacity = capacity;
    made->used = 0;
    // Appended at the end of the list, so that the order of use stays the order of the list.
    made->next = NULL;
    if (!first) {
        first = made;
    } else {
        struct chunk *tail = first;
        while (tail->next) tail = tail->next;
        tail->next = made;
    }
    return made;
}

// The stored size of a block: what it can hold.
static size_t *stored_size(char *pointer) { return (size_t *)(pointer - header); }

// A freed block of at least `size` bytes (a multiple of `alignment`), taken off its list, or NULL.
static char *reused(size_t size) {
    if (size <= small_limit) {
        char **list = &free_small[size / alignment];
        char *found = *list;
        if (found) *list = *(char **)found;
        return found;
    }
    for (char **link = &free_large; *link; link = (char **)*link) {
        char *found = *link;
        if (*stored_size(found) >= size) {
            *link = *(char **)found;
            return found;
        }
    }
    return NULL;
}

static void *block(size_t size) {
    if (size > SIZE_MAX - header - alignment) return NULL;
    // At least one alignment step, so that a freed block can hold its list link.
    size_t payload = size ? round_up(size) : alignment;
    char *again = reused(payload);
    if (again) return again;
    size_t bytes = header + payload;
    if (!current || current->capacity - current->used < bytes) {
        struct chunk *next = chunk_with_room(bytes);
        if (!next) return NULL;
        current = next;
    }
    char *start = chunk_start(current) + current->used;
    current->used += bytes;
    *(size_t *)start = payload;
    last = start + header;
    return last;
}

// Whether `pointer` lies in one of the calling thread's chunks. A block cmark-gfm allocated
// elsewhere (its default allocator) is left alone, as every block was before reuse.
static int owns(const char *pointer) {
    for (struct chunk *chunk = first; chunk; chunk = chunk->next) {
        const char *start = chunk_start(chunk);
        if (pointer >= start && pointer < start + chunk->capacity) return 1;
    }
    return 0;
}

static void arena_free(void *pointer) {
    if (!pointer || !owns(pointer)) return;
    char *freed = pointer;
    size_t size = *stored_size(freed);
    if (freed == last) {
        // The most recent block gives its room back to the chunk.
        current->used -= header + size;
        last = NULL;
        return;
    }
    char **list = size <= small_limit ? &free_small[size / alignment] : &free_large;
    *(char **)freed = *list;
    *list = freed;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) return NULL;
    void *memory = block(count * size);
    if (memory) memset(memory, 0, count * size);
    return memory;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return block(size);
    size_t *stored = (size_t *)((char *)pointer - header);
    size_t old = *stored;
    if (size <= old) return pointer;
    if ((char *)pointer == last) {
        // The last block grows where it is when its chunk has room.
        size_t grown = round_up(size);
        char *chunk_end = chunk_start(current) + current->capacity;
        if (grown <= (size_t)(chunk_end - (char *)pointer)) {
            current->used += grown - old;
            *stored = grown;
            return pointer;
        }
    }
    void *moved = block(size);
    if (moved) {
        memcpy(moved, pointer, old);
        arena_free(pointer);
    }
    return moved;
}

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

void *ccmark_arena_mem(void) { return &arena; }

void ccmark_arena_release(void) { free_chunks(NULL); }

void ccmark_arena_reset(void) {
    if (first) first->used = 0;
    current = first;
    last = NULL;
    forget_free_blocks();
}
