// Run before `npm run demo` and `npm test` (package.json `predemo`, `pretest`): in a fresh clone,
// where nothing is installed yet, installs the locked dependencies first (`npm ci`), so the two
// commands at the top of the README work as written. Does nothing once node_modules is there.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(new URL('../node_modules/.package-lock.json', import.meta.url))) {
  console.error('node_modules is missing: npm ci (once)')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const install = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
  if (install.status !== 0) process.exit(install.status ?? 1)
}
