// Every request the page makes. All of them but `callBackendDirectly` go to the page's own origin:
// Nuxt's dev server forwards /api to the backend, so the browser never makes a cross-origin request.
// (Nuxt auto-imports what app/utils exports.)

/** Reads the error message of a failed answer: the backend's `{ error }` or the proxy's `{ error: { code, message } }`. */
async function readError(res: Response): Promise<string> {
  const text = await res.text()
  try {
    const body: unknown = JSON.parse(text)
    const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined
    if (typeof error === 'string') return `${res.status}: ${error}`
    if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error)
      return `${res.status} ${String(error.code)}: ${String(error.message)}`
  } catch {
    // Not JSON: the raw text below.
  }
  return `${res.status}: ${text.slice(0, 200) || res.statusText}`
}

/** Reads `{ user }` from an answer of `/api/me`. */
async function readUser(res: Response): Promise<string> {
  const body: unknown = await res.json()
  if (typeof body === 'object' && body !== null && 'user' in body && typeof body.user === 'string')
    return body.user
  throw new Error('/api/me answered without a user')
}

/** The logged-in user, or `null` without a session (401). */
export async function fetchMe(): Promise<string | null> {
  const res = await fetch('/api/me')
  if (res.status === 401) return null
  if (!res.ok) throw new Error(await readError(res))
  return readUser(res)
}

/**
 * Logs in. The backend answers 303 with an absolute `Location` on its own origin and a cookie scoped
 * to its domain; through sameorigin the redirect points at `/api/me` on this origin and the cookie is
 * stored for it, so fetch follows the redirect and sends the cookie with it.
 */
export async function logIn(user: string): Promise<string> {
  const res = await fetch('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  })
  if (!res.ok) throw new Error(await readError(res))
  return readUser(res)
}

/** Ends the session; the backend expires the cookie. */
export async function logOut(): Promise<void> {
  const res = await fetch('/api/logout', { method: 'POST' })
  if (!res.ok) throw new Error(await readError(res))
}

/** Sends `message` over a websocket to `/api/ws` on this origin (the backend's echo) and resolves to the answer. */
export function echo(message: string): Promise<string> {
  const url = new URL('/api/ws', location.href)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.addEventListener('open', () => socket.send(message))
    socket.addEventListener('message', (event) => {
      resolve(String(event.data))
      socket.close()
    })
    // A websocket error carries no reason; the dev server's terminal has it.
    socket.addEventListener('error', () => reject(new Error('the websocket failed')))
    socket.addEventListener('close', () => reject(new Error('the websocket closed before an echo')))
  })
}

/**
 * What happens without sameorigin: the page calls the backend's own origin. The backend sends no
 * `Access-Control-Allow-Origin`, so the browser keeps the answer from the page: fetch rejects with a
 * bare `TypeError`, and only the console says why.
 */
export function callBackendDirectly(origin: string): Promise<Response> {
  return fetch(`${origin}/api/health`)
}

/** A caught value as one line: `TypeError: Failed to fetch`. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
