import { DirectCallPanel } from './components/direct-call-panel.tsx'
import { EventsPanel } from './components/events-panel.tsx'
import { SessionPanel } from './components/session-panel.tsx'
import { SocketPanel } from './components/socket-panel.tsx'

export function App() {
  return (
    <main>
      <header>
        <h1>sameorigin · Vite + React</h1>
        <p>
          This page calls <code>/api</code> on its own origin, <code>{location.origin}</code>. The Vite dev
          server forwards it to the backend at <code>{import.meta.env.VITE_BACKEND_ORIGIN}</code>, which sends
          no CORS headers: the browser never makes a cross-origin request.
        </p>
      </header>
      <SessionPanel />
      <EventsPanel />
      <SocketPanel />
      <DirectCallPanel backendOrigin={import.meta.env.VITE_BACKEND_ORIGIN} />
    </main>
  )
}
