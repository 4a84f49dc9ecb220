/** One `[[redirects]]` rule of `netlify.toml`, as the export writes it: always a forced proxy. */
export interface NetlifyRedirect {
  readonly from: string
  readonly to: string
  readonly status: 200
  readonly force: true
  /** Request headers the proxy sets on the upstream request. */
  readonly headers?: Readonly<Record<string, string>>
}
