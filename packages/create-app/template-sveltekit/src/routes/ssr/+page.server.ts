import type { PageServerLoad } from './$types'

// SvelteKit's own `fetch`: a same-origin path re-enters src/hooks.server.ts with the page request's
// cookies, and the hook sends it to the backend through the routes of sameorigin.config.ts.
export const load: PageServerLoad = async ({ fetch }) => {
  const response = await fetch('/api/me')
  return { name: response.ok ? ((await response.json()) as { name: string }).name : 'anonymous' }
}
