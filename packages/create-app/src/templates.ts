import { fileURLToPath } from 'node:url'
import { CliError } from './cli-error.ts'

/** One `template-<name>/` folder of this package, as the prompt and the next steps show it. */
export interface Template {
  /** The folder suffix and the `--template` value, e.g. `vite-react`. */
  readonly name: string
  /** What the select prompt shows, e.g. `Vite + React`. */
  readonly label: string
  /** The sameorigin package the template wires in (shown beside the label). */
  readonly adapter: string
  /** Where the page is once `dev` runs (the tool's default port). */
  readonly devUrl: string
  /**
   * The lowest Node version the template runs on, when it is above this package's own (the
   * full-stack frameworks' current majors need Node 22). The next steps warn on an older Node.
   */
  readonly node?: string
  /** A page rendered on the server that shows the logged-in user (the full-stack frameworks). */
  readonly ssrPage?: string
}

/** Every template, in the order the prompt offers them. */
export const TEMPLATES: readonly Template[] = Object.freeze([
  { name: 'vite-react', label: 'Vite + React', adapter: '@sameorigin/vite', devUrl: 'http://localhost:5173' },
  { name: 'vite-vue', label: 'Vite + Vue', adapter: '@sameorigin/vite', devUrl: 'http://localhost:5173' },
  {
    name: 'next',
    label: 'Next.js (App Router)',
    adapter: '@sameorigin/next',
    devUrl: 'http://localhost:3000',
  },
  {
    name: 'webpack-react',
    label: 'webpack + React',
    adapter: '@sameorigin/webpack',
    devUrl: 'http://localhost:8080',
  },
  {
    name: 'angular',
    label: 'Angular',
    adapter: '@sameorigin/angular',
    devUrl: 'http://localhost:4200',
    node: '22.22.3',
  },
  {
    name: 'rsbuild-react',
    label: 'Rsbuild + React',
    adapter: '@sameorigin/rsbuild',
    devUrl: 'http://localhost:3000',
  },
  // The full-stack frameworks, at their current majors; the minimum Node is each one's `engines`.
  {
    name: 'sveltekit',
    label: 'SvelteKit',
    adapter: '@sameorigin/sveltekit',
    devUrl: 'http://localhost:5173',
    node: '22.17.0',
    ssrPage: '/ssr',
  },
  {
    name: 'nuxt',
    label: 'Nuxt',
    adapter: '@sameorigin/nuxt',
    devUrl: 'http://localhost:3000',
    node: '22.22.3',
    ssrPage: '/ssr',
  },
  {
    name: 'astro',
    label: 'Astro',
    adapter: '@sameorigin/astro',
    devUrl: 'http://localhost:4321',
    node: '22.23.4',
    ssrPage: '/ssr',
  },
  {
    name: 'react-router',
    label: 'React Router (framework mode)',
    adapter: '@sameorigin/vite',
    devUrl: 'http://localhost:5173',
    node: '22.22.0',
    ssrPage: '/ssr',
  },
])

/**
 * The template called `name`.
 * @throws CliError listing every template when there is none by that name.
 */
export function findTemplate(name: string): Template {
  const found = TEMPLATES.find((template) => template.name === name)
  if (found) return found
  const list = TEMPLATES.map((template) => `  ${template.name.padEnd(15)}${template.label}`).join('\n')
  throw new CliError(`There is no template "${name}". Pass one of these to --template:\n${list}`)
}

/**
 * The folder holding a template's files: `template-<name>/` at the package root, a sibling of both
 * `src/` and `dist/`, so the same URL works from the sources and from the bundle.
 */
export function templateDir(template: Template): string {
  return fileURLToPath(new URL(`../template-${template.name}/`, import.meta.url))
}
