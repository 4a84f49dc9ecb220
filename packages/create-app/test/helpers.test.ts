import { describe, expect, it } from 'vitest'
import { detectPackageManager } from '../src/detect-package-manager.ts'
import { formatNextSteps, isOlder } from '../src/format-next-steps.ts'
import { findTemplate } from '../src/templates.ts'
import { FALLBACK_PACKAGE_NAME, toPackageName } from '../src/to-package-name.ts'

describe('toPackageName', () => {
  it.each([
    ['my-app', 'my-app'],
    ['My App', 'my-app'],
    ['  spaced  ', 'spaced'],
    ['.hidden', 'hidden'],
    ['_private', 'private'],
    ['Ünïcode Café', 'unicode-cafe'],
    ['日本', FALLBACK_PACKAGE_NAME],
    ['a/b', 'a-b'],
    ['v1.2_beta~x', 'v1.2_beta~x'],
    ['!!!', FALLBACK_PACKAGE_NAME],
    ['', FALLBACK_PACKAGE_NAME],
    ['x'.repeat(215), FALLBACK_PACKAGE_NAME],
  ])('%j → %j', (folder, name) => {
    expect(toPackageName(folder)).toBe(name)
  })
})

describe('detectPackageManager', () => {
  it.each([
    ['npm/11.19.1 node/v20.20.2 linux x64 workspaces/false', 'npm'],
    ['pnpm/12.21.0 npm/? node/v20.20.2 linux x64', 'pnpm'],
    ['yarn/1.22.22 npm/? node/v20.20.2 linux x64', 'yarn'],
    ['bun/1.3.2 npm/? node/v24.3.0 linux x64', 'bun'],
    ['cnpm/9.0.0 node/v20.20.2', 'npm'],
    ['', 'npm'],
    [undefined, 'npm'],
  ])('%j → %s', (userAgent, manager) => {
    expect(detectPackageManager(userAgent)).toBe(manager)
  })
})

describe('formatNextSteps', () => {
  const template = findTemplate('vite-react')

  it.each([
    ['my-app', 'cd my-app'],
    ['../apps/my-app', 'cd ../apps/my-app'],
    ['My App', "cd 'My App'"],
    ["it's", "cd 'it'\\''s'"],
    ['~home', "cd '~home'"],
    ['$HOME', "cd '$HOME'"],
  ])('quotes %j for the shell', (cdPath, line) => {
    expect(
      formatNextSteps({ cdPath, packageManager: 'npm', template, nodeVersion: '20.19.0' }).split('\n')[0],
    ).toBe(line)
  })

  it('points a full-stack template at its server-rendered page, and warns on a Node below its minimum', () => {
    const nuxt = findTemplate('nuxt')
    const steps = (nodeVersion: string) =>
      formatNextSteps({ cdPath: 'app', packageManager: 'npm', template: nuxt, nodeVersion })
    expect(steps('24.21.0')).toContain('then open http://localhost:3000/ssr: the server renders')
    expect(steps('24.21.0')).not.toContain('needs Node')
    expect(steps('22.22.3')).not.toContain('needs Node')
    expect(steps('20.20.2')).toContain('Nuxt needs Node 22.22.3 or newer; this is Node 20.20.2.')
    expect(steps('22.9.0')).toContain('needs Node 22.22.3')
    // The templates that run on this package's own Node range never warn.
    expect(
      formatNextSteps({ cdPath: '', packageManager: 'npm', template, nodeVersion: '20.19.0' }),
    ).not.toMatch(/needs Node|\/ssr/)
  })
})

describe('isOlder', () => {
  it.each([
    ['20.20.2', '22.17.0', true],
    ['22.9.0', '22.17.0', true],
    ['22.17.0', '22.17.0', false],
    ['22.17.1', '22.17.0', false],
    ['24.0.0', '22.23.4', false],
  ])('%s before %s: %s', (a, b, older) => {
    expect(isOlder(a, b)).toBe(older)
  })
})
