import type { ExportTarget } from '../types.ts'
import { renderCaddyfile } from './render-caddyfile.ts'

/** `sameorigin export caddy`: one Caddyfile serving the routes (and, with `--static`, the app). */
export const caddyTarget: ExportTarget = {
  name: 'caddy',
  description: 'a Caddyfile (Caddy 2.6+): the routes, and with --static the built app; run: caddy run',
  render: renderCaddyfile,
}
