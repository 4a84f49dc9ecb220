import { DirectCallPanel } from '@page/components/direct-call-panel.tsx'
import { EventsPanel } from '@page/components/events-panel.tsx'
import { SessionPanel } from '@page/components/session-panel.tsx'
import { SocketPanel } from '@page/components/socket-panel.tsx'
import { Link } from 'react-router'

const backendOrigin = import.meta.env.VITE_BACKEND_ORIGIN

/** The same page as examples/vite-react, rendered by React Router: every panel calls `/api` on this origin. */
export default function Home() {
  return (
    <main>
      <header>
        <h1>sameorigin · React Router</h1>
        <p>
          This page calls <code>/api</code> on its own origin. React Router's dev server forwards it to the
          backend at <code>{backendOrigin}</code>, which sends no CORS headers: the browser never makes a
          cross-origin request. <Link to="/ssr">The server-rendered page</Link> fetches the same{' '}
          <code>/api/me</code> in its loader, with your session cookie.
        </p>
      </header>
      <SessionPanel />
      <EventsPanel />
      <SocketPanel />
      <DirectCallPanel backendOrigin={backendOrigin} />
    </main>
  )
}
