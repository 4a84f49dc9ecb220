/** The cookie that holds a session's secrets switch: a random token, kept server-side. */
export const SESSION_COOKIE = 'sameorigin-inspector'

/** The sessions that asked to see secrets: tokens made by `grant`, nothing else is ever trusted. */
export interface InspectorSessions {
  /** A new token for a session that shows secrets. */
  grant(): string
  /** Forgets `token` (the switch turned off). */
  revoke(token: string | undefined): void
  /** True when `request` carries a token this handler granted. */
  showsSecrets(request: Request): boolean
}

/** At most this many tokens are kept; the oldest goes first (one per browser tab, normally). */
const MAX_SESSIONS = 64

/** Sessions in memory, forgotten when the dev server stops. */
export function createInspectorSessions(): InspectorSessions {
  const tokens = new Set<string>()
  return {
    grant() {
      const bytes = crypto.getRandomValues(new Uint8Array(24))
      const token = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
      tokens.add(token)
      if (tokens.size > MAX_SESSIONS) tokens.delete(tokens.values().next().value as string)
      return token
    },
    revoke(token) {
      if (token !== undefined) tokens.delete(token)
    },
    showsSecrets(request) {
      const token = readSessionToken(request)
      return token !== undefined && tokens.has(token)
    },
  }
}

/** The session token in `request`'s `Cookie` header, if any. */
export function readSessionToken(request: Request): string | undefined {
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = pair.split('=')
    if (name?.trim() === SESSION_COOKIE) return value.join('=').trim()
  }
  return undefined
}

/** The `Set-Cookie` value that stores `token` (or clears it), scoped to the inspector's path. */
export function toSessionCookie(token: string | undefined, basePath: string): string {
  const attributes = `HttpOnly; SameSite=Strict; Path=${basePath}`
  return token === undefined
    ? `${SESSION_COOKIE}=; Max-Age=0; ${attributes}`
    : `${SESSION_COOKIE}=${token}; ${attributes}`
}
