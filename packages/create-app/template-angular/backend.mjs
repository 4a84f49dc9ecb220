// The demo backend: a stand-in for your real API. Like most real backends it sends no CORS headers,
// so a page on another origin cannot read it. The page never needs to: it calls /api on the dev
// server's own origin, and the dev server forwards it here (sameorigin.config.ts). It answers
//   GET  /api/health   JSON: { status: 'ok', service, time }
//   POST /api/login    { "name": "Ada" } → sets the session cookie (HttpOnly), answers { name }
//   GET  /api/me       the session's user, { name }, or 401 without a session
//   POST /api/logout   clears the session cookie
//   GET  /api/events   server-sent events: one a second, { time, user }
// Node's http module only: nothing to install.
//
//   npm run backend                listens where .env's API_TARGET points (http://127.0.0.1:4020)
//   node backend.mjs --port 4021   another port (0: any free one; the URL is printed)
//
// `npm run dev` imports startBackend() from here and runs it next to the dev server.
import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs, parseEnv } from 'node:util'

/** @import { AddressInfo } from 'node:net' */
/** @import { IncomingMessage, ServerResponse } from 'node:http' */

/** The port the demo backend takes when API_TARGET does not name one on this machine. */
export const DEFAULT_PORT = 4020

/**
 * @typedef {object} Backend
 * @property {string} url where it listens, e.g. `http://127.0.0.1:4020`
 * @property {() => Promise<void>} close stops it, open connections included
 */

/**
 * Starts the demo backend on 127.0.0.1.
 * @param {{ port?: number, log?: (line: string) => void }} [options] `port` 0 takes any free port
 * @returns {Promise<Backend>}
 */
export async function startBackend({ port = DEFAULT_PORT, log = () => {} } = {}) {
  /** Session token → user name; gone when the backend stops. */
  const sessions = new Map()
  const server = createServer((req, res) => {
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode}`))
    handleRequest(req, res, sessions)
  })
  await new Promise((listening, failed) => {
    server.once('error', failed)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed)
      listening(undefined)
    })
  })
  const url = `http://127.0.0.1:${/** @type {AddressInfo} */ (server.address()).port}`
  return {
    url,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed())
        // Keep-alive connections from the dev server's proxy would otherwise hold close() open.
        server.closeAllConnections()
      }),
  }
}

/** The cookie that holds the session (HttpOnly: page scripts never see it, only requests carry it). */
const SESSION_COOKIE = 'demo_session'

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Map<string, string>} sessions
 */
