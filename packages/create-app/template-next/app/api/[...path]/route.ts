// Every /api request reaches your backend through sameorigin's route handler, which rewrites cookies,
// redirects and Origin as the Vite, webpack and Rsbuild plugins do. It answers only in `next dev`
// (a 404 in `next build` / `next start`): production serves its own /api.
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from '@sameorigin/next/route'
