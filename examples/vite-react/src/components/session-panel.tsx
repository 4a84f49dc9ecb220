import { type FormEvent, useEffect, useState } from 'react'
import { describeError, fetchMe, logIn, logOut } from '../api.ts'

type Session = { state: 'checking' } | { state: 'anonymous' } | { state: 'user'; user: string }

const ANONYMOUS: Session = { state: 'anonymous' }

/** Login and logout. The session lives in an HttpOnly cookie that sameorigin rewrote for this origin. */
export function SessionPanel() {
  const [session, setSession] = useState<Session>({ state: 'checking' })
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  // A session from an earlier visit: the browser sends the stored cookie with this request.
  useEffect(() => {
    let active = true
    fetchMe().then(
      (user) => active && setSession(user === null ? ANONYMOUS : { state: 'user', user }),
      (reason: unknown) => {
        if (!active) return
        setSession(ANONYMOUS)
        setError(describeError(reason))
      },
    )
    return () => {
      active = false
    }
  }, [])

  async function run(action: () => Promise<Session>) {
    setBusy(true)
    setError(undefined)
    try {
      setSession(await action())
    } catch (reason) {
      setError(describeError(reason))
    } finally {
      setBusy(false)
    }
  }

  function onLogIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const user = String(new FormData(event.currentTarget).get('user') ?? '')
    void run(async () => ({ state: 'user', user: await logIn(user) }))
  }

  return (
    <section aria-labelledby="session-heading">
      <h2 id="session-heading">Session</h2>
      {session.state === 'checking' && <p role="status">Checking the session…</p>}
      {session.state === 'anonymous' && (
        <form aria-label="Log in" onSubmit={onLogIn}>
          <label>
            User name
            <input name="user" defaultValue="ada" required autoComplete="username" />
          </label>
          <button type="submit" disabled={busy}>
            Log in
          </button>
        </form>
      )}
      {session.state === 'user' && (
        <>
          <p role="status">
            Logged in as <strong>{session.user}</strong>
          </p>
          <p className="note">
            The session cookie is <code>HttpOnly</code>: the browser sends it with every <code>/api</code>{' '}
            request, and this page's JavaScript cannot read it.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await logOut()
                return ANONYMOUS
              })
            }
          >
            Log out
          </button>
        </>
      )}
      {error !== undefined && <p role="alert">{error}</p>}
    </section>
  )
}
