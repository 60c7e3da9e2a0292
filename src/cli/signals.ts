/** Waiting for Ctrl-C or a stop request, for the long-running commands. */

/** Resolves with the first SIGINT or SIGTERM; `cancel()` stops listening. */
export function waitForStop(): { promise: Promise<NodeJS.Signals>; cancel(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined
  const promise = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = (signal) => {
      cancel()
      resolve(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
  const cancel = () => {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  return { promise, cancel }
}
