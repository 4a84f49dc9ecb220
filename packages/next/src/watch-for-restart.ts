import { relative, resolve } from 'node:path'
import process from 'node:process'
import type { LoadHostConfigOptions, Logger, SameOriginOptions } from '@sameorigin/core'
import { toConfigFiles, watchConfigFiles } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core/rules'

/** The file sets watched in this process: `next dev` asks for its rewrites once, but say it once anyway. */
const watched = new Set<string>()

/**
 * Native rewrites in `next dev`: Next asks for them once, at startup, and keeps them, so an edit of
 * the sameorigin config (or of an env file it reads) changes nothing until `next dev` restarts. Says
 * so once (`info`), and again (`warn`) whenever one of those files changes: nothing is reloaded.
 * Resolves once the files are watched; the watcher never keeps the process alive. This imports the
 * core's main entry: `withSameOrigin` imports it only once it loads the config.
 */
export function watchForRestart(
  logger: Logger,
  options: SameOriginOptions,
  host: LoadHostConfigOptions,
  resolved: ResolvedConfig,
): Promise<void> {
  const files = toConfigFiles(options, host, resolved)
  const key = files.join('\n')
  if (watched.has(key)) return Promise.resolve()
  watched.add(key)
  const root = resolve(host.root ?? process.cwd())
  const name = resolved.configFile === undefined ? 'sameorigin.config.*' : relative(root, resolved.configFile)
  logger.info(
    `sameorigin: Next computes rewrites once, when next dev starts: restart it after editing ${name} or its .env files ` +
      "(the route handler, mode: 'route', applies edits at once).",
  )
  const watcher = watchConfigFiles(files, (file) => {
    logger.warn(
      `sameorigin: ${relative(root, file)} changed: restart next dev to apply it (Next computes rewrites once, at startup).`,
    )
  })
  return watcher.ready
}
