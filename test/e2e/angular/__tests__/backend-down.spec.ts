// Its own file, so stopping the backend leaves the other tests' scenario alone.
import { describeBackendDown } from '../../specs/backend-down.ts'

describeBackendDown('angular')
