import { createError } from '@sameorigin/core'
import type { Har } from './types.ts'

/**
 * A HAR file's text as a HAR log: the inspector's export (`/__sameorigin/` → Export HAR) or a
 * browser's (DevTools → Network → Save all as HAR). Only the shape the policy reads is checked
 * (`log.entries`, each with a `request` and a `response`); the rest is taken as HAR 1.2 says.
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
      const { request, response } = (entry ?? {}) as { request?: unknown; response?: unknown }
      return (
        typeof request === 'object' && request !== null && typeof response === 'object' && response !== null
      )
    })
  if (!valid)
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--har ${file} is not a HAR log: it needs log.entries, each with a request and a response.`,
      hint: 'Pass a .har file: the inspector (/__sameorigin/) → Export HAR, or DevTools → Network → Save all as HAR.',
    })
  return parsed as Har
}
