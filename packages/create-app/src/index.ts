// The bin's entry (index.js imports this bundle): runs the command line and sets the exit code.
import process from 'node:process'
import { run } from './run.ts'

process.exitCode = await run(process.argv.slice(2))
