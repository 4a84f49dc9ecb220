// Set by `source.define` (rsbuild.config.ts): the backend's own origin, from API_TARGET.
declare const process: { readonly env: { readonly BACKEND_ORIGIN: string } }

// Stylesheets are imported for their effect (Rsbuild adds them to the page).
declare module '*.css'
