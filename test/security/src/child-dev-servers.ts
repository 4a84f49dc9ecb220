// The hosts that run in a child process: `storybook dev` and `ng serve`. The routes reach them as the
// source of a `sameorigin.config.mjs` (a function rewrite as its text: `toSource`), the file every
// adapter reads, so the child loads them as a user's config.
import { fileURLToPath } from 'node:url'
import type { UserConfig } from '@sameorigin/core'
import {
  createAngularProject,
  createStorybookProject,
  startAngular,
  startStorybook,
  TEST_CERT,
  TEST_KEY,
  toSource,
} from '@sameorigin/test-utils'
import type { DevServer, StartDevServerOptions } from './dev-servers.ts'

// Projects live in this package (gitignored .tmp): no sameorigin.config.* of the repository's is
// found above them, and their node_modules link the example's that installs the tool.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))

/** One story, so Storybook has an index (React without JSX: no compiler settings needed). */
const STORY = `import { createElement } from 'react'
export default { title: 'Security' }
export const Page = { render: () => createElement('h1', null, 'security fixture') }
`

const configModule = (config: UserConfig): string => `export default ${toSource(config)}\n`

/** The child's lines as the host's logs, one `info` line each (the tables read no child's logs). */
function captureLines(): { logs: DevServer['logs'][number][]; onLine: (line: string) => void } {
  const logs: DevServer['logs'][number][] = []
  return { logs, onLine: (message) => logs.push({ level: 'info', message }) }
}

const noUpgradeWatch = (name: string) => (): Promise<void> =>
  Promise.reject(new Error(`${name} runs in a child process: its server's upgrades cannot be watched`))

/**
 * `storybook dev` (Storybook 10.6.7, Vite builder, React) with `addons: ['@sameorigin/storybook']`,
 * a project with one story and the routes in `sameorigin.config.mjs`. HTTP/1.1 only: Storybook's
 * `--https` is Node's `https.createServer`, so there is no HTTP/2 to ask for.
 */
export async function startStorybookDev(
  config: UserConfig,
  options: StartDevServerOptions,
): Promise<DevServer> {
  if (options.http2 === true) throw new Error('storybook-dev serves HTTP/1.1 only (Node https.createServer)')
  const project = await createStorybookProject(TMP, {
    setup: 'vite-10',
    files: { 'sameorigin.config.mjs': configModule(config), 'src/page.stories.js': STORY },
  })
  try {
    const { logs, onLine } = captureLines()
    const storybook = await startStorybook(project, { onLine })
    const port = Number(new URL(storybook.url).port)
    return {
      name: 'storybook-dev',
      url: storybook.url,
      port,
      nextUpgrade: noUpgradeWatch('storybook-dev'),
      logs,
      close: async () => {
        await storybook.close()
        await project.remove()
      },
    }
  } catch (error) {
    await project.remove()
    throw error
  }
}

/**
 * `ng serve` (Angular CLI 22, `@angular/build`'s Vite dev server) with
 * `@sameorigin/angular:dev-server` on a copy of examples/angular, the routes in
 * `sameorigin.config.mjs`; with `http2`, `ng serve --ssl` with the test certificate (Vite then
 * serves HTTP/2 and HTTP/1.1 over TLS).
 */
export async function startAngularDev(
  config: UserConfig,
  options: StartDevServerOptions,
): Promise<DevServer> {
  const http2 = options.http2 === true
  const project = await createAngularProject(TMP, {
    'sameorigin.config.mjs': configModule(config),
    ...(http2 ? { 'cert.pem': TEST_CERT, 'key.pem': TEST_KEY } : {}),
  })
  try {
    const args = http2 ? ['--ssl', '--ssl-cert', 'cert.pem', '--ssl-key', 'key.pem'] : []
    const { logs, onLine } = captureLines()
    const ng = await startAngular(project.root, { args, onLine })
    return {
      name: 'angular-dev',
      url: ng.url,
      port: ng.port,
      nextUpgrade: noUpgradeWatch('angular-dev'),
      logs,
      close: async () => {
        await ng.close()
        await project.remove()
      },
    }
  } catch (error) {
    await project.remove()
    throw error
  }
}
