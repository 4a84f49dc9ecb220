// The machine, Node and the version of every package measured, read from the installed package.json
// files (including the proxy libraries the hosts use underneath).

import { readFileSync, realpathSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The package.json of `name` as installed for the dependency chain `via` (from bench/ down), read from
 * the node_modules folder that holds each link (pnpm puts a package's dependencies beside it; a
 * workspace package has its own node_modules). Many packages' `exports` hide package.json from
 * `require.resolve`, so this reads the files directly.
 * @param {string} name
 * @param {string[]} [via]
 */
function installedPackage(name, via = []) {
  let modules = fileURLToPath(new URL('../node_modules', import.meta.url))
  try {
    for (const link of via) {
      const dir = realpathSync(join(modules, link))
      modules = dir.includes('/node_modules/')
        ? dir.slice(0, dir.lastIndexOf('/node_modules/') + 13)
        : join(dir, 'node_modules')
    }
    return JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'))
  } catch {
    return undefined
  }
}

export function describeEnvironment() {
  const bench = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  const packages = Object.fromEntries(
    Object.keys(bench.devDependencies).map((name) => [name, installedPackage(name)?.version]),
  )
  // What actually proxies inside each host.
  packages['httpxy (in @sameorigin/core)'] = installedPackage('httpxy', ['@sameorigin/core'])?.version
  packages['http-proxy-3 (bundled in vite, declared range)'] =
    installedPackage('vite')?.devDependencies?.['http-proxy-3']
  packages['httpxy (in http-proxy-middleware)'] = installedPackage('httpxy', [
    'http-proxy-middleware',
  ])?.version
  const wds5Hpm = ['webpack-dev-server5', 'http-proxy-middleware']
  packages['http-proxy-middleware (in webpack-dev-server5)'] = installedPackage(
    'http-proxy-middleware',
    wds5Hpm.slice(0, 1),
  )?.version
  packages['http-proxy (in webpack-dev-server5)'] = installedPackage('http-proxy', wds5Hpm)?.version
  packages['http-proxy-middleware (in webpack-dev-server6)'] = installedPackage('http-proxy-middleware', [
    'webpack-dev-server6',
  ])?.version
  packages['http-proxy-middleware (bundled in @rsbuild/core, pinned)'] =
    installedPackage('@rsbuild/core')?.devDependencies?.['http-proxy-middleware']
  packages['@rspack/core (in @rsbuild/core)'] = installedPackage('@rspack/core', ['@rsbuild/core'])?.version
  for (const [key, version] of Object.entries(packages)) if (version === undefined) delete packages[key]
  return {
    cores: availableParallelism(),
    memoryGiB: totalmem() / 1024 ** 3,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: loadavg(),
    packages,
  }
}
