/** The mutation list of `npm run mutate` stays in step with the code: each snippet is found once. */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mutations } from '../../scripts/mutations.js'

describe('npm run mutate: the list of checks it removes', () => {
  it.each(mutations.map((m) => [m.id, m] as const))('%s: its snippet occurs exactly once and its tests exist', (_id, m) => {
    const source = readFileSync(m.file, 'utf8')
    expect(source.split(m.find).length - 1).toBe(1)
    expect(m.replace).not.toBe(m.find)
    for (const test of m.tests) expect(existsSync(test)).toBe(true)
  })
})
