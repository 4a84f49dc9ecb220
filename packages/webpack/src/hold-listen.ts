import type { Server as HttpServer } from 'node:http'

/**
 * Makes the dev server's own `server.listen(...)` wait until `loading` has settled (either way), then
 * listen as it asked. `setupMiddlewares`, where the config starts loading, is synchronous, and no
 * later step of the start waits for anything of ours: without this, the server would listen, and
 * call `onListening`, before a config file is read. Held, the config is known when the first
 * request arrives and when `onListening` runs, where an invalid one fails the start. Only the first
 * call is held. A `listen` that throws (it validates its arguments) is reported as the server's
 * `error` event, where the dev servers handle a failure to listen.
 */
export function holdListen(server: HttpServer, loading: Promise<unknown>): void {
  const listen = server.listen
  const held = function listenOnceLoaded(this: unknown, ...args: unknown[]): HttpServer {
    server.listen = listen
    const go = (): void => {
      try {
        Reflect.apply(listen, server, args)
      } catch (error) {
        server.emit('error', error)
      }
    }
    loading.then(go, go)
    return server
  }
  server.listen = held as HttpServer['listen']
}
