// `modules: ['@sameorigin/nuxt']` is the whole setup: the routes come from sameorigin.config.ts.
export default defineNuxtConfig({
  compatibilityDate: '2026-12-01',
  modules: ['@sameorigin/nuxt'],
  runtimeConfig: {
    public: {
      // For the "directly" button only: the backend's own origin (the same API_TARGET the route reads).
      backendOrigin: process.env.API_TARGET ?? 'http://127.0.0.1:4020',
    },
  },
  devtools: { enabled: false },
  telemetry: false,
})
