import type { ProxyError } from '../../errors/proxy-error.ts'
import type { RequestBody } from '../../rewrite/parse-request-body.ts'
import type { DevOrigin, HeaderRecord } from '../../rewrite/types.ts'
import type { Match } from '../../types.ts'
import type {
  AnswerPlan,
  InspectPlan,
  PassPlan,
  PendingHeaders,
  Pipeline,
  PipelineRequest,
} from '../types.ts'

/** What the steps of one request or upgrade know so far; each step adds its part. */
export interface PlanState {
  readonly pipeline: Pipeline
  readonly request: PipelineRequest
  readonly upgrade: boolean
  match?: Match
  dev?: DevOrigin
  corsOrigin?: string
  body?: RequestBody
  headers?: HeaderRecord
  pendingHeaders?: PendingHeaders
}

/**
 * One step of the pipeline: `undefined` to go on, or how the request ends here (passed to the host,
 * answered, or refused with a `ProxyError`, returned or thrown).
 */
export type Step = (state: PlanState) => PassPlan | AnswerPlan | InspectPlan | ProxyError | undefined

/** The plan that leaves a request to the host. */
export const PASS: PassPlan = Object.freeze({ kind: 'pass' })
