'use client'

import { useEffect, useState } from 'react'

type Health =
  | { state: 'loading' }
  | { state: 'done'; status: number; body: string }
  | { state: 'failed'; error: string }

export default function Page() {
  const [origin, setOrigin] = useState('')
  const [health, setHealth] = useState<Health>({ state: 'loading' })

  useEffect(() => {
    setOrigin(location.origin)
    // A relative URL: the request goes to this page's own origin, and `next dev` forwards it.
    fetch('/api/health')
      .then(async (response) =>
        setHealth({ state: 'done', status: response.status, body: await response.text() }),
      )
      .catch((error: unknown) => setHealth({ state: 'failed', error: String(error) }))
  }, [])

  return (
    <main>
      <h1>Next.js + sameorigin</h1>
      <p>
        This page calls <code>/api/health</code> on its own origin, <code>{origin}</code>. The dev server
        forwards it to the backend named by <code>API_TARGET</code> in <code>.env</code>, so the browser never
        makes a cross-origin request and the backend needs no CORS headers.
      </p>
      <h2>
        GET /api/health{' '}
        {health.state === 'done' && (
          <span className={health.status === 200 ? 'ok' : 'error'}>{health.status}</span>
        )}
      </h2>
      <pre data-testid="health">
        {health.state === 'loading' ? 'Loading…' : health.state === 'done' ? health.body : health.error}
      </pre>
      <p>
        Edit <code>app/page.tsx</code> to call your own routes, and <code>sameorigin.config.ts</code> to
        forward more paths.
      </p>
    </main>
  )
}
