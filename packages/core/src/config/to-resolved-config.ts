import { createError } from '../errors/proxy-error.ts'
import { describeValue } from '../internal/describe-value.ts'
import { formatIssues } from '../rules/format-issues.ts'
import type { ConfigIssue, ResolvedConfig, UserConfig } from '../types.ts'
import type { ResolveConfigOptions } from './resolve-config.ts'
import { isResolvedConfig, resolveConfig } from './resolve-config.ts'

/**
 * What `createProxy` and `createProxyServer` were given, as a {@link ResolvedConfig}: the result of
 * `resolveConfig` / `loadConfig` as is, a user config (`{ routes: { … } }`) resolved here (every problem
 * at once, `ERR_CONFIG_INVALID`), anything else one `ERR_CONFIG_INVALID` naming what was passed.
 * @example toResolvedConfig({ routes: { '/api': 'http://127.0.0.1:8080' } }, 'createProxy')
 */
export function toResolvedConfig(
  config: UserConfig | ResolvedConfig,
  caller: string,
  options: ResolveConfigOptions = {},
): ResolvedConfig {
  if (isResolvedConfig(config)) return config
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    const issue: ConfigIssue = {
      code: 'ERR_CONFIG_VALUE_INVALID',
      severity: 'error',
      path: 'config',
      message: `${caller}(config) takes a config ({ routes: … }) or what resolveConfig() / loadConfig() return, got ${describeValue(config)}`,
      fix: `${caller}({ routes: { '/api': 'http://127.0.0.1:8080' } })`,
    }
    throw createError('ERR_CONFIG_INVALID', { issues: [issue], message: formatIssues([issue]) })
  }
  return resolveConfig(config as UserConfig, options)
}
