// `sameorigin init` on Astro apps as Astro's own examples write them (`npm create astro` copies
// them): the integration in `integrations`, `vite.server.proxy` moved.
import { describe, expect, it } from 'vitest'
import { detectProject } from '../../src/project/detect-project.ts'
import { planInit } from '../../src/init/plan-init.ts'
import { after, initConfig, makeProject, VERSION, writePlan } from './_project.ts'

// withastro/astro examples/minimal: astro.config.mjs and package.json (the parts that matter).
const MINIMAL_CONFIG = `// @ts-check
import { defineConfig } from 'astro/config';

// https://astro.build/config
export default defineConfig({});
`
const MINIMAL_PACKAGE = `{
  "name": "@example/minimal",
  "type": "module",
  "version": "0.0.1",
  "private": true,
  "scripts": {
    "dev": "astro dev",
    "build": "astro build",
    "preview": "astro preview",
    "astro": "astro"
  },
  "dependencies": {
    "astro": "^7.2.4"
  }
}
`
// withastro/astro examples/ssr: astro.config.mjs, with a Vite proxy added as users write it.
const SSR_CONFIG = `// @ts-check

import node from '@astrojs/node';
import svelte from '@astrojs/svelte';
import { defineConfig } from 'astro/config';

// https://astro.build/config
export default defineConfig({
\toutput: 'server',
\tadapter: node({
\t\tmode: 'standalone',
\t}),
\tintegrations: [svelte()],
\tvite: {
\t\tserver: {
\t\t\tproxy: {
\t\t\t\t'/api': { target: 'http://localhost:4000', changeOrigin: true },
\t\t\t},
\t\t},
\t},
});
`

describe('astro', () => {
  it('detects the minimal example from astro and adds the integration (a dependency, as astro is)', () => {
    const root = makeProject({ 'package.json': MINIMAL_PACKAGE, 'astro.config.mjs': MINIMAL_CONFIG })
    expect(detectProject(root).tool).toBe('astro')
    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(after(plan, 'astro.config.mjs')).toMatchInlineSnapshot(`
      "// @ts-check
      import { defineConfig } from 'astro/config';
      import sameorigin from '@sameorigin/astro';

      // https://astro.build/config
      export default defineConfig({ integrations: [sameorigin()] });
      "
    `)
    expect(JSON.parse(after(plan, 'package.json')).dependencies['@sameorigin/astro']).toBe('^1.2.3')
    expect(plan.nextSteps).toContain(
      "Pages and endpoints (rendered on demand): Astro.locals.serverFetch('/api/...') goes through the routes, with the page's cookies",
    )
    writePlan(plan)
    const again = planInit({ cwd: root, move: true, version: VERSION })
    expect(again.alreadySetUp).toBe(true)
    expect(again.files.filter((file) => file.action !== 'unchanged')).toEqual([])
  })

  it('the SSR example: after the other integrations, vite.server.proxy moved and the empty vite key gone', () => {
    const { config, sameorigin, plan } = initConfig('astro', 'astro.config.mjs', SSR_CONFIG)
    expect(config).toMatchInlineSnapshot(`
      "// @ts-check

      import node from '@astrojs/node';
      import svelte from '@astrojs/svelte';
      import { defineConfig } from 'astro/config';
      import sameorigin from '@sameorigin/astro';

      // https://astro.build/config
      export default defineConfig({
      	output: 'server',
      	adapter: node({
      		mode: 'standalone',
      	}),
      	integrations: [svelte(), sameorigin()],
      });
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/astro';

      export default defineConfig({
      	routes: {
      		'/api': 'http://localhost:4000',
      	},
      });
      "
    `)
    expect(plan.moved.map((entry) => entry.from)).toEqual(["vite.server.proxy['/api']"])
  })

  it('keeps the rest of `vite` when it holds more than the proxy', () => {
    const { config } = initConfig(
      'astro',
      'astro.config.mjs',
      `import { defineConfig } from 'astro/config'

export default defineConfig({
  vite: {
    plugins: [],
    server: { proxy: { '/api': 'http://localhost:4000' } },
  },
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { defineConfig } from 'astro/config'
      import sameorigin from '@sameorigin/astro'

      export default defineConfig({
        vite: {
          plugins: [],
        },
        integrations: [sameorigin()],
      })
      "
    `)
  })
})
