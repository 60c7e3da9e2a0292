import { TransportError } from '../errors/transport-error.js'

/**
 * Waits for a shared operation (discovery: one request however many callers wait) unless the
 * caller's signal fires first (a TransportError `aborted`); the operation itself goes on for the
 * others.
 *
 * @example
 * ```ts
 * const metadata = await untilAborted(discover(), options.signal)
 * ```
 */
export function untilAborted<T>(shared: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return shared
  if (signal.aborted) return Promise.reject(aborted())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted())
    signal.addEventListener('abort', onAbort, { once: true })
    shared.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

function aborted(): TransportError {
  return new TransportError('aborted', 'The request was aborted')
}
