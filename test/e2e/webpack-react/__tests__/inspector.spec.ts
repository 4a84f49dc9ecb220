import { describeInspector } from '../../specs/inspector.ts'

describeInspector('webpack-react')
