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
  entry: ['src/**/*.ts', '!src/cli/**'],
  bundle: false,
  format: 'esm',
  dts: { entry: entries },
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  clean: true,
}

/**
 * The same entries bundled for Node (`exports` condition `node`): a server does not tree-shake, and
 * loading one file per source module made a cold start three times openid-client's; chunks shared
 * between the entries keep one copy of each class, so `instanceof` holds across subpaths.
 */
const forNode: Options = {
  ...shared,
  outDir: 'dist/node',
  format: 'esm',
  dts: false,
  clean: false,
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
