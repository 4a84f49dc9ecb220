import { createUnplugin } from 'unplugin'
import type { UnpluginInstance } from 'unplugin'
import { unpluginFactory } from './factory.ts'
import type { Options } from './types.ts'

/** The unplugin instance: `sameoriginUnplugin.vite(options)` is the Vite plugin. */
export const sameoriginUnplugin: UnpluginInstance<Options | undefined, false> =
  createUnplugin(unpluginFactory)
