import { CallbackError } from '../errors/callback-error.js'
import type { CallbackInput } from './types.js'

/**
 * The query of a callback, from a full URL, a path with its query (`req.url`), or URLSearchParams.
 * Parameters given twice are refused: a single value is expected of each.
 */
export function readCallbackParams(input: CallbackInput): URLSearchParams {
  let params: URLSearchParams
  if (input instanceof URLSearchParams) params = input
  else if (input instanceof URL) params = input.searchParams
  else if (typeof input === 'string') {
    try {
      params = new URL(input, 'http://callback.invalid').searchParams
    } catch {
      throw new CallbackError('callback_invalid', 'The callback is not a valid URL')
    }
  } else {
    throw new CallbackError('callback_invalid', 'The callback must be a URL, a string or URLSearchParams')
  }
  for (const name of ['state', 'code', 'iss', 'error']) {
    if (params.getAll(name).length > 1) throw new CallbackError('callback_invalid', `The callback has "${name}" more than once`)
  }
  return params
}
