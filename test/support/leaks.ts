/**
 * Where a secret or personal value shows up in text an app could log: the search shared by
 * `test/adversarial/secrets.test.ts` (errors and hook payloads) and
 * `test/integration/observability.test.ts` (events, log lines and spans).
 */

/**
 * `surface ⟵ canary name` for every canary found; the values themselves are never printed. Canaries
 * shorter than 6 characters are not looked for (they would match by chance).
 *
 * @example
 * ```ts
 * expect(leaks({ 'hook payloads': JSON.stringify(events) }, { 'access token': token })).toEqual([])
 * ```
 */
export function leaks(texts: Record<string, string>, canaries: Record<string, string>): string[] {
  const found: string[] = []
  for (const [surface, text] of Object.entries(texts)) {
    for (const [name, value] of Object.entries(canaries))
      if (value.length >= 6 && text.includes(value)) found.push(`${surface} ⟵ ${name}`)
  }
  return found
}
