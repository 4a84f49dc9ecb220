// The public API of @sameorigin/vite, listed by name. The default export is the same function:
// Vite plugins are default-imported by convention (`import sameorigin from '@sameorigin/vite'`), and
// adapter entry files are where STYLE allows a default export.
export { sameorigin, sameorigin as default } from './plugin.ts'
export type { SameoriginOptions } from './options.ts'
