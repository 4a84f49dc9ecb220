import { request } from 'node:http'

/** A response, read to the end. */
export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  json: () => Record<string, unknown>
}

/** Every response read through {@link send}, so a test can check that none carried a CORS header. */
export const seen: Reply[] = []

/** One request over a fresh connection, with exactly the headers given (fetch would add its own). */
export function send(
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        const reply = {
          status: res.statusCode!,
          headers: res.headers,
          body: text,
          json: () => JSON.parse(text),
        }
        seen.push(reply)
        resolve(reply)
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The names of the CORS response headers among `headers` (there should be none). */
export function corsHeaders(headers: Record<string, unknown>): string[] {
  return Object.keys(headers).filter((name) => name.toLowerCase().startsWith('access-control-'))
}
