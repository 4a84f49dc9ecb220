import type { CommandDefinition } from '../internal/command.ts'

/**
 * `sameorigin init`: adds sameorigin to the project in the current folder (the dependency, the plugin
 * in the tool's config, the tool's proxy entries moved into `sameorigin.config.ts`) and prints the diff.
 */
export const initCommand: CommandDefinition = {
  usage: 'init',
  description:
    "Add sameorigin to this project: the plugin in your tool's config, its proxy entries moved into sameorigin.config.ts, the dependency in package.json",
  options: [
    { flags: '-y, --yes', description: 'Accept every step without asking (also moves the proxy entries)' },
    {
      flags: '--tool <tool>',
      description:
        'The dev tool, instead of detecting it: vite, webpack, rspack, rsbuild, next, sveltekit, nuxt, astro, react-router, angular or storybook',
    },
    { flags: '--dry-run', description: 'Print the diff and write nothing' },
    { flags: '--json', description: 'Print the result as one JSON document (never asks)' },
  ],
  examples: ['sameorigin init', 'sameorigin init --yes', 'sameorigin init --dry-run --tool vite'],
  async run(_args, options, ctx) {
    // Loaded on use: the AST tooling is the heaviest part of the CLI, and `--help` should stay fast.
    const { runInit } = await import('../init/run-init.ts')
    return runInit(options, ctx)
  },
}
