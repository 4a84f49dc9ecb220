/**
 * The sections of the standards every reason links to. The Fetch standard is the one that decides
 * CORS; Local Network Access and Mixed Content add checks before a request leaves the browser.
 */
export const SPEC = {
  corsCheck: 'https://fetch.spec.whatwg.org/#cors-check',
  corsPreflightFetch: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch',
  corsPreflightCache: 'https://fetch.spec.whatwg.org/#cors-preflight-cache',
  okStatus: 'https://fetch.spec.whatwg.org/#ok-status',
  httpRedirectFetch: 'https://fetch.spec.whatwg.org/#http-redirect-fetch',
  taintedOrigin: 'https://fetch.spec.whatwg.org/#concept-request-tainted-origin',
  safelistedMethod: 'https://fetch.spec.whatwg.org/#cors-safelisted-method',
  safelistedRequestHeader: 'https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
  unsafeRequestHeaderNames: 'https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names',
  nonWildcardRequestHeader: 'https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name',
  forbiddenRequestHeader: 'https://fetch.spec.whatwg.org/#forbidden-request-header',
  forbiddenMethod: 'https://fetch.spec.whatwg.org/#forbidden-method',
  exposeHeaders: 'https://fetch.spec.whatwg.org/#http-access-control-expose-headers',
  safelistedResponseHeader: 'https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name',
  corsAndCaches: 'https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches',
  localNetworkAccess: 'https://wicg.github.io/local-network-access/',
  mixedContent: 'https://w3c.github.io/webappsec-mixed-content/#should-block-fetch',
} as const
