import { serverFetch } from '@sameorigin/vite/server'
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import type { Route } from './+types/ssr'

export function meta() {
  return [{ title: 'Rendered on the server: React Router + sameorigin' }]
}

// The loader runs on the server: serverFetch sends /api/me through the routes of
// sameorigin.config.ts, with the cookies of the page request it is given.
export async function loader({ request }: Route.LoaderArgs) {
  const response = await serverFetch('/api/me', { request })
  return { name: response.ok ? ((await response.json()) as { name: string }).name : 'anonymous' }
}

export default function Ssr({ loaderData }: Route.ComponentProps) {
  // Once hydrated, the browser asks too: the same route, the same cookie, the same answer.
  const [clientUser, setClientUser] = useState('')
  useEffect(() => {
    void fetch('/api/me').then(async (response) =>
      setClientUser(response.ok ? ((await response.json()) as { name: string }).name : 'anonymous'),
    )
  }, [])

  return (
    <main>
      <h1>Rendered on the server</h1>
      <p>
        The server fetched <code>/api/me</code> while rendering this page, with your session cookie:
      </p>
      <p id="ssr-user">{loaderData.name}</p>
      <p>The browser fetched it again after hydration:</p>
      {clientUser && <p id="client-user">{clientUser}</p>}
      <p>
        <Link to="/">Back</Link> (log in there to see your name here).
      </p>
    </main>
  )
}
