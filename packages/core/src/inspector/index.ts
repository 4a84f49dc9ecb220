// The inspector: its HTTP API and page, served from an ExchangeLog by a Fetch handler (no node:
// module); readInspectorAsset (node:fs) reads the page's files on Node.
export { createInspectorHandler, INSPECTOR_ASSETS, INSPECTOR_BASE_PATH } from './create-inspector-handler.ts'
export type { InspectorHandler, InspectorHandlerOptions } from './create-inspector-handler.ts'
