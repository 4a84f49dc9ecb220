// `sameorigin init` on SvelteKit apps as `sv create` (0.17) writes them: the Vite plugin after
// `sveltekit()`, `server.proxy` moved, and the `handle` hook in src/hooks.server: a new file, added to
// the app's own, or put in front of its hook with `sequence()`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planInit } from '../../src/init/plan-init.ts'
import { detectProject } from '../../src/project/detect-project.ts'
import { after, makeProject, VERSION } from './_project.ts'

// `npx sv create --template minimal --types ts --no-add-ons` (sv 0.17.1), vite.config.ts and package.json.
const SV_VITE_CONFIG = `import adapter from '@sveltejs/adapter-auto';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
\tplugins: [
\t\tsveltekit({
\t\t\tcompilerOptions: {
\t\t\t\t// Force runes mode for the project, except for libraries. Can be removed in svelte 6.
\t\t\t\trunes: ({ filename }) =>
\t\t\t\t\tfilename.split(/[/\\\\]/).includes('node_modules') ? undefined : true
\t\t\t},
\t\t\tadapter: adapter()
\t\t})
\t]
});
`
const SV_PACKAGE = `{
\t"name": "sk-app",
\t"private": true,
\t"version": "0.0.1",
\t"type": "module",
\t"scripts": {
\t\t"dev": "vite dev",
\t\t"build": "vite build",
\t\t"preview": "vite preview"
\t},
\t"devDependencies": {
\t\t"@sveltejs/adapter-auto": "^7.0.1",
\t\t"@sveltejs/kit": "^2.63.0",
\t\t"@sveltejs/vite-plugin-svelte": "^7.1.2",
\t\t"svelte": "^5.56.1",
\t\t"typescript": "^6.0.3",
\t\t"vite": "^8.0.16"
\t}
}
`

function initSvelteKit(files: Readonly<Record<string, string>> = {}) {
  const root = makeProject({
    'package.json': SV_PACKAGE,
    'vite.config.ts': SV_VITE_CONFIG,
    'tsconfig.json': '{}\n',
    ...files,
  })
  return { root, plan: planInit({ cwd: root, move: true, version: VERSION }) }
}

