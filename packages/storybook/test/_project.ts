import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { StorybookProjectOptions } from '@sameorigin/test-utils'
import { listen } from '@sameorigin/test-utils'
import type { Listening } from '@sameorigin/test-utils'

/** Where the tests' Storybook projects are written (gitignored). */
export const TMP: string = fileURLToPath(new URL('../.tmp/', import.meta.url))

const EXAMPLE = new URL('../../../examples/storybook/src/', import.meta.url)

/**
 * The example's component and its login story (`examples/storybook/src`), as files of a test
 * project: the tests run exactly what users see in the example, under each builder and major.
 */
export const EXAMPLE_STORY: Readonly<Record<string, string>> = Object.fromEntries(
  ['api.ts', 'user-card.tsx', 'user-card.stories.tsx'].map((name) => [
    `src/${name}`,
    readFileSync(new URL(name, EXAMPLE), 'utf8'),
  ]),
)

/** The story's iframe URL (`UserCard` / `LogIn`). */
export const STORY_PATH = '/iframe.html?id=usercard--log-in&viewMode=story'

/** A config file's source: `export default { routes }`. */
export function toConfigFile(routes: Readonly<Record<string, string>>): string {
  return `export default { routes: ${JSON.stringify(routes)} }\n`
}

/** Files for a project with the example's story and `routes` in `sameorigin.config.mjs`. */
export function toProjectFiles(
  routes: Readonly<Record<string, string>>,
): NonNullable<StorybookProjectOptions['files']> {
  return {
    ...EXAMPLE_STORY,
    // The automatic JSX runtime, as the example's tsconfig says: Storybook 9's Vite builder compiles
    // JSX by the tsconfig (Storybook 10's has its own React plugin).
    'tsconfig.json': '{ "compilerOptions": { "jsx": "react-jsx" } }\n',
    'sameorigin.config.mjs': toConfigFile(routes),
  }
}

/** Over 1 KiB: the size at which Storybook's compression starts gzipping a text answer. */
export const LARGE_JSON: string = JSON.stringify({
  items: Array.from({ length: 64 }, (_, i) => `item ${i} `.repeat(4)),
})
export const LARGE_EVENT: string = `event: big\ndata: ${'x'.repeat(2048)}\n\n`

/**
 * A backend for the byte-transparency tests: `/big/json` (a JSON body over 1 KiB with its own
 * `Cache-Control`), `/big/events` (one event over 1 KiB, then the stream stays open until the test
 * ends).
 */
export async function startLargeUpstream(): Promise<Listening> {
  const open = new Set<ServerResponse>()
  const server = createServer((req, res) => {
    if (req.url === '/big/json') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(LARGE_JSON),
        'cache-control': 'max-age=60',
      })
      res.end(LARGE_JSON)
    } else if (req.url === '/big/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
      res.write(LARGE_EVENT)
      open.add(res)
      res.once('close', () => open.delete(res))
    } else {
      res.writeHead(404).end()
    }
  })
  return listen(server)
}
