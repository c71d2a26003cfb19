// Placeholder so the target builds before it is filled in.
