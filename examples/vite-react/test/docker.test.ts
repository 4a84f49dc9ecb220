// The Dockerfile beside this test, built and run where Docker can: the nginx image serving the
// built app and the exported route to the demo backend. Tests reach nothing beyond loopback, so the
// base image must already be on the machine (`docker pull nginx:1.27-alpine`): without a Docker
// daemon or without that image, the test says so and is skipped.
import { execFile, execFileSync } from 'node:child_process'
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import type { Backend } from '@sameorigin/example-backend'
import { startBackend } from '@sameorigin/example-backend'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const bin = fileURLToPath(new URL('bin/sameorigin.mjs', import.meta.resolve('@sameorigin/cli/package.json')))
const IMAGE = 'nginx:1.27-alpine'

/** Why Docker cannot run the image here, or `false` when it can. */
function whyNoDocker(): string | false {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 })
  } catch {
    return 'no Docker daemon answers `docker info`: skipped'
  }
  try {
    execFileSync('docker', ['image', 'inspect', IMAGE], { stdio: 'ignore', timeout: 10_000 })
  } catch {
    return `the base image ${IMAGE} is not on this machine (tests pull nothing): skipped`
  }
  return false
}

/** A port free on 127.0.0.1 right now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Resolves once `url` answers 200 (the container's nginx is up), or throws after 30 s. */
async function waitForAnswer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (
      await fetch(url).then(
        (res) => res.status === 200,
        () => false,
      )
    )
      return
    await sleep(100)
  }
  throw new Error(`the container did not answer on ${url} within 30 s`)
}

const SKIP = whyNoDocker()

describe.skipIf(SKIP)(`the Dockerfile's image${SKIP === false ? '' : ` (${SKIP})`}`, () => {
  const tag = `sameorigin-example-vite-react-test:${process.pid}`
  let backend: Backend
  let context: string
  let container = ''
  let url = ''

  beforeAll(async () => {
    backend = await startBackend({ port: 0 })
    context = await mkdtemp(join(tmpdir(), 'sameorigin-docker-'))
    await chmod(context, 0o755)
    await build({ root, logLevel: 'silent', build: { outDir: join(context, 'dist'), emptyOutDir: true } })
    // The container shares the host's network, so it reaches the backend on 127.0.0.1.
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    await run(
      process.execPath,
      [bin, 'export', 'nginx', '--origin', url, '--listen', String(port)].concat([
        '--static',
        '/usr/share/nginx/html',
        '--out',
        join(context, 'deploy'),
      ]),
      { cwd: root, env: { ...process.env, API_TARGET: backend.url } },
    )
    await copyFile(join(root, 'Dockerfile'), join(context, 'Dockerfile'))
    await run('docker', ['build', '--pull=false', '-t', tag, context])
    container = (await run('docker', ['run', '-d', '--rm', '--network', 'host', tag])).stdout.trim()
    await waitForAnswer(url)
  }, 180_000)

  afterAll(async () => {
    if (container !== '') await run('docker', ['rm', '-f', container]).catch(() => undefined)
    await run('docker', ['rmi', '-f', tag]).catch(() => undefined)
    await backend?.close()
    if (context !== undefined) await rm(context, { recursive: true, force: true })
  })

  it('serves the page, and the login through the route with the cookie for the app', async () => {
    expect(await (await fetch(url)).text()).toContain('<div id="root">')
    const login = await fetch(`${url}/api/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ user: 'ada' }),
    })
    expect({ status: login.status, location: login.headers.get('location') }).toEqual({
      status: 303,
      location: '/api/me',
    })
    const [cookie] = login.headers.getSetCookie()
    expect(cookie).toMatch(/^session=[\w-]+; Domain=; Path=\/api; HttpOnly; SameSite=Lax$/)
    const me = await fetch(`${url}/api/me`, { headers: { cookie: cookie!.split(';')[0]! } })
    expect(await me.text()).toBe('{"user":"ada"}')
  })
})
