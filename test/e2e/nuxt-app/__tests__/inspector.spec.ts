import { describeInspector } from '../../specs/inspector.ts'

describeInspector('nuxt-app')
