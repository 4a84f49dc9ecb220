// Every request this page makes goes to its own origin: `ng serve` forwards /api to the backend
// (sameorigin.config.ts), so the browser never makes a cross-origin request.

/** An answer that is not OK as one line: the backend's `{ error }`, or the proxy's `{ error: { code, message } }` (a 502). */
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
 * Logs in. The backend answers 303 to its own absolute `/api/me` with a cookie for its own domain;
 * through sameorigin the redirect stays on this origin and the cookie is stored for it, so fetch
 * follows the redirect with the cookie and gets the user.
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

/** A caught value as one line: `Error: 502 ERR_UPSTREAM_REFUSED: …`. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
