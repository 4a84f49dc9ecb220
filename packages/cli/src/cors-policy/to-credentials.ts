import type { ObservedRequest, PolicyReason, SourceEvidence } from './types.ts'

/**
 * Whether the backend allows credentials (`Access-Control-Allow-Credentials: true`): only when the
 * app uses cookies or the browser's HTTP authentication (the recording shows a cookie sent or set, or
 * a Basic/Digest challenge), its source asks for them (`credentials: 'include'`), or `--credentials`
 * says so. An `Authorization` header the page's code sets is not a credential in the Fetch
 * standard's sense: it needs allowing as a request header, not this.
 */
export function toCredentials(
  requests: readonly ObservedRequest[],
  source: SourceEvidence | undefined,
  forced: boolean,
): { credentials: boolean; reasons: PolicyReason[] } {
  const evidence: string[] = []
  if (forced) evidence.push('given by --credentials')
  const request = requests.find((candidate) => candidate.credentials !== undefined)
  if (request !== undefined)
    evidence.push(`${request.method} ${request.url}: ${request.credentials ?? ''} (${request.source})`)
  const file = source?.credentials[0]
  if (file !== undefined) evidence.push(`${file} asks for them (credentials: 'include' / withCredentials)`)
  if (evidence.length > 0)
    return {
      credentials: true,
      reasons: evidence.map((why) => ({ part: 'credentials', value: 'credentials: true', why })),
    }
  const authorization = requests.some((candidate) =>
    candidate.headers.some(([name]) => name.toLowerCase() === 'authorization'),
  )
  return {
    credentials: false,
    reasons: [
      {
        part: 'credentials',
        value: 'not allowed',
        why:
          'no cookie is sent or set and nothing asks for them' +
          (authorization
            ? "; the page's own Authorization header is allowed by name, which needs no credentials"
            : ''),
      },
    ],
  }
}
