/**
 * The package's entries that must run on Web platform APIs only (no `node:*` built-in, no Node
 * global): the root entry, every connector and the data provider, read from package.json's
 * `exports` so that a new connector is covered the day it is exported.
 */
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { build } from 'esbuild'

/** `./apis/<id>` and `./data-provider` subpaths, plus the root, with their source file. */
export function webPlatformEntries(): { subpath: string; source: string }[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, unknown>
  }
  return Object.keys(pkg.exports)
    .filter((subpath) => subpath === '.' || subpath === './data-provider' || subpath.startsWith('./apis/'))
    .map((subpath) => ({
      subpath,
      source: subpath === '.' ? 'src/index.ts' : `src/${subpath.slice(2)}/index.ts`,
    }))
}

const nodeBuiltins = new Set(builtinModules)

/** Node globals a module could use without importing anything. */
const nodeGlobals = ['Buffer', 'process', 'require', '__dirname', '__filename', 'setImmediate', 'global']

/**
 * Bundles one entry with its dependencies (as an app's bundler would for a browser or a worker) and
 * says which Node built-ins its import graph reaches (`node:crypto <- src/…`) and which Node globals
 * the bundled code refers to (esbuild's `define` replaces a global only where the code reads it as
 * one: not a property, a string, a comment or a local of that name).
 */
export async function nodeDependenciesOf(source: string): Promise<{ imports: string[]; globals: string[] }> {
  const imports: string[] = []
  const result = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['worker', 'browser', 'import'],
    logLevel: 'silent',
    define: Object.fromEntries(nodeGlobals.map((name) => [name, `__node_global_${name}__`])),
    plugins: [
      {
        name: 'record-node-builtins',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, (args) => {
            const name = args.path.replace(/^node:/, '')
            if (!args.path.startsWith('node:') && !nodeBuiltins.has(name) && !nodeBuiltins.has(name.split('/')[0] ?? '')) {
              return undefined
            }
            imports.push(`${args.path} <- ${args.importer.replace(`${process.cwd()}/`, '')}`)
            return { path: args.path, external: true }
          })
        },
      },
    ],
  })
  const code = (result.outputFiles[0] as { text: string }).text
  const globals = nodeGlobals.filter((name) => code.includes(`__node_global_${name}__`))
  return { imports, globals }
}
