import type { UserConfig } from '@sameorigin/core'
import { resolveConfig } from '@sameorigin/core'
import type { ExportInput } from '../../src/export/types.ts'

/** A renderer's input for `config` on https://app.example.com, with the files the user already has. */
export function exportInput(
  target: string,
  config: UserConfig,
  existing?: Readonly<Record<string, string>>,
): ExportInput {
  return {
    config: resolveConfig(config),
    origin: new URL('https://app.example.com'),
    staticDir: undefined,
    listen: undefined,
    mode: 'production',
    command: `sameorigin export ${target} --origin https://app.example.com`,
    ...(existing === undefined ? {} : { existing }),
  }
}
