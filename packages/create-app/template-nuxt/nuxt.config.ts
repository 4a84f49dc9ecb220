// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  // '@sameorigin/nuxt' reads sameorigin.config.ts: the routes answer the browser's requests on Nitro's
  // dev server, and useFetch / $fetch during server rendering, with the page request's cookies.
  modules: ['@sameorigin/nuxt'],
  css: ['~/style.css'],
  telemetry: false,
})
