import { HOP_BY_HOP_HEADERS } from '../rewrite/hop-by-hop-headers.ts'
import { MOCK_HEADER } from '../pipeline/mock/plan-mock-answer.ts'
import type { Explained } from './explain-request-changes.ts'
import { describe } from './explain-request-changes.ts'
import { toDisplayName } from './to-display-name.ts'

/** What a response-side explanation needs besides the two values. */
export interface ResponseChangeContext {
  /** The dev server's host name (`localhost`). */
  readonly devHost: string
  /** CORS mode answered this request. */
  readonly cors: boolean
  /** A mock answered. */
  readonly mock: boolean
  /** The upstream sent `Transfer-Encoding` (a `Content-Length` beside it is removed). */
  readonly chunked: boolean
  /** The options listed in the upstream's `Connection` field. */
  readonly connectionOptions: readonly string[]
  /** A value as the explanation may show it (masked unless the session shows secrets). */
  readonly show: (value: string) => string
}

const TARGET_ONLY: Readonly<Record<string, string>> = {
  'strict-transport-security': 'from the target it would pin every port of {host} to https for months',
  'alt-svc': 'it names an alternative service for the target, not for the dev server',
}

/**
 * Why the browser's `after` differs from the upstream's `before` for header `name` (not
 * `Set-Cookie`, explained attribute by attribute), following `toClientHeaders` and `planResponse`:
 * hop-by-hop, target-only policies, redirects, CORS mode, a mock's answer, the route's
 * `responseHeaders`.
 */
export function explainResponseChange(
  name: string,
  before: string | undefined,
  after: string | undefined,
  context: ResponseChangeContext,
): Explained {
  const change = describe(toDisplayName(name), before, after, context.show)
  if (name === MOCK_HEADER && after !== undefined) {
    return { rule: 'mock', explanation: `${change}: the route's mock answered, not the backend` }
  }
  if (name === 'content-length' && context.mock) {
    const why =
      after === undefined
        ? 'a mock answer is framed by its own body (a stream, or none)'
        : "the length of the mock's body"
    return { rule: 'mock', explanation: `${change}: ${why}` }
  }
  if (name === 'content-length' && after === undefined && context.chunked) {
    return {
      rule: 'hop-by-hop',
      explanation: `${change}: it came beside Transfer-Encoding, which a proxy must not pass on together (RFC 9112 §6.3)`,
    }
  }
  if (after === undefined && name === 'transfer-encoding') {
    return {
      rule: 'hop-by-hop',
      explanation: `${change}: hop-by-hop, the dev server frames the body to the browser itself`,
    }
  }
  if (after === undefined && (HOP_BY_HOP_HEADERS.has(name) || context.connectionOptions.includes(name))) {
    return {
      rule: 'hop-by-hop',
      explanation: `${change}: hop-by-hop, it describes the upstream's connection, not the answer`,
    }
  }
  if (name === 'connection' && after?.toLowerCase() === 'upgrade') {
    return {
      rule: 'hop-by-hop',
      explanation: `${change}: kept for the upgrade handshake, as the upgrade pair only`,
    }
  }
  const targetOnly = TARGET_ONLY[name]
  if (targetOnly !== undefined && after === undefined) {
    return { rule: 'target-only', explanation: `${change}: ${targetOnly.replace('{host}', context.devHost)}` }
  }
  if (
    (name === 'location' || name === 'content-location' || name === 'refresh') &&
    before !== undefined &&
    after !== undefined
  ) {
    return {
      rule: 'redirect',
      explanation: `${change}: points at the dev server instead of the target (redirects)`,
    }
  }
  if (context.cors && (name.startsWith('access-control-') || name === 'vary')) {
    return { rule: 'cors', explanation: `${change}: ${whyCors(name, after)}` }
  }
  const how =
    after === undefined
      ? "removed by the route's responseHeaders (null)"
      : "set by the route's responseHeaders"
  return { rule: 'route-response-headers', explanation: `${change}: ${how}` }
}

function whyCors(name: string, after: string | undefined): string {
  if (after === undefined)
    return "CORS mode answers CORS for the backend; the backend's own would contradict it"
  switch (name) {
    case 'access-control-allow-origin':
      return 'CORS mode lets this page read the answer'
    case 'access-control-allow-credentials':
      return 'CORS mode with credentials: the page may send and receive cookies'
    case 'access-control-expose-headers':
      return 'CORS mode lets the page read every header'
    case 'vary':
      return "the answer depends on the page's Origin (CORS mode)"
    default:
      return 'CORS mode'
  }
}
