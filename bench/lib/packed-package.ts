/**
 * The package as an app installs it: `npm pack` of the current build, extracted in a temporary
 * directory as `node_modules/franceconnect-sdk`, and an esbuild plugin that resolves
 * `franceconnect-sdk` and its subpaths there, through its `exports` and `sideEffects` as an app's
 * bundler would. Outside the project, so that nothing resolves to the project's own `dist/` by
 * self-reference; its dependencies (jose, valibot, ky) resolve from the project's node_modules
 * (esbuild's `nodePaths`).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Plugin } from 'esbuild'

/** The newest modification time under a directory (ms). */
function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/**
 * Packs the package (building it first when `dist/` is missing, older than `src/`, or `build` is
 * true) and extracts the tarball. Returns the directory to resolve `franceconnect-sdk` from and
 * whether a build ran.
 *
 * @example
 * ```ts
 * const { resolveDir } = packPackage(root)
 * await build({ plugins: [packedPackagePlugin(resolveDir)], … })
 * ```
 */
export function packPackage(root: string, build = false): { resolveDir: string; built: boolean } {
  const dist = join(root, 'dist/index.js')
  const stale = !existsSync(dist) || statSync(dist).mtimeMs < newest(join(root, 'src'))
  if (build || stale) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })
  const resolveDir = join(tmpdir(), `franceconnect-sdk-size-${process.pid}`)
  const target = join(resolveDir, 'node_modules/franceconnect-sdk')
  rmSync(resolveDir, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  // --ignore-scripts: the build above is the one packed (prepack would build a second time).
  const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', resolveDir], {
    cwd: root,
    encoding: 'utf8',
  })
  const [{ filename }] = JSON.parse(output) as [{ filename: string }]
  execFileSync('tar', ['-xzf', join(resolveDir, filename), '-C', target, '--strip-components=1'])
  process.once('exit', () => rmSync(resolveDir, { recursive: true, force: true }))
  return { resolveDir, built: build || stale }
}

/**
 * Resolves `franceconnect-sdk` and `franceconnect-sdk/<subpath>` in the extracted package.
 *
 * @example
 * ```ts
 * await build({ plugins: [packedPackagePlugin(resolveDir)], entryPoints: ['app.ts'] })
 * ```
 */
export function packedPackagePlugin(resolveDir: string): Plugin {
  return {
    name: 'packed-package',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^franceconnect-sdk(\/.*)?$/ }, async (args) => {
        if (args.pluginData === 'packed') return undefined
        const result = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir, pluginData: 'packed' })
        return result.errors.length > 0 ? { errors: result.errors } : { path: result.path, sideEffects: result.sideEffects }
      })
    },
  }
}
