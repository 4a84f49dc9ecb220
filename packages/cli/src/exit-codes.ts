/**
 * Exit codes of every `sameorigin` command, so scripts can tell "the answer is no" from "could not
 * answer".
 */
export const EXIT = {
  /** Done; the answer is yes (the request is allowed, the config is valid). */
  OK: 0,
  /** Done; the answer is no (a browser would block the request, the config has errors). */
  NEGATIVE: 1,
  /** Could not do it: bad arguments, an unreachable URL, a file that could not be edited. */
  FAILED: 2,
} as const
