import type { CommandDefinition } from '../internal/command.ts'
import { CONFIG_OPTIONS } from '../internal/config-options.ts'

/**
 * `sameorigin cors-policy`: the least-privilege CORS policy of the backend, for teams whose app
 * stays cross-origin: learned from recordings of the app's calls (the inspector's HAR export or a
 * browser's), printed with the reason for each part, and written for Express, Fastify, Hono, Koa, nginx or Caddy.
 */
export const corsPolicyCommand: CommandDefinition = {
  usage: 'cors-policy',
  description: "Write the backend's least-privilege CORS policy, learned from recordings of the app's calls",
  options: [
    ...CONFIG_OPTIONS.map((option) =>
      option.flags.includes('--mode')
        ? {
            ...option,
            description: 'Mode: development allows the local dev servers; others only the exact origins',
            default: 'production',
          }
        : option,
    ),
    { flags: '--har <file>', description: "A recording of the app's calls (repeatable)", repeatable: true },
    {
      flags: '--origin <url>',
      description: 'An origin the app is served on (repeatable); also SAMEORIGIN_CORS_ORIGINS in .env.[mode]',
      repeatable: true,
    },
    { flags: '--for <format>', description: 'Write it for express, fastify, hono, koa, nginx or caddy' },
    { flags: '--format <format>', description: 'Same as --for' },
    {
      flags: '--src <path>',
      description: "The app's source (repeatable): expose only the response headers the code reads",
      repeatable: true,
    },
    {
      flags: '--header <name>',
      description: 'A request header to allow besides the recorded ones (repeatable)',
      repeatable: true,
    },
    { flags: '--credentials', description: 'Allow credentials (cookies) whatever the recording shows' },
    {
      flags: '--max-age <seconds>',
      description: 'Access-Control-Max-Age (default: 7200, 600 in development)',
    },
    { flags: '-o, --out <file>', description: 'Write the output to this file (default: stdout)' },
    { flags: '--json', description: 'Print { policy, reasons, calls, skipped, format, files }' },
  ],
  examples: [
    'sameorigin cors-policy --har app.har --origin https://app.example.com --for express --out src/cors-policy.js',
    'sameorigin cors-policy --har app.har --mode development --src src --for hono',
    'sameorigin cors-policy --har app.har --origin https://app.example.com --for nginx --out /etc/nginx/cors-policy.http.conf',
  ],
  run: async (_args, options, ctx) => {
    const { runCorsPolicy } = await import('../cors-policy/run-cors-policy.ts')
    return runCorsPolicy(options, ctx)
  },
}
