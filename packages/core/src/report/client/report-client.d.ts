// The report client has no exports: importing it (`import '@sameorigin/core/report-client.js'`, as
// Next's instrumentation-client does) runs it once in the page. `export {}` makes this a module.
// oxlint-disable-next-line unicorn/require-module-specifiers -- a module with nothing to export
export {}
