// Plain JavaScript: vitest.config.ts files read it through Node, which loads no TypeScript there.
import process from 'node:process'

/**
 * Which dev servers a run covers, from `SAMEORIGIN_HOST_GROUP`: `base` (the bundlers' dev servers,
 * Next and the core's own hosts: `npm test`), `frameworks` (SvelteKit, Nuxt, Astro, React Router,
 * and the production targets nginx, Caddy and the Worker: `npm run test:hosts`), or unset / `all` for both. Unknown values are an error, never a silent
 * default.
 * @param {Readonly<Record<string, string | undefined>>} [env]
 * @returns {{ readonly base: boolean, readonly frameworks: boolean }}
 */
export function selectHostGroup(env = process.env) {
  const group = env.SAMEORIGIN_HOST_GROUP?.trim() || 'all'
  if (group !== 'all' && group !== 'base' && group !== 'frameworks')
    throw new Error(`SAMEORIGIN_HOST_GROUP=${group}: use base, frameworks or all`)
  return { base: group !== 'frameworks', frameworks: group !== 'base' }
}
