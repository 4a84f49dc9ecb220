// `next dev --webpack`: see _inspector-next-dev.ts.
import { describeNextDevInspector } from './_inspector-next-dev.ts'

describeNextDevInspector('webpack')
