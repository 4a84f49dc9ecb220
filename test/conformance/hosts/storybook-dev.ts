import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SameOriginOptions } from '@sameorigin/core'
import {
  createStorybookProject,
  STORYBOOK_PORT_PATTERN,
  toPlainText,
  toStorybookCommand,
} from '@sameorigin/test-utils'
import type { CapturedLogs, Host, LogLine } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { startChildHost, toSource } from './child-host.ts'
import { socketUrl } from './tls.ts'

// Projects live in this package (gitignored .tmp); their node_modules link examples/storybook's.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))

/** The line the project's Vite plugin prints with Vite's HMR token (what `/@vite/client` sends as `?token=`). */
const TOKEN_LINE = 'conformance hmr token: '

/** One story, so Storybook has an index (React without JSX: no compiler settings needed). */
const STORY = `import { createElement } from 'react'
export default { title: 'Conformance' }
export const Page = { render: () => createElement('h1', null, 'conformance fixture') }
`

/**
 * The Vite builder's config, plus a plugin printing Vite's HMR token once it is resolved, as Astro's
 * host does with its hook: the HMR scenario connects as the preview's `/@vite/client` does.
 */
const VITE_FINAL = `viteFinal: (config) => ({
    ...config,
    plugins: [...(config.plugins ?? []), {
      name: 'conformance',
      configResolved: (resolved) => console.log(${JSON.stringify(TOKEN_LINE)} + resolved.webSocketToken),
    }],
  }),`

/** The marks Storybook's logger (clack) starts a message with, by level. */
const MARKS: Readonly<Record<string, LogLine['level']>> = {
  '●': 'info',
  '◆': 'info',
  '▲': 'warn',
  '■': 'error',
}

/**
 * The child's log as messages: Storybook's logger prints each message as a mark and its text
 * (`▲  [sameorigin] …`), wrapped to the terminal's width (80 columns in a pipe) on `│  ` lines, URLs
 * as OSC 8 hyperlinks. The wrapped lines are joined back into their message (the wrap broke at a
 * space), and the level is the mark's, so the cases read what the adapter logged as other hosts'
 * logs give it.
 */
function toMessages(raw: CapturedLogs): CapturedLogs {
  const read = (): LogLine[] => {
    const messages: LogLine[] = []
    for (const line of raw.lines) {
      const text = toPlainText(line.message)
      const marked = /^([●◆▲■]) {2}(.*)$/.exec(text)
      const last = messages.at(-1)
      if (marked !== null)
        messages.push({ level: MARKS[marked[1] ?? ''] ?? line.level, message: marked[2] ?? '' })
      else if (/^│ {2}\S/.test(text) && last !== undefined)
        messages[messages.length - 1] = { ...last, message: `${last.message} ${text.slice(3)}` }
      else if (text !== '│' && text.trim() !== '') messages.push({ level: line.level, message: text })
    }
    return messages
  }
  return {
    get lines() {
      return read()
    },
    text: () =>
      read()
        .map((line) => line.message)
        .join('\n'),
    clear: raw.clear,
  }
}

/**
 * `storybook dev` (Storybook 10.6.7, Vite builder, React) with `addons: ['@sameorigin/storybook']`, in
 * a child process, on a project with one story and the fixture's `index.html` at its root (what the
 * HMR scenario edits; Vite watches the project). The config goes where users put it: a
 * `sameorigin.config.mjs` beside `.storybook`, or, when a scenario names its own `configFile`, the
 * addon's `configFile` option.
 */
export const storybookDev: Host = defineHost({
  name: 'storybook-dev',
  capabilities: {
    http2:
      "Storybook's `--https` server is Node's https.createServer: HTTP/1.1 only, so no request ever arrives over HTTP/2",
    ssr: 'a story renders in the browser: Storybook runs no server code that renders a page and could fetch through the routes',
  },
  async start(fixtureDir, config) {
    const { configFile, ...routes } = config as SameOriginOptions
    const named = typeof configFile === 'string'
    const project = await createStorybookProject(TMP, {
      setup: 'vite-10',
      main: VITE_FINAL,
      ...(named ? { addonOptions: { configFile } } : {}),
      files: {
        'index.html': await readFile(join(fixtureDir, 'index.html'), 'utf8'),
        'src/page.stories.js': STORY,
        ...(named ? {} : { 'sameorigin.config.mjs': `export default ${toSource(routes)}\n` }),
      },
    })
    try {
      const child = await startChildHost({
        name: 'storybook-dev',
        ...(await toStorybookCommand(project)),
        portPattern: STORYBOOK_PORT_PATTERN,
        timeout: 90_000,
      })
      const token = child.logs.lines
        .find((line) => line.message.startsWith(TOKEN_LINE))
        ?.message.slice(TOKEN_LINE.length)
      return {
        url: `http://127.0.0.1:${child.port}`,
        port: child.port,
        root: project.root,
        logs: toMessages(child.logs),
        hmr: { url: socketUrl(child.port, false, `/?token=${token}`), protocol: 'vite-hmr' },
        close: async () => {
          await child.close()
          await project.remove()
        },
      }
    } catch (error) {
      await project.remove()
      throw error
    }
  },
})
