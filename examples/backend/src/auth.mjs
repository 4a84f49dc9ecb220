import { randomBytes } from 'node:crypto'
import { readCookie, readSmallBody, sendJson } from './http.mjs'

/** @import { IncomingMessage, ServerResponse } from 'node:http' */
/** @import { BackendContext } from './handle-request.mjs' */

/**
 * The cookie attributes a real staging backend sends: scoped to its own domain, and `Secure` with
 * `SameSite=None` because it is served over https to other sites. A browser on `http://localhost`
 * keeps none of it unless the proxy rewrites it, which is what the demo shows.
 * @param {IncomingMessage} req
 * @param {BackendContext} ctx
 * @returns {string}
 */
function cookieAttributes(req, ctx) {
  // The Host header's name without the port or IPv6 brackets. URL parsing lets `;` through, which
  // would inject cookie attributes, so anything but a plain name or address falls back to its own.
  const host = req.headers.host
  const parsed = host && URL.canParse(`http://${host}`) ? new URL(`http://${host}`).hostname : ''
  const name = parsed.replace(/^\[|\]$/g, '')
  const hostname = /^[\w.:-]+$/.test(name) ? name : new URL(ctx.origin).hostname.replace(/^\[|\]$/g, '')
  return `Domain=${hostname}; Path=${ctx.cookiePath}; HttpOnly; Secure; SameSite=None`
}

/**
 * Reads `{ user }` from a JSON or form body.
 * @param {IncomingMessage} req
 * @returns {Promise<{ user?: unknown } | 'too-large' | 'unsupported' | 'malformed'>}
 */
async function readLogin(req) {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') return 'unsupported'
  const body = await readSmallBody(req)
  if (body === undefined) return 'too-large'
  if (type === 'application/x-www-form-urlencoded')
    return { user: new URLSearchParams(body).get('user') ?? undefined }
  try {
    const parsed = JSON.parse(body)
    return typeof parsed === 'object' && parsed !== null ? parsed : 'malformed'
  } catch {
    return 'malformed'
  }
}

/**
 * `POST /api/login`: starts a session and redirects (303) to the absolute URL of `/api/me`.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {BackendContext} ctx
 * @returns {Promise<void>}
 */
export async function login(req, res, ctx) {
  const body = await readLogin(req)
  if (body === 'unsupported') return sendJson(res, 415, { error: 'send JSON or a form' })
  if (body === 'too-large') return sendJson(res, 413, { error: 'body too large' })
  if (body === 'malformed') return sendJson(res, 400, { error: 'malformed JSON' })
  const { user } = body
  if (typeof user !== 'string' || user.trim() === '' || user.length > 100) {
    return sendJson(res, 400, { error: 'user must be a non-empty string of at most 100 characters' })
  }
  const session = randomBytes(18).toString('base64url')
  ctx.sessions.set(session, user.trim())
  res.writeHead(303, {
    'set-cookie': `session=${session}; ${cookieAttributes(req, ctx)}`,
    location: `${ctx.origin}/api/me`,
    'content-length': 0,
  })
  res.end()
}

/**
 * `GET /api/me`: the session's user, or 401.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {BackendContext} ctx
 * @returns {void}
 */
export function me(req, res, ctx) {
  const user = ctx.sessions.get(readCookie(req, 'session') ?? '')
  if (user === undefined) return sendJson(res, 401, { error: 'not logged in' })
  sendJson(res, 200, { user })
}

/**
 * `POST /api/logout`: ends the session and expires the cookie with the attributes that set it.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {BackendContext} ctx
 * @returns {void}
 */
export function logout(req, res, ctx) {
  ctx.sessions.delete(readCookie(req, 'session') ?? '')
  // Drain whatever body was sent so the connection can be reused.
  req.resume()
  sendJson(res, 200, { ok: true }, { 'set-cookie': `session=; Max-Age=0; ${cookieAttributes(req, ctx)}` })
}
