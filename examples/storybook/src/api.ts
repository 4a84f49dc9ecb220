// What the component calls. Every request goes to the Storybook origin: @sameorigin/storybook
// forwards /api to the backend, so the story makes no cross-origin request and needs no mock.

/** `{ user }` from an answer of `/api/login` or `/api/me`, or why there is none. */
async function readUser(res: Response): Promise<string> {
  const body: unknown = await res.json().catch(() => undefined)
  if (res.ok && typeof body === 'object' && body !== null && 'user' in body && typeof body.user === 'string')
    return body.user
  throw new Error(`${res.url} answered ${res.status}`)
}

/**
 * Logs in. The backend answers 303 to its own absolute `/api/me` with a cookie scoped to its domain;
 * through sameorigin the redirect stays on this origin and the cookie is stored for it.
 */
export async function logIn(user: string): Promise<string> {
  const res = await fetch('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  })
  return readUser(res)
}

/** Who the session cookie says we are: the browser sends the stored cookie with this request. */
export async function fetchMe(): Promise<string | null> {
  const res = await fetch('/api/me')
  if (res.status === 401) return null
  return readUser(res)
}
