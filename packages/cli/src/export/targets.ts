import { caddyTarget } from './caddy/caddy-target.ts'
import { cloudflareTarget } from './cloudflare/cloudflare-target.ts'
import type { ExportTarget, ExportTargetName } from './types.ts'

/** Every target of `sameorigin export`, in the order `--help` lists them. */
export const EXPORT_TARGETS: Readonly<Partial<Record<ExportTargetName, ExportTarget>>> = {
  caddy: caddyTarget,
  cloudflare: cloudflareTarget,
}
