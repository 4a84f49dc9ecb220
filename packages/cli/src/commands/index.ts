import type { CommandDefinition } from '../internal/command.ts'
import { checkCommand } from './check.ts'
import { corsPolicyCommand } from './cors-policy.ts'
import { doctorCommand } from './doctor.ts'
import { explainCommand } from './explain.ts'
import { exportCommand } from './export.ts'
import { initCommand } from './init.ts'
import { printCommand } from './print.ts'
import { serveCommand } from './serve.ts'

/** Every verb of `sameorigin`, in the order `--help` lists them. */
export const COMMANDS: readonly CommandDefinition[] = [
  doctorCommand,
  serveCommand,
  initCommand,
  exportCommand,
  corsPolicyCommand,
  checkCommand,
  printCommand,
  explainCommand,
]
