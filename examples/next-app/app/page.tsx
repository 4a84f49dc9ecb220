import { Panels } from './panels.tsx'

// The backend's origin is read per request (API_TARGET, as sameorigin.config.ts reads it), not baked in at build.
export const dynamic = 'force-dynamic'

/** The same page as examples/vite-react, rendered by Next: every panel calls `/api` on this origin. */
export default function Page() {
  const backendOrigin = new URL(process.env.API_TARGET || 'http://127.0.0.1:4020').origin
  const mode = process.env.SAMEORIGIN_MODE === 'rewrites' ? 'native rewrites' : 'the route handler'
  return (
    <main>
      <header>
        <h1>sameorigin · Next.js</h1>
        <p>
          This page calls <code>/api</code> on its own origin. The Next dev server forwards it with {mode} to
          the backend at <code>{backendOrigin}</code>, which sends no CORS headers: the browser never makes a
          cross-origin request.
        </p>
      </header>
      <Panels backendOrigin={backendOrigin} />
    </main>
  )
}
