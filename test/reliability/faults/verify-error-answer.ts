import { expect } from 'vitest'
import type { HttpOutcome } from '../src/http-client.ts'
import type { Observation } from './fault.ts'

/** The JSON error body the engine answers to a client that accepts JSON. */
interface ErrorJson {
  readonly error: { readonly code: string; readonly message: string; readonly hint: string }
}

/**
 * The engine's error answer: a complete response with `status` and, in its JSON body, `code`: what a
 * failed fetch gets before any byte of the upstream's answer was sent.
 */
export function verifyErrorAnswer(outcome: HttpOutcome, status: number, code: string): Observation {
  expect(outcome.ending, outcome.error).toBe('complete')
  expect(outcome.status).toBe(status)
  expect(outcome.headers['content-type']).toBe('application/json; charset=utf-8')
  const { error } = JSON.parse(outcome.body.toString('utf8')) as ErrorJson
  expect(error.code).toBe(code)
  expect(error.hint).not.toBe('')
  return { observed: `${outcome.status} ${error.code}`, figures: { elapsedMs: outcome.elapsedMs } }
}

/** What a client that accepts JSON (fetch, XHR) sends. */
export const ACCEPT_JSON: Readonly<Record<string, string>> = { accept: 'application/json' }
