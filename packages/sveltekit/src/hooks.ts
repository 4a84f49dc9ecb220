// The SvelteKit `handle` hook: `export const handle = handleSameOrigin` in src/hooks.server.js, or one
// step of `sequence(handleSameOrigin, ...)`; `createHandle(options)` when it needs options.
export { createHandle, handleSameOrigin } from './create-handle.ts'
export type { SameOriginHandleOptions } from './create-handle.ts'
