// `sameorigin init` on Angular workspaces as `ng new` (Angular CLI 22) writes them: the serve
// target's builder switched in angular.json, proxy.conf.json entries moved.
import { matchRequest } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import { planInit } from '../../src/init/plan-init.ts'
import { detectProject } from '../../src/project/detect-project.ts'
import { after, loadWrittenConfig, makeProject, packageJsonFor, VERSION, writePlan } from './_project.ts'

/** angular.json of `ng new demo --minimal` (its schematics defaults left out), with `serve` as given. */
function workspace(serve: object, build = '@angular/build:application'): string {
  const json = {
    $schema: './node_modules/@angular/cli/lib/config/schema.json',
    version: 1,
    newProjectRoot: 'projects',
    projects: {
      demo: {
        projectType: 'application',
        root: '',
        sourceRoot: 'src',
        prefix: 'app',
        architect: {
          build: { builder: build, options: { browser: 'src/main.ts', tsConfig: 'tsconfig.app.json' } },
          serve: {
            builder: '@angular/build:dev-server',
            configurations: {
              production: { buildTarget: 'demo:build:production' },
              development: { buildTarget: 'demo:build:development' },
            },
            defaultConfiguration: 'development',
            ...serve,
          },
        },
      },
    },
  }
  return `${JSON.stringify(json, null, 2)}\n`
}

const PROXY_CONF = `{
  "/api": {
    "target": "http://localhost:3000",
    "secure": false,
    "changeOrigin": true
  },
  "/socket": { "target": "ws://localhost:3000", "ws": true },
  "^/legacy": { "target": "http://localhost:4000" }
}
`

describe('angular', () => {
  it('detects ng new output by @angular/build and switches the serve builder, keeping the file as written', () => {
    const root = makeProject({ 'package.json': packageJsonFor('angular'), 'angular.json': workspace({}) })
    expect(detectProject(root).tool).toBe('angular')
    const plan = planInit({ cwd: root, move: true, version: VERSION })
    const before = workspace({})
    expect(after(plan, 'angular.json')).toBe(
      before.replace('"builder": "@angular/build:dev-server"', '"builder": "@sameorigin/angular:dev-server"'),
    )
    expect(after(plan, 'sameorigin.config.ts')).toContain(
      "import { defineConfig } from '@sameorigin/angular'",
    )
    expect(JSON.parse(after(plan, 'package.json')).devDependencies['@sameorigin/angular']).toBe('^1.2.3')
    expect(plan.nextSteps).toContain(
      "Add your backend's routes to sameorigin.config.ts, e.g. '/api': 'http://127.0.0.1:8080'",
    )
    writePlan(plan)
    const again = planInit({ cwd: root, move: true, version: VERSION })
    expect(again.alreadySetUp).toBe(true)
    expect(again.files.filter((file) => file.action !== 'unchanged')).toEqual([])
  })

  it('moves the proxyConfig entries that translate and leaves the others to Angular', async () => {
    const root = makeProject({
      'package.json': packageJsonFor('angular', { scripts: { start: 'ng serve' } }),
      'angular.json': workspace({ options: { proxyConfig: 'proxy.conf.json' } }),
      'proxy.conf.json': PROXY_CONF,
    })
    const plan = planInit({ cwd: root, move: true, version: VERSION })
    expect(plan.moved.map((entry) => entry.from)).toEqual([
      "proxy.conf.json['/api']",
      "proxy.conf.json['/socket']",
    ])
    expect(plan.kept).toEqual([
      {
        from: "proxy.conf.json['^/legacy']",
        reason: "the path filter '^/legacy' is a glob sameorigin reads differently",
      },
    ])
    expect(after(plan, 'proxy.conf.json')).toBe(`{
  "^/legacy": { "target": "http://localhost:4000" }
}
`)
    expect(plan.nextSteps).toContain('Start the dev server: npm run start')
    writePlan(plan)
    const resolved = await loadWrittenConfig(root)
    const upstream = (path: string): string | undefined =>
      matchRequest(resolved, { method: 'GET', url: path, headers: {} })?.upstreamUrl.toString()
    expect(upstream('/api/users?id=1')).toBe('http://localhost:3000/api/users?id=1')
    expect(resolved.routes.find((route) => route.id === '/socket')?.ws).toBe(true)
    expect(upstream('/legacy/x')).toBeUndefined()
  })

  it('refuses a webpack build with the migration to run, and writes nothing', () => {
    const root = makeProject({
      'package.json': packageJsonFor('angular'),
      'angular.json': workspace({}, '@angular-devkit/build-angular:browser'),
    })
    expect(() => planInit({ cwd: root, move: true, version: VERSION })).toThrow(
      /builds with @angular-devkit\/build-angular:browser \(webpack\).*ng update @angular\/cli --name use-application-builder[\s\S]*"builder": "@sameorigin\/angular:dev-server"/,
    )
  })

  it('names the file and the problem when angular.json does not parse', () => {
    const root = makeProject({ 'package.json': packageJsonFor('angular'), 'angular.json': '{ "projects": ' })
    expect(() => planInit({ cwd: root, move: true, version: VERSION })).toThrow(
      /angular.json could not be parsed/,
    )
  })
})
