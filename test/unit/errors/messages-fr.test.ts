/**
 * `messageFr` says what docs/errors.md says to show, for every code of the page: the page's "What to
 * show" column is read here and compared, so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { messageFr } from '../../../src/index.js'

/** Each code of docs/errors.md with the French sentence its row shows (the first row of a code wins). */
function documentedSentences(): Map<string, string> {
  const page = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8')
  const sentences = new Map<string, string>()
  for (const section of page.split('\n## ')) {
    let previous: string | undefined
    for (const line of section.split('\n')) {
      if (!/^\| `[a-z0-9_]+` \|/.test(line)) continue
      const cells = line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(' | ')
        .map((cell) => cell.trim())
      if (cells.length < 4) continue
      const code = (cells[0] as string).replaceAll('`', '')
      const show = cells.at(-1) as string
      const quoted = [...show.matchAll(/«\s*([^»]+?)\s*»/g)].map((match) => match[1] as string)
      // token_error's cell gives invalid_grant's sentence first, then the general one
      const sentence = show === 'same' ? previous : show.startsWith('`invalid_grant`') ? quoted.at(-1) : quoted[0]
      if (sentence === undefined) continue
      previous = sentence
      if (!sentences.has(code)) sentences.set(code, sentence)
    }
  }
  return sentences
}

describe('messageFr', () => {
  const documented = documentedSentences()

  it('reads a sentence for at least forty codes of the page', () => {
    expect(documented.size).toBeGreaterThanOrEqual(40)
  })

  for (const [code, sentence] of documentedSentences()) {
    it(`${code}: « ${sentence} »`, () => {
      expect(messageFr(code)).toBe(sentence)
      expect(messageFr({ code })).toBe(sentence)
    })
  }

  it('token problems share one sentence; unknown codes a general one; nothing for an abort', () => {
    expect(messageFr('id_token_signature')).toBe('La connexion n’a pas pu être vérifiée. Veuillez réessayer.')
    expect(messageFr('checktoken_expired')).toBe('La connexion n’a pas pu être vérifiée. Veuillez réessayer.')
    expect(messageFr('something_new')).toBe('Une erreur est survenue. Veuillez réessayer plus tard.')
    expect(messageFr('aborted')).toBeUndefined()
  })
})
