import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cleanEnv,
  makeTmpDir,
  PACKAGE_ROOT,
  PNPM_USER_AGENT,
  readJson,
  runCli,
  TEMPLATE_ROWS,
  VERSION,
} from './_cli.ts'
import {
  freePort,
  isLoopback,
  listeningAddresses,
  startDev,
  startUserBackend,
  waitForHealth,
} from './_dev.ts'
import type { DevProcess } from './_dev.ts'
import { isOlder } from '../src/format-next-steps.ts'
import type { Template } from '../src/templates.ts'
import { TEMPLATES } from '../src/templates.ts'

type Manifest = {
  scripts: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

// Each template as a user gets it: scaffolded by the bin, installed with pnpm outside the workspace,
// built, and its `dev` script run until /api/health answers through the dev server; then Ctrl-C.
// The @sameorigin/* packages come from `pnpm pack` of the workspace (as npm would deliver them,
// with their own dependencies resolved from the registry or the store); everything else installs
// from the pnpm store the workspace filled (the templates ask for the workspace's versions).

const repoRoot = join(PACKAGE_ROOT, '../..')
const pnpm = join(repoRoot, 'node_modules/.bin/pnpm')
/** The workspace folders of the packages the templates depend on, by package name. */
const WORKSPACE_PACKAGES: Readonly<Record<string, string>> = {
  '@sameorigin/core': 'packages/core',
  '@sameorigin/vite': 'packages/vite',
  '@sameorigin/webpack': 'packages/webpack',
  '@sameorigin/rsbuild': 'packages/rsbuild',
  '@sameorigin/next': 'packages/next',
  '@sameorigin/sveltekit': 'packages/sveltekit',
  '@sameorigin/nuxt': 'packages/nuxt',
  '@sameorigin/astro': 'packages/astro',
  '@sameorigin/angular': 'packages/angular',
}
const env = { ...cleanEnv(), NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', BROWSER: 'none' }

let packs: string
/** `file:` specs of the packed workspace packages, by package name. */
const tarballs: Record<string, string> = {}

/** True when the running Node is older than the template needs. */
function needsNewerNode(template: Template): boolean {
  return template.node !== undefined && isOlder(process.versions.node, template.node)
}

beforeAll(async () => {
  packs = mkdtempSync(join(tmpdir(), 'create-sameorigin-packs-'))
  // The core, and the adapters of the templates this Node runs.
  const wanted = new Set([
    '@sameorigin/core',
    ...TEMPLATES.filter((template) => !needsNewerNode(template)).map((template) => template.adapter),
  ])
  for (const [name, folder] of Object.entries(WORKSPACE_PACKAGES)) {
    if (!wanted.has(name)) continue
    await command(pnpm, ['pack', '--pack-destination', packs], join(repoRoot, folder))
    const file = join(packs, `${name.slice(1).replace('/', '-')}-${VERSION}.tgz`)
    if (!existsSync(file)) throw new Error(`pnpm pack did not write ${file}`)
    tarballs[name] = `file:${file}`
  }
})

afterAll(() => {
  if (packs) rmSync(packs, { recursive: true, force: true })
})

describe.each(TEMPLATE_ROWS)('template-%s, installed', (_name, template) => {
  // The full-stack frameworks' current majors need Node 22 or newer: under an older Node (CI's 20)
  // their install and dev server cannot run at all, and this test says so rather than failing.
  it.skipIf(needsNewerNode(template))(
    'builds, and `dev` answers /api/health through the dev server until Ctrl-C stops both',
    { timeout: 240_000 },
    async () => {
      const cwd = makeTmpDir('create-sameorigin-install-')
      expect(
        (await runCli(['app', '--template', template.name], { cwd, userAgent: PNPM_USER_AGENT })).code,
      ).toBe(0)
      const app = join(cwd, 'app')
      useWorkspacePackages(app)
      const manifest = readJson(join(app, 'package.json')) as Manifest

      const installed = await timed('install', () =>
        command(pnpm, ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only'], app),
      )
      expect(installed).toMatch(/Done in/)
      await timed('build', () => command(pnpm, ['run', 'build'], app))
      if (manifest.scripts.typecheck) await timed('typecheck', () => command(pnpm, ['run', 'typecheck'], app))

      // The demo backend listens where .env points: a free port rather than 4020.
      const [backendPort, devPort] = [await freePort(), await freePort()]
      writeFileSync(join(app, '.env'), `API_TARGET=http://127.0.0.1:${backendPort}\n`)
      const dev = startDev(app, ['--port', String(devPort)], devEnv())
      const health = await timed('dev until /api/health', () =>
        waitForHealth(`http://localhost:${devPort}/api/health`, dev),
      )
      expect(health.status).toBe(200)
      expect(health.headers.get('content-type')).toContain('application/json')
      // The backend sends no CORS headers, and the page never needs them.
      expect(health.headers.get('access-control-allow-origin')).toBeNull()
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', service: 'demo backend' })
      expect(dev.output()).toContain(`[backend] demo backend on http://127.0.0.1:${backendPort};`)
      // The backend logs once the answer is sent, so the line may trail the answer a little.
      await dev.waitForOutput('[backend] GET /api/health 200')
      const page = await fetch(`http://localhost:${devPort}/`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('+ sameorigin')
      // The dev server is this machine's alone unless asked: it listens on loopback only.
      const listening = listeningAddresses(devPort)
      expect(listening.filter((address) => !isLoopback(address))).toEqual([])

      // Ctrl-C in a terminal signals the whole foreground process group.
      await timed('Ctrl-C until both stopped', () =>
        expectBothStopped(dev, () => process.kill(-dev.pid, 'SIGINT'), backendPort, devPort),
      )

      // A signal to dev.mjs alone (`kill`, a process manager): it passes it on to the dev server.
      const again = startDev(app, ['--port', String(devPort)], devEnv())
      expect((await waitForHealth(`http://localhost:${devPort}/api/health`, again)).status).toBe(200)
      await timed('SIGTERM to dev.mjs until both stopped', () =>
        expectBothStopped(again, () => process.kill(again.pid, 'SIGTERM'), backendPort, devPort),
      )

      // Your own backend, already listening at API_TARGET: dev starts no demo backend and forwards to it.
      const yours = await startUserBackend()
      const withYours = startDev(app, ['--port', String(devPort)], devEnv(yours.url))
      const answer = await waitForHealth(`http://localhost:${devPort}/api/health`, withYours)
      expect(JSON.parse(answer.body)).toMatchObject({ service: 'your backend' })
      expect(withYours.output()).toContain(`[backend] your backend at ${yours.url} (API_TARGET);`)
      expect(withYours.output()).not.toContain('demo backend on')
      process.kill(-withYours.pid, 'SIGINT')
      expect(await withYours.exited).toBe(0)
      await withYours.groupGone()
    },
  )
})

/** Sends the stop signal, then expects dev.mjs to exit 0, its whole group gone and both ports closed. */
async function expectBothStopped(
  dev: DevProcess,
  stop: () => void,
  backendPort: number,
  devPort: number,
): Promise<void> {
  stop()
  expect(await dev.exited).toBe(0)
  await dev.groupGone()
  await expect(fetch(`http://127.0.0.1:${backendPort}/api/health`)).rejects.toThrow('fetch failed')
  await expect(fetch(`http://localhost:${devPort}/`)).rejects.toThrow('fetch failed')
}

/** The environment dev.mjs runs in: API_TARGET only when given (else .env's, the demo backend). */
function devEnv(apiTarget?: string): NodeJS.ProcessEnv {
  const devEnvironment: NodeJS.ProcessEnv = { ...env }
  delete devEnvironment.API_TARGET
  if (apiTarget !== undefined) devEnvironment.API_TARGET = apiTarget
  return devEnvironment
}

/**
 * Points the scaffolded app's `@sameorigin/*` dependencies (which must be `^<this version>`) at the
 * packed workspace packages, and overrides them for the whole tree, so the adapters' own dependency
 * on `@sameorigin/core` is the workspace's too. The pnpm-workspace.yaml also makes the temp folder
 * its own workspace root.
 */
function useWorkspacePackages(app: string): void {
  const path = join(app, 'package.json')
  const manifest = readJson(path) as Manifest
  for (const field of ['dependencies', 'devDependencies'] as const) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (!name.startsWith('@sameorigin/')) continue
      expect({ [name]: range }).toEqual({ [name]: `^${VERSION}` })
      const tarball = tarballs[name]
      if (!tarball) throw new Error(`no workspace package for ${name}`)
      ;(manifest[field] as Record<string, string>)[name] = tarball
    }
  }
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
  const overrides = Object.entries(tarballs).map(([name, spec]) => `  '${name}': '${spec}'`)
  // pnpm 12 stops at a build script it was not told about: Nuxt brings esbuild, which runs without its own.
  writeFileSync(
    join(app, 'pnpm-workspace.yaml'),
    `overrides:\n${overrides.join('\n')}\nallowBuilds:\n  esbuild: false\n`,
  )
}

/** Runs a command to completion; rejects with its output when it fails. Resolves with stdout + stderr. */
function command(file: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${[file, ...args].join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`))
      else resolve(`${stdout}${stderr}`)
    })
  })
}

/** Runs `step` and reports how long it took (for the record, never asserted). */
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const result = await step()
  console.info(`[create-app install] ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return result
}
