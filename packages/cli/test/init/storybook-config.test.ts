// `sameorigin init` on Storybook projects as `npm create storybook` (Storybook 10) writes
// .storybook/main.ts: the addon in `addons`, alone or beside the app's own tool.
import { describe, expect, it } from 'vitest'
import { planInit } from '../../src/init/plan-init.ts'
import { detectProject } from '../../src/project/detect-project.ts'
import { after, makeProject, packageJsonFor, VERSION, writePlan } from './_project.ts'

const STORYBOOK_MAIN = `import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  "stories": [
    "../src/**/*.mdx",
    "../src/**/*.stories.@(js|jsx|mjs|ts|tsx)"
  ],
  "addons": [
    "@chromatic-com/storybook",
    "@storybook/addon-docs"
  ],
  "framework": "@storybook/react-vite"
};
export default config;
`

describe('storybook', () => {
  it('wires a component library whose only dev server is Storybook', () => {
    const root = makeProject({
      'package.json': packageJsonFor('storybook', { scripts: { storybook: 'storybook dev -p 6006' } }),
      '.storybook/main.ts': STORYBOOK_MAIN,
    })
    expect(detectProject(root).tool).toBe('storybook')
    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(plan.files.map((file) => file.path)).toEqual([
      '.storybook/main.ts',
      'sameorigin.config.ts',
      'package.json',
    ])
    expect(after(plan, '.storybook/main.ts')).toMatchInlineSnapshot(`
      "import type { StorybookConfig } from '@storybook/react-vite';

      const config: StorybookConfig = {
        "stories": [
          "../src/**/*.mdx",
          "../src/**/*.stories.@(js|jsx|mjs|ts|tsx)"
        ],
        "addons": [
          "@chromatic-com/storybook",
          "@storybook/addon-docs",
          "@sameorigin/storybook"
        ],
        "framework": "@storybook/react-vite"
      };
      export default config;
      "
    `)
    expect(after(plan, 'sameorigin.config.ts')).toMatch(/from ["']@sameorigin\/storybook["']/)
    expect(JSON.parse(after(plan, 'package.json')).devDependencies['@sameorigin/storybook']).toBe('^1.2.3')
    expect(plan.nextSteps).toContain('Start the dev server: npm run storybook')
    writePlan(plan)
    expect(planInit({ cwd: root, move: true, version: VERSION }).alreadySetUp).toBe(true)
  })

  it("adds the addon beside a Vite app's plugin: one sameorigin.config for both dev servers", () => {
    const root = makeProject({
      'package.json': packageJsonFor('storybook', { scripts: { dev: 'vite', storybook: 'storybook dev' } }),
      'vite.config.ts': "import { defineConfig } from 'vite'\n\nexport default defineConfig({})\n",
      '.storybook/main.ts': STORYBOOK_MAIN,
    })
    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(plan.tool).toBe('vite')
    expect(after(plan, 'vite.config.ts')).toContain('plugins: [sameorigin()]')
    expect(after(plan, '.storybook/main.ts')).toContain('"@sameorigin/storybook"')
    const json = JSON.parse(after(plan, 'package.json'))
    expect(Object.keys(json.devDependencies)).toEqual(
      expect.arrayContaining(['@sameorigin/vite', '@sameorigin/storybook']),
    )
    expect(plan.nextSteps).toContain('Storybook forwards the same routes: npm run storybook')
    writePlan(plan)
    const again = planInit({ cwd: root, move: true, version: VERSION })
    expect(again.alreadySetUp).toBe(true)
    expect(again.files.filter((file) => file.action !== 'unchanged')).toEqual([])
  })

  it('reads defineMain, and refuses an addons list computed at run time with the line to add', () => {
    const typed = makeProject({
      'package.json': packageJsonFor('storybook'),
      '.storybook/main.ts': `import { defineMain } from '@storybook/react-vite/node'

export default defineMain({
  stories: ['../src/**/*.stories.tsx'],
  framework: '@storybook/react-vite',
})
`,
    })
    expect(after(planInit({ cwd: typed, move: true, version: VERSION }), '.storybook/main.ts')).toContain(
      "addons: ['@sameorigin/storybook']",
    )
    const computed = makeProject({
      'package.json': packageJsonFor('storybook'),
      '.storybook/main.ts':
        "export default { stories: [], addons: getAddons(), framework: '@storybook/react-vite' }\n",
    })
    expect(() => planInit({ cwd: computed, move: true, version: VERSION })).toThrow(
      /`addons` is `getAddons\(\)`, not an array literal[\s\S]*addons: \['@sameorigin\/storybook'\]/,
    )
  })
})
