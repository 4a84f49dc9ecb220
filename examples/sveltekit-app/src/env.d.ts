/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The backend's own origin (`API_TARGET`'s), set by `define` in vite.config.ts. */
  readonly VITE_BACKEND_ORIGIN: string
}
