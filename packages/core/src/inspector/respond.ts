/** Headers on every answer: never cached, never sniffed, never framed, no referrer leaves. */
const COMMON: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
}

/** A JSON answer. */
export function respondJson(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { ...COMMON, 'content-type': 'application/json; charset=utf-8', ...headers },
  })
}

/** A plain-text answer. */
export function respondText(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...COMMON, 'content-type': 'text/plain; charset=utf-8', ...headers },
  })
}

/** An error as JSON: `{ error: message }`. */
export function respondError(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return respondJson({ error: message }, status, headers)
}

/** The page's own files only: scripts, styles and connections to this origin, no frames. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** A static file of the page. */
export function respondAsset(bytes: Uint8Array, type: string): Response {
  return new Response(bytes.slice(), {
    headers: { ...COMMON, 'content-type': type, 'content-security-policy': PAGE_POLICY },
  })
}
