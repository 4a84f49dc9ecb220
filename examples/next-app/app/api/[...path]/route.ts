// Every /api request reaches the backend through sameorigin's route handler: the core's cookie,
// redirect and Origin rewriting over Web Request/Response (SAMEORIGIN_MODE=rewrites uses native
// rewrites instead, which run before this file is consulted).
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from '@sameorigin/next/route'
