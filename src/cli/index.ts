/**
 * The `franceconnect-sdk` command: `demo` (a whole sign-in against the sandbox, or `--serve` the
 * example app), `sandbox` (the sandbox on its own), `doctor` (a provider's configuration against a
 * preset). Exit codes: 0 done, 1 failed (the SDK error's code is printed), 2 wrong command line.
 *
 * Runs from the sources with `npx tsx src/cli/index.ts <command>` (what `npm run demo` does), and
 * from the package as `npx franceconnect-sdk <command>`.
 *
 * @module
 */
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2))
