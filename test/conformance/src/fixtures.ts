import { fileURLToPath } from 'node:url'

/** The fixture every scenario serves unless it names another: an app with one `index.html`. */
export const APP_FIXTURE: string = fileURLToPath(new URL('../fixtures/app', import.meta.url))

/** Every fixture directory (the global setup builds each once for `vite-preview`). */
export const FIXTURES: readonly string[] = [APP_FIXTURE]
