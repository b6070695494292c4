// Kept equal to package.json's version (a test checks it), so the engine needs no file I/O for it.
export const VERSION = '0.1.0';
