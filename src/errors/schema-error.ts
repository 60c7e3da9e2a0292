import { FranceConnectSdkError } from './franceconnect-sdk-error.js'

/** The code of a {@link SchemaError}. */
export type SchemaErrorCode = 'schema_mismatch'

/**
 * A data API answered with a payload that does not match its published schema (a field missing,
 * of another type, a code outside its list). `path` names where, `api` which connector; the value is
 * never copied into the message, and no partial result is returned.
 *
 * @example
 * ```ts
 * // SchemaError { code: 'schema_mismatch', api: 'statut-etudiant', path: 'data.admissions.0.date_debut' }
 * ```
 */
export class SchemaError extends FranceConnectSdkError {
  override name = 'SchemaError'
  declare readonly code: SchemaErrorCode
  readonly api: string
  readonly path: string
  constructor(api: string, path: string, expected: string) {
    super('schema_mismatch', `The ${api} response does not match its schema at "${path}": expected ${expected}`)
    this.api = api
    this.path = path
  }
}
