// The worker under test: core's built `default` condition (dist/fetch.mjs, the runtime client), with
// the config the test passes as the CONFIG binding. Requests no route takes get `200 app`.
import { createFetchProxy } from './fetch.mjs'

let proxy

export default {
  async fetch(request, env) {
    proxy ??= createFetchProxy(env.CONFIG, {
      logger: { info() {}, warn: (line) => console.warn(line), error() {} },
    })
    return (await proxy(request)) ?? new Response('app')
  },
}
