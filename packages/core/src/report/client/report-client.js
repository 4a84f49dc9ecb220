// sameorigin's report of blocked calls: dev only, injected by the adapters, never bundled.
// Wraps fetch, XMLHttpRequest, EventSource and WebSocket without changing what they do; when a call
// to another origin fails the way a CORS block shows in a page, posts its shape (URL, method, header
// names and Content-Type's value, credentials mode, kind) to the dev server's own origin, once per
// shape. No bodies, no other header values, no cookies leave the page.
// Everything stays inside the function: a classic script's top level would add globals.
/* oxlint-disable unicorn/consistent-function-scoping */
;(() => {
  const g = globalThis
  const mark = Symbol.for('sameorigin.report')
  if (typeof location === 'undefined' || g[mark]) return
  g[mark] = true
  const page = location.origin
  const nativeFetch = g.fetch
  const seen = new Set()
  const report = (kind, url, method, headers, credentials) => {
    const body = JSON.stringify({ url, method, headers, credentials, pageOrigin: page, kind })
    if (seen.has(body)) return
    seen.add(body)
    try {
      if (navigator.sendBeacon?.('/__sameorigin/report', body)) return
      nativeFetch?.('/__sameorigin/report', { method: 'POST', body, keepalive: true }).catch(() => {})
    } catch {}
  }
  // The call's absolute URL (no fragment) when it goes to another origin; websockets compare as http.
  const foreign = (input, ws) => {
    try {
      const url = new URL(input, location.href)
      url.hash = ''
      const origin = ws ? url.origin.replace(/^ws/, 'http') : url.origin
      return origin === page ? undefined : url.href
    } catch {}
  }
  // Header names, and Content-Type with its value: it decides whether a preflight goes first.
  const names = (headers, body) => {
    const list = []
    new Headers(headers).forEach((value, name) => list.push(name === 'content-type' ? [name, value] : name))
    if (!list.some(Array.isArray) && body instanceof Blob && body.type) list.push(['content-type', body.type])
    return list
  }

  if (typeof nativeFetch === 'function') {
    const fetch = function fetch(input) {
      const init = arguments[1]
      const result = nativeFetch.apply(this, arguments)
      let shape
      try {
        const request = input instanceof Request ? input : undefined
        const url = foreign(request ? request.url : input)
        const mode = init?.mode ?? request?.mode ?? 'cors'
        if (url && mode === 'cors')
          shape = [
            url,
            String(init?.method ?? request?.method ?? 'GET'),
            names(init?.headers ?? request?.headers, init?.body),
            init?.credentials ?? request?.credentials ?? 'same-origin',
          ]
      } catch {}
      if (!shape) return result
      return result.then(undefined, (error) => {
        if (error instanceof TypeError) report('fetch', ...shape)
        throw error
      })
    }
    g.fetch = fetch
  }

  const XHR = g.XMLHttpRequest
  if (XHR) {
    const calls = new WeakMap()
    const { open: xhrOpen, setRequestHeader: xhrSetHeader, send: xhrSend } = XHR.prototype
    XHR.prototype.open = function open(method, url) {
      const result = xhrOpen.apply(this, arguments)
      calls.set(this, { method: String(method), url: foreign(url), headers: [] })
      return result
    }
    XHR.prototype.setRequestHeader = function setRequestHeader(name, value) {
      const result = xhrSetHeader.apply(this, arguments)
      calls.get(this)?.headers.push([name, value])
      return result
    }
    XHR.prototype.send = function send(body) {
      const result = xhrSend.apply(this, arguments)
      const call = calls.get(this)
      if (call?.url) {
        const credentials = this.withCredentials ? 'include' : 'same-origin'
        // Once, and only for this call: an XHR opened again is another call.
        const onError = () => {
          if (calls.get(this) === call && this.status === 0)
            report('xhr', call.url, call.method, names(call.headers, body), credentials)
        }
        this.addEventListener('error', onError, { once: true })
      }
      return result
    }
  }

  // A constructor standing in for the native one: same prototype, statics, instances and errors.
  const wrap = (Native, watch) => {
    if (typeof Native !== 'function') return
    const Wrapped = {
      [Native.name]: function (_url) {
        if (!new.target) return Native.apply(this, arguments)
        const socket = Reflect.construct(Native, arguments, new.target)
        try {
          watch(socket, arguments)
        } catch {}
        return socket
      },
    }[Native.name]
    Wrapped.prototype = Native.prototype
    Object.setPrototypeOf(Wrapped, Native)
    Object.defineProperty(Native.prototype, 'constructor', {
      value: Wrapped,
      writable: true,
      configurable: true,
    })
    g[Native.name] = Wrapped
  }
  const opened = (socket) => {
    let open = false
    socket.addEventListener('open', () => (open = true))
    return () => open
  }
  wrap(g.EventSource, (source, [, init]) => {
    const url = foreign(source.url)
    if (!url) return
    const isOpen = opened(source)
    const credentials = init?.withCredentials ? 'include' : 'same-origin'
    source.addEventListener('error', () => {
      if (!isOpen() && source.readyState === 2) report('eventsource', url, 'GET', [], credentials)
    })
  })
  wrap(g.WebSocket, (socket) => {
    const url = foreign(socket.url, true)
    if (!url) return
    const isOpen = opened(socket)
    socket.addEventListener('close', (event) => {
      if (!isOpen() && event.code === 1006) report('websocket', url, 'GET', [], 'include')
    })
  })
})()
