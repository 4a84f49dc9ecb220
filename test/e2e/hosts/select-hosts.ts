import process from 'node:process'
import { selectHostGroup } from '@sameorigin/test-utils/select-host-group'

/**
 * The dev servers the browser tests know, each with the example it serves (the folder under
 * `examples/`, which is also the scenario folder here: `<example>/__tests__`). No dev server imports, so
 * vitest.config.ts can read it without loading any dev server.
 */
export const HOST_EXAMPLES = {
  vite: 'vite-react',
  webpack: 'webpack-react',
  rsbuild: 'rsbuild-react',
  next: 'next-app',
  nuxt: 'nuxt-app',
  'react-router': 'react-router-app',
  sveltekit: 'sveltekit-app',
  astro: 'astro-app',
  angular: 'angular',
  storybook: 'storybook',
} as const

export type HostName = keyof typeof HOST_EXAMPLES

/**
 * Examples that render pages on the server with the user's session: their backend scopes the
 * session cookie to `/` (`cookiePath`), so the browser sends it with page requests too.
 */
export const SERVER_RENDERED_EXAMPLES: ReadonlySet<string> = new Set([
  'react-router-app',
  'sveltekit-app',
  'nuxt-app',
  'astro-app',
])

const NAMES = Object.keys(HOST_EXAMPLES) as HostName[]

/** The full-stack frameworks' examples: `npm run test:hosts` (`SAMEORIGIN_HOST_GROUP=frameworks`). */
const FRAMEWORKS: ReadonlySet<HostName> = new Set(['nuxt', 'react-router', 'sveltekit', 'astro'])

/**
 * The hosts named by `E2E_HOST` (`webpack`, or a list: `vite,webpack`), default every host. An unknown
 * name is an error, never a silent default.
 */
export function selectHosts(value: string = process.env.E2E_HOST ?? ''): HostName[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  if (names.length === 0) {
    const group = selectHostGroup()
    return NAMES.filter((name) => (FRAMEWORKS.has(name) ? group.frameworks : group.base))
  }
  const unknown = names.filter((name) => !(NAMES as string[]).includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `E2E_HOST=${value} names hosts the browser tests do not know (${unknown.join(', ')}): use ${NAMES.join(', ')}`,
    )
  }
  return NAMES.filter((name) => names.includes(name))
}

/** The host that serves a scenario's example (`webpack-react` → `webpack`). */
export function hostOf(example: string): HostName {
  const name = NAMES.find((candidate) => HOST_EXAMPLES[candidate] === example)
  if (name === undefined)
    throw new Error(`no host serves examples/${example}: add it to hosts/select-hosts.ts`)
  return name
}
