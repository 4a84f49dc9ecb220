import { describeInspector } from '../../specs/inspector.ts'

describeInspector('vite-react')
