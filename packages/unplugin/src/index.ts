// The public API of unplugin-sameorigin, listed by name. The default export is the unplugin instance,
// as the unplugin conventions have it; each bundler's plugin is also its own subpath
// (`unplugin-sameorigin/vite`).
export { unpluginFactory } from './factory.ts'
export { sameoriginUnplugin, sameoriginUnplugin as default } from './unplugin.ts'
export type { Options } from './types.ts'
