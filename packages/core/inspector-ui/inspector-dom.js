// Small DOM and format helpers. Every value from the network goes in through textContent or an
// attribute, never as markup.

/** An element with attributes (`on*` functions become listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false || value === null) continue
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value)
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue
    element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child)
  }
  return element
}

const two = (value) => String(value).padStart(2, '0')

/** `13:04:05.123` in local time. */
export function formatTime(ms) {
  const date = new Date(ms)
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  return `${time}.${String(date.getMilliseconds()).padStart(3, '0')}`
}

/** `12 ms`, `1.4 s`, or `…` while in flight. */
export function formatDuration(ms) {
  if (ms === undefined || ms === null) return '…'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

/** `512 B`, `3.2 kB`, `1.1 MB`, or `–` when unknown. */
export function formatSize(bytes) {
  if (bytes === undefined || bytes === null) return '–'
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

/** The path and query of a URL (the upstream's, shown after the arrow), or the URL as it is. */
export function shortUrl(url) {
  try {
    const parsed = new URL(url)
    return `${parsed.host}${parsed.pathname}${parsed.search}`
  } catch {
    return url
  }
}

/** The page APIs a blocked call came from, named as the dev server's block names them. */
export const API_NAMES = {
  fetch: 'fetch()',
  xhr: 'XMLHttpRequest',
  eventsource: 'EventSource',
  websocket: 'WebSocket',
}

/** The detail's head: the method and URL, and the × button that calls `onClose`. */
export function detailHead(exchange, onClose) {
  return h(
    'header',
    { class: 'detail-head' },
    h('h2', { class: 'mono' }, h('span', { class: 'method' }, exchange.method), ' ', exchange.url),
    h(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close (Esc)', title: 'Close (Esc)', onclick: onClose },
      '×',
    ),
  )
}
