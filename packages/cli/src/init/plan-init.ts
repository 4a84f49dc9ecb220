import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { createError } from '@sameorigin/core'
import type { DetectedProject, Tool } from '../project/detect-project.ts'
import { detectProject } from '../project/detect-project.ts'
import { addPlugin, hasPlugin, wrapNextConfig } from './add-plugin.ts'
import type { ConfigModule } from './config-module.ts'
import { parseConfigModule, printConfigModule } from './config-module.ts'
import { createToolConfig } from './create-tool-config.ts'
import { addDependencies, chooseDependencyField } from './edit-package-json.ts'
import { findConfigExport, findConfigObject } from './find-config-object.ts'
import { findProxyEntries } from './find-proxy-entries.ts'
import type { KeptEntry, MovedEntry } from './move-entries.ts'
import { moveEntries } from './move-entries.ts'
import { planNextSteps } from './plan-next-steps.ts'
import { editFailed, PLUGIN_WIRING, TOOL_LABEL } from './plugin-wiring.ts'
import { rewriteContainer } from './rewrite-container.ts'
import { openSameoriginConfig } from './sameorigin-config-file.ts'
import type { RouteHandlerPlan } from './plan-route-handler.ts'
import { planRouteHandler } from './plan-route-handler.ts'
import { planSvelteKitHooks } from './plan-sveltekit-hooks.ts'
import { fileChange, relativePath } from './file-change.ts'

/** Calls around the config object to look into, per tool (`defineConfig` always). */
const UNWRAP: Readonly<Partial<Record<Tool, (callee: string) => boolean>>> = {
  // Next's plugins wrap the config: `withX(config)`.
  next: (name) => /^with[A-Z]/.test(name),
  nuxt: (name) => name === 'defineNuxtConfig',
}

/** What `sameorigin init` is asked to do. */
export interface InitOptions {
  /** The project folder. */
  readonly cwd: string
  /** The tool, instead of detecting it. */
  readonly tool?: Tool
  /** Move the tool's proxy entries into `sameorigin.config.ts` (the user agreed, or `--yes`). */
  readonly move: boolean
  /** The range added to package.json is `^version`. */
  readonly version: string
  /** Where the package manager is read from when there is no lockfile (`npm_config_user_agent`). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /**
   * Next: `'route'` (the default) uses the route handler when the moved routes need what native
   * rewrites drop (cookie or redirect rewriting, headers...); `'rewrites'` keeps rewrites anyway.
   */
  readonly nextMode?: 'rewrites' | 'route'
}

/** One file init writes (or would write). */
export interface FileChange {
  /** Relative to the folder init runs in. */
  readonly path: string
  readonly absolutePath: string
  readonly action: 'created' | 'modified' | 'unchanged'
  /** A unified diff (empty when unchanged). */
  readonly diff: string
  readonly after: string
}

/** Everything init decided, before anything is written. */
export interface InitPlan {
  readonly tool: Tool
  readonly project: DetectedProject
  /** The tool config file, relative to `cwd`. */
  readonly configFile: string
  readonly files: readonly FileChange[]
  readonly moved: readonly MovedEntry[]
  readonly kept: readonly KeptEntry[]
  /** Entries that can move but were not asked to (`move: false`). */
  readonly movable: number
  /** The plugin was already in the config. */
  readonly alreadySetUp: boolean
  /** Next only, when the moved routes need what native rewrites drop: route mode and its files. */
  readonly routeHandler?: RouteHandlerPlan
  readonly nextSteps: readonly string[]
}

/**
 * Decides every change of `sameorigin init` without writing: detects the tool, adds the plugin to its
 * config by a syntax-tree edit, translates the tool's proxy entries and (when `move`) takes those
 * that translate out of the tool config and into the sameorigin config, and adds the dependencies.
 * @throws ProxyError `ERR_CLI_PROJECT_NOT_DETECTED` when no tool (or no package.json) is found,
 * `ERR_CLI_CONFIG_EDIT_FAILED` with the lines to add by hand when the config cannot be edited with
 * certainty.
 */
