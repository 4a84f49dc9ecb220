import { caddyTarget } from './caddy/caddy-target.ts'
import { cloudflareTarget } from './cloudflare/cloudflare-target.ts'
import { nginxTarget } from './nginx/nginx-target.ts'
import type { ExportTarget, ExportTargetName } from './types.ts'
import { netlifyTarget } from './netlify/netlify-target.ts'
import { vercelTarget } from './vercel/vercel-target.ts'

/** Every target of `sameorigin export`, in the order `--help` lists them. */
export const EXPORT_TARGETS: Readonly<Record<ExportTargetName, ExportTarget>> = {
  nginx: nginxTarget,
  caddy: caddyTarget,
  cloudflare: cloudflareTarget,
  vercel: vercelTarget,
  netlify: netlifyTarget,
}
