/**
 * Figure 6: 1,000 callbacks arriving at once on a cold client: the OP (in its own process) must
 * see exactly one discovery request and one key-set request.
 *
 * A first client makes the 1,000 authorizations (which discovers) into a memory store shared with
 * a second, fresh client; the OP's counters are then reset and the 1,000 callbacks fired at once at
 * the fresh client, which has fetched nothing yet. For information, the same with openid-client
 * (its `discovery()` is explicit, so only its key-set fetches are comparable).
 */
import { memoryStore } from '../../src/index.js'
import { parseArgs } from '../lib/args.js'
import { openidClientFlow, sdkFlow } from '../lib/flows.js'
import { startOpProcess } from '../lib/op-handle.js'
import { runPool } from '../lib/pool.js'
import { emitRow, log, verdict } from '../lib/report.js'

parseArgs()
const callbacks = 1000

const op = await startOpProcess('v2')
try {
  const store = memoryStore({ maxEntries: 2 * callbacks })
  const browsers = new Map<string, string>()
  const authorizer = sdkFlow(op.info, undefined, { store, browsers })
  const urls = await op.authorize(await authorizer.begin(callbacks))
  await op.resetCounts()

  const cold = sdkFlow(op.info, undefined, { store, browsers })
  const results = await Promise.allSettled(urls.map((url) => cold.complete(url)))
  const failed = results.filter((result) => result.status === 'rejected')
  const counts = await op.resetCounts()
  log(
    `[single-flight] SDK: ${JSON.stringify(counts)}, ${failed.length} failed${failed[0] ? `: ${String((failed[0] as PromiseRejectedResult).reason)}` : ''}`,
  )

  // openid-client: discovery is an explicit call, then the 1,000 callbacks at once.
  const oc = await openidClientFlow(op.info)
  const ocUrls = await op.authorize(await oc.begin(callbacks))
  await op.resetCounts()
  const ocRun = await runPool(ocUrls, callbacks, (url) => oc.complete(url))
  const ocCounts = await op.resetCounts()
  log(`[single-flight] openid-client: ${JSON.stringify(ocCounts)}, ${ocRun.failures} failed`)

  const holds =
    (counts.discovery ?? 0) === 1 && (counts.jwks ?? 0) === 1 && failed.length === 0 && (counts.token ?? 0) === callbacks
  emitRow({
    id: '6',
    figure: `${callbacks} callbacks at once on a cold client: discovery / key-set requests at the OP`,
    sdk: `${counts.discovery ?? 0} / ${counts.jwks ?? 0}`,
    peerName: 'openid-client (discovery explicit)',
    peer: `${ocCounts.discovery ?? 0} / ${ocCounts.jwks ?? 0}`,
    ratio: '',
    goal: 'exactly 1 / 1, all callbacks succeed',
    holds: verdict(holds),
    note: `SDK: ${callbacks - failed.length}/${callbacks} callbacks succeeded (${counts.token ?? 0} token, ${counts.userinfo ?? 0} userinfo requests); openid-client: ${callbacks - ocRun.failures}/${callbacks} succeeded, its discovery() ran once before the burst`,
  })
} finally {
  await op.close()
}
