// `sameorigin init` through the real bin: what it writes, what it prints (human, --json, colour),
// --dry-run, the answer to its question in a real terminal, and running it twice.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BIN, runBin } from '../_bin.ts'
import { makeProject, packageJsonFor, read } from './_project.ts'

const VITE_CONFIG = `import { defineConfig } from 'vite'

export default defineConfig({
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: true },
      '/legacy': { target: 'http://localhost:9000', bypass: () => undefined },
    },
  },
})
`

// The package manager comes from the lockfile, else from the one running the command: npm here.
const NPM = { npm_config_user_agent: 'npm/11.6.0 node/v20.20.2 linux x64' }

function viteProject(): string {
  return makeProject({
    'package.json': packageJsonFor('vite', { scripts: { dev: 'vite' } }),
    'vite.config.ts': VITE_CONFIG,
  })
}

/**
 * Runs `sameorigin init` in a real pseudo-terminal (util-linux `script`), answering its question
 * with `keys` once it is asked. A pseudo-terminal starts with no size; a real terminal has one.
 */
function runInTerminal(cwd: string, keys: string): Promise<{ code: number | null; output: string }> {
  const command = `stty cols 100 rows 40; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} init`
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
  })
  let output = ''
  let answered = false
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    if (!answered && output.includes('(and take')) {
      answered = true
      child.stdin.write(keys)
    }
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe('sameorigin init', () => {
  it('--yes: adds the plugin, moves the entry it can, adds the dependencies, prints the diff and next steps', async () => {
    const root = viteProject()
    const result = await runBin(['init', '--yes'], { cwd: root, env: NPM })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(read(root, 'vite.config.ts')).toBe(`import { defineConfig } from 'vite'
import { sameorigin } from '@sameorigin/vite'

export default defineConfig({
  server: {
    proxy: {
      '/legacy': { target: 'http://localhost:9000', bypass: () => undefined },
    },
  },
  plugins: [sameorigin()],
})
`)
    expect(read(root, 'sameorigin.config.ts')).toContain("'/api': 'http://localhost:8080',")
    // The config imports defineConfig from the adapter: the one package the app installs.
    expect(read(root, 'sameorigin.config.ts')).toContain("import { defineConfig } from '@sameorigin/vite'")
    expect(JSON.parse(read(root, 'package.json')).devDependencies).toEqual({
      '@sameorigin/vite': '^0.0.0',
      vite: '^8.3.0',
    })
    expect(result.stdout).toContain("+import { sameorigin } from '@sameorigin/vite'")
    expect(result.stdout).toContain(
      "Moved to the sameorigin config:\n  server.proxy['/api'] → '/api': 'http://localhost:8080'",
    )
    expect(result.stdout).toContain(
      "Kept in vite.config.ts:\n  server.proxy['/legacy']: bypass is not supported: choose which requests are proxied",
    )
    expect(result.stdout).toContain('✔ Wrote vite.config.ts, sameorigin.config.ts, package.json.')
    expect(result.stdout).toContain(
      'Next steps:\n  1. Install the new dependencies: npm install\n  2. One entry stays in vite.config.ts (see above) and keeps working there; sameorigin answers its own routes first\n  3. Check the routes: sameorigin check\n  4. Start the dev server: npm run dev\n',
    )
  })

  it('runs twice: the second run changes nothing', async () => {
    const root = viteProject()
    await runBin(['init', '--yes'], { cwd: root })
    const files = ['vite.config.ts', 'sameorigin.config.ts', 'package.json'].map((path) => read(root, path))
    const second = await runBin(['init', '--yes'], { cwd: root })
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('✔ Already set up: nothing to change.')
    expect(
      ['vite.config.ts', 'sameorigin.config.ts', 'package.json'].map((path) => read(root, path)),
    ).toEqual(files)
  })

  it('--dry-run prints the diff and writes nothing', async () => {
    const root = viteProject()
    const result = await runBin(['init', '--yes', '--dry-run'], { cwd: root })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('--- /dev/null\n+++ b/sameorigin.config.ts')
    expect(result.stdout).toContain(
      'Dry run: nothing was written (vite.config.ts, sameorigin.config.ts, package.json).',
    )
    expect(readdirSync(root).toSorted()).toEqual(['.git', 'package.json', 'vite.config.ts'])
    expect(read(root, 'vite.config.ts')).toBe(VITE_CONFIG)
  })

  it('without a terminal and without --yes: the safe part only, and how to move the entries', async () => {
    const root = viteProject()
    const result = await runBin(['init'], { cwd: root })
    expect(result.code).toBe(0)
    const config = read(root, 'vite.config.ts')
    expect(config).toContain('plugins: [sameorigin()]')
    expect(config).toContain("'/api': { target: 'http://localhost:8080', changeOrigin: true },")
    expect(read(root, 'sameorigin.config.ts')).toContain('routes: {}')
    expect(result.stdout).toContain("Not moved (run with --yes to move it):\n  server.proxy['/api']")
    expect(result.stdout).toContain(
      'Move the proxy entry of vite.config.ts into sameorigin.config.ts: sameorigin init --yes',
    )
  })

  it('--json prints one document: tool, files with their diff, moved, kept, next steps', async () => {
    const root = viteProject()
    const result = await runBin(['init', '--json', '--yes'], { cwd: root, env: NPM })
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(json)).toEqual(['tool', 'dryRun', 'files', 'moved', 'kept', 'nextSteps'])
    expect(json.tool).toBe('vite')
    expect(json.files).toEqual([
      {
        path: 'vite.config.ts',
        action: 'modified',
        diff: expect.stringContaining('+  plugins: [sameorigin()],'),
      },
      { path: 'sameorigin.config.ts', action: 'created', diff: expect.stringContaining('--- /dev/null') },
      {
        path: 'package.json',
        action: 'modified',
        diff: expect.stringContaining('+    "@sameorigin/vite": "^0.0.0",'),
      },
    ])
    expect(json.moved).toEqual([
      { from: "server.proxy['/api']", routes: ["'/api': 'http://localhost:8080'"] },
    ])
    expect(json.kept).toEqual([
      { from: "server.proxy['/legacy']", reason: expect.stringMatching(/^bypass is not supported/) },
    ])
    expect(json.nextSteps).toContain('Install the new dependencies: npm install')
  })

  it('--json on a failure: the error as the one document, exit 2', async () => {
    const root = makeProject({ 'package.json': '{ "name": "lib" }\n' })
    const result = await runBin(['init', '--json'], { cwd: root })
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        code: 'ERR_CLI_PROJECT_NOT_DETECTED',
        message: `No Vite, webpack, Rspack, Rsbuild, Next, SvelteKit, Nuxt, Astro, React Router, Angular or Storybook project was found in ${root}.`,
        hint: expect.stringContaining('pass --tool'),
        docs: 'docs/errors/ERR_CLI_PROJECT_NOT_DETECTED.md',
      },
    })
  })

  it('colours the diff when colour is on, never when NO_COLOR is set', async () => {
    const coloured = await runBin(['init', '--dry-run'], {
      cwd: viteProject(),
      env: { FORCE_COLOR: '1', NO_COLOR: '' },
    })
    expect(coloured.stdout).toContain("\u001b[32m+import { sameorigin } from '@sameorigin/vite'\u001b[39m")
    const plain = await runBin(['init', '--dry-run'], { cwd: viteProject() })
    expect(plain.stdout).not.toContain('\u001b[')
  })

  it('--tool picks the tool (a project can depend on several) and refuses an unknown one', async () => {
    const root = makeProject({
      'package.json': packageJsonFor('vite'),
      'rsbuild.config.ts': 'export default { plugins: [] }\n',
    })
    const result = await runBin(['init', '--tool', 'rsbuild', '--yes'], { cwd: root })
    expect(result.code).toBe(0)
    expect(read(root, 'rsbuild.config.ts')).toContain('plugins: [pluginSameOrigin()]')
    expect(existsSync(join(root, 'vite.config.ts'))).toBe(false)

    const wrong = await runBin(['init', '--tool', 'parcel'], { cwd: root })
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain(
      'error ERR_CLI_ARGUMENT_INVALID: --tool must be one of vite, webpack, rspack, rsbuild, next, sveltekit, nuxt, astro, react-router; got "parcel".',
    )
  })

  it('creates the config file of a Vite project that runs without one', async () => {
    const root = makeProject({ 'package.json': packageJsonFor('vite'), 'tsconfig.json': '{}\n' })
    const result = await runBin(['init'], { cwd: root })
    expect(result.code).toBe(0)
    expect(read(root, 'vite.config.ts')).toBe(`import { sameorigin } from '@sameorigin/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [sameorigin()],
})
`)
    expect(result.stdout).toContain(
      "Add your backend's routes to sameorigin.config.ts, e.g. '/api': 'http://127.0.0.1:8080'",
    )
  })

  describe('in a terminal, it asks before moving entries', () => {
    it('yes: the entry moves', async () => {
      const root = viteProject()
      const { code, output } = await runInTerminal(root, 'y\r')
      expect(code).toBe(0)
      expect(output).toContain("server.proxy['/api'] → '/api': 'http://localhost:8080'")
      expect(read(root, 'sameorigin.config.ts')).toContain("'/api': 'http://localhost:8080',")
      expect(read(root, 'vite.config.ts')).not.toContain("'/api'")
    })

    it('no: the plugin is added and the entry stays', async () => {
      const root = viteProject()
      const { code } = await runInTerminal(root, 'n\r')
      expect(code).toBe(0)
      expect(read(root, 'vite.config.ts')).toContain(
        "'/api': { target: 'http://localhost:8080', changeOrigin: true },",
      )
      expect(read(root, 'vite.config.ts')).toContain('plugins: [sameorigin()]')
      expect(read(root, 'sameorigin.config.ts')).toContain('routes: {}')
    })
  })
})
