/**
 * Kept for old links: `npm run demo` now runs the CLI (`tsx src/cli/index.ts demo`). This file runs
 * the same command, with the same options (`npx tsx examples/demo/demo.ts --identity lea-martin`).
 */
import { main } from '../../src/cli/main.js'

process.exitCode = await main(['demo', ...process.argv.slice(2)])
