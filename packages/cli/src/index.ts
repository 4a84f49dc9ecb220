// The programmatic API of @sameorigin/cli: run the command as a function, with your own streams.
export { runCli } from './run-cli.ts'
export { createContext, shouldUseColor } from './context.ts'
export type { CommandContext } from './context.ts'
export { EXIT } from './exit-codes.ts'
export { EXPORT_TARGETS } from './export/targets.ts'
export type {
  ExportFile,
  ExportInput,
  ExportLoss,
  ExportOutput,
  ExportTarget,
  ExportTargetName,
} from './export/types.ts'
