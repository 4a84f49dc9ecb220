// The public entry. Its types are in index.d.mts, written by hand so TypeScript users need no allowJs;
// the package typecheck compares them with the JSDoc types of the implementation.
export { startBackend } from './start-backend.mjs'
