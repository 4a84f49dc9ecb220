import type { Cookie } from 'har-format'
import type { HeaderList } from './types.ts'

/** The cookies of a request's `Cookie` fields, as HAR lists them. Internal to `toHar`. */
export function toRequestCookies(headers: HeaderList): Cookie[] {
  return headers
    .filter((entry) => entry.name === 'cookie')
    .flatMap((entry) => entry.value.split(';'))
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=')
      return eq === -1 ? { name: '', value: pair } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) }
    })
}

/** The cookies a response's `Set-Cookie` fields set, with the attributes HAR has fields for. */
export function toResponseCookies(headers: HeaderList): Cookie[] {
  return headers.filter((entry) => entry.name === 'set-cookie').map((entry) => toCookie(entry.value))
}

function toCookie(setCookie: string): Cookie {
  const [pair = '', ...parts] = setCookie.split(';')
  const eq = pair.indexOf('=')
  const cookie: Cookie = {
    name: eq === -1 ? '' : pair.slice(0, eq).trim(),
    value: eq === -1 ? pair.trim() : pair.slice(eq + 1).trim(),
  }
  for (const part of parts) {
    const cut = part.indexOf('=')
    const name = (cut === -1 ? part : part.slice(0, cut)).trim().toLowerCase()
    const value = cut === -1 ? '' : part.slice(cut + 1).trim()
    if (name === 'path') cookie.path = value
    else if (name === 'domain') cookie.domain = value
    else if (name === 'httponly') cookie.httpOnly = true
    else if (name === 'secure') cookie.secure = true
    else if (name === 'expires') {
      const time = Date.parse(value)
      if (!Number.isNaN(time)) cookie.expires = new Date(time).toISOString()
    }
  }
  return cookie
}
