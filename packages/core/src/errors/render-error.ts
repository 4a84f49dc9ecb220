import type { ProxyError } from './proxy-error.ts'
import { toExplainCommand } from './codes.ts'
import { escapeHtml } from '../internal/escape-html.ts'
import type { ResolvedRoute } from '../types.ts'

/**
 * Reason phrases of the statuses the registry uses (errors/codes.ts). Written here rather than read
 * from node:http, so this module stays pure: the Next route handler imports it through
 * `@sameorigin/core/rewrite` over Web Responses.
 */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  504: 'Gateway Timeout',
}

/** The JSON body of an error answer, for `fetch` and XHR. */
export interface ErrorBody {
  readonly error: {
    readonly code: string
    readonly message: string
    readonly hint: string
    readonly route: string | null
    readonly target: string | null
  }
}

/** The JSON body for `error`. Serialised by `JSON.stringify`, so nothing needs escaping. */
export function toErrorBody(error: ProxyError, route: ResolvedRoute | undefined): ErrorBody {
  const { code, message, hint } = error
  return { error: { code, message, hint, route: route?.id ?? null, target: route?.target.href ?? null } }
}

/**
 * A small page for a browser navigation. Every value is escaped: messages carry host names and Node's
 * error text, and the page is served on the dev origin, where injected script would run with the
 * app's cookies. The request path is not shown at all. `explanation` is the code's page
 * (`readErrorPage`, read by the caller, which has a file system): it is folded in under "What this
 * error means", so the page explains itself offline, with no link to a repository or a second route.
 */
export function renderErrorHtml(
  error: ProxyError,
  status: number,
  route: ResolvedRoute | undefined,
  explanation?: string,
): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`
  const rows = [
    route === undefined ? '' : `<dt>Route</dt><dd><code>${escapeHtml(route.id)}</code></dd>`,
    route === undefined ? '' : `<dt>Target</dt><dd><code>${escapeHtml(route.target.href)}</code></dd>`,
    `<dt>Error</dt><dd><code>${escapeHtml(error.code)}</code> (run <code>${escapeHtml(toExplainCommand(error.code))}</code>)</dd>`,
  ].join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · sameorigin</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1f2328}code{font-size:.9em;background:#f2f3f5;padding:0 .25em;border-radius:3px}dt{font-weight:600;margin-top:.5rem}dd{margin:0}pre{white-space:pre-wrap;background:#f6f8fa;padding:.75rem;border-radius:6px;font-size:.85em}summary{cursor:pointer;margin-top:1rem}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${withCode(error.message)}</p>
<p><strong>How to fix it:</strong> ${withCode(error.hint)}</p>
<dl>${rows}</dl>
${explanation === undefined ? '' : `<details><summary>What ${escapeHtml(error.code)} means</summary><pre>${escapeHtml(unwrapLines(explanation))}</pre></details>\n`}<p><small>Answered by the sameorigin development proxy, not by the backend.</small></p>
</body>
</html>
`
}

/** Escapes `text`, then shows its `backtick` spans as code. */
function withCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')
}

/**
 * Joins the hard-wrapped lines of a Markdown page's paragraphs and list items, so the page reads as
 * prose in a browser's narrow `<pre>`; headings, quotes, tables, list starts and code blocks keep
 * their lines.
 */
function unwrapLines(markdown: string): string {
  const out: string[] = []
  let fenced = false
  for (const line of markdown.split('\n')) {
    const previous = out.at(-1)
    const starts = /^\s*(?:#|>|\||[-*] |\d+\. |```)/.test(line)
    if (line.startsWith('```')) fenced = !fenced
    const joins = !fenced && !starts && line.trim() !== '' && previous !== undefined && previous.trim() !== ''
    if (joins && !/^\s*(?:#|\|)/.test(previous) && !previous.startsWith('```'))
      out[out.length - 1] = `${previous} ${line.trim()}`
    else out.push(line)
  }
  return out.join('\n')
}
