import { REPORT_CLIENT_PATH } from '@sameorigin/core'

const TAG = `<script src="${REPORT_CLIENT_PATH}"></script>`

/**
 * index.html with the core's report client first in its `<head>` (a classic script, so it runs
 * before the app's modules): the calls to other origins the browser blocks are reported to the dev
 * server, which prints the route that fixes them, and the inspector lists them. A page without a
 * `<head>` passes as it is.
 */
export function addReportClient(html: string): string {
  if (html.includes(TAG)) return html
  return html.replace(/<head(?:\s[^>]*)?>/i, (head) => `${head}${TAG}`)
}
