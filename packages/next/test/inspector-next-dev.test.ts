// `next dev` with Turbopack (Next's default): see _inspector-next-dev.ts.
import { describeNextDevInspector } from './_inspector-next-dev.ts'

describeNextDevInspector('turbopack')
