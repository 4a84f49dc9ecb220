/**
 * An HTTP/1.1 request as the text a hostile row sends: the request line, `Host: {host}` unless
 * `headers` has its own (or `host: false`), the header lines as given, `Connection: close` unless
 * `headers` has its own (so the exchange ends when the server is done), and the body. Nothing is validated or escaped: that is
 * the point.
 * @example rawRequest('GET', '/api/x', ['X-Forwarded-Host: evil.example'])
 */
export function rawRequest(
  method: string,
  target: string,
  headers: readonly string[] = [],
  body = '',
  options: { host?: boolean; version?: string } = {},
): string {
  const has = (name: string): boolean => headers.some((line) => line.toLowerCase().startsWith(`${name}:`))
  const lines = [
    `${method} ${target} ${options.version ?? 'HTTP/1.1'}`,
    ...(has('host') || options.host === false ? [] : ['Host: {host}']),
    ...headers,
    ...(has('connection') ? [] : ['Connection: close']),
  ]
  return `${lines.join('\r\n')}\r\n\r\n${body}`
}

/** `rawRequest('GET', target, headers)`. */
export function get(target: string, headers: readonly string[] = []): string {
  return rawRequest('GET', target, headers)
}
