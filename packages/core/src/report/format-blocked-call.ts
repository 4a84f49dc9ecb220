import type { Fix } from '../doctor/types.ts'
import { quoteShell } from '../inspect/quote-shell.ts'
import type { BlockedCall, BlockedCallDiagnosis } from './types.ts'

const API: Readonly<Record<BlockedCall['kind'], string>> = {
  fetch: 'fetch()',
  xhr: 'XMLHttpRequest',
  eventsource: 'EventSource',
  websocket: 'WebSocket',
}

/** The `sameorigin doctor` command that asks the same request (by hand: it sends it). */
export function toDoctorCommand(call: BlockedCall): string {
  const words = ['sameorigin', 'doctor', quoteShell(call.url), '--origin', quoteShell(call.pageOrigin)]
  if (call.method !== 'GET') words.push('--method', quoteShell(call.method))
  for (const header of call.headers)
    words.push('--header', quoteShell(typeof header === 'string' ? header : `${header[0]}: ${header[1]}`))
  if (call.credentials === 'include') words.push('--credentials')
  return words.join(' ')
}

const indent = (lines: readonly string[], by: string): string[] =>
  lines.map((line) => (line === '' ? '' : by + line))

const fixLines = (fix: Fix): string[] => [`fix: ${fix.title}`, ...indent(fix.lines, '  ')]

/** Why, in the diagnosis' words; then the fixes, the project's first. */
function explain(call: BlockedCall, diagnosis: BlockedCallDiagnosis): string[] {
  switch (diagnosis.kind) {
    case 'diagnosed': {
      const { report } = diagnosis
      const blocked = report.reasons.filter((reason) => reason.severity === 'block')
      const why = report.allowed
        ? [
            `why: the same request passes the checks now (status ${report.request.status ?? 'none'}):`,
            '  the backend was down then, or answers the page differently (a cookie, a header).',
          ]
        : ['why:', ...blocked.map((reason) => `  ✖ ${reason.message}`)]
      const [first, second] = report.fixes
      return [
        ...why,
        ...(first === undefined ? [] : fixLines(first)),
        // The next fix in the doctor's words ("Or fix the server: send these headers"), with them.
        ...(second === undefined ? [] : [second.title, ...indent(second.lines, '  ')]),
      ]
    }
    case 'not-resent':
      return [
        `why: ${diagnosis.preflight === 'passed' ? 'the preflight passed' : 'no preflight is needed'}, so the ` +
          `browser sent the ${call.method} itself: it may have reached the backend, and the answer was`,
        '  blocked (most often: no Access-Control-Allow-Origin). It is not sent a second time from here;',
        '  to check the answer, run by hand (this sends the request):',
        `  ${toDoctorCommand(call)}`,
        ...fixLines(diagnosis.fix),
      ]
    case 'websocket':
      return [
        "why: a WebSocket handshake has no CORS: the server refused the page's Origin, or did not",
        '  answer. Through the dev server it sees its own origin.',
        ...fixLines(diagnosis.fix),
      ]
    case 'no-answer':
      return [
        `why: the backend does not answer the same request either (${diagnosis.message}):`,
        '  the call failed on the network, not on CORS. Start the backend; then, to stay same-origin:',
        ...fixLines(diagnosis.fix),
      ]
  }
}

/**
 * The one warning block a dev server prints for a call the browser blocked: what was blocked (the
 * API, method, URL, page and credentials), why, then the fix in this project. Pure.
 */
export function formatBlockedCall(call: BlockedCall, diagnosis: BlockedCallDiagnosis): string {
  const credentials = call.credentials === 'include' ? ', with credentials' : ''
  return [
    `The browser blocked a call to another origin: ${API[call.kind]} ${call.method} ${call.url}` +
      ` from ${call.pageOrigin}${credentials}`,
    ...indent(explain(call, diagnosis), '  '),
  ].join('\n')
}