describe('sveltekit', () => {
  it('detects the app from @sveltejs/kit (before vite) and wires the fresh sv template', () => {
    const { root, plan } = initSvelteKit()
    expect(detectProject(root).tool).toBe('sveltekit')
    expect(plan.tool).toBe('sveltekit')
    expect(after(plan, 'vite.config.ts')).toMatchInlineSnapshot(`
      "import adapter from '@sveltejs/adapter-auto';
      import { sveltekit } from '@sveltejs/kit/vite';
      import { defineConfig } from 'vite';
      import { sameorigin } from '@sameorigin/sveltekit';

      export default defineConfig({
      	plugins: [
      		sveltekit({
      			compilerOptions: {
      				// Force runes mode for the project, except for libraries. Can be removed in svelte 6.
      				runes: ({ filename }) =>
      					filename.split(/[/\\\\]/).includes('node_modules') ? undefined : true
      			},
      			adapter: adapter()
      		}),
      		sameorigin()
      	]
      });
      "
    `)
    expect(after(plan, 'src/hooks.server.ts')).toMatchInlineSnapshot(`
      "// sameorigin: the routes answer the browser's requests and the \`fetch\` of load functions.
      import { handleSameOrigin } from '@sameorigin/sveltekit/hooks';

      export const handle = handleSameOrigin;
      "
    `)
    expect(after(plan, 'sameorigin.config.ts')).toContain(
      "import { defineConfig } from '@sameorigin/sveltekit';",
    )
    // sv keeps everything in devDependencies: sameorigin goes there too.
    expect(JSON.parse(after(plan, 'package.json')).devDependencies['@sameorigin/sveltekit']).toBe('^1.2.3')
    expect(plan.nextSteps).toMatchInlineSnapshot(`
      [
        "Install the new dependencies: npm install",
        "Add your backend's routes to sameorigin.config.ts, e.g. '/api': 'http://127.0.0.1:8080'",
        "Load functions: fetch('/api/...') with the \`fetch\` SvelteKit passes them goes through the routes, with the page's cookies (the handle hook in src/hooks.server)",
        "Check the routes: sameorigin check",
        "Start the dev server: npm run dev",
      ]
    `)
  })

  it('moves server.proxy and adds the hook to the app’s own hooks file', () => {
    const { plan } = initSvelteKit({
      'vite.config.ts': `import { sveltekit } from '@sveltejs/kit/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [sveltekit()],
  server: { proxy: { '/api': 'http://localhost:8080' } },
})
`,
      'src/hooks.server.ts': `import type { HandleServerError } from '@sveltejs/kit'

export const handleError: HandleServerError = ({ error }) => {
  console.error(error)
}
`,
    })
    expect(after(plan, 'vite.config.ts')).toMatchInlineSnapshot(`
      "import { sveltekit } from '@sveltejs/kit/vite'
      import { defineConfig } from 'vite'
      import { sameorigin } from '@sameorigin/sveltekit'

      export default defineConfig({
        plugins: [sveltekit(), sameorigin()],
      })
      "
    `)
    expect(after(plan, 'sameorigin.config.ts')).toContain("'/api': 'http://localhost:8080'")
    expect(after(plan, 'src/hooks.server.ts')).toMatchInlineSnapshot(`
      "import type { HandleServerError } from '@sveltejs/kit'
      import { handleSameOrigin } from '@sameorigin/sveltekit/hooks'

      export const handleError: HandleServerError = ({ error }) => {
        console.error(error)
      }

      export const handle = handleSameOrigin
      "
    `)
  })

  it('an existing handle goes after ours in sequence(); an existing sequence() gains ours first', () => {
    const own = initSvelteKit({
      'src/hooks.server.ts': `import type { Handle } from '@sveltejs/kit'

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = null
  return resolve(event)
}
`,
    })
    expect(after(own.plan, 'src/hooks.server.ts')).toMatchInlineSnapshot(`
      "import type { Handle } from '@sveltejs/kit'
      import { handleSameOrigin } from '@sameorigin/sveltekit/hooks'
      import { sequence } from '@sveltejs/kit/hooks'

      export const handle: Handle = sequence(handleSameOrigin, async ({ event, resolve }) => {
        event.locals.user = null
        return resolve(event)
      })
      "
    `)
    const sequenced = initSvelteKit({
      'src/hooks.server.js': `import { sequence } from '@sveltejs/kit/hooks';
import { handleAuth } from './auth';
import { handleI18n } from './i18n';

export const handle = sequence(handleAuth, handleI18n);
`,
    })
    expect(after(sequenced.plan, 'src/hooks.server.js')).toMatchInlineSnapshot(`
      "import { sequence } from '@sveltejs/kit/hooks';
      import { handleAuth } from './auth';
      import { handleI18n } from './i18n';
      import { handleSameOrigin } from '@sameorigin/sveltekit/hooks';

      export const handle = sequence(handleSameOrigin, handleAuth, handleI18n);
      "
    `)
  })

  it('refuses a handle it cannot edit with certainty, writing nothing', () => {
    expect(() =>
      initSvelteKit({
        'src/hooks.server.ts': `export async function handle({ event, resolve }) {
  return resolve(event)
}
`,
      }),
    ).toThrow(/export const handle = sequence\(handleSameOrigin, yourHandle\)/)
  })

  it('leaves a hooks file that re-exports the hook as it is', () => {
    const text = "export { handleSameOrigin as handle } from '@sameorigin/sveltekit/hooks'\n"
    const { plan } = initSvelteKit({ 'src/hooks.server.js': text })
    expect(after(plan, 'src/hooks.server.js')).toBe(text)
  })

  it('is idempotent: a second run changes nothing', () => {
    const { root, plan } = initSvelteKit()
    for (const file of plan.files) if (file.action !== 'unchanged') writeFile(file.absolutePath, file.after)
    const again = planInit({ cwd: root, move: true, version: VERSION })
    expect(again.alreadySetUp).toBe(true)
    expect(again.files.filter((file) => file.action !== 'unchanged')).toEqual([])
  })
})

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}
