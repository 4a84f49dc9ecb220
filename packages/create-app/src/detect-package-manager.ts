/** The package managers whose commands the next steps know. */
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun'

const KNOWN: readonly PackageManager[] = ['npm', 'pnpm', 'yarn', 'bun']

/**
 * The package manager that ran `create` (`npm create`, `pnpm create`, `yarn create`, `bun create`),
 * read from `npm_config_user_agent` (e.g. `pnpm/12.21.0 npm/? node/v20.20.2 linux x64`), which each
 * of them sets for the commands they run.
 * @default 'npm' when the variable is missing or names another tool
 */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split(' ')[0]?.split('/')[0]
  return KNOWN.find((known) => known === name) ?? 'npm'
}

/** The commands that install the dependencies and run a package.json script. */
export function packageManagerCommands(manager: PackageManager): {
  install: string
  run: (script: string) => string
} {
  switch (manager) {
    case 'pnpm':
      return { install: 'pnpm install', run: (script) => `pnpm ${script}` }
    case 'yarn':
      return { install: 'yarn', run: (script) => `yarn ${script}` }
    case 'bun':
      return { install: 'bun install', run: (script) => `bun run ${script}` }
    case 'npm':
      return { install: 'npm install', run: (script) => `npm run ${script}` }
  }
}
