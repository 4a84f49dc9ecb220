import type { DetectedProject, Tool } from '../project/detect-project.ts'
import { PLUGIN_PACKAGE } from '../project/detect-project.ts'
import { installCommand } from './edit-package-json.ts'

/** What the next steps depend on. */
export interface NextStepsInput {
  readonly tool: Tool
  readonly project: DetectedProject
  readonly packageJsonText: string
  readonly installNeeded: boolean
  readonly movable: number
  readonly refused: number
  readonly configName: string
  readonly emptyConfig: boolean
  readonly sameoriginName: string
  /** Next in native rewrites mode: no engine, so no inspector and no report of blocked calls. */
  readonly nextRewrites?: boolean
  /** The Storybook addon was wired beside the tool. */
  readonly storybook?: boolean
}

/** How the framework's server code reaches the routes (each package's README). */
const SERVER_CODE: Readonly<Partial<Record<Tool, string>>> = {
  sveltekit:
    "Load functions: fetch('/api/...') with the `fetch` SvelteKit passes them goes through the routes, with the page's cookies (the handle hook in src/hooks.server)",
  nuxt: "Pages: useFetch('/api/...') and $fetch('/api/...') during server rendering go through the routes, with the page's cookies",
  astro:
    "Pages and endpoints (rendered on demand): Astro.locals.serverFetch('/api/...') goes through the routes, with the page's cookies",
  'react-router':
    "Loaders and actions: import { serverFetch } from '@sameorigin/vite/server'; serverFetch('/api/...', { request }) goes through the routes, with the page's cookies",
}

/** The framework major each package supports (its peer range); React Router's is any (a Vite plugin). */
const FRAMEWORK_MAJOR: Readonly<Partial<Record<Tool, readonly [string, number]>>> = {
  sveltekit: ['@sveltejs/kit', 2],
  nuxt: ['nuxt', 4],
  astro: ['astro', 7],
  angular: ['@angular/build', 22],
  storybook: ['storybook', 9],
}

/** The package.json script that starts each tool's dev server, when it is not `dev`. */
const DEV_SCRIPT: Readonly<Partial<Record<Tool, string>>> = { angular: 'start', storybook: 'storybook' }

/** `npm run x`, `pnpm x`: how the project's package manager runs a script. */
function runScript(manager: string, script: string): string {
  return manager === 'npm' || manager === 'bun' ? `${manager} run ${script}` : `${manager} ${script}`
}

/** What to do after init, in order: install, move what was not moved, add routes, check, run. */
export function planNextSteps(input: NextStepsInput): string[] {
  const steps: string[] = []
  const manager = input.project.packageManager
  const json = JSON.parse(input.packageJsonText) as Record<string, Record<string, string> | undefined>
  const needed = FRAMEWORK_MAJOR[input.tool]
  if (needed !== undefined) {
    // A project on an older major than the package supports: it would not install against it.
    const [name, major] = needed
    const range = json.dependencies?.[name] ?? json.devDependencies?.[name]
    const written = range === undefined ? undefined : Number(/\d+/.exec(range)?.[0])
    if (range !== undefined && written !== undefined && written < major)
      steps.push(
        `Upgrade ${name} to ${major}.x first: ${PLUGIN_PACKAGE[input.tool]} needs it, and package.json asks for ${range}`,
      )
  }
  if (input.installNeeded) steps.push(`Install the new dependencies: ${installCommand(manager)}`)
  if (input.movable > 0) {
    const entries = input.movable === 1 ? 'the proxy entry' : `the ${input.movable} proxy entries`
    steps.push(`Move ${entries} of ${input.configName} into ${input.sameoriginName}: sameorigin init --yes`)
  }
  if (input.emptyConfig && input.movable === 0)
    steps.push(`Add your backend's routes to ${input.sameoriginName}, e.g. '/api': 'http://127.0.0.1:8080'`)
  if (input.refused > 0) {
    steps.push(
      `${input.refused === 1 ? 'One entry stays' : `${input.refused} entries stay`} in ${input.configName} (see above) and keep${input.refused === 1 ? 's' : ''} working there; sameorigin answers its own routes first`,
    )
  }
  const server = SERVER_CODE[input.tool]
  if (server !== undefined) steps.push(server)
  steps.push('Check the routes: sameorigin check')
  if (input.nextRewrites === true)
    steps.push(
      "For the inspector (/__sameorigin/) and the report of blocked calls, use route mode: withSameOrigin(nextConfig, { mode: 'route' }) and the route handler file (@sameorigin/next's README, \"Route handler mode\")",
    )
  const scripts = json.scripts
  const script = DEV_SCRIPT[input.tool] ?? 'dev'
  if (scripts?.[script] !== undefined) steps.push(`Start the dev server: ${runScript(manager, script)}`)
  if (input.storybook === true && scripts?.storybook !== undefined)
    steps.push(`Storybook forwards the same routes: ${runScript(manager, 'storybook')}`)
  return steps
}
