import { describeInspector } from '../../specs/inspector.ts'

describeInspector('react-router-app')
