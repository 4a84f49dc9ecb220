import { createError } from '../../errors/proxy-error.ts'
import type { PlanState, Step } from './plan-state.ts'

/**
 * A route whose mock is in `'always'` mode never contacts its backend, and websockets are not
 * mocked: a handshake there is refused (`ERR_MOCK_WS_UNSUPPORTED`, 501) instead of reaching the
 * backend the user chose to work without. In `'fallback'` and `'record'` mode it goes upstream.
 */
export const refuseMockedUpgrade: Step = (state: PlanState) =>
  state.match?.route.mock?.mode === 'always' ? createError('ERR_MOCK_WS_UNSUPPORTED') : undefined
