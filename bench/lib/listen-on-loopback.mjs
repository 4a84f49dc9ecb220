/**
 * Listens on 127.0.0.1 and a free port; `close` also ends kept-alive connections.
 * @param {import('node:net').Server} server
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server)
          /** @type {import('node:http').Server} */ (server).closeAllConnections()
      }),
  }
}
