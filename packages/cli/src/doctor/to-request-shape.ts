import { createError } from '@sameorigin/core'
import type { ProxyError } from '@sameorigin/core'
import { checkRequestShape } from '@sameorigin/core/doctor'
import type { RequestShape, ShapeProblem } from '@sameorigin/core/doctor'

/** What `sameorigin doctor` is asked: the command line, before any check. */
export interface DoctorInput {
  /** The URL the page fetches. */
  readonly url: string
  /** The page's origin (`--origin`). */
  readonly origin: string
  /** @default 'GET' */
  readonly method?: string
  /** `--header` values: `Name: value`, or a name alone (sent with an empty value). */
  readonly headers?: readonly string[]
  /** `credentials: 'include'` (cookies, HTTP auth). @default false */
  readonly credentials?: boolean
}

function invalid(message: string, hint: string): ProxyError {
  return createError('ERR_CLI_ARGUMENT_INVALID', { message, hint })
}

/** `Name: value` or `Name` → [name, value]; a name alone is sent with an empty value. */
export function parseHeaderArgument(argument: string): [name: string, value: string] {
  const colon = argument.indexOf(':')
  const name = (colon === -1 ? argument : argument.slice(0, colon)).trim()
  const value = colon === -1 ? '' : argument.slice(colon + 1).trim()
  return [name, value]
}

const ORIGIN_HINT = "Give the page's origin: --origin http://localhost:5173"
const URL_HINT = 'Give the full URL the page fetches: http://127.0.0.1:8080/api/me'

/** A problem of the request shape, worded with the command line's options. */
function toArgumentError(problem: ShapeProblem, headers: readonly string[]): ProxyError {
  switch (problem.field) {
    case 'url':
      if (problem.kind === 'has-user') {
        return invalid(
          `${problem.value} has a user name or password in it; fetch() refuses such URLs.`,
          'Remove user:password@ and send an Authorization header instead: --header "Authorization: Basic ..."',
        )
      }
      return invalid(
        `${problem.value} is not ${problem.kind === 'not-url' ? 'an absolute' : 'an http(s)'} URL.`,
        URL_HINT,
      )
    case 'origin':
      if (problem.kind === 'not-origin') {
        return invalid(
          `--origin ${problem.value} has a path, query or user name; an origin is only scheme, host and port.`,
          `Use --origin ${problem.origin}`,
        )
      }
      return invalid(
        `--origin ${problem.value} is not ${problem.kind === 'not-url' ? 'an' : 'an http(s)'} origin.`,
        ORIGIN_HINT,
      )
    case 'method':
      return invalid(`--method ${problem.value} is not a method name.`, 'Use an HTTP method: --method PUT')
    case 'header': {
      const argument = headers[problem.index] ?? problem.name
      return problem.kind === 'not-token'
        ? invalid(
            `--header "${argument}" does not start with a header name.`,
            'Write a name alone or "Name: value": --header Authorization --header "Content-Type: application/json"',
          )
        : invalid(
            `--header "${argument}" has a value fetch() refuses (line breaks or non-Latin-1 characters).`,
            'Send a plain ASCII value.',
          )
    }
  }
}

/**
 * The command line as the request shape the doctor checks (`runDoctor` in `@sameorigin/core/doctor`):
 * `--header` arguments split into name and value. Throws `ERR_CLI_ARGUMENT_INVALID`, naming the
 * option, for input fetch() itself would reject (the checks are the core's `checkRequestShape`).
 */
export function toRequestShape(input: DoctorInput): RequestShape {
  const headers = input.headers ?? []
  const shape: RequestShape = {
    url: input.url,
    origin: input.origin,
    method: input.method ?? 'GET',
    headers: headers.map(parseHeaderArgument),
    credentials: input.credentials === true ? 'include' : 'omit',
  }
  const problem = checkRequestShape(shape)
  if (problem !== undefined) throw toArgumentError(problem, headers)
  return shape
}
