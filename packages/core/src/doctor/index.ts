// `@sameorigin/core/doctor`: what a browser would block, checked by asking the backend as the
// browser would (node:http, so duplicate headers stay visible), with the reasons and the fixes.
// The `sameorigin doctor` command and the dev servers' report of a blocked call both run this.
export { checkExposeHeaders } from './check-expose-headers.ts'
export type { ExposeHeadersResult } from './check-expose-headers.ts'
export { checkRequestShape, isHeaderValue } from './check-request-shape.ts'
export type { RequestShape, ShapeProblem } from './check-request-shape.ts'
export { diagnoseBlockedRequest } from './diagnose-blocked-request.ts'
export type { DiagnoseOptions } from './diagnose-blocked-request.ts'
export {
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedMethod,
  isCorsSafelistedRequestHeader,
  isForbiddenRequestHeader,
  normalizeMethod,
} from './needs-preflight.ts'
export { DEFAULT_TIMEOUT_MS, runDoctor } from './run-doctor.ts'
export type { RunDoctorOptions } from './run-doctor.ts'
export { SPEC } from './spec.ts'
export { toDoctorFixes, toRoutedUrl } from './to-doctor-fixes.ts'
export { toDoctorReport } from './to-doctor-report.ts'
export type { DoctorReport } from './to-doctor-report.ts'
export { describeShapeProblem, toFetchRequest } from './to-fetch-request.ts'
export type { ParsedRequest } from './to-fetch-request.ts'
export { findRoutedCall, toProjectFix } from './to-project-fix.ts'
export type { RoutedCall } from './to-project-fix.ts'
export { toRoute } from './to-route.ts'
export type { SuggestedRoute } from './to-route.ts'
export { adviceFixes, headerFixes, originSentLast } from './to-server-fixes.ts'
export type {
  CredentialsMode,
  DoctorFacts,
  DoctorRun,
  Exchange,
  FetchRequest,
  Fix,
  HeaderList,
  PreflightReport,
  Reason,
  RequestReport,
  Severity,
} from './types.ts'
