// The backend of the soak runs, in its own process so that the proxy's figures are the proxy's alone.
// GET /api/ping: a small JSON answer (the load run). POST /api/upload: hashes the body as it streams
// and answers { bytes, sha256 }. GET /api/download?bytes=N: streams N deterministic bytes. Tells the
// parent its port over IPC; exits when the parent goes away.
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import process from 'node:process'
import { deterministicBytes } from './deterministic-bytes.mjs'

const PONG = Buffer.from('{"ok":true}')

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://upstream')
  if (req.method === 'POST' && url.pathname === '/api/upload') {
    const hash = createHash('sha256')
    let bytes = 0
    req.on('data', (chunk) => {
      bytes += chunk.length
      hash.update(chunk)
    })
    req.on('end', () => {
      const body = JSON.stringify({ bytes, sha256: hash.digest('hex') })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
    })
    return
  }
  if (url.pathname === '/api/download') {
    const length = Number(url.searchParams.get('bytes'))
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': length })
    deterministicBytes(length).pipe(res)
    return
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': PONG.length })
  res.end(PONG)
})
// The proxy keeps its upstream connections alive between requests; so does this side.
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  process.send?.({ port: typeof address === 'object' && address !== null ? address.port : 0 })
})
process.on('disconnect', () => process.exit(0))