function handleRequest(req, res, sessions) {
  const { pathname } = new URL(req.url ?? '/', 'http://backend.invalid')
  const methods = {
    '/api/health': 'GET',
    '/api/login': 'POST',
    '/api/me': 'GET',
    '/api/logout': 'POST',
    '/api/events': 'GET',
  }
  const allowed = /** @type {Record<string, string>} */ (methods)[pathname]
  const user = sessions.get(readCookie(req, SESSION_COOKIE) ?? '')
  if (allowed === undefined) {
    sendJson(res, 404, {
      error: `Nothing at ${pathname}.`,
      hint: 'This demo backend answers /api/health, /api/login, /api/me, /api/logout and /api/events.',
    })
  } else if (req.method !== allowed && !(allowed === 'GET' && req.method === 'HEAD')) {
    res.setHeader('allow', allowed === 'GET' ? 'GET, HEAD' : allowed)
    sendJson(res, 405, { error: `${req.method} is not allowed on ${pathname}.` })
  } else if (pathname === '/api/health') {
    sendJson(res, 200, { status: 'ok', service: 'demo backend', time: new Date().toISOString() })
  } else if (pathname === '/api/login') {
    void readName(req).then((name) => {
      const token = randomUUID()
      sessions.set(token, name)
      res.setHeader('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`)
      sendJson(res, 200, { name })
    })
  } else if (pathname === '/api/me') {
    if (user === undefined) sendJson(res, 401, { error: 'Not logged in: POST /api/login first.' })
    else sendJson(res, 200, { name: user })
  } else if (pathname === '/api/logout') {
    sessions.delete(readCookie(req, SESSION_COOKIE) ?? '')
    res.setHeader('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`)
    sendJson(res, 200, { name: null })
  } else {
    sendEvents(res, user)
  }
}

/**
 * Server-sent events, one a second, until the page goes away (or the backend stops).
 * @param {ServerResponse} res
 * @param {string | undefined} user
 */
function sendEvents(res, user) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
  const send = () =>
    res.write(`data: ${JSON.stringify({ time: new Date().toISOString(), user: user ?? null })}\n\n`)
  send()
  const timer = setInterval(send, 1000)
  res.on('close', () => clearInterval(timer))
}

/**
 * The `name` of a JSON body (at most 1 KiB), else `demo user`.
 * @param {IncomingMessage} req
 * @returns {Promise<string>}
 */
async function readName(req) {
  let text = ''
  for await (const chunk of req) {
    text += chunk
    if (text.length > 1024) break
  }
  try {
    const name = JSON.parse(text).name
    if (typeof name === 'string' && name.trim() !== '') return name.trim().slice(0, 40)
  } catch {
    // Not JSON: the default name.
  }
  return 'demo user'
}

/**
 * One cookie of the request, `undefined` when it has none by that name.
 * @param {IncomingMessage} req
 * @param {string} name
 * @returns {string | undefined}
 */
function readCookie(req, name) {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

/**
 * Answers with JSON and, on purpose, without any Access-Control-* header.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  const text = `${JSON.stringify(body)}\n`
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(res.req.method === 'HEAD' ? undefined : text)
}

/**
 * API_TARGET as sameorigin reads it in development: the process environment wins over the files, and
 * among .env, .env.local, .env.development and .env.development.local the later one wins.
 * `{ demo: true }` reads .env alone: the app's default, where the demo backend listens.
 * @param {{ demo?: boolean }} [options]
 * @returns {string | undefined}
 */
export function readApiTarget({ demo = false } = {}) {
  if (!demo && process.env.API_TARGET) return process.env.API_TARGET
  const root = fileURLToPath(new URL('.', import.meta.url))
  /** @type {string | undefined} */
  let value
  for (const name of demo ? ['.env'] : ['.env', '.env.local', '.env.development', '.env.development.local']) {
    /** @type {string} */
    let content
    try {
      content = readFileSync(join(root, name), 'utf8')
    } catch {
      continue
    }
    const found = parseEnv(content).API_TARGET
    if (found !== undefined) value = found
  }
  return value || undefined
}

/**
 * Where the demo backend listens: API_TARGET as .env sets it when that is on this machine over plain
 * http, else http://127.0.0.1:4020. Set API_TARGET elsewhere (.env.local) for your own backend.
 * @returns {string}
 */
export function demoTarget() {
  const target = readApiTarget({ demo: true })
  return localPort(target) === undefined ? `http://127.0.0.1:${DEFAULT_PORT}` : /** @type {string} */ (target)
}

/**
 * The port API_TARGET names when it points at this machine over plain http, else `undefined`.
 * @param {string | undefined} target
 * @returns {number | undefined}
 */
export function localPort(target) {
  if (!target || !URL.canParse(target)) return undefined
  const url = new URL(target)
  if (url.protocol !== 'http:' || (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost'))
    return undefined
  return Number(url.port || 80)
}

// Run as a script (`node backend.mjs`), not imported by dev.mjs.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  /** @type {{ port?: string }} */
  let values
  try {
    values = parseArgs({ options: { port: { type: 'string' } } }).values
  } catch (error) {
    process.stderr.write(
      `${/** @type {Error} */ (error).message}\nUsage: node backend.mjs [--port <number>]\n`,
    )
    process.exit(1)
  }
  const target = readApiTarget()
  const port = values.port === undefined ? Number(localPort(demoTarget())) : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`--port must be a port number (0 to 65535), not "${values.port}".\n`)
    process.exit(1)
  }
  const backend = await startBackend({ port, log: (line) => process.stdout.write(`${line}\n`) }).catch(
    (/** @type {NodeJS.ErrnoException} */ error) => {
      const hint =
        error.code === 'EADDRINUSE'
          ? ` Stop what runs there, or pick another port: node backend.mjs --port ${port + 1} (and the same port in API_TARGET, in .env).`
          : ''
      process.stderr.write(
        `The demo backend could not listen on 127.0.0.1:${port}: ${error.message}.${hint}\n`,
      )
      process.exit(1)
    },
  )
  process.stdout.write(
    `Demo backend on ${backend.url} (/api/health, /api/login, /api/me, /api/events). Ctrl-C stops it.\n`,
  )
  if (target && new URL(backend.url).port !== (URL.canParse(target) ? new URL(target).port : '')) {
    process.stdout.write(`Note: API_TARGET is ${target}, so the dev server forwards /api there, not here.\n`)
  }
  // Ctrl-C (SIGINT), SIGTERM or a closed terminal (SIGHUP): close, then exit.
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(signal, () => void backend.close().then(() => process.exit(0)))
  }
}
