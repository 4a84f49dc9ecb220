import { describeInspector } from '../../specs/inspector.ts'

describeInspector('next-app')
