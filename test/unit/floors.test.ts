/**
 * The floors of `src/` (docs/architecture.md): each folder imports only from the floors below it, so
 * that a generic helper, an error or the scope registry never pulls in the client or a connector.
 * Type-only imports count too: a contract belongs where both sides can import it downwards.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/** What each top-level folder of src/ may import from (besides itself). */
const allowed: Record<string, readonly string[]> = {
  internal: [],
  errors: ['internal'],
  http: ['errors', 'internal'],
  stores: ['errors', 'internal'],
  observability: ['http', 'errors', 'internal'],
  oidc: ['providers', 'observability', 'stores', 'http', 'errors', 'internal'],
  providers: ['oidc', 'errors', 'internal'],
  // the connectors' manifests are data: the registry reads them (see manifestsOnly)
  registry: ['apis', 'errors', 'internal'],
  apis: ['registry', 'http', 'errors', 'internal'],
  'data-provider': ['registry', 'oidc', 'http', 'errors', 'internal'],
  client: ['registry', 'oidc', 'providers', 'observability', 'stores', 'http', 'errors', 'internal'],
  adapters: ['client', 'registry', 'oidc', 'providers', 'stores', 'http', 'errors', 'internal'],
  '(root)': ['client', 'registry', 'oidc', 'providers', 'observability', 'stores', 'http', 'errors', 'internal'],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

const floorOf = (path: string) => {
  const parts = relative('src', path).split('/')
  return parts.length === 1 ? '(root)' : (parts[0] as string)
}

/** Every import of src/ that crosses from one top-level folder to another. */
function crossings(): { from: string; to: string; fromFloor: string; toFloor: string }[] {
  const found: { from: string; to: string; fromFloor: string; toFloor: string }[] = []
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
      const target = normalize(join(dirname(file), match[1] as string)).replace(/\.js$/, '.ts')
      const [fromFloor, toFloor] = [floorOf(file), floorOf(target)]
      if (fromFloor !== toFloor) found.push({ from: file, to: target, fromFloor, toFloor })
    }
  }
  return found
}

describe('the floors of src/', () => {
  const all = crossings()

  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(100)
  })

  it('each folder imports only from the floors below it (testing and cli, at the top, from any)', () => {
    const upward = all
      .filter(({ fromFloor }) => fromFloor !== 'testing' && fromFloor !== 'cli')
      .filter(({ fromFloor, toFloor }) => !(allowed[fromFloor] ?? []).includes(toFloor))
      .map(({ from, to }) => `${from} → ${to}`)
    expect(upward).toEqual([])
  })

  it('the registry reads only the connectors’ manifests, never their code', () => {
    const intoConnectors = all
      .filter(({ fromFloor, toFloor }) => fromFloor === 'registry' && toFloor === 'apis')
      .filter(({ to }) => !/^src\/apis\/[a-z-]+\/manifest\.ts$/.test(to))
      .map(({ from, to }) => `${from} → ${to}`)
    expect(intoConnectors).toEqual([])
  })

  it('nothing below the client imports it, and internal imports nothing of the SDK', () => {
    const offenders = all
      .filter(
        ({ fromFloor, toFloor }) =>
          (toFloor === 'client' && !['adapters', '(root)', 'testing', 'cli'].includes(fromFloor)) || fromFloor === 'internal',
      )
      .map(({ from, to }) => `${from} → ${to}`)
    expect(offenders).toEqual([])
  })
})
