import type * as v from 'valibot'

/**
 * Where and what a valibot validation failed, fit for an error message: the dotted path
 * (`data.admissions.0.date_debut`) and what was expected, never the value received.
 *
 * @example
 * ```ts
 * const result = v.safeParse(schema, input)
 * if (!result.success) throw new SchemaError(api, ...Object.values(describeIssue(result.issues)))
 * ```
 */
export function describeIssue(issues: readonly v.BaseIssue<unknown>[]): { path: string; expected: string } {
  const issue = issues[0]
  if (!issue) return { path: '(root)', expected: 'a valid value' }
  const path = issue.path?.map((item) => String(item.key)).join('.') || '(root)'
  // A type mismatch names the expected type; a validation action carries our own message.
  const expected = issue.kind === 'schema' ? (issue.expected ?? 'another type') : issue.message
  return { path, expected }
}
