// The app every cors-policy test is about: a frontend that logs in (a session cookie), lists items
// (reading X-Total-Count), edits one (JSON and a CSRF token) and deletes one. Its backend's routes
// are here once; each framework test mounts them behind the policy it was given.

/** What a route answers: status, headers and a JSON body (none for 204). */
export interface AppAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body?: unknown
}

/** One backend route. */
export interface AppRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** A path with `:id` where the framework takes a parameter. */
  readonly path: string
  readonly answer: AppAnswer
}

/** The backend: what it sends is what a recording of the app shows. */
export const APP_ROUTES: readonly AppRoute[] = [
  {
    method: 'POST',
    path: '/api/session',
    answer: {
      status: 200,
      headers: { 'set-cookie': 'sid=s3cr3t; Path=/; HttpOnly; SameSite=Lax' },
      body: { user: 'ada' },
    },
  },
  {
    method: 'GET',
    path: '/api/items',
    // The app reads X-Total-Count; X-Request-Id is the backend's, for its logs.
    answer: {
      status: 200,
      headers: { 'x-total-count': '2', 'x-request-id': 'req-1' },
      body: [{ id: 1 }, { id: 2 }],
    },
  },
  {
    method: 'PUT',
    path: '/api/items/:id',
    answer: { status: 200, headers: {}, body: { id: 1, done: true } },
  },
  { method: 'DELETE', path: '/api/items/:id', answer: { status: 204, headers: {} } },
]

/**
 * The app's calls, as its code makes them (run in the page). `base` is '' same-origin (through the
 * dev proxy) or the backend's origin; cross-origin the app sends cookies with `credentials: 'include'`.
 * Returns what the page read of each answer.
 */
export const APP_SCRIPT = `async (base) => {
  const init = { credentials: base === '' ? 'same-origin' : 'include' }
  const json = { 'Content-Type': 'application/json' }
  const session = await fetch(base + '/api/session', { ...init, method: 'POST', headers: json, body: '{"user":"ada"}' })
  const items = await fetch(base + '/api/items', { ...init, headers: { Accept: 'application/json' } })
  const total = items.headers.get('X-Total-Count')
  const put = await fetch(base + '/api/items/1', { ...init, method: 'PUT', headers: { ...json, 'X-CSRF-Token': 't0k3n' }, body: '{"done":true}' })
  const del = await fetch(base + '/api/items/2', { ...init, method: 'DELETE', headers: { 'X-CSRF-Token': 't0k3n' } })
  return { statuses: [session.status, items.status, put.status, del.status], total }
}`

/** The app's source, as `--src` reads it: what it does with the answers. */
export const APP_SOURCE = `export async function listItems(base) {
  const response = await fetch(base + '/api/items', { credentials: 'include', headers: { Accept: 'application/json' } })
  return { items: await response.json(), total: Number(response.headers.get('X-Total-Count')) }
}
`
