import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { createError } from '@sameorigin/core'
import type { DetectedProject, Tool } from '../project/detect-project.ts'
import { detectProject, PLUGIN_PACKAGE } from '../project/detect-project.ts'
import { addDependencies, chooseDependencyField } from './edit-package-json.ts'
import type { KeptEntry, MovedEntry } from './move-entries.ts'
import { planAngularInit } from './plan-angular-init.ts'
import { planModuleConfig, planStorybookAddon } from './plan-module-config.ts'
import { planNextSteps } from './plan-next-steps.ts'
import type { RouteHandlerPlan } from './plan-route-handler.ts'
import { fileChange, relativePath } from './file-change.ts'
import type { ToolEdit } from './tool-edit.ts'

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
  /** The plugin was already in the config (and the Storybook addon, when the project has Storybook). */
  readonly alreadySetUp: boolean
  /** Next only, when the moved routes need what native rewrites drop: route mode and its files. */
  readonly routeHandler?: RouteHandlerPlan
  readonly nextSteps: readonly string[]
}

/** The project's tool, or `ERR_CLI_PROJECT_NOT_DETECTED` saying what is missing. */
function detect(options: InitOptions): DetectedProject & { tool: Tool; packageJsonFile: string } {
  const { cwd } = options
  const project = detectProject(cwd, {
    ...(options.tool === undefined ? {} : { tool: options.tool }),
    env: options.env ?? {},
  })
  const { tool, packageJsonFile } = project
  if (tool === undefined) {
    throw createError('ERR_CLI_PROJECT_NOT_DETECTED', {
      message: `No Vite, webpack, Rspack, Rsbuild, Next, SvelteKit, Nuxt, Astro, React Router, Angular or Storybook project was found in ${cwd}.`,
    })
  }
  if (packageJsonFile === undefined) {
    throw createError('ERR_CLI_PROJECT_NOT_DETECTED', {
      message: `There is no package.json in ${cwd}; init adds the dependency to it.`,
      hint: 'Run the command in the folder of your app (where package.json is).',
    })
  }
  return { ...project, tool, packageJsonFile }
}

/**
 * Decides every change of `sameorigin init` without writing: detects the tool, wires sameorigin into
 * its config (a syntax-tree edit of a config module, a JSON edit of angular.json), translates the
 * tool's proxy entries and (when `move`) takes those that translate out of the tool config and into
 * the sameorigin config, adds the Storybook addon when the project also has `.storybook/`, and adds
 * the dependencies.
 * @throws ProxyError `ERR_CLI_PROJECT_NOT_DETECTED` when no tool (or no package.json) is found,
 * `ERR_CLI_CONFIG_EDIT_FAILED` with the lines to add by hand when a config cannot be edited with
 * certainty.
 */
export function planInit(options: InitOptions): InitPlan {
  const project = detect(options)
  const { tool, packageJsonFile, root: cwd } = project
  const edit: ToolEdit =
    tool === 'angular'
      ? planAngularInit(project, options)
      : planModuleConfig(tool, project, {
          move: options.move,
          ...(options.nextMode === undefined ? {} : { nextMode: options.nextMode }),
        })
  // Storybook beside the app: its dev server reads the same sameorigin.config.
  const storybook =
    tool !== 'storybook' && project.storybookConfig !== undefined
      ? planStorybookAddon(project, project.storybookConfig)
      : undefined
  const files: FileChange[] = [...edit.files, ...(storybook === undefined ? [] : [storybook.change])]

  const packageBefore = readFileSync(packageJsonFile, 'utf8')
  const wanted: Record<string, string> = { [PLUGIN_PACKAGE[tool]]: `^${options.version}` }
  if (storybook !== undefined) wanted[PLUGIN_PACKAGE.storybook] = `^${options.version}`
  // The core is needed in the app when its own sameorigin.config imports defineConfig from it; a
  // config higher up (a monorepo root) belongs to the package that holds it.
  if (dirname(edit.sameorigin.file) === cwd && edit.sameorigin.importsCore())
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
    movable: edit.movable,
    refused: edit.kept.length - edit.movable,
    configName: edit.configName,
    emptyConfig: edit.sameorigin.before === undefined && edit.moved.length === 0,
    sameoriginName: relativePath(cwd, edit.sameorigin.file),
    nextRewrites: tool === 'next' && edit.routeHandler?.chosen !== true,
    storybook: storybook !== undefined,
  })
  return {
    tool,
    project,
    configFile: edit.configName,
    files,
    moved: edit.moved,
    kept: edit.kept,
    movable: edit.movable,
    alreadySetUp: edit.alreadySetUp && (storybook?.alreadySetUp ?? true),
    ...(edit.routeHandler === undefined ? {} : { routeHandler: edit.routeHandler }),
    nextSteps,
  }
}
