// The live half of every example's README demo: requests a browser would make, sent to a dev server
// that proxies `/api` to this backend, each checked and printed with what the backend sent next to
// what the browser gets. Plain fetch and `ws`, no sameorigin import, so every example's demo (plain
// Node, Vite, webpack, Next) runs the same steps against its own dev server.
import { WebSocket } from 'ws'

/** @import { WalkthroughOptions } from './walkthrough.d.mts' */

/** Why a Fetch host's demo skips the websocket step (`websocket: false`). */
const WEBSOCKET_SKIPPED =
  "a Fetch handler takes a Request and returns a Response; a websocket needs the host's own upgrade path"

/**
 * Runs the walkthrough against `devUrl` and prints one line per step through `say`: the backend sends
 * no CORS headers, login (redirect and cookie rewritten, shown before and after), `/api/me` with the
 * cookie, server-sent events, a websocket echo and a refused traversal. With `websocket: false` (a
 * Fetch host, which has no upgrade path to offer) the websocket step prints why it is skipped and
 * counts as neither passed nor failed.
 * @param {WalkthroughOptions} options
 * @returns {Promise<number>} how many steps failed (0 when all passed)
 * @example const failures = await runWalkthrough({ devUrl: 'http://localhost:5173', backendUrl: backend.url, say: console.log })
 */
export async function runWalkthrough({ devUrl, backendUrl, say, bold = (text) => text, websocket = true }) {
  const dev = devUrl.replace(/\/+$/, '')
  let failures = 0
  /**
   * @param {boolean} ok
   * @param {string} line
   * @param {string[]} details
   */
  const check = (ok, line, ...details) => {
    if (!ok) failures++
    say(`  ${ok ? '✔' : '✖'} ${line}`)
    for (const detail of details) say(`      ${detail}`)
  }
  /**
   * One step; a request that throws (the dev server is down, say) is a failed step, not a crash.
   * @param {string} name
   * @param {() => Promise<void>} step
   */
  const attempt = async (name, step) => {
    try {
      await step()
    } catch (error) {
      check(false, `${name} failed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  say(bold('Live, through the proxy'))

  await attempt('the direct call', async () => {
    const direct = await fetch(`${backendUrl}/api/health`, { headers: { origin: dev } })
    await direct.arrayBuffer()
    check(
      !direct.headers.has('access-control-allow-origin'),
      `the backend sends no Access-Control-Allow-Origin: a page on ${dev} calling ${backendUrl} directly is blocked by the browser`,
    )
  })

  await attempt('GET  /api/health', async () => {
    const health = await fetch(`${dev}/api/health`)
    check(health.status === 200, `GET  /api/health → ${health.status} ${await health.text()}`)
  })

  let cookie = ''
  await attempt('POST /api/login', async () => {
    const login = { method: 'POST', redirect: /** @type {const} */ ('manual'), body: '{"user":"ada"}' }
    const direct = await fetch(`${backendUrl}/api/login`, {
      ...login,
      headers: { 'content-type': 'application/json' },
    })
    const proxied = await fetch(`${dev}/api/login`, {
      ...login,
      headers: { 'content-type': 'application/json', origin: dev, referer: `${dev}/` },
    })
    cookie = proxied.headers.getSetCookie()[0] ?? ''
    check(
      proxied.status === 303 &&
        cookie.startsWith('session=') &&
        !/domain=|secure|samesite=none/i.test(cookie) &&
        proxied.headers.get('location') === '/api/me',
      `POST /api/login (Origin: ${dev}) → ${proxied.status}, Location: ${proxied.headers.get('location')}`,
      `backend sends: Location: ${direct.headers.get('location')}`,
      `backend sends: Set-Cookie: ${direct.headers.getSetCookie()[0]}`,
      `browser gets:  Set-Cookie: ${cookie}`,
    )
  })

  await attempt('GET  /api/me', async () => {
    const me = await fetch(`${dev}/api/me`, { headers: { cookie: cookie.split(';')[0] ?? '' } })
    check(me.status === 200, `GET  /api/me with the cookie → ${me.status} ${await me.text()}`)
  })

  await attempt('GET  /api/events', async () => {
    const events = await fetch(`${dev}/api/events?count=3`)
    const body = await events.text()
    const count = body.split('\n\n').filter((chunk) => chunk.includes('data:')).length
    check(count === 3, `GET  /api/events → ${count} server-sent events, streamed as they were sent`)
  })

  if (websocket) {
    await attempt('WS   /api/ws', async () => {
      const echo = await echoOnce(`${dev.replace(/^http/, 'ws')}/api/ws`, dev, 'hello through the proxy')
      check(echo === 'hello through the proxy', `WS   /api/ws → echo: ${echo}`)
    })
  } else {
    say(`  – WS   /api/ws skipped: ${WEBSOCKET_SKIPPED}`)
  }

  await attempt('GET  /api/%2e%2e%2f%2e%2e%2fetc/passwd', async () => {
    const unsafe = await fetch(`${dev}/api/%2e%2e%2f%2e%2e%2fetc/passwd`, {
      headers: { accept: 'application/json' },
    })
    const text = await unsafe.text()
    // The proxy's refusal is `{ error: { code } }`; anything else is shown as it came.
    const error = unsafe.headers.get('content-type')?.includes('json') ? JSON.parse(text).error : text
    const code = typeof error === 'object' && error !== null ? error.code : JSON.stringify(error)
    check(unsafe.status === 400, `GET  /api/%2e%2e%2f%2e%2e%2fetc/passwd → ${unsafe.status} ${code}`)
  })

  return failures
}

/**
 * Opens a websocket, sends `message` and resolves to the first answer (or `error: ...`).
 * @param {string} url
 * @param {string} origin
 * @param {string} message
 * @returns {Promise<string>}
 */
function echoOnce(url, origin, message) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { origin })
    socket.on('open', () => socket.send(message))
    socket.on('message', (data) => {
      resolve(String(data))
      socket.close()
    })
    socket.on('error', (error) => resolve(`error: ${error.message}`))
    // After an answer this is a no-op; before one, it ends the wait instead of hanging the demo.
    socket.on('close', (code) => resolve(`error: closed (${code}) before an echo`))
  })
}
