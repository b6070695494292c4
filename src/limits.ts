// The sizes the tool accepts, in one place, so the README and the error messages state the same.

/** The largest text import takes (characters): far above any standard, well within time and memory. */
export const MAX_IMPORT_CHARS = 2_000_000;
