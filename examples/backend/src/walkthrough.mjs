// The `@sameorigin/example-backend/walkthrough` entry: the README demo's live steps and the demo
// session around them, shared by every example's demo script. Its types are in walkthrough.d.mts,
// written by hand like index.d.mts.
export { createDemoSession, finishDemo, stopOnSignals } from './demo-session.mjs'
export { runWalkthrough } from './run-walkthrough.mjs'
