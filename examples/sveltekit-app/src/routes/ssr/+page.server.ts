import type { PageServerLoad } from './$types'

/**
 * `/api/me` in a load function, with SvelteKit's own `fetch`: it re-enters `handle` with the browser's
 * cookies, and the hook (src/hooks.server.ts) sends it through the same route as the browser's calls.
 */
export const load: PageServerLoad = async ({ fetch }) => {
  const res = await fetch('/api/me')
  const body: unknown = res.ok ? await res.json() : undefined
  const user =
    typeof body === 'object' && body !== null && 'user' in body && typeof body.user === 'string'
      ? body.user
      : null
  return { user, status: res.status }
}
