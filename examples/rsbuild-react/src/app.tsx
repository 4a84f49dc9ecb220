import { DirectCallPanel } from '@page/components/direct-call-panel.tsx'
import { EventsPanel } from '@page/components/events-panel.tsx'
import { SessionPanel } from '@page/components/session-panel.tsx'
import { SocketPanel } from '@page/components/socket-panel.tsx'

const backendOrigin = process.env.BACKEND_ORIGIN

export function App() {
  return (
    <main>
      <header>
        <h1>sameorigin · Rsbuild + React</h1>
        <p>
          This page calls <code>/api</code> on its own origin, <code>{location.origin}</code>. Rsbuild's dev
          server forwards it to the backend at <code>{backendOrigin}</code>, which sends no CORS headers: the
          browser never makes a cross-origin request.
        </p>
      </header>
      <SessionPanel />
      <EventsPanel />
      <SocketPanel />
      <DirectCallPanel backendOrigin={backendOrigin} />
    </main>
  )
}
