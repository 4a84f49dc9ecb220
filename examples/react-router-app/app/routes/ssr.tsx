import { useEffect, useState } from 'react'
import { Link, type LoaderFunctionArgs, useLoaderData } from 'react-router'
import { serverFetch } from '@sameorigin/vite/server'

/** `{ user }` from an answer of `/api/me`, or `null` (401 without a session, or any other failure). */
async function readUser(res: Response): Promise<string | null> {
  if (!res.ok) return null
  const body: unknown = await res.json()
  return typeof body === 'object' && body !== null && 'user' in body && typeof body.user === 'string'
    ? body.user
    : null
}

/**
 * Runs on the server, for the page request: `serverFetch` sends `/api/me` through the same routes as the
 * browser (sameorigin.config.ts), with the page request's cookie, so the backend sees the browser's session.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const res = await serverFetch('/api/me', { request })
  return { user: await readUser(res), status: res.status }
}

export default function SsrPage() {
  const { user, status } = useLoaderData<typeof loader>()
  // After hydration, the browser asks the same question itself, through the dev server's /api route.
  const [clientUser, setClientUser] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    void fetch('/api/me')
      .then(readUser, () => null)
      .then(setClientUser)
  }, [])
  return (
    <main>
      <header>
        <h1>sameorigin · React Router, server-rendered</h1>
        <p>
          This page's loader called <code>serverFetch('/api/me', {'{ request }'})</code> on the server, with
          your session cookie; after hydration the browser called <code>/api/me</code> itself.{' '}
          <Link to="/">Back to the panels</Link> (log in there first).
        </p>
      </header>
      <section>
        <h2>Rendered on the server</h2>
        <p>
          <code>/api/me</code> answered {status}: <strong id="ssr-user">{user ?? 'not logged in'}</strong>
        </p>
      </section>
      <section>
        <h2>Fetched by the browser after hydration</h2>
        <p>
          <strong id="client-user">
            {clientUser === undefined ? 'loading…' : (clientUser ?? 'not logged in')}
          </strong>
        </p>
      </section>
    </main>
  )
}
