import type { Upstream, UpstreamOptions } from '@sameorigin/test-utils'
import { startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { late } from './late.ts'

/**
 * An echo upstream (`startUpstream`) for the enclosing describe block: started in `beforeAll`, closed
 * in `afterAll`, and its recorded requests forgotten before each test, so `upstream.requests` holds
 * exactly what the current test made arrive.
 */
export function useUpstream(options: UpstreamOptions = {}): Upstream {
  const upstream = late<Upstream>('the upstream')
  let started: Upstream | undefined
  beforeAll(async () => {
    started = await startUpstream(options)
    upstream.set(started)
  })
  beforeEach(() => {
    started?.requests.splice(0)
  })
  afterAll(async () => {
    await started?.close()
    upstream.set(undefined)
  })
  return upstream.value
}

/**
 * A URL where nothing listens: an upstream that was started and closed again, for "upstream down".
 * The port was just released by this process, so nothing else holds it in practice.
 */
export function useClosedPort(): { readonly url: string } {
  const port = late<{ url: string }>('the closed port')
  beforeAll(async () => {
    const upstream = await startUpstream()
    await upstream.close()
    port.set({ url: upstream.url })
  })
  return port.value
}
