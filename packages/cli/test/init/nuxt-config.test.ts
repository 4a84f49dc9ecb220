// `sameorigin init` on Nuxt apps as the nuxt/starter v4 template writes them: the module in
// `modules`, `nitro.devProxy` moved (Nitro strips the key's prefix), `routeRules` proxies kept.
import { describe, expect, it } from 'vitest'
import { matchRequest } from '@sameorigin/core'
import { detectProject } from '../../src/project/detect-project.ts'
import { planInit } from '../../src/init/plan-init.ts'
import { after, initConfig, loadWrittenConfig, makeProject, VERSION, writePlan } from './_project.ts'

// nuxt/starter, branch v4 (what `npm create nuxt@latest` downloads): nuxt.config.ts and package.json.
const STARTER_CONFIG = `// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: true }
})
`
const STARTER_PACKAGE = `{
  "name": "nuxt-app",
  "type": "module",
  "private": true,
  "scripts": {
    "build": "nuxt build",
    "dev": "nuxt dev",
    "generate": "nuxt generate",
    "preview": "nuxt preview",
    "postinstall": "nuxt prepare"
  },
  "dependencies": {
    "nuxt": "^4.4.8",
    "vue": "^3.5.38",
    "vue-router": "^5.1.0"
  }
}
`

describe('nuxt', () => {
  it('detects the starter from nuxt and adds the module (a dependency, as nuxt is)', () => {
    const root = makeProject({ 'package.json': STARTER_PACKAGE, 'nuxt.config.ts': STARTER_CONFIG })
    expect(detectProject(root).tool).toBe('nuxt')
    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(after(plan, 'nuxt.config.ts')).toMatchInlineSnapshot(`
      "// https://nuxt.com/docs/api/configuration/nuxt-config
      export default defineNuxtConfig({
        compatibilityDate: '2025-07-15',
        devtools: { enabled: true },
        modules: ['@sameorigin/nuxt']
      })
      "
    `)
    expect(after(plan, 'sameorigin.config.ts')).toContain("import { defineConfig } from '@sameorigin/nuxt'")
    const json = JSON.parse(after(plan, 'package.json'))
    expect(json.dependencies['@sameorigin/nuxt']).toBe('^1.2.3')
    expect(json.devDependencies).toBeUndefined()
    expect(plan.nextSteps).toContain(
      "Pages: useFetch('/api/...') and $fetch('/api/...') during server rendering go through the routes, with the page's cookies",
    )
    writePlan(plan)
    const again = planInit({ cwd: root, move: true, version: VERSION })
    expect(again.alreadySetUp).toBe(true)
    expect(again.files.filter((file) => file.action !== 'unchanged')).toEqual([])
  })

  it('moves nitro.devProxy with the meaning Nitro gives it, and keeps routeRules proxies', async () => {
    const { config, sameorigin, plan, root } = initConfig(
      'nuxt',
      'nuxt.config.ts',
      `export default defineNuxtConfig({
  modules: ['@nuxt/eslint'],
  nitro: {
    devProxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: true },
      '/v2': 'http://localhost:9000/base',
    },
  },
  routeRules: {
    '/legacy/**': { proxy: 'http://localhost:7000/**' },
    '/': { prerender: true },
  },
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "export default defineNuxtConfig({
        modules: ['@nuxt/eslint', '@sameorigin/nuxt'],
        routeRules: {
          '/legacy/**': { proxy: 'http://localhost:7000/**' },
          '/': { prerender: true },
        },
      })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/nuxt'

      export default defineConfig({
        routes: {
          '/api': { target: 'http://localhost:8080', rewrite: '/:path*' },
          '/v2': 'http://localhost:9000/base',
        },
      })
      "
    `)
    expect(plan.kept).toMatchInlineSnapshot(`
      [
        {
          "from": "routeRules['/legacy/**'].proxy",
          "reason": "route rules proxy in the built app too, and sameorigin's routes serve development only; for development alone, write its route in the sameorigin config and delete the rule",
        },
      ]
    `)
    // Where Nitro 2's dev proxy sends a path (h3 mounts the key and strips it; httpxy appends the
    // rest to the target's path, nitrojs/nitro#1643), the moved route sends it too.
    writePlan(plan)
    const resolved = await loadWrittenConfig(root)
    const upstream = (path: string): string | undefined =>
      matchRequest(resolved, { method: 'GET', url: path, headers: {} })?.upstreamUrl.toString()
    expect(upstream('/api/users?id=1')).toBe('http://localhost:8080/users?id=1')
    expect(upstream('/v2/items')).toBe('http://localhost:9000/base/items')
  })
})
