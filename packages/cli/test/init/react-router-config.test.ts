// `sameorigin init` on React Router (framework mode) apps as create-react-router's templates write
// them: the Vite plugin after `reactRouter()`, and loaders pointed at `serverFetch`.
import { describe, expect, it } from 'vitest'
import { runBin } from '../_bin.ts'
import { detectProject } from '../../src/project/detect-project.ts'
import { planInit } from '../../src/init/plan-init.ts'
import { after, makeProject, VERSION } from './_project.ts'

// remix-run/react-router-templates, `default`: vite.config.ts, react-router.config.ts, package.json.
const DEFAULT_VITE_CONFIG = `import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  resolve: {
    tsconfigPaths: true,
  },
});
`
const ROUTER_CONFIG = `import type { Config } from "@react-router/dev/config";

export default {
  // Config options...
  // Server-side render by default, to enable SPA mode set this to \`false\`
  ssr: true,
} satisfies Config;
`
const DEFAULT_PACKAGE = `{
  "private": true,
  "type": "module",
  "scripts": {
    "build": "react-router build",
    "dev": "react-router dev",
    "start": "react-router-serve ./build/server/index.js",
    "typecheck": "react-router typegen && tsc"
  },
  "dependencies": {
    "@react-router/node": "8.5.3",
    "@react-router/serve": "8.5.3",
    "isbot": "^5.1.36",
    "react": "^19.2.6",
    "react-dom": "^19.2.6",
    "react-router": "8.5.3"
  },
  "devDependencies": {
    "@react-router/dev": "8.5.3",
    "@tailwindcss/vite": "^4.2.2",
    "@types/node": "^22",
    "tailwindcss": "^4.2.2",
    "typescript": "^5.9.3",
    "vite": "^8.0.3"
  }
}
`

describe('react router (framework mode)', () => {
  it('detects the default template from @react-router/dev (before vite) and appends the plugin', () => {
    const root = makeProject({
      'package.json': DEFAULT_PACKAGE,
      'vite.config.ts': DEFAULT_VITE_CONFIG,
      'react-router.config.ts': ROUTER_CONFIG,
      'tsconfig.json': '{}\n',
    })
    expect(detectProject(root).tool).toBe('react-router')
    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(after(plan, 'vite.config.ts')).toMatchInlineSnapshot(`
      "import { reactRouter } from "@react-router/dev/vite";
      import tailwindcss from "@tailwindcss/vite";
      import { defineConfig } from "vite";
      import { sameorigin } from "@sameorigin/vite";

      export default defineConfig({
        plugins: [tailwindcss(), reactRouter(), sameorigin()],
        resolve: {
          tsconfigPaths: true,
        },
      });
      "
    `)
    // Loaders import @sameorigin/vite/server at run time: it goes with react-router, in dependencies.
    const json = JSON.parse(after(plan, 'package.json'))
    expect(json.dependencies['@sameorigin/vite']).toBe('^1.2.3')
    expect(json.devDependencies['@sameorigin/vite']).toBeUndefined()
    expect(plan.nextSteps).toMatchInlineSnapshot(`
      [
        "Install the new dependencies: npm install",
        "Add your backend's routes to sameorigin.config.ts, e.g. '/api': 'http://127.0.0.1:8080'",
        "Loaders and actions: import { serverFetch } from '@sameorigin/vite/server'; serverFetch('/api/...', { request }) goes through the routes, with the page's cookies",
        "Check the routes: sameorigin check",
        "Start the dev server: npm run dev",
      ]
    `)
  })

  it('the command names React Router and points loaders at serverFetch', async () => {
    const root = makeProject({
      'package.json': DEFAULT_PACKAGE,
      'vite.config.ts': DEFAULT_VITE_CONFIG,
      'react-router.config.ts': ROUTER_CONFIG,
    })
    const result = await runBin(['init', '--dry-run'], { cwd: root })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('sameorigin init React Router (vite.config.ts)')
    expect(result.stdout).toContain("import { serverFetch } from '@sameorigin/vite/server'")
  })

  it('knows the app by react-router.config.ts when package.json does not name @react-router/dev', () => {
    const root = makeProject({
      'package.json': '{ "name": "app", "private": true }\n',
      'vite.config.ts': DEFAULT_VITE_CONFIG,
      'react-router.config.ts': ROUTER_CONFIG,
    })
    expect(detectProject(root).tool).toBe('react-router')
    // Without the marker, the same Vite config is a Vite app.
    const vite = makeProject({
      'package.json': '{ "name": "app", "private": true }\n',
      'vite.config.ts': DEFAULT_VITE_CONFIG,
    })
    expect(detectProject(vite).tool).toBe('vite')
  })
})
