import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/**
 * The report client's file: plain JavaScript, no dependencies, run once per page (a classic script or
 * a module). Beside the bundle in `dist/client/` (and in `src/report/client/` from the sources).
 */
export const reportClientFile: string = fileURLToPath(new URL('./client/report-client.js', import.meta.url))

/** The report client's source, for an adapter to inline in the page or serve (dev only). */
export function readReportClient(): Promise<string> {
  return readFile(reportClientFile, 'utf8')
}
