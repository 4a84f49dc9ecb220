// The app's backend behind each output of `sameorigin cors-policy`, as its user runs it: a framework
// importing the written module, or the real nginx / Caddy with the written files in front of the
// plain backend.
import { join } from 'node:path'
import { caddyMissing, HAS_NGINX, startCaddy, startNginx } from '@sameorigin/test-utils'
import type { Listening } from '@sameorigin/test-utils'
import { POLICY_RENDERERS } from '../../src/cors-policy/renderers.ts'
import type { CorsPolicy, PolicyFormat } from '../../src/cors-policy/types.ts'
import { startFrameworkBackend, startPlainBackend } from './_backends.ts'
import { importPolicy } from './_policies.ts'

/** Why a format's server cannot run here (its engine is not installed), or `undefined`. */
export function serverMissing(format: PolicyFormat): string | undefined {
  if (format === 'nginx' && !HAS_NGINX)
    return 'nginx is not installed (/usr/sbin/nginx): the nginx policy tests are skipped'
  if (format === 'caddy') return caddyMissing()
  return undefined
}

function render(format: PolicyFormat, policy: CorsPolicy): { name: string; content: string }[] {
  const renderer = POLICY_RENDERERS[format]
  if (renderer === undefined) throw new Error(`no renderer for ${format}`)
  return [...renderer(policy, { command: `sameorigin cors-policy --for ${format}` })]
}

async function behindNginx(policy: CorsPolicy, backend: Listening): Promise<Listening> {
  const [http, location] = render('nginx', policy)
  const nginx = await startNginx({
    config: (port, dir) => ({
      config: [
        `include ${join(dir, http?.name ?? '')};`,
        `server {`,
        `    listen 127.0.0.1:${port};`,
        `    location / {`,
        `        include ${join(dir, location?.name ?? '')};`,
        `        proxy_pass ${backend.url};`,
        `    }`,
        `}`,
      ].join('\n'),
      files: Object.fromEntries([http, location].map((file) => [file?.name ?? '', file?.content ?? ''])),
    }),
  })
  return { url: nginx.url, port: nginx.port, close: nginx.close }
}

async function behindCaddy(policy: CorsPolicy, backend: Listening): Promise<Listening> {
  const [snippet] = render('caddy', policy)
  const caddy = await startCaddy(
    (port) =>
      `${snippet?.content ?? ''}\nhttp://127.0.0.1:${port} {\n\timport cors_policy\n\treverse_proxy ${backend.url}\n}\n`,
  )
  return { url: caddy.url, port: caddy.port, close: caddy.close }
}

/** Starts the app's backend with `policy` applied as `format` says; `dir` receives the JS modules. */
export async function startPolicyServer(
  format: PolicyFormat,
  policy: CorsPolicy,
  dir: string,
): Promise<Listening> {
  if (format !== 'nginx' && format !== 'caddy') {
    const { corsOptions } = await importPolicy(dir, format, policy)
    return startFrameworkBackend(format, corsOptions)
  }
  const backend = await startPlainBackend()
  try {
    const front = await (format === 'nginx' ? behindNginx(policy, backend) : behindCaddy(policy, backend))
    return { ...front, close: async () => void (await Promise.all([front.close(), backend.close()])) }
  } catch (error) {
    await backend.close()
    throw error
  }
}
