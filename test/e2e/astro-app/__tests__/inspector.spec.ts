import { describeInspector } from '../../specs/inspector.ts'

describeInspector('astro-app')
