// The report of blocked calls: the page's client script, and the dev server's handler that checks
// each reported call with the doctor's code and prints one block per shape. Dev only.
export { createReportHandler, REPORT_PATH } from './create-report-handler.ts'
export type { ReportHandler, ReportHandlerOptions } from './create-report-handler.ts'
export { diagnoseBlockedCall, toRequestShape } from './diagnose-blocked-call.ts'
export type { Diagnose, DiagnoseBlockedCallOptions } from './diagnose-blocked-call.ts'
export { formatBlockedCall, toDoctorCommand } from './format-blocked-call.ts'
export { MAX_REPORT_BYTES, parseBlockedCall } from './parse-blocked-call.ts'
export type { ParsedBlockedCall } from './parse-blocked-call.ts'
export { readReportClient, reportClientFile } from './read-report-client.ts'
export { toBlockedCallKey } from './to-blocked-call-key.ts'
export type { BlockedCall, BlockedCallDiagnosis, BlockedCallKind } from './types.ts'
