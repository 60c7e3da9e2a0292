/**
 * The guides say what the code does: every error code, every option, every host and every
 * FranceConnect `Y……` code they must cover is read from the sources and looked for in the page; and
 * every relative link of the documentation leads to a file that exists.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { franceConnectErrorCodes, issuers } from '../../src/index.js'
import { errorClasses, optionNames } from './code-facts.js'
import { documentationFiles } from './snippets.js'

const root = process.cwd()
const read = (file: string) => readFileSync(join(root, file), 'utf8')
const missingFrom = (text: string, needles: readonly string[]) => needles.filter((needle) => !text.includes(needle))

describe('docs/errors.md', () => {
  const page = read('docs/errors.md')

  it('has a section for every error class, and every code of each', { timeout: 60_000 }, () => {
    const missing: string[] = []
    for (const { name, codes } of errorClasses(root)) {
      if (!page.includes(`\n## ${name}\n`)) missing.push(`section ## ${name}`)
      if (name === 'TokenValidationError') {
        // `${kind}_${problem}`: every problem, under at least one kind
        const problems = new Set(codes.map((code) => code.replace(/^(id_token|userinfo|checktoken)_/, '')))
        for (const problem of problems) {
          if (!codes.some((code) => code.endsWith(`_${problem}`) && page.includes(`\`${code}\``))) {
            missing.push(`TokenValidationError problem ${problem}`)
          }
        }
      } else {
        missing.push(
          ...missingFrom(
            page,
            codes.map((code) => `| \`${code}\` |`),
          ).map((row) => `${name} row ${row}`),
        )
      }
    }
    expect(missing).toEqual([])
  })

  it('gives every known FranceConnect code with its French and English meaning, as the code has them', () => {
    const missing = Object.entries(franceConnectErrorCodes).flatMap(([code, { fr, en }]) =>
      missingFrom(page, [`| \`${code}\` | ${fr} | ${en} |`]).map(() => code),
    )
    expect(missing).toEqual([])
  })
})

describe('docs/configuration.md', () => {
  const page = read('docs/configuration.md')
  const options: [string, string][] = [
    ['src/index.ts', 'ClientOptions'],
    ['src/index.ts', 'AuthorizeOptions'],
    ['src/index.ts', 'CallbackOptions'],
    ['src/index.ts', 'LogoutOptions'],
    ['src/index.ts', 'OidcProviderOptions'],
    ['src/index.ts', 'MemoryStoreOptions'],
    ['src/index.ts', 'CookieStoreOptions'],
    ['src/stores/redis-store.ts', 'RedisStoreOptions'],
  ]

  it.each(options)('documents every option of %s %s in a table row', { timeout: 60_000 }, (entry, typeName) => {
    expect(
      missingFrom(
        page,
        optionNames(root, entry, typeName).map((name) => `| \`${name}\` |`),
      ),
    ).toEqual([])
  })

  it('gives every known host of every preset', () => {
    const hosts = Object.values(issuers).flatMap((byEnv) => Object.values(byEnv) as string[])
    expect(
      missingFrom(
        page,
        hosts.map((host) => `\`${host}\``),
      ),
    ).toEqual([])
  })

  it('has a section for every preset', () => {
    const presets = ['franceConnect', 'franceConnectPlus', 'franceConnectV1', 'proConnect', 'oidcProvider']
    expect(
      missingFrom(
        page,
        presets.map((preset) => `\n### ${preset}\n`),
      ),
    ).toEqual([])
  })
})

describe('docs/getting-started.md', () => {
  it('names the FranceConnect v2 hosts as the presets do', () => {
    const page = read('docs/getting-started.md')
    const rows = Object.entries(issuers.franceconnect).map(([env, host]) => `| \`'${env}'\` | \`${host}\` |`)
    expect(missingFrom(page, rows)).toEqual([])
  })
})

describe('docs/index.md', () => {
  it('links every page of docs/', () => {
    const page = read('docs/index.md')
    const pages = documentationFiles(root)
      .filter((file) => file.startsWith('docs/') && file !== 'docs/index.md')
      .map((file) => `](${file.slice('docs/'.length)})`)
    expect(missingFrom(page, pages)).toEqual([])
  })
})

/** The anchors GitHub gives a Markdown file's headings (lower case, punctuation dropped, spaces to `-`). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const match of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (match[1] as string)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

describe('links', () => {
  it('every relative link of README.md and docs/ leads to an existing file and heading', () => {
    const broken: string[] = []
    for (const file of documentationFiles(root)) {
      const text = read(file).replace(/```[\s\S]*?```/g, '')
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const [target = '', anchor] = (match[1] as string).split('#')
        if (/^[a-z]+:/i.test(target)) continue
        if (target.startsWith('reference/') || target.startsWith('docs/reference/')) continue // generated
        const path = target === '' ? join(root, file) : join(root, dirname(file), target)
        if (!existsSync(path)) broken.push(`${file}: ${match[1]} (no such file)`)
        else if (anchor && path.endsWith('.md') && !headingAnchors(readFileSync(path, 'utf8')).has(anchor)) {
          broken.push(`${file}: ${match[1]} (no such heading)`)
        }
      }
    }
    expect(broken).toEqual([])
  })
})
