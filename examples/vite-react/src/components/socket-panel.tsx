import { type FormEvent, useState } from 'react'
import { describeError, echo } from '../api.ts'

/** A websocket round trip through `/api/ws` to the backend's echo. */
export function SocketPanel() {
  const [log, setLog] = useState<string[]>([])

  async function onSend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const message = String(new FormData(event.currentTarget).get('message') ?? '')
    setLog((previous) => [...previous, `sent: ${message}`])
    try {
      const answer = await echo(message)
      setLog((previous) => [...previous, `echo: ${answer}`])
    } catch (reason) {
      setLog((previous) => [...previous, `error: ${describeError(reason)}`])
    }
  }

  return (
    <section aria-labelledby="socket-heading">
      <h2 id="socket-heading">WebSocket</h2>
      <p>
        <code>new WebSocket('/api/ws')</code> on this origin: sameorigin forwards the upgrade to the backend's
        echo, and leaves the dev server's own HMR websocket alone.
      </p>
      <form aria-label="Send over the websocket" onSubmit={(event) => void onSend(event)}>
        <label>
          Message
          <input name="message" defaultValue="hello through the proxy" required />
        </label>
        <button type="submit">Send</button>
      </form>
      <ol aria-label="WebSocket messages">
        {log.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </section>
  )
}
