// Set by webpack's DefinePlugin (webpack.config.mjs): the backend's own origin, from API_TARGET.
declare const process: { readonly env: { readonly BACKEND_ORIGIN: string } }

// Stylesheets are imported for their effect (webpack's `experiments.css` adds them to the page).
declare module '*.css'
