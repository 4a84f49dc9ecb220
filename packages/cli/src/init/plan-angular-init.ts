import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { JSONPath, ParseError } from 'jsonc-parser'
import { applyEdits, modify, parse, printParseErrorCode } from 'jsonc-parser'
import type { DetectedProject } from '../project/detect-project.ts'
import { PLUGIN_PACKAGE } from '../project/detect-project.ts'
import { DEFAULT_STYLE } from './code-style.ts'
import { fileChange } from './file-change.ts'
import { moveEntries } from './move-entries.ts'
import type { FileChange } from './plan-init.ts'
import { ANGULAR_BUILDER, editFailed } from './plugin-wiring.ts'
import type { ProxyEntry } from './proxy-entry.ts'
import type { AngularProxyFile } from './read-angular-proxy-file.ts'
import { readAngularProxyFile } from './read-angular-proxy-file.ts'
import { openSameoriginConfig } from './sameorigin-config-file.ts'
import type { ToolEdit } from './tool-edit.ts'

/** Angular's own dev servers our builder takes the place of (it runs `@angular/build`'s). */
const DEV_SERVERS = new Set(['@angular/build:dev-server', '@angular-devkit/build-angular:dev-server'])
/** The build builders Angular's Vite dev server serves (the others are webpack's). */
const APPLICATION_BUILDERS = new Set([
  '@angular/build:application',
  '@angular-devkit/build-angular:application',
])

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A project's `serve` target in angular.json. */
interface ServeTarget {
  readonly project: string
  readonly path: JSONPath
  readonly target: Json
}

function findServeTargets(workspace: unknown): ServeTarget[] {
  const projects = isObject(workspace) && isObject(workspace.projects) ? workspace.projects : {}
  return Object.entries(projects).flatMap(([name, project]) => {
    if (!isObject(project)) return []
    const key = isObject(project.architect) ? 'architect' : 'targets'
    const serve = isObject(project[key]) ? (project[key] as Json).serve : undefined
    return isObject(serve) ? [{ project: name, path: ['projects', name, key, 'serve'], target: serve }] : []
  })
}

/** The builder of the build target `serve` names (`app:build:development`), when it can be read. */
function buildBuilderOf(workspace: Json, serve: Json): string | undefined {
  const options = isObject(serve.options) ? serve.options : {}
  const configurations = isObject(serve.configurations) ? Object.values(serve.configurations) : []
  const named = [options, ...configurations].map((entry) => (isObject(entry) ? entry.buildTarget : undefined))
  const buildTarget = named.find((value): value is string => typeof value === 'string')
  if (buildTarget === undefined) return undefined
  const [project, target] = buildTarget.split(':')
  const projects = isObject(workspace.projects) ? workspace.projects : {}
  const entry = project === undefined ? undefined : projects[project]
  const targets = isObject(entry) ? (isObject(entry.architect) ? entry.architect : entry.targets) : undefined
  const build = isObject(targets) && target !== undefined ? targets[target] : undefined
  return isObject(build) && typeof build.builder === 'string' ? build.builder : undefined
}

/** Why a serve target cannot take our builder, or `undefined` when it can. */
function refusal(workspace: Json, serve: ServeTarget): string | undefined {
  const builder = String(serve.target.builder)
  if (!DEV_SERVERS.has(builder))
    return `projects.${serve.project} serves with ${builder}, which ${ANGULAR_BUILDER} would replace`
  const build = buildBuilderOf(workspace, serve.target)
  if (build !== undefined && !APPLICATION_BUILDERS.has(build))
    return `projects.${serve.project} builds with ${build} (webpack); ${ANGULAR_BUILDER} runs Angular's application builder: migrate with ng update @angular/cli --name use-application-builder`
  return undefined
}

/** The `proxyConfig` files the serve targets name (options and configurations), relative to the workspace. */
function proxyConfigsOf(targets: readonly ServeTarget[]): string[] {
  const names = targets.flatMap(({ target }) =>
    [target.options, ...(isObject(target.configurations) ? Object.values(target.configurations) : [])].map(
      (entry) => (isObject(entry) ? entry.proxyConfig : undefined),
    ),
  )
  return [...new Set(names.filter((name): name is string => typeof name === 'string'))]
}

function readWorkspace(file: string, text: string): Json {
  const errors: ParseError[] = []
  const workspace: unknown = parse(text, errors, { allowTrailingComma: true })
  const [first] = errors
  if (first !== undefined || !isObject(workspace))
    throw editFailed(
      'angular',
      'esm',
      `angular.json could not be parsed (${first === undefined ? 'not an object' : `${printParseErrorCode(first.error)} at offset ${first.offset}`})`,
      'angular.json',
    )
  return workspace
}

/**
 * init on an Angular workspace: every `serve` target on Angular's dev server gets
 * `@sameorigin/angular:dev-server` as its builder (a JSON edit: the file keeps its layout), and the
 * entries of the `proxyConfig` files they name move into the sameorigin config (when `move`), those
 * that cannot staying where Angular's proxy keeps serving them after sameorigin's routes.
 * @throws ProxyError `ERR_CLI_CONFIG_EDIT_FAILED` when angular.json does not parse, has no serve
 * target, or serves with webpack or another builder: nothing is written, the line to change is said.
 */
export function planAngularInit(project: DetectedProject, options: { readonly move: boolean }): ToolEdit {
  const root = project.root
  const file = project.configFile ?? join(root, 'angular.json')
  if (!existsSync(file)) throw editFailed('angular', 'esm', `No angular.json was found in ${root}`, undefined)
  const before = readFileSync(file, 'utf8')
  const workspace = readWorkspace(file, before)
  const targets = findServeTargets(workspace)
  if (targets.length === 0)
    throw editFailed(
      'angular',
      'esm',
      'angular.json has no serve target (projects.<app>.architect.serve)',
      'angular.json',
    )
  const pending = targets.filter((serve) => serve.target.builder !== ANGULAR_BUILDER)
  const problem = pending.map((serve) => refusal(workspace, serve)).find((reason) => reason !== undefined)
  if (problem !== undefined) throw editFailed('angular', 'esm', problem, 'angular.json')
  let after = before
  for (const serve of pending)
    after = applyEdits(after, modify(after, [...serve.path, 'builder'], ANGULAR_BUILDER, {}))

  const sameorigin = openSameoriginConfig(root, DEFAULT_STYLE, PLUGIN_PACKAGE.angular)
  const proxyFiles: [string, AngularProxyFile][] = proxyConfigsOf(targets)
    .filter((name) => existsSync(join(root, name)))
    .map((name) => [name, readAngularProxyFile(join(root, name), name, root)])
  const entries: ProxyEntry[] = proxyFiles.flatMap(([, proxy]) => proxy.entries)
  const { moved, kept, movable } = moveEntries(entries, sameorigin, options.move)
  const files: FileChange[] = [
    fileChange(root, file, before, after),
    fileChange(root, sameorigin.file, sameorigin.before, sameorigin.print()),
    ...proxyFiles.map(([name, proxy]) => fileChange(root, join(root, name), proxy.before, proxy.print())),
  ]
  return {
    configName: 'angular.json',
    files,
    moved,
    kept,
    movable,
    alreadySetUp: pending.length === 0,
    sameorigin,
  }
}
