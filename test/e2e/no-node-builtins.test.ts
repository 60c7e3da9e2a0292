/**
 * The root entry, every connector and the data provider stay on Web platform APIs: each bundled
 * with its whole import graph (dependencies included), no `node:*` built-in is reached and no Node
 * global (`Buffer`, `process`, `require`…) is read. The edge runtime and Bun tests run some of these
 * entries; this one covers all of them, code paths those runs never take included.
 */
import { describe, expect, it } from 'vitest'
import { nodeDependenciesOf, webPlatformEntries } from '../support/web-entries.js'

const entries = webPlatformEntries()

describe('Web platform APIs only', () => {
  it('covers the root entry, the data provider and every connector', () => {
    const subpaths = entries.map((entry) => entry.subpath)
    expect(subpaths).toContain('.')
    expect(subpaths).toContain('./data-provider')
    expect(subpaths.filter((subpath) => subpath.startsWith('./apis/')).length).toBeGreaterThanOrEqual(10)
  })

  it.each(entries.map((entry) => [`franceconnect-sdk${entry.subpath.slice(1)}`, entry.source]))(
    '%s reaches no Node built-in and reads no Node global',
    async (_entry, source) => {
      expect(await nodeDependenciesOf(source)).toEqual({ imports: [], globals: [] })
    },
  )

  it('sees a Node built-in or global when there is one (the check itself)', async () => {
    const testing = await nodeDependenciesOf('src/testing/index.ts')
    expect(testing.imports).toContain('node:crypto <- src/testing/seeded-secrets.ts')
    expect((await nodeDependenciesOf('src/adapters/core/session-keeper.ts')).globals).toEqual(['Buffer'])
  })
})
