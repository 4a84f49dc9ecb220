import { diagnoseBlockedRequest } from '../doctor/diagnose-blocked-request.ts'
import { readReportClient } from '../report/read-report-client.ts'
import type { InspectorHooks } from './create-inspector.ts'
import { readInspectorAsset } from './read-inspector-asset.ts'

/** On Node: the page's files and the report client read from the package, and the doctor's checks. */
export const NODE_INSPECTOR_HOOKS: InspectorHooks = Object.freeze({
  assets: readInspectorAsset,
  diagnose: diagnoseBlockedRequest,
  reportClient: readReportClient,
})
