import { type FormEvent, useEffect, useState } from 'react'
import { Link } from 'react-router'

export function meta() {
  return [{ title: 'React Router + sameorigin' }]
}

export default function Home() {
  // Every URL is relative: the requests go to this page's own origin, and the dev server forwards them.
  const [health, setHealth] = useState({ status: 0, body: 'Loading…' })
  const [user, setUser] = useState<string | null>(null)
  const [name, setName] = useState('Ada')
  const [event, setEvent] = useState('Connecting…')

  async function refreshUser() {
    const response = await fetch('/api/me')
    setUser(response.ok ? ((await response.json()) as { name: string }).name : null)
  }

  async function logIn(submit: FormEvent) {
    submit.preventDefault()
    // The backend answers with a Set-Cookie: it lands on this origin, and every later call carries it.
    await fetch('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    })
    await refreshUser()
  }

  async function logOut() {
    await fetch('/api/logout', { method: 'POST' })
    await refreshUser()
  }

  useEffect(() => {
    fetch('/api/health')
      .then(async (response) => setHealth({ status: response.status, body: await response.text() }))
      .catch((error: unknown) => setHealth({ status: 0, body: String(error) }))
    void refreshUser()
    // Server-sent events through the same route: one a second, streamed as the backend sends them.
    const events = new EventSource('/api/events')
    events.addEventListener('message', (message) => setEvent(String(message.data)))
    return () => events.close()
  }, [])

  return (
    <main>
      <h1>React Router + sameorigin</h1>
      <p>
        This page calls <code>/api</code> on its own origin. The dev server forwards it to the backend named
        by <code>API_TARGET</code> in <code>.env</code>, so the browser never makes a cross-origin request and
        the backend needs no CORS headers.
      </p>

      <h2>
        GET /api/health <span className={health.status === 200 ? 'ok' : 'error'}>{health.status || ''}</span>
      </h2>
      <pre data-testid="health">{health.body}</pre>

      <h2>Log in: a cookie on this origin</h2>
      {user ? (
        <p>
          Logged in as <strong id="user">{user}</strong>. <button onClick={logOut}>Log out</button>
        </p>
      ) : (
        <form onSubmit={logIn}>
          <input value={name} onChange={(change) => setName(change.target.value)} aria-label="name" />
          <button>Log in</button>
        </form>
      )}

      <h2>GET /api/events: server-sent events</h2>
      <pre data-testid="events">{event}</pre>

      <p>
        <Link to="/ssr">/ssr</Link>: the logged-in user, fetched by the server while it renders the page (with
        your cookie), then by the browser.
      </p>
    </main>
  )
}
