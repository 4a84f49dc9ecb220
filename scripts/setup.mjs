#!/usr/bin/env node
// Makes a fresh clone ready on a machine that has only Node and npm:
//   1. checks the Node version,
//   2. installs the workspace with the pinned pnpm (fetched once through npx; afterwards the
//      workspace's own node_modules/.bin/pnpm is used),
//   3. with --browser: finds Chromium for the browser tests, with --servers nginx and Caddy for the
//      production targets' tests, or installs Debian's packages,
//   4. with --node24: installs Node 24 from the npm registry into .tmp/node24 for the tests that run
//      webpack-dev-server 6 (it declares Node >= 22.15; the machines run Node 20).
// The root `demo` and `test` scripts run it first; it is safe to run again (a no-op when ready).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import process from 'node:process'

const root = new URL('..', import.meta.url)
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '')

function fail(message) {
  process.stderr.write(`\nsetup: ${message}\n`)
  process.exit(1)
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options })
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`)
  if (result.status !== 0) fail(`\`${[cmd, ...args].join(' ')}\` exited with ${result.status}`)
}

// 1. Node: the same range as Vite 8.
const [major, minor] = process.versions.node.split('.').map(Number)
if (!((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22)) {
  fail(`Node ${process.versions.node} is not supported: use ^20.19.0 || >=22.12.0.`)
}

// 2. pnpm and the workspace.
const localPnpm = new URL('node_modules/.bin/pnpm', root)
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1' }
if (existsSync(localPnpm)) {
  run(localPnpm.pathname, ['install', '--reporter=append-only'], { env })
} else {
  process.stdout.write(`setup: installing the workspace with pnpm ${pnpmVersion} (via npx)\n`)
  run('npx', ['--yes', `pnpm@${pnpmVersion}`, 'install', '--reporter=append-only'], { env })
}

// 3. Debian packages the tests run for real: Chromium (--browser) for the browser tests, nginx and
//    Caddy (--servers) for the production targets `sameorigin export` and `cors-policy` write for.
//    Found when present; otherwise installed with apt-get in one go (as root, or with passwordless sudo).
const wanted = [
  ...(process.argv.includes('--browser')
    ? [{ name: 'chromium', find: findChromium, for: 'browser tests' }]
    : []),
  ...(process.argv.includes('--servers')
    ? [
        { name: 'nginx', find: () => findBinary('nginx', ['/usr/sbin/nginx']), for: 'nginx export tests' },
        { name: 'caddy', find: () => findBinary('caddy', ['/usr/bin/caddy']), for: 'Caddy export tests' },
      ]
    : []),
]
const missing = wanted.filter((item) => !item.find())
if (missing.length > 0) {
  const names = missing.map((item) => item.name)
  const asRoot = process.getuid?.() === 0
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    fail(
      `${names.join(' and ')} ${names.length === 1 ? 'was' : 'were'} not found and this user cannot install ${names.length === 1 ? 'it' : 'them'}.\n` +
        `Install with \`sudo apt-get install -y ${names.join(' ')}\`` +
        (names.includes('chromium') ? ', or set CHROMIUM_PATH to a Chromium binary.' : '.'),
    )
  }
  process.stdout.write(`setup: installing Debian's ${names.join(', ')} for the tests\n`)
  const aptEnv = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }
  const apt = (...args) =>
    asRoot
      ? run('apt-get', args, aptEnv)
      : run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args])
  apt('update', '-qq')
  apt('install', '-y', '-qq', ...names)
}
for (const item of wanted) {
  const found = item.find()
  if (!found) fail(`apt-get installed ${item.name}, but no ${item.name} binary was found afterwards.`)
  process.stdout.write(`setup: ${item.for} use ${found}\n`)
}

// 4. Node 24 for webpack-dev-server 6 (`npm i node@24` puts the platform binary in node_modules/.bin).
if (process.argv.includes('--node24')) {
  const dir = new URL('.tmp/node24/', root)
  const bin = new URL('node_modules/.bin/node', dir)
  if (!existsSync(bin) || !versionOf(bin.pathname).startsWith('v24.')) {
    process.stdout.write(
      'setup: installing Node 24 from the npm registry into .tmp/node24 (for webpack-dev-server 6)\n',
    )
    mkdirSync(dir, { recursive: true })
    if (!existsSync(new URL('package.json', dir))) {
      writeFileSync(new URL('package.json', dir), '{ "private": true }\n')
    }
    run('npm', ['install', '--no-audit', '--no-fund', '--silent', 'node@24'], { cwd: dir })
    if (!existsSync(bin)) fail('npm installed node@24, but .tmp/node24/node_modules/.bin/node is missing.')
  }
  process.stdout.write(`setup: webpack-dev-server 6 tests use ${bin.pathname} (${versionOf(bin.pathname)})\n`)
}

function versionOf(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

function findChromium() {
  return findBinary('chromium || command -v chromium-browser', [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ])
}

/** The first existing path of `candidates`, else what `command -v <name>` finds, else undefined. */
function findBinary(name, candidates) {
  for (const path of candidates) {
    if (path && existsSync(path)) return path
  }
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}
