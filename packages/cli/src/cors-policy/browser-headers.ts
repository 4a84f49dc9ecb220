/**
 * Request headers a HAR shows that the page's code did not set, though the Fetch standard does not
 * forbid them: the browser adds them itself after the CORS checks (so they never need allowing),
 * each with the reason printed when one is left out. A page that does set one of them itself can say
 * so with `--header`.
 */
export const BROWSER_HEADERS: ReadonlyMap<string, string> = new Map([
  ['user-agent', 'the browser sends its own'],
  ['priority', "the browser's request priority (RFC 9218)"],
  [
    'cache-control',
    "added by the browser when its cache is bypassed (DevTools' Disable cache, cache: 'no-store')",
  ],
  ['pragma', "added by the browser when its cache is bypassed (DevTools' Disable cache, cache: 'no-store')"],
  ['if-none-match', "added by the browser's HTTP cache to revalidate"],
  ['if-modified-since', "added by the browser's HTTP cache to revalidate"],
  ['upgrade-insecure-requests', 'sent by the browser on navigations'],
])
