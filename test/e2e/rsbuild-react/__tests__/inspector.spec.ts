import { describeInspector } from '../../specs/inspector.ts'

describeInspector('rsbuild-react')
