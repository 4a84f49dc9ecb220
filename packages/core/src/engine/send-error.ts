import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorAnswer } from '../pipeline/to-error-answer.ts'

/**
 * Sends the pipeline's error answer (`toErrorAnswer`). Only call it while `res.headersSent` is false.
 * The connection stays keep-alive: a request body the upstream did not read is drained, so the next
 * request on this connection can be parsed.
 */
export function sendError(req: IncomingMessage, res: ServerResponse, answer: ErrorAnswer): void {
  res.statusCode = answer.status
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value)
  if (!req.complete) req.resume()
  res.end(answer.body)
}
