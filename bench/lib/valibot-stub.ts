/** A stand-in for valibot in the "what if" builds: every `v.<name>` src/ uses, as a function returning `{}`. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  )
}

export function valibotStub(): string {
  const src = fileURLToPath(new URL('../../src', import.meta.url))
  const names = new Set(
    sourceFiles(src).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bv\.([a-z][A-Za-z]*)\b/g)].map((match) => match[1] as string),
    ),
  )
  return [...names].map((name) => `export const ${name} = () => ({})`).join('\n')
}
