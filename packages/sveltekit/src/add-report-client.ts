import { REPORT_CLIENT_PATH } from '@sameorigin/core'

const TAG = `<script src="${REPORT_CLIENT_PATH}"></script>`

/**
 * A page's HTML with the report client first in its `<head>`, as the Vite plugin adds it to the pages
 * of a plain Vite app (SvelteKit renders its pages itself, so Vite's `transformIndexHtml` never runs):
 * a call the browser blocks is reported to the inspector. Used as `resolve`'s `transformPageChunk`;
 * chunks without a `<head>` pass as they are.
 */
export function addReportClient({ html }: { html: string }): string {
  return html.replace(/<head(?:\s[^>]*)?>/i, (head) => `${head}${TAG}`)
}
