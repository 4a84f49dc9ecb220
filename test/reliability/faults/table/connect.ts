import { expect } from 'vitest'
import type { HttpBehaviour } from '../../src/fault-upstream.ts'
import { httpUpstream, nothingListens, rawUpstream, unresolvable } from '../../src/fault-upstream.ts'
import { send } from '../../src/http-client.ts'
import type { Fault } from '../fault.ts'
import { defineFault } from '../fault.ts'
import { ACCEPT_JSON, verifyErrorAnswer } from '../verify-error-answer.ts'

/** Notes and answers any request that gets through; none should, the TLS handshake fails first. */
const noteRequest: HttpBehaviour = (_req, res, trace) => {
  trace.note('upstream:request')
  res.end('should not be reached')
}

/** The upstream cannot be reached, or drops the connection before its response head. */
export const CONNECT_FAULTS: readonly Fault[] = [
  defineFault({
    id: 'refused',
    name: 'upstream refuses the connection',
    expected: '502 ERR_UPSTREAM_UNREACHABLE',
    upstream: nothingListens(),
    client: (url) => send(url, { headers: ACCEPT_JSON }),
    verify: (outcome) => verifyErrorAnswer(outcome, 502, 'ERR_UPSTREAM_UNREACHABLE'),
  }),
  defineFault({
    id: 'dns-failure',
    name: 'DNS failure (a .invalid host)',
    expected: '502 ERR_UPSTREAM_DNS_FAILED',
    upstream: unresolvable(),
    client: (url) => send(url, { headers: ACCEPT_JSON }),
    verify: (outcome) => verifyErrorAnswer(outcome, 502, 'ERR_UPSTREAM_DNS_FAILED'),
  }),
  defineFault({
    id: 'tls-untrusted',
    name: 'TLS handshake failure: certificate not trusted (no `ca`)',
    expected: '502 ERR_UPSTREAM_TLS_FAILED; no request reaches the upstream',
    upstream: httpUpstream(noteRequest, { scheme: 'tls' }),
    client: (url) => send(url, { headers: ACCEPT_JSON }),
    verify: (outcome, trace) => {
      const observation = verifyErrorAnswer(outcome, 502, 'ERR_UPSTREAM_TLS_FAILED')
      expect(outcome.body.toString('utf8')).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE')
      expect(trace.has('upstream:request')).toBe(false)
      return observation
    },
  }),
  defineFault({
    id: 'tls-plain-http',
    name: 'TLS handshake failure: an https: target that speaks plain HTTP',
    expected: '502 ERR_UPSTREAM_TLS_FAILED',
    upstream: httpUpstream(noteRequest, { scheme: 'https-target' }),
    client: (url) => send(url, { headers: ACCEPT_JSON }),
    verify: (outcome) => verifyErrorAnswer(outcome, 502, 'ERR_UPSTREAM_TLS_FAILED'),
  }),
  defineFault({
    id: 'reset-before-head',
    name: 'upstream resets the connection before its response head',
    expected: '502 ERR_UPSTREAM_RESET',
    upstream: rawUpstream((socket, _head, trace) => {
      trace.note('upstream:request')
      socket.resetAndDestroy()
    }),
    client: (url) => send(url, { headers: ACCEPT_JSON }),
    verify: (outcome) => verifyErrorAnswer(outcome, 502, 'ERR_UPSTREAM_RESET'),
  }),
  defineFault({
    id: 'close-before-head',
    name: 'upstream closes the connection before its response head',
    expected: '502 ERR_UPSTREAM_RESET',
    upstream: rawUpstream((socket, _head, trace) => {
      trace.note('upstream:request')
      socket.end()
    }),
    client: (url) => send(url, { headers: ACCEPT_JSON }),
    verify: (outcome) => verifyErrorAnswer(outcome, 502, 'ERR_UPSTREAM_RESET'),
  }),
]
