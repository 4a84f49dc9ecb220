import { useState } from 'react'
import { fetchMe, logIn } from './api.ts'

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'busy' }
  | { readonly step: 'done'; readonly user: string }
  | { readonly step: 'failed'; readonly error: string }

/** Logs in through `/api`, then reads the user back from `/api/me` (the session cookie sent back). */
export function UserCard({ user = 'ada' }: { readonly user?: string }) {
  const [state, setState] = useState<State>({ step: 'idle' })

  async function onLogIn() {
    setState({ step: 'busy' })
    try {
      await logIn(user)
      const me = await fetchMe()
      setState(
        me === null
          ? { step: 'failed', error: 'the session cookie was not sent back' }
          : { step: 'done', user: me },
      )
    } catch (error) {
      setState({ step: 'failed', error: error instanceof Error ? error.message : String(error) })
    }
  }

  return (
    <section aria-label="User">
      {state.step === 'done' ? (
        <p role="status">
          Logged in as <strong data-testid="user">{state.user}</strong>
        </p>
      ) : (
        <button type="button" disabled={state.step === 'busy'} onClick={() => void onLogIn()}>
          Log in as {user}
        </button>
      )}
      {state.step === 'failed' && <p role="alert">{state.error}</p>}
    </section>
  )
}
