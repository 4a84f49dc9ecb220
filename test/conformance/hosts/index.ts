import type { Host } from '../src/types.ts'
import { coreServer } from './core-server.ts'
import { viteDev } from './vite-dev.ts'
import { vitePreview } from './vite-preview.ts'

/** Every host, in the order of the README table's columns. Add a new host here. */
export const HOSTS: readonly Host[] = [coreServer, viteDev, vitePreview]

export { coreServer, viteDev, vitePreview }
