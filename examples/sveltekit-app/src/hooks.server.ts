// The same routes for server code: a load function's `fetch('/api/me')` re-enters `handle` with the
// page request's cookies, and this hook sends it to the backend as the Vite plugin does the browser's.
export { handleSameOrigin as handle } from '@sameorigin/sveltekit/hooks'
