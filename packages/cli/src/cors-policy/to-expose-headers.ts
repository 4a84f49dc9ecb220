import { checkExposeHeaders } from '@sameorigin/core/doctor'
import { CORS_SAFELISTED_RESPONSE_HEADERS } from '@sameorigin/core/rewrite'
import type { ObservedRequest, PolicyReason, SourceEvidence } from './types.ts'

/** Never readable by page code, exposed or not. */
const FORBIDDEN = new Set(['set-cookie', 'set-cookie2'])

/**
 * The response headers the backend exposes (`Access-Control-Expose-Headers`). A recording shows
 * what the backend sent, never what the code read, so: with `--src`, the headers the code reads
 * (`headers.get('x-total-count')`) that are not safelisted, whether or not the recording has them;
 * without it, every header the backend sent that the page cannot read and might want (the doctor's
 * list: infrastructure headers such as `Server` and `Date` left out), each saying a recording
 * cannot tell more.
 */
export function toExposeHeaders(
  requests: readonly ObservedRequest[],
  source: SourceEvidence | undefined,
): { headers: string[]; reasons: PolicyReason[] } {
  const sent = new Map<string, { spelled: string; on: string }>()
  for (const request of requests)
    for (const name of checkExposeHeaders(request.responseHeaders, 'omit').hidden)
      if (!sent.has(name.toLowerCase()))
        sent.set(name.toLowerCase(), { spelled: name, on: `${request.method} ${request.url}` })
  const reasons: PolicyReason[] = []
  const exposed: string[] = []
  if (source === undefined) {
    for (const { spelled, on } of sent.values()) {
      exposed.push(spelled)
      reasons.push({
        part: 'expose',
        value: spelled,
        why: `the backend sends it on ${on}; a recording cannot show whether the code reads it (--src exposes only what the code reads)`,
      })
    }
    return { headers: exposed.toSorted(), reasons }
  }
  for (const [name, file] of source.readsHeaders) {
    if (CORS_SAFELISTED_RESPONSE_HEADERS.has(name) || FORBIDDEN.has(name)) continue
    const seen = sent.get(name)
    exposed.push(seen?.spelled ?? name)
    reasons.push({
      part: 'expose',
      value: seen?.spelled ?? name,
      why: `${file} reads it${seen === undefined ? ' (the recording has no response with it)' : `; the backend sends it on ${seen.on}`}`,
    })
  }
  for (const [name, { spelled }] of sent)
    if (!source.readsHeaders.has(name))
      reasons.push({
        part: 'expose',
        value: `not ${spelled}`,
        why: 'the backend sends it, but no file of --src reads it',
      })
  return { headers: exposed.toSorted(), reasons }
}
