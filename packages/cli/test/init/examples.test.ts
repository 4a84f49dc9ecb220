// The real bin on copies of the example apps with sameorigin taken out and a proxy entry of the
// tool's own added: `init --yes` must put the plugin back, move the entry into sameorigin.config.ts,
// add the dependency, and leave a config the tool itself still loads.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadWrittenConfig } from './_project.ts'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'
import { importFromExample, REPO } from './_tools.ts'

/**
 * Copies `examples/<name>` (sources only) to a temp folder, with its `node_modules` linked so the
 * tools and plugins resolve as in the example, and applies `edit` (file → new text) to take
 * sameorigin out. The folder has a `.git`, so no sameorigin config above it is ever found.
 */
function copyExample(
  name: string,
  edit: (read: (file: string) => string) => Record<string, string | null>,
): string {
  const source = join(REPO, 'examples', name)
  const root = mkdtempSync(join(tmpdir(), `sameorigin-init-${name}-`))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  const skipped = new Set(['node_modules', 'dist', '.turbo', '.next', 'test', 'tsconfig.tsbuildinfo'])
  cpSync(source, root, { recursive: true, filter: (path) => !skipped.has(basename(path)) })
  symlinkSync(join(source, 'node_modules'), join(root, 'node_modules'), 'dir')
  mkdirSync(join(root, '.git'))
  const changes = edit((file) => readFileSync(join(root, file), 'utf8'))
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) rmSync(join(root, file), { recursive: true, force: true })
    else writeFileSync(join(root, file), text)
  }
  return root
}

/** `text` with `from` replaced by `to`, failing loudly when the example changed and `from` is gone. */
function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`The example no longer contains: ${from}`)
  return text.replace(from, to)
}

function withoutDependency(packageJson: string, name: string): string {
  return replace(packageJson, `    "${name}": "workspace:*",\n`, '')
}

function read(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8')
}

async function init(root: string): Promise<void> {
  const result = await runBin(['init', '--yes'], { cwd: root })
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
}

/** The route sameorigin loads from the project for `path`, as `{ id, target }`. */
async function routeOf(root: string, id: string): Promise<{ id: string; target: string } | undefined> {
  const config = await loadWrittenConfig(root)
  const route = config.routes.find((candidate) => candidate.id === id)
  return route === undefined ? undefined : { id: route.id, target: route.target.href }
}

