import { useEffect, useRef, useState } from 'react'

interface Tick {
  n: number
  of: number
}

type StreamState = 'idle' | 'streaming' | 'done' | 'failed'

const COUNT = 5

/** An EventSource on `/api/events`: each event shows up as the backend sends it. */
export function EventsPanel() {
  const [ticks, setTicks] = useState<Tick[]>([])
  const [state, setState] = useState<StreamState>('idle')
  const source = useRef<EventSource | null>(null)

  useEffect(() => () => source.current?.close(), [])

  function start() {
    source.current?.close()
    setTicks([])
    setState('streaming')
    const events = new EventSource(`/api/events?count=${COUNT}`)
    source.current = events
    // The backend sends named `tick` events and then ends the stream. Closing after the last one
    // keeps EventSource from reconnecting and starting over.
    events.addEventListener('tick', (event: MessageEvent<string>) => {
      const tick = JSON.parse(event.data) as Tick
      setTicks((previous) => [...previous, tick])
      if (tick.n === tick.of) {
        events.close()
        setState('done')
      }
    })
    events.addEventListener('error', () => {
      events.close()
      setState('failed')
    })
  }

  const status: Record<StreamState, string> = {
    idle: 'Not started.',
    streaming: 'Streaming…',
    done: `All ${ticks.length} events arrived; the stream ended.`,
    failed: 'The stream failed: the dev server terminal says why.',
  }

  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">Server-sent events</h2>
      <p>
        <code>new EventSource('/api/events')</code>: the backend sends an event every 200 ms, and each one is
        streamed through as it is sent.
      </p>
      <button type="button" onClick={start} disabled={state === 'streaming'}>
        Stream events
      </button>
      <p role="status">{status[state]}</p>
      <ol aria-label="Received events">
        {ticks.map((tick) => (
          <li key={tick.n}>
            tick {tick.n} of {tick.of}
          </li>
        ))}
      </ol>
    </section>
  )
}
