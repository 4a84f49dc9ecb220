/**
 * The one registry of error codes. Messages, hints, HTTP statuses and docs pages all come from here.
 * Codes never change once released; each has `docs/errors/<code>.md` (checked in CI).
 */

export interface ErrorCodeInfo {
  /** What went wrong, in one sentence. */
  readonly message: string
  /** What to do about it. */
  readonly hint: string
  /** The HTTP status a proxied request gets when this error ends it. */
  readonly status: number
}

export const ERROR_CODES = {
  // --- configuration -------------------------------------------------------------------------------
  ERR_CONFIG_INVALID: {
    message: 'The sameorigin configuration is invalid.',
    hint: 'Fix every problem listed; each names the key, what is wrong and an example.',
    status: 500,
  },
  ERR_CONFIG_LOAD_FAILED: {
    message: 'The config file could not be loaded.',
    hint: 'Check the file for syntax errors and that it exports the config (`export default defineConfig({...})`).',
    status: 500,
  },
  ERR_CONFIG_ENV_MISSING: {
    message: 'A target names an environment variable that is not set.',
    hint: 'Set the variable in .env, .env.local or the shell, or give a default: ${VAR:-http://127.0.0.1:8080}.',
    status: 500,
  },
  ERR_CONFIG_KEY_UNKNOWN: {
    message: 'The config has a key sameorigin does not know.',
    hint: 'Remove the key or correct its spelling.',
    status: 500,
  },
  ERR_CONFIG_VALUE_INVALID: {
    message: 'A top-level config value has the wrong type or value.',
    hint: 'Use a value of the type the docs give for this key.',
    status: 500,
  },

  // --- routes --------------------------------------------------------------------------------------
  ERR_RULE_TARGET_MISSING: {
    message: 'A route has no target.',
    hint: "Give the route a target URL: '/api': 'http://127.0.0.1:8080'.",
    status: 500,
  },
  ERR_RULE_TARGET_INVALID: {
    message: 'A route target is not an absolute http(s) URL.',
    hint: "Write the full URL with its scheme: 'http://127.0.0.1:8080' or 'https://staging.example.com/v1'.",
    status: 500,
  },
  ERR_RULE_PATH_INVALID: {
    message: 'A route path cannot be used.',
    hint: "Start paths with '/', use ':name', ':name*' or ':name+' for parameters, or '^' for a regular expression.",
    status: 500,
  },
  ERR_RULE_KEY_UNKNOWN: {
    message: 'A route has an option sameorigin does not know.',
    hint: 'Remove the option or correct its spelling (the message suggests the closest known option).',
    status: 500,
  },
  ERR_RULE_OPTION_INVALID: {
    message: 'A route option has the wrong type or value.',
    hint: 'Use a value of the type the docs give for this option.',
    status: 500,
  },
  ERR_RULE_OPTION_UNSUPPORTED: {
    message: 'A route uses an option from another proxy that has no meaning here.',
    hint: 'The message names what to use instead.',
    status: 500,
  },
  ERR_RULE_SHADOWED: {
    message: 'A route can never match because an earlier route matches every request it would.',
    hint: 'Move the more specific route above the broader one.',
    status: 500,
  },
  ERR_RULE_REWRITE_INVALID: {
    message: 'A route rewrite cannot be used.',
    hint: "Use a path template with the route's parameters ('/v2/:path*') or a function (path) => string.",
    status: 500,
  },

  // --- requests ------------------------------------------------------------------------------------
  ERR_REQUEST_PATH_UNSAFE: {
    message: 'The request path could change which route matches or leave the target base path.',
    hint: 'Encoded slashes, backslashes, NUL bytes and double-encoded dots are refused; send a plain path.',
    status: 400,
  },
} as const

/** Every stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES

/** Where the page explaining a code lives, relative to the repository root. */
export function toDocsPath(code: ErrorCode): string {
  return `docs/errors/${code}.md`
}
