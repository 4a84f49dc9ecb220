// The routes of sameorigin.config.ts for SvelteKit's server: load functions' `fetch('/api/...')`
// re-enters this hook with the page request's cookies, and goes to the backend through the routes.
import { handleSameOrigin } from '@sameorigin/sveltekit/hooks'

export const handle = handleSameOrigin
