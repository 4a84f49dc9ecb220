/** Where the inspector is served on every dev server. */
export const INSPECTOR_BASE_PATH = '/__sameorigin/'

/** Where the report client posts a page's blocked calls: below the inspector. */
export const REPORT_PATH = '/__sameorigin/report'

/** Where the report client is served as a script, for hosts that add it by URL. */
export const REPORT_CLIENT_PATH = '/__sameorigin/report-client.js'
