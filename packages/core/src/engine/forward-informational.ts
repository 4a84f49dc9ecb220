import type { InformationEvent } from 'node:http'
import { stripHopByHop } from '../rewrite/strip-hop-by-hop.ts'
import type { RequestContext } from './context.ts'

/**
 * Forwards the upstream's interim answers (RFC 9110 §15.2: a proxy MUST forward 1xx responses it did
 * not ask for itself), which httpxy drops: `103 Early Hints` (so the browser preloads what `Link`
 * names while the backend still works) and `102 Processing`. `100 Continue` is not forwarded: Node's
 * server already answered the browser's `Expect` on this hop. Nothing is sent once the final head is
 * out, nor to an HTTP/1.0 client, which cannot read interim answers.
 */
export function forwardInformational(ctx: RequestContext, info: InformationEvent): void {
  const { req, res } = ctx
  if (res.headersSent || res.destroyed || req.httpVersion === '1.0') return
  // The upstream is alive and talking: its silence clock starts over.
  ctx.timer?.touch()
  if (info.statusCode === 102) res.writeProcessing()
  else if (info.statusCode === 103) {
    const { link, ...rest } = stripHopByHop(info.headers, { keepUpgrade: false })
    if (link === undefined) return
    // Node joins repeated `Link` fields with ", " and its writeEarlyHints wants one value per link.
    const links = (Array.isArray(link) ? link : [link]).flatMap((value) => value.split(/,\s*(?=<)/))
    try {
      res.writeEarlyHints({ ...rest, link: links })
    } catch {
      // A `Link` value Node refuses to send (not `<uri>; params`): the hint is optional, the answer is not.
    }
  }
}
