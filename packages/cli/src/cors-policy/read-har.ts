import { createError } from '@sameorigin/core'
import type { Har } from './types.ts'

/**
 * A HAR file's text as a HAR log: the inspector's export (`/__sameorigin/` → Export HAR) or a
 * browser's (DevTools → Network → Save all as HAR). Only the fields the policy reads are checked
 * (each entry's request method, URL and headers, response status and headers); cookies lists may be
 * missing (some tools leave them out).
 * @throws ProxyError `ERR_CLI_ARGUMENT_INVALID` naming the file when it is not JSON or not a HAR log.
 */
export function readHar(text: string, file: string): Har {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--har ${file} is not JSON (${(error as Error).message}).`,
      hint: 'Export the recording again: the inspector (/__sameorigin/) → Export HAR, or DevTools → Network → Save all as HAR.',
    })
  }
  const entries = (parsed as { log?: { entries?: unknown } } | null)?.log?.entries
  const valid =
    Array.isArray(entries) &&
    entries.every((entry: unknown) => {
      const { request, response } = (entry ?? {}) as {
        request?: { method?: unknown; url?: unknown; headers?: unknown }
        response?: { status?: unknown; headers?: unknown }
      }
      return (
        typeof request?.method === 'string' &&
        typeof request.url === 'string' &&
        Array.isArray(request.headers) &&
        typeof response?.status === 'number' &&
        Array.isArray(response.headers)
      )
    })
  if (!valid)
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--har ${file} is not a HAR log: it needs log.entries, each with a request (method, url, headers) and a response (status, headers).`,
      hint: 'Pass a .har file: the inspector (/__sameorigin/) → Export HAR, or DevTools → Network → Save all as HAR.',
    })
  return parsed as Har
}
