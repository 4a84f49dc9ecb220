import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { expect, onTestFinished } from 'vitest'
import { deterministicBody, deterministicSha256, measure, MIB } from '../src/deterministic-body.ts'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

const SIZE = 50 * MIB
const EXPECTED = { bytes: SIZE, sha256: deterministicSha256(SIZE) }

describeHosts('50 MiB upload and download, byte-exact', ({ it, serve }) => {
  const upstream = useUpstream({
    handle: (req, res) => {
      if (req.method === 'POST') {
        // Hash what arrived, as it arrives: the upstream never holds the body either.
        void measure(req).then((received) => {
          res.setHeader('content-type', 'application/json')
          res.end(JSON.stringify(received))
        })
        return
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': SIZE })
      deterministicBody(SIZE).pipe(res)
    },
  })
  const app = serve(() => ({ routes: { '/api': upstream.url } }))

  it.requires('largeUploads')('uploads 50 MiB: the upstream receives exactly the bytes sent', async () => {
    const req = httpRequest(`${app.url}/api/upload`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/octet-stream', 'content-length': SIZE },
    })
    onTestFinished(() => {
      req.destroy()
    })
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      req.once('response', resolve)
      req.once('error', reject)
    })
    await pipeline(deterministicBody(SIZE), req)
    const res = await response
    expect(res.statusCode).toBe(200)
    let body = ''
    for await (const chunk of res) body += String(chunk)
    expect(JSON.parse(body)).toEqual(EXPECTED)
  })

  /** GETs the 50 MiB download and resolves with the response head (the body not yet read). */
  async function download(): Promise<IncomingMessage> {
    const req = httpRequest(`${app.url}/api/download`, { agent: false })
    onTestFinished(() => {
      req.destroy()
    })
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      req.once('response', resolve)
      req.once('error', reject)
    })
    req.end()
    return response
  }

  it('downloads 50 MiB: the client receives exactly the bytes the upstream sent', async () => {
    const res = await download()
    expect(res.statusCode).toBe(200)
    expect(await measure(res)).toEqual(EXPECTED)
  })

  it.requires('exactContentLength')(
    "keeps the upstream's Content-Length on the 50 MiB download",
    async () => {
      const res = await download()
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-length']).toBe(String(SIZE))
      expect(await measure(res)).toEqual(EXPECTED)
    },
  )
})
