#ifndef CCMARKARENA_H
#define CCMARKARENA_H

/// An allocator for cmark-gfm that hands out blocks from the calling thread's arena: a freed block
/// is only kept for the parse's next allocation of its size, `ccmark_arena_reset` forgets them all
/// at once, and the arena's memory is kept for the thread's next parse until
/// `ccmark_arena_release` (see `GFMParser.parse` for why).

/// The `cmark_mem` (as an untyped pointer, so that this module need not import cmark-gfm's
/// headers a second time) to pass to `cmark_parser_new_with_mem`. Its functions work on the arena
/// of whichever thread calls them, so a parser that uses it must stay on one thread.
void *ccmark_arena_mem(void);

/// Forgets every block the calling thread's arena handed out. Nothing cmark-gfm allocated on
/// this thread may be used afterwards: the node tree and the parser are gone with it.
void ccmark_arena_reset(void);

/// Gives the calling thread's arena back to `malloc`, for what the thread allocates next; a later
/// parse on the thread makes a new one.
void ccmark_arena_release(void);

#endif