describe('init on the example apps', () => {
  it('examples/vite-react: the plugin back in a function config, server.proxy into a new sameorigin.config.ts', async () => {
    const root = copyExample('vite-react', (file) => ({
      'vite.config.ts': replace(
        replace(
          replace(file('vite.config.ts'), "import { sameorigin } from '@sameorigin/vite'\n", ''),
          'plugins: [react(), sameorigin()],',
          'plugins: [react()],',
        ),
        'server: { port: 5173 },',
        "server: { port: 5173, proxy: { '/api': { target: 'http://127.0.0.1:4020', changeOrigin: true } } },",
      ),
      'package.json': withoutDependency(file('package.json'), '@sameorigin/vite'),
      'sameorigin.config.ts': null,
    }))
    await init(root)

    const config = read(root, 'vite.config.ts')
    expect(config).toContain("import { sameorigin } from '@sameorigin/vite'")
    expect(config).toContain('plugins: [react(), sameorigin()],')
    expect(config).toContain('server: { port: 5173 },')
    expect(JSON.parse(read(root, 'package.json')).devDependencies['@sameorigin/vite']).toBe('^0.0.0')
    expect(await routeOf(root, '/api')).toEqual({ id: '/api', target: 'http://127.0.0.1:4020/' })

    // Vite itself loads the edited file: the plugin is there, Vite's own proxy is gone.
    const vite = await importFromExample<{
      loadConfigFromFile: (
        env: { command: 'serve'; mode: string },
        file: string,
        root: string,
        logLevel: 'silent',
      ) => Promise<{ config: { plugins?: unknown[]; server?: { proxy?: unknown } } } | null>
    }>('vite-react', 'vite')
    const loaded = await vite.loadConfigFromFile(
      { command: 'serve', mode: 'development' },
      join(root, 'vite.config.ts'),
      root,
      'silent',
    )
    const names = (loaded?.config.plugins ?? []).flat(3).map((plugin) => (plugin as { name?: string }).name)
    expect(names).toContain('sameorigin:proxy')
    expect(loaded?.config.server?.proxy).toBeUndefined()
  })

  it('examples/webpack-react: SameOriginPlugin back, devServer.proxy into the existing sameorigin.config.ts', async () => {
    const root = copyExample('webpack-react', (file) => ({
      'webpack.config.mjs': replace(
        replace(
          replace(file('webpack.config.mjs'), "import { SameOriginPlugin } from '@sameorigin/webpack'\n", ''),
          '      // Reads sameorigin.config.ts and mounts the proxy in `webpack serve`; builds ignore it.\n      new SameOriginPlugin(),\n',
          '',
        ),
        'devServer: { port: 8080, historyApiFallback: true },',
        "devServer: { port: 8080, historyApiFallback: true, proxy: [{ context: ['/legacy'], target: 'http://127.0.0.1:4021' }] },",
      ),
      'package.json': withoutDependency(file('package.json'), '@sameorigin/webpack'),
    }))
    await init(root)

    expect(read(root, 'webpack.config.mjs')).toContain(
      "import { SameOriginPlugin } from '@sameorigin/webpack'",
    )
    expect(read(root, 'webpack.config.mjs')).toContain('devServer: { port: 8080, historyApiFallback: true },')
    expect(JSON.parse(read(root, 'package.json')).devDependencies['@sameorigin/webpack']).toBe('^0.0.0')
    // Added after the example's own route, which is still there.
    expect(await routeOf(root, '/api')).toEqual({ id: '/api', target: 'http://127.0.0.1:4020/' })
    expect(await routeOf(root, '/legacy')).toEqual({ id: '/legacy', target: 'http://127.0.0.1:4021/' })

    // webpack-cli imports the file and calls the exported function; so does this test.
    const { default: createConfig } = (await import(
      pathToFileURL(join(root, 'webpack.config.mjs')).href
    )) as {
      default: (
        env: unknown,
        argv: { mode: string },
      ) => { plugins: { name?: string }[]; devServer: { proxy?: unknown } }
    }
    const config = createConfig({}, { mode: 'development' })
    expect(config.plugins.map((plugin) => plugin.name)).toContain('sameorigin:proxy')
    expect(config.devServer.proxy).toBeUndefined()
  })

  it('examples/rsbuild-react: pluginSameOrigin back, server.proxy into the existing sameorigin.config.ts', async () => {
    const root = copyExample('rsbuild-react', (file) => ({
      'rsbuild.config.ts': replace(
        replace(
          replace(file('rsbuild.config.ts'), "import { pluginSameOrigin } from '@sameorigin/rsbuild'\n", ''),
          'plugins: [pluginReact(), pluginSameOrigin()],',
          'plugins: [pluginReact()],',
        ),
        'server: { port: 3000 },',
        "server: { port: 3000, proxy: { '/legacy': 'http://127.0.0.1:4021' } },",
      ),
      'package.json': withoutDependency(file('package.json'), '@sameorigin/rsbuild'),
    }))
    await init(root)

    expect(read(root, 'rsbuild.config.ts')).toContain('plugins: [pluginReact(), pluginSameOrigin()],')
    expect(JSON.parse(read(root, 'package.json')).devDependencies['@sameorigin/rsbuild']).toBe('^0.0.0')
    expect(await routeOf(root, '/legacy')).toEqual({ id: '/legacy', target: 'http://127.0.0.1:4021/' })

    // Rsbuild's own loader, as `rsbuild dev` runs it.
    const rsbuild = await importFromExample<{
      loadConfig: (options: { cwd: string }) => Promise<{ content: unknown }>
    }>('rsbuild-react', '@rsbuild/core')
    const { content } = await rsbuild.loadConfig({ cwd: root })
    const config = (
      typeof content === 'function'
        ? content({ env: 'development', command: 'dev', envMode: 'development' })
        : content
    ) as {
      plugins: { name?: string }[]
      server: { proxy?: unknown; port?: number }
    }
    expect(config.plugins.map((plugin) => plugin.name)).toContain('sameorigin:proxy')
    expect(config.server).toEqual({ port: 3000 })
  })

  it('examples/next-app: the export wrapped in withSameOrigin (route mode), rewrites() into a new sameorigin.config.ts', async () => {
    const root = copyExample('next-app', (file) => ({
      'next.config.ts': `// Native rewrites to the demo backend.
export default {
  reactStrictMode: true,
  async rewrites() {
    return [{ source: '/api/:path*', destination: 'http://127.0.0.1:4020/api/:path*' }]
  },
}
`,
      'package.json': withoutDependency(file('package.json'), '@sameorigin/next'),
      'sameorigin.config.ts': null,
      // The route handler of sameorigin's route mode goes with it.
      'app/api': null,
    }))
    await init(root)

    // Every route rewrites cookies and redirects, which Next's rewrites drop: route mode, and its file.
    expect(read(root, 'next.config.ts')).toBe(`import { withSameOrigin } from '@sameorigin/next'

// Native rewrites to the demo backend.
export default withSameOrigin({
  reactStrictMode: true,
}, { mode: 'route' })
`)
    expect(read(root, 'app/api/[...path]/route.ts')).toBe(
      "export { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } from '@sameorigin/next/route'\n",
    )
    expect(JSON.parse(read(root, 'package.json')).devDependencies['@sameorigin/next']).toBe('^0.0.0')
    expect(await routeOf(root, '/api')).toEqual({ id: '/api', target: 'http://127.0.0.1:4020/' })

    // Next's own config loader, for `next dev`: withSameOrigin ran (it turns compression off there).
    const next = await importFromExample<{
      default: (
        phase: string,
        dir: string,
        options?: Record<string, unknown>,
      ) => Promise<Record<string, unknown>>
    }>('next-app', 'next/dist/server/config.js')
    const config = await next.default('phase-development-server', root, { silent: true })
    expect(config.reactStrictMode).toBe(true)
    expect(config.compress).toBe(false)
    expect(typeof config.rewrites).toBe('function')
  })
})
