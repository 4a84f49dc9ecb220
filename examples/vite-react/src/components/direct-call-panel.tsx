import { useState } from 'react'
import { callBackendDirectly, describeError } from '../api.ts'

type Outcome = { kind: 'blocked'; reason: string } | { kind: 'answered'; status: number }

/** The same backend called from its own origin, without the proxy: the browser's CORS check blocks it. */
export function DirectCallPanel({ backendOrigin }: { backendOrigin: string }) {
  const [outcome, setOutcome] = useState<Outcome>()

  async function call() {
    setOutcome(undefined)
    try {
      const res = await callBackendDirectly(backendOrigin)
      setOutcome({ kind: 'answered', status: res.status })
    } catch (reason) {
      setOutcome({ kind: 'blocked', reason: describeError(reason) })
    }
  }

  return (
    <section aria-labelledby="direct-heading">
      <h2 id="direct-heading">Without the proxy</h2>
      <p>
        The same backend at its own origin, <code>{backendOrigin}/api/health</code>, is another origin for
        this page. It sends no <code>Access-Control-Allow-Origin</code>, so the browser keeps the answer from
        the page.
      </p>
      <button type="button" onClick={() => void call()}>
        Call the backend directly
      </button>
      {outcome?.kind === 'blocked' && (
        <p role="alert">
          Blocked by the browser: <code>{outcome.reason}</code>. The console says why: “has been blocked by
          CORS policy”.
        </p>
      )}
      {outcome?.kind === 'answered' && (
        <p role="status">The backend answered {outcome.status}: it allows this origin after all.</p>
      )}
    </section>
  )
}
