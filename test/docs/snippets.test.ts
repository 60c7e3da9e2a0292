/**
 * Examples that cannot rot: every ```ts block of README.md and docs/**\/*.md type-checks against
 * the SDK's sources (see ./snippets.ts). A failure lists each block that does not compile, with its
 * file, its line and the TypeScript errors.
 */
import { describe, expect, it } from 'vitest'
import { checkSnippets, extractSnippets, formatReport } from './snippets.js'

describe('documentation snippets', () => {
  it('extracts ```ts blocks with their line and skip marker, and nothing from other fences', () => {
    const markdown = [
      '# Title', // 1
      '```sh', // 2
      '```ts', // 3: inside a sh block, not a ts block
      '```', // 4
      '<!-- snippet: skip pseudo-code -->', // 5
      '```ts', // 6
      'foo(', // 7
      '```', // 8
      '<!-- snippet: skip -->', // 9
      '```typescript', // 10
      'const a = 1', // 11
      '```', // 12
      '```ts', // 13
      'const b: number = 2', // 14
      '```', // 15
    ].join('\n')
    expect(extractSnippets('docs/x.md', markdown)).toEqual([
      { file: 'docs/x.md', line: 6, code: 'foo(', skip: 'pseudo-code' },
      { file: 'docs/x.md', line: 10, code: 'const a = 1', skipWithoutReason: true },
      { file: 'docs/x.md', line: 13, code: 'const b: number = 2' },
    ])
  })

  it('every ```ts block of README.md and docs/ compiles', { timeout: 180_000 }, () => {
    const report = checkSnippets(process.cwd())
    const text = formatReport(report)
    console.log(text.split('\n')[0])
    expect(report.blocks).toBeGreaterThan(0)
    if (report.failures.length > 0) expect.fail(text)
  })
})
