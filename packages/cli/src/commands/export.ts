import type { CommandDefinition } from '../internal/command.ts'
import { CONFIG_OPTIONS } from '../internal/config-options.ts'

/**
 * `sameorigin export <target>`: the same routes as production config for a real server (nginx, Caddy),
 * a Cloudflare Worker, Vercel or Netlify, with every behaviour the target cannot express printed and
 * written in the file.
 */
export const exportCommand: CommandDefinition = {
  usage: 'export <target>',
  description: 'Write the routes as production config: nginx, caddy, cloudflare, vercel or netlify',
  options: [
    ...CONFIG_OPTIONS.map((option) =>
      option.flags.includes('--mode')
        ? { ...option, description: 'Mode: selects .env.[mode] files (the targets)', default: 'production' }
        : option,
    ),
    {
      flags: '--origin <url>',
      description: 'The public origin the app is served on (https://app.example.com)',
    },
    {
      flags: '--static <dir>',
      description: "The app's built files to serve, with the SPA fallback (nginx, caddy, cloudflare)",
    },
    { flags: '--listen <port>', description: 'The port the server listens on (nginx, caddy)' },
    { flags: '-o, --out <dir>', description: 'Folder to write into (default: this one)' },
    { flags: '--check', description: 'Write nothing; exit 1 if the files differ from what the config gives' },
    { flags: '--json', description: 'Print { target, files, losses }' },
  ],
  examples: [
    'sameorigin export nginx --origin https://app.example.com --static dist',
    'sameorigin export caddy --origin https://app.example.com --static dist --check',
    'sameorigin export cloudflare --origin https://app.example.com --static dist',
    'sameorigin export vercel --origin https://app.example.com',
    'sameorigin export netlify --origin https://app.example.com',
  ],
  run: async ([target], options, ctx) => {
    const { runExport } = await import('../export/run-export.ts')
    return runExport(target ?? '', options, ctx)
  },
}
