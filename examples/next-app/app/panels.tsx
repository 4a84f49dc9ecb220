'use client'

// The page's panels are examples/vite-react's own (`@page`, a tsconfig path), as in every React
// example: the same page in each dev server, so the browser tests run one spec against all of them.
// This file makes them client components: they use state, effects, fetch and EventSource.
import { DirectCallPanel } from '@page/components/direct-call-panel.tsx'
import { EventsPanel } from '@page/components/events-panel.tsx'
import { SessionPanel } from '@page/components/session-panel.tsx'
import { SocketPanel } from '@page/components/socket-panel.tsx'

export function Panels({ backendOrigin }: { backendOrigin: string }) {
  return (
    <>
      <SessionPanel />
      <EventsPanel />
      <SocketPanel />
      <DirectCallPanel backendOrigin={backendOrigin} />
    </>
  )
}
