import { readFileSync } from 'node:fs'
import type { DetectedProject } from '../project/detect-project.ts'
import { PLUGIN_PACKAGE } from '../project/detect-project.ts'
import { addPlugin, hasPlugin, wrapNextConfig } from './add-plugin.ts'
import type { ConfigModule } from './config-module.ts'
import { parseConfigModule, printConfigModule } from './config-module.ts'
import { createToolConfig } from './create-tool-config.ts'
import { fileChange, relativePath } from './file-change.ts'
import { findConfigExport, findConfigObject } from './find-config-object.ts'
import { findProxyEntries } from './find-proxy-entries.ts'
import { moveEntries } from './move-entries.ts'
import type { ToolEdit } from './tool-edit.ts'
import { planRouteHandler } from './plan-route-handler.ts'
import { planSvelteKitHooks } from './plan-sveltekit-hooks.ts'
import type { ModuleTool } from './plugin-wiring.ts'
import { editFailed, TOOL_LABEL } from './plugin-wiring.ts'
import { rewriteContainer } from './rewrite-container.ts'
import { openSameoriginConfig } from './sameorigin-config-file.ts'

/** Calls around the config object to look into, per tool (`defineConfig` always). */
const UNWRAP: Readonly<Partial<Record<ModuleTool, (callee: string) => boolean>>> = {
  // Next's plugins wrap the config: `withX(config)`.
  next: (name) => /^with[A-Z]/.test(name),
  nuxt: (name) => name === 'defineNuxtConfig',
  // Storybook 10's typed main: `export default defineMain({ ... })`.
  storybook: (name) => name === 'defineMain',
}

/** The tool config file as it is, or a new one with the plugin (Vite, Rsbuild, Next run without one). */
function openToolConfig(
  tool: ModuleTool,
  project: DetectedProject,
): { file: string; before: string | undefined; code: string } {
  if (project.configFile !== undefined) {
    const before = readFileSync(project.configFile, 'utf8')
    return { file: project.configFile, before, code: before }
  }
  const created = createToolConfig(tool, project.root)
  if (created === undefined)
    throw editFailed(
      tool,
      'esm',
      `No ${TOOL_LABEL[tool]} config file was found in ${project.root}`,
      undefined,
    )
  return { file: created.file, before: undefined, code: created.code }
}

function parse(tool: ModuleTool, file: string, code: string, configName: string): ConfigModule {
  try {
    return parseConfigModule(file, code)
  } catch (error) {
    throw editFailed(
      tool,
      'esm',
      `${configName} could not be parsed (${(error as Error).message})`,
      configName,
    )
  }
}

/**
 * init's edit of a tool whose config is a module: adds the plugin to it by a syntax-tree edit,
 * translates the tool's proxy entries and (when `move`) takes those that translate out of the tool
 * config and into the sameorigin config; Next's route handler and SvelteKit's server hook when needed.
 * @throws ProxyError `ERR_CLI_CONFIG_EDIT_FAILED` with the lines to add by hand when the config cannot
 * be edited with certainty.
 */
export function planModuleConfig(
  tool: ModuleTool,
  project: DetectedProject,
  options: { readonly move: boolean; readonly nextMode?: 'rewrites' | 'route' },
): ToolEdit {
  const cwd = project.root
  const { file: configPath, before, code } = openToolConfig(tool, project)
  const isNew = before === undefined
  const configName = relativePath(cwd, configPath)
  const config = parse(tool, configPath, code, configName)
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
  // Storybook reads no proxy entries of its own (its builders' `server.proxy` is what it ignores).
  const proxies =
    'problem' in located || tool === 'storybook'
      ? undefined
      : findProxyEntries(tool, located.object, { config, scope: located.scope, root: cwd })
  const sameorigin = openSameoriginConfig(cwd, config.style, PLUGIN_PACKAGE[tool])
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

  const toolAfter = isNew ? code : pluginAdded || moved.length > 0 ? printConfigModule(config) : code
  const files = [fileChange(cwd, configPath, before, toolAfter)]
  files.push(fileChange(cwd, sameorigin.file, sameorigin.before, sameorigin.print()))
  for (const file of routeHandler?.files ?? [])
    files.push(fileChange(cwd, file.file, file.before, file.after))
  // SvelteKit: the server hook answers the routes for the browser and for load functions' `fetch`.
  if (tool === 'sveltekit') {
    const hooks = planSvelteKitHooks(cwd, config.style)
    files.push(fileChange(cwd, hooks.file, hooks.before, hooks.after))
  }
  return {
    configName,
    files,
    moved,
    kept,
    movable,
    alreadySetUp,
    sameorigin,
    ...(routeHandler === undefined ? {} : { routeHandler }),
  }
}

/**
 * Storybook beside the app's own tool (a Vite or Next app with `.storybook/`): the addon added to
 * `.storybook/main.*`, which then reads the same `sameorigin.config.*` as the app.
 */
export function planStorybookAddon(
  project: DetectedProject,
  file: string,
): { readonly change: ReturnType<typeof fileChange>; readonly alreadySetUp: boolean } {
  const before = readFileSync(file, 'utf8')
  const configName = relativePath(project.root, file)
  const config = parse('storybook', file, before, configName)
  if (hasPlugin(config, 'storybook'))
    return { change: fileChange(project.root, file, before, before), alreadySetUp: true }
  const exported = findConfigExport(config)
  const located = 'problem' in exported ? exported : findConfigObject(config, exported, UNWRAP.storybook)
  if ('problem' in located)
    throw editFailed('storybook', config.format, `${configName}: ${located.problem}`, configName)
  const edit = addPlugin(config, 'storybook', located)
  if ('problem' in edit)
    throw editFailed('storybook', config.format, `${configName}: ${edit.problem}`, configName)
  if (edit.objectChanged) rewriteContainer(config, located.object, located.object.properties)
  return { change: fileChange(project.root, file, before, printConfigModule(config)), alreadySetUp: false }
}