export function planInit(options: InitOptions): InitPlan {
  const { cwd } = options
  const project = detectProject(cwd, {
    ...(options.tool === undefined ? {} : { tool: options.tool }),
    env: options.env ?? {},
  })
  const { tool, packageJsonFile } = project
  if (tool === undefined) {
    throw createError('ERR_CLI_PROJECT_NOT_DETECTED', {
      message: `No Vite, webpack, Rspack, Rsbuild, Next, SvelteKit, Nuxt, Astro or React Router project was found in ${cwd}.`,
    })
  }
  if (packageJsonFile === undefined) {
    throw createError('ERR_CLI_PROJECT_NOT_DETECTED', {
      message: `There is no package.json in ${cwd}; init adds the dependency to it.`,
      hint: 'Run the command in the folder of your app (where package.json is).',
    })
  }
  // A tool that runs without a config file (Vite, Rsbuild, Next) gets a new one with the plugin.
  let configPath: string
  let before: string | undefined
  let code: string
  if (project.configFile === undefined) {
    const created = createToolConfig(tool, cwd)
    if (created === undefined)
      throw editFailed(tool, 'esm', `No ${TOOL_LABEL[tool]} config file was found in ${cwd}`, undefined)
    configPath = created.file
    code = created.code
  } else {
    configPath = project.configFile
    before = readFileSync(configPath, 'utf8')
    code = before
  }
  const isNew = before === undefined
  const configName = relativePath(cwd, configPath)

  let config: ConfigModule
  try {
    config = parseConfigModule(configPath, code)
  } catch (error) {
    throw editFailed(
      tool,
      'esm',
      `${configName} could not be parsed (${(error as Error).message})`,
      configName,
    )
  }
  const alreadySetUp = !isNew && hasPlugin(config, tool)
  const exported = findConfigExport(config)
  const located = 'problem' in exported ? exported : findConfigObject(config, exported, UNWRAP[tool])
  // A config that cannot take the plugin fails before anything else is decided.
  if (!alreadySetUp && !isNew) {
    const problem =
      tool === 'next'
        ? 'problem' in exported
          ? exported.problem
          : undefined
        : 'problem' in located
          ? located.problem
          : undefined
    if (problem !== undefined) throw editFailed(tool, config.format, `${configName}: ${problem}`, configName)
  }

  const proxies =
    'problem' in located
      ? undefined
      : findProxyEntries(tool, located.object, { config, scope: located.scope, root: cwd })
  const sameorigin = openSameoriginConfig(cwd, config.style, PLUGIN_WIRING[tool].from)
  const { moved, kept, movable, drafts } = moveEntries(proxies?.entries ?? [], sameorigin, options.move)
  const routeHandler =
    tool === 'next' && !alreadySetUp && !isNew
      ? planRouteHandler(cwd, drafts, config.style, options.nextMode !== 'rewrites')
      : undefined
  // Removals first, then the plugin: both may change the config object, which is written once.
  let objectChanged = moved.length > 0 && proxies !== undefined && proxies.tidy()
  let pluginAdded = isNew
  if (!alreadySetUp && !isNew) {
    const edit =
      tool === 'next'
        ? wrapNextConfig(
            config,
            exported as Exclude<typeof exported, { problem: string }>,
            routeHandler?.chosen === true ? 'route' : 'rewrites',
          )
        : addPlugin(config, tool, located as Exclude<typeof located, { problem: string }>)
    if ('problem' in edit) throw editFailed(tool, config.format, `${configName}: ${edit.problem}`, configName)
    objectChanged ||= edit.objectChanged
    pluginAdded = true
  }
  if (objectChanged && !('problem' in located))
    rewriteContainer(config, located.object, located.object.properties)

  const files: FileChange[] = []
  const toolAfter = isNew ? code : pluginAdded || moved.length > 0 ? printConfigModule(config) : code
  files.push(fileChange(cwd, configPath, before, toolAfter))
  files.push(fileChange(cwd, sameorigin.file, sameorigin.before, sameorigin.print()))
  for (const file of routeHandler?.files ?? [])
    files.push(fileChange(cwd, file.file, file.before, file.after))
  // SvelteKit: the server hook answers the routes for the browser and for load functions' `fetch`.
  if (tool === 'sveltekit') {
    const hooks = planSvelteKitHooks(cwd, config.style)
    files.push(fileChange(cwd, hooks.file, hooks.before, hooks.after))
  }

  const packageBefore = readFileSync(packageJsonFile, 'utf8')
  const wanted: Record<string, string> = { [PLUGIN_WIRING[tool].from]: `^${options.version}` }
  // The core is needed in the app when its own sameorigin.config imports defineConfig from it; a
  // config higher up (a monorepo root) belongs to the package that holds it.
  if (dirname(sameorigin.file) === cwd && sameorigin.importsCore())
    wanted['@sameorigin/core'] = `^${options.version}`
  let packageEdit
  try {
    packageEdit = addDependencies(packageBefore, wanted, chooseDependencyField(tool, packageBefore))
  } catch (error) {
    throw createError('ERR_CLI_CONFIG_EDIT_FAILED', {
      message: `package.json could not be read as JSON (${(error as Error).message}).`,
      hint: `Fix package.json, or add ${Object.keys(wanted).join(' and ')} to its dependencies by hand.`,
    })
  }
  files.push(fileChange(cwd, packageJsonFile, packageBefore, packageEdit.text))

  const nextSteps = planNextSteps({
    tool,
    project,
    packageJsonText: packageEdit.text,
    installNeeded: packageEdit.added.length > 0,
    movable,
    refused: kept.length - movable,
    configName,
    emptyConfig: sameorigin.before === undefined && moved.length === 0,
    sameoriginName: relativePath(cwd, sameorigin.file),
    nextRewrites: tool === 'next' && routeHandler?.chosen !== true,
  })
  return {
    tool,
    project,
    configFile: configName,
    files,
    moved,
    kept,
    movable,
    alreadySetUp,
    ...(routeHandler === undefined ? {} : { routeHandler }),
    nextSteps,
  }
}
