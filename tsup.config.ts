import { resolve } from 'node:path'
import { defineConfig, type Options } from 'tsup'
import { connectorManifests } from './src/registry/connector-manifests.js'

/**
 * One entry per public subpath: an app pays only for what it imports. The connectors' come from
 * their manifests (`apis/<id>/index`), as package.json's `exports` do (`npm run sync:connectors`).
 */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  ...Object.fromEntries(connectorManifests.map(({ id }) => [`apis/${id}/index`, `src/apis/${id}/index.ts`])),
  'data-provider/index': 'src/data-provider/index.ts',
  'testing/index': 'src/testing/index.ts',
  'stores/redis/index': 'src/stores/redis/index.ts',
  'adapters/express/index': 'src/adapters/express/index.ts',
  'adapters/fastify/index': 'src/adapters/fastify/index.ts',
  'adapters/hono/index': 'src/adapters/hono/index.ts',
  'adapters/next/index': 'src/adapters/next/index.ts',
  'adapters/passport/index': 'src/adapters/passport/index.ts',
}

const shared: Options = {
  entry: entries,
  dts: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: true,
  treeshake: true,
}

/**
 * The ESM build keeps one output file per source module (`bundle: false`): chunk splitting would
 * merge modules, and an app's bundler could then no longer drop, thanks to `sideEffects: false`,
 * what the app does not import. The public entries keep their paths (`dist/index.js`,
 * `dist/apis/<id>/index.js`…); their types are bundled per entry as before.
 */
const perModule: Options = {
  entry: ['src/**/*.ts', '!src/cli/**', '!src/**/*.node.ts'],
  bundle: false,
  format: 'esm',
  dts: { entry: entries },
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  clean: true,
}

/**
 * Modules the Node build keeps in one file of their own, imported by every entry through the
 * package's private `imports` (`#node/…` in package.json) rather than copied into each:
 * - the errors, so that `instanceof` holds across subpaths (one class each);
 * - the client's protocol core, which the Node build loads on first use (see nodeVariants).
 */
const nodeShared = {
  errors: { source: 'src/errors/index.ts', specifier: '#node/errors' },
  protocol: { source: 'src/client/protocol.ts', specifier: '#node/protocol' },
} as const
const errorsFolder = resolve('src/errors')

/** Modules the Node build replaces with a variant of their own (`x.ts` → `x.node.ts`). */
const nodeVariants = ['src/client/load-protocol.ts', 'src/oidc/digest.ts', 'src/internal/base64url.ts'].map((file) =>
  resolve(file),
)

/**
 * The Node build's resolution: imports of the shared modules (see nodeShared) become their `#node/…`
 * specifiers, external; the modules of nodeVariants are swapped for their `.node.ts` variant.
 */
const nodeResolution: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'node-resolution',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts')
      if (target.startsWith(`${errorsFolder}/`) && !args.importer.startsWith(`${errorsFolder}/`)) {
        return { path: nodeShared.errors.specifier, external: true }
      }
      if (target === resolve(nodeShared.protocol.source)) return { path: nodeShared.protocol.specifier, external: true }
      if (nodeVariants.includes(target)) return { path: target.replace(/\.ts$/, '.node.ts') }
      return undefined
    })
  },
}

/**
 * The same entries bundled for Node (`exports` condition `node`): a server does not tree-shake, and
 * Node pays for every file it loads (about 0.7 ms each at startup), so each entry is one file, plus
 * the shared modules above. The protocol core is not loaded until the first callback.
 */
const forNode: Options = {
  ...shared,
  entry: { ...entries, 'shared/errors': nodeShared.errors.source, 'shared/protocol': nodeShared.protocol.source },
  splitting: false,
  outDir: 'dist/node',
  format: 'esm',
  dts: false,
  clean: false,
  esbuildPlugins: [nodeResolution],
}

export default defineConfig([
  perModule,
  forNode,
  // The `franceconnect-sdk` command: one executable ESM file.
  {
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: 'esm',
    target: 'node20',
    platform: 'node',
    splitting: false,
    sourcemap: true,
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...shared,
    format: 'cjs',
    // jose and ky ship ESM only; bundling them into the CommonJS build lets
    // `require('franceconnect-sdk')` work on every Node 20, not only on those with require(esm).
    noExternal: [/^jose/, 'ky'],
  },
])
