// Calls the report client's tests make inside the page (plain JavaScript: it runs in Chromium).
// `backend` is the backend's http URL. Every outcome is returned as plain data.

const settle = (run) =>
  run().then(
    (value) => ({ value }),
    (error) => ({ error: String(error) }),
  )

const once = (target, types, read) =>
  new Promise((resolve) => {
    for (const type of types) target.addEventListener(type, (event) => resolve(read(type, event)))
  })

/** The calls the report should tell about (and two it must not). */
async function blocked(backend) {
  const blockedFetch = () => fetch(`${backend}/v1/data?x=1#top`, { headers: { 'x-token': 'secret-token' } })
  const xhr = new XMLHttpRequest()
  const xhrDone = once(xhr, ['error', 'load'], (type) => `${type} ${xhr.status}`)
  xhr.open('GET', `${backend}/xhr`)
  xhr.withCredentials = true
  xhr.send()
  const source = new EventSource(`${backend}/events`)
  const sourceDone = once(source, ['error', 'open'], (type) => `${type} ${source.readyState}`)
  const socket = new WebSocket(`${backend.replace('http', 'ws')}/live`)
  const socketDone = once(socket, ['close'], (_, event) => `close ${event.code}`)
  const post = () =>
    fetch(`${backend}/preflight-only/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"password":"hunter2"}',
    })
  return {
    fetch: [await settle(blockedFetch), await settle(blockedFetch)],
    xhr: await xhrDone,
    events: await sourceDone,
    socket: await socketDone,
    post: await settle(post),
    cors: await settle(() => fetch(`${backend}/cors/ok`).then((response) => response.json())),
    sameOrigin: await settle(() => fetch('/broken')),
  }
}

/** A fetch() of the page's own frame's and of a frame the client never ran in: the same outcome. */
async function compareFetch(url, init) {
  const frame = document.createElement('iframe')
  document.body.append(frame)
  const native = frame.contentWindow.fetch
  const read = async (fetcher) => {
    try {
      const response = await fetcher(url, init)
      return { status: response.status, headers: [...response.headers], body: await response.text() }
    } catch (error) {
      return { error: `${error.name}: ${error.message}` }
    }
  }
  const outcome = { wrapped: await read(fetch), native: await read(native), isNative: native !== fetch }
  frame.remove()
  return outcome
}

/** What a page can observe of the wrapped APIs. */
async function wrapped(backend) {
  const response = await fetch(`${backend}/cors/ok`)
  const xhrEvents = []
  const xhr = new XMLHttpRequest()
  for (const type of ['readystatechange', 'load', 'loadend'])
    xhr.addEventListener(type, () => xhrEvents.push(`${type}:${xhr.readyState}`))
  const xhrDone = once(xhr, ['loadend'], () => undefined)
  xhr.open('GET', `${backend}/cors/ok`)
  xhr.send()
  await xhrDone
  const source = new EventSource(`${backend}/cors/events`)
  const opened = await once(source, ['open', 'error'], (type) => `${type} ${source.readyState}`)
  source.close()
  let noNew = ''
  try {
    EventSource(`${backend}/cors/events`)
  } catch (error) {
    noNew = error.constructor.name
  }
  class Sub extends EventSource {}
  const sub = new Sub(`${backend}/cors/events`)
  sub.close()
  const socket = new WebSocket(`${backend.replace('http', 'ws')}/x`)
  socket.close()
  return {
    // oxlint-disable-next-line unicorn/no-instanceof-builtins -- the page's own Response, on purpose
    response: response instanceof Response && response.status === 200,
    // oxlint-disable-next-line unicorn/no-instanceof-builtins -- what a page's own check sees
    fetch: [fetch instanceof Function, fetch.length, fetch.name],
    xhrEvents,
    xhr: xhr instanceof XMLHttpRequest,
    opened,
    eventSource: [
      EventSource.length,
      EventSource.name,
      EventSource.CLOSED,
      source instanceof EventSource,
      source.constructor === EventSource,
    ],
    sub: sub instanceof Sub && sub instanceof EventSource,
    noNew,
    webSocket: [WebSocket.length, WebSocket.name, WebSocket.OPEN, socket instanceof WebSocket],
    aborted: await fetch(`${backend}/cors/ok`, { signal: AbortSignal.abort() }).catch((error) => error.name),
    cors: await compareFetch(`${backend}/cors/ok`, { credentials: 'include' }),
    blocked: await compareFetch(`${backend}/v1/other`),
  }
}

globalThis.pageCalls = { blocked, wrapped }
