// The report client is for the dev server's pages only: a build (`webpack build`, `rspack build`,
// watching or not, in any mode) emits nothing of sameorigin, while the dev server's bundle starts
// with it (see inspector-cli.test.ts). Every emitted file is read.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rspack } from '@rspack/core'
import { describe, expect, it } from 'vitest'
import webpack from 'webpack'
import { SameOriginPlugin, withSameOrigin } from '../src/index.ts'
import { createFixture } from './_dev-server.ts'

type Mode = 'production' | 'development'
type Run = (config: Record<string, unknown>) => Promise<void>

/** Runs one build with the bundler's API (what `webpack build` and `rspack build` call), then closes it. */
function runWith(
  create: (config: never) => {
    run: (cb: (error: unknown, stats: unknown) => void) => void
    close: (cb: () => void) => void
  },
): Run {
  return (config) =>
    new Promise((resolve, reject) => {
      const compiler = create(config as never)
      compiler.run((error, stats) => {
        compiler.close(() => {
          const failed = (stats as { hasErrors: () => boolean } | undefined)?.hasErrors()
          if (error !== null && error !== undefined) reject(error as Error)
          else if (failed === true) reject(new Error(String(stats)))
          else resolve()
        })
      })
    })
}

const BUNDLERS: readonly { name: string; run: Run }[] = [
  { name: 'webpack', run: runWith(webpack as never) },
  { name: 'rspack', run: runWith(rspack as never) },
]

/** Every file under `dir`, with its text. */
function readAll(dir: string): { name: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name)
      return { name: path.slice(dir.length + 1), text: readFileSync(path, 'utf8') }
    })
}

describe.each(BUNDLERS)('$name build with the plugin', ({ run }) => {
  it.each<Mode>(['production', 'development'])('emits nothing of sameorigin (mode %s)', async (mode) => {
    const root = createFixture({ 'src/other.js': "console.log('other')\n" })
    await run({
      mode,
      context: root,
      entry: { main: './src/index.js', other: './src/other.js' },
      output: { path: join(root, 'dist') },
      devtool: mode === 'development' ? 'source-map' : false,
      devServer: withSameOrigin({ port: 0 }),
      plugins: [new SameOriginPlugin({ configFile: false, routes: { '/api': 'http://127.0.0.1:9' } })],
    })
    const files = readAll(join(root, 'dist'))
    expect(files.map((file) => file.name).toSorted()).toEqual(
      mode === 'development'
        ? ['main.js', 'main.js.map', 'other.js', 'other.js.map']
        : ['main.js', 'other.js'],
    )
    const withClient = files.filter((file) => /__sameorigin|sameorigin\.report|report-client/.test(file.text))
    expect(withClient.map((file) => file.name)).toEqual([])
    // The application is there.
    expect(files.find((file) => file.name === 'main.js')?.text).toContain('fixture')
  })
})
