// `@sameorigin/next/report-client`: imported by the app's `instrumentation-client.ts`, which Next
// (15.3 and later) runs in the page before it hydrates. In `next dev` it loads the core's report
// client, which tells the dev server about the page's calls to other origins that the browser blocked
// (the server prints what was blocked and the route that fixes it). Next replaces `NODE_ENV` in client
// code, so in a production build the branch is dead and the client is no part of any chunk.
if (process.env.NODE_ENV !== 'production') {
  void import('@sameorigin/core/report-client.js')
}

// oxlint-disable-next-line unicorn/require-module-specifiers -- a module run for its effect, nothing to export
export {}
