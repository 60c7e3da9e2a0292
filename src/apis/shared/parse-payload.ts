import * as v from 'valibot'
import { SchemaError } from '../../errors/schema-error.js'
import { describeIssue } from '../../registry/schema-issue.js'

/**
 * Validates a raw payload against the connector's schema; the first mismatch becomes a
 * {@link SchemaError} naming its path (`data.admissions.0.date_debut`), never its value.
 *
 * @example
 * ```ts
 * const raw = parsePayload('statut-etudiant', statutEtudiantSchema, body)
 * ```
 */
export function parsePayload<S extends v.GenericSchema>(api: string, schema: S, body: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, body, { abortEarly: true })
  if (result.success) return result.output
  const { path, expected } = describeIssue(result.issues)
  throw new SchemaError(api, path, expected)
}
