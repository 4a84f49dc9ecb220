import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanEnv, makeTmpDir, runCli } from './_cli.ts'
import { freePort, startDev, startUserBackend } from './_dev.ts'

// Which backend `npm run dev` (dev.mjs, shared by every template) uses: the demo one only where .env
// points and only when nothing answers there; else the user's, at API_TARGET. The app is scaffolded
// by the real bin; its dev server is a stand-in that asks API_TARGET/api/health as the real one's
// proxy would and exits (test/install.test.ts runs the real dev servers).
const STAND_IN = `const url = process.env.API_TARGET + '/api/health'
const answer = await fetch(url).then((r) => r.text(), (e) => 'unreachable: ' + e.message)
console.log('[dev server] API_TARGET=' + process.env.API_TARGET + ' answered ' + answer)
`

/** A vite-react app whose `vite` is the stand-in, with `.env` pointing at `demoPort`. */
async function scaffold(demoPort: number, files: Record<string, string> = {}): Promise<string> {
  const cwd = makeTmpDir()
  expect((await runCli(['app', '--template', 'vite-react'], { cwd })).code).toBe(0)
  const app = join(cwd, 'app')
  const vite = join(app, 'node_modules/vite')
  mkdirSync(vite, { recursive: true })
  writeFileSync(join(vite, 'package.json'), JSON.stringify({ name: 'vite', type: 'module', bin: 'vite.js' }))
  writeFileSync(join(vite, 'vite.js'), STAND_IN)
  writeFileSync(join(app, '.env'), `API_TARGET=http://127.0.0.1:${demoPort}\n`)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(app, name), text)
  return app
}

/** Runs dev.mjs to its end (the stand-in exits), API_TARGET in the environment only when given. */
async function runDev(app: string, apiTarget?: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...cleanEnv(), NO_COLOR: '1' }
  delete env.API_TARGET
  if (apiTarget) env.API_TARGET = apiTarget
  const dev = startDev(app, [], env)
  const code = await dev.exited
  return { code, output: dev.output() }
}

describe('npm run dev, with your backend already listening', () => {
  it.each([
    ['in .env.local (the next step the scaffolder prints)', 'file'],
    ['in the environment', 'environment'],
  ])('at API_TARGET %s: starts, and /api goes to it', async (_title, where) => {
    const yours = await startUserBackend()
    const app = await scaffold(
      await freePort(),
      where === 'file' ? { '.env.local': `API_TARGET=${yours.url}\n` } : {},
    )
    const { code, output } = await runDev(app, where === 'environment' ? yours.url : undefined)
    expect(output).toContain(
      `[backend] your backend at ${yours.url} (API_TARGET); the dev server forwards /api there.\n`,
    )
    expect(output).not.toContain('demo backend on')
    expect(output).toContain(
      `[dev server] API_TARGET=${yours.url} answered {"status":"ok","service":"your backend"}`,
    )
    expect(code).toBe(0)
  })

  it('on the demo backend’s own port (where .env points): uses it, starts no demo backend', async () => {
    const yours = await startUserBackend()
    const app = await scaffold(yours.port)
    const { code, output } = await runDev(app)
    expect(output).toContain(`[backend] your backend at ${yours.url} (API_TARGET)`)
    expect(output).not.toContain('could not listen')
    expect(output).toContain('"service":"your backend"')
    expect(code).toBe(0)
  })
})

describe('npm run dev, with nothing listening', () => {
  it('where .env points: starts the demo backend there, and /api goes to it', async () => {
    const port = await freePort()
    const app = await scaffold(port)
    const { code, output } = await runDev(app)
    const url = `http://127.0.0.1:${port}`
    expect(output).toContain(`[backend] demo backend on ${url}; the dev server forwards /api to it.\n`)
    expect(output).toMatch(/answered \{"status":"ok","service":"demo backend"/)
    expect(code).toBe(0)
    // Stopped with the dev server.
    await expect(fetch(`${url}/api/health`)).rejects.toThrow('fetch failed')
  })

  it('at an API_TARGET of yours on this machine: starts no demo backend there, and says so', async () => {
    const [demoPort, yourPort] = [await freePort(), await freePort()]
    const yours = `http://127.0.0.1:${yourPort}`
    const app = await scaffold(demoPort, { '.env.local': `API_TARGET=${yours}\n` })
    const { code, output } = await runDev(app)
    expect(output).toContain(
      `[backend] your backend at ${yours} (API_TARGET); the dev server forwards /api there, but nothing answers there yet.\n`,
    )
    expect(output).toContain(`[dev server] API_TARGET=${yours} answered unreachable:`)
    expect(code).toBe(0)
  })
})
