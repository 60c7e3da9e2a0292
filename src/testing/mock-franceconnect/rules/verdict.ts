/** What a FranceConnect rule answers: let the request through, or refuse it with a page, a redirect or JSON. */
export type Verdict =
  | { kind: 'pass' }
  | { kind: 'page'; status: number; code: string; error: string; description: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'json'; status: number; body: Record<string, string> }

export const PASS: Verdict = { kind: 'pass' }
