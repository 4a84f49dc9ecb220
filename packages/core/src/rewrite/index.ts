export { HOP_BY_HOP_HEADERS } from './hop-by-hop-headers.ts'
export { hasSecureCookiePrefix } from './has-secure-cookie-prefix.ts'
export { FORWARDED_METHODS, parseRequestBody } from './parse-request-body.ts'
export type { ParseRequestBodyOptions, RequestBody } from './parse-request-body.ts'
export { rewriteLocation } from './rewrite-location.ts'
export type { RewriteLocationContext } from './rewrite-location.ts'
export { rewriteRefresh } from './rewrite-refresh.ts'
export { rewriteRequestCookie } from './rewrite-request-cookie.ts'
export { rewriteSetCookie } from './rewrite-set-cookie.ts'
export type { RewriteSetCookieContext } from './rewrite-set-cookie.ts'
export { SECURE_COOKIE_MARKER } from './secure-cookie-marker.ts'
export { stripHopByHop } from './strip-hop-by-hop.ts'
export type { StripHopByHopOptions } from './strip-hop-by-hop.ts'
export { toClientHeaders } from './to-client-headers.ts'
export type { ToClientHeadersContext } from './to-client-headers.ts'
export { toDevOrigin } from './to-dev-origin.ts'
export { toUpstreamHeaders } from './to-upstream-headers.ts'
export type { ToUpstreamHeadersContext } from './to-upstream-headers.ts'
export type { DevOrigin, HeaderRecord, ReadonlyHeaderRecord } from './types.ts'
export {
  CORS_SAFELISTED_RESPONSE_HEADERS,
  isCorsOriginAllowed,
  toCorsHeaders,
  toPreflightHeaders,
  withCorsHeaders,
} from './cors.ts'
export type { CorsPolicy } from './cors.ts'
