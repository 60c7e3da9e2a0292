/**
 * The loopback OpenID Provider of the integration tests is the sandbox's mock FranceConnect, shipped in
 * `franceconnect-sdk/testing` (src/testing/mock-franceconnect): this file keeps the tests' names for it.
 */
import { sandboxIdentities } from '../../src/testing/identities.js'
import { pairwiseSub } from '../../src/testing/mock-franceconnect/pairwise.js'

export {
  startMockFranceConnect as startOidcOp,
  DEFAULT_DATA_SCOPES,
  OpHttpError,
  type AuthorizeOptions,
  type MockIdentity as TestIdentity,
  type OpEndpoints,
  type OpVariant,
  type StartedOp,
  type StartOpOptions,
} from '../../src/testing/mock-franceconnect/index.js'

/** The default people of the mock (the sandbox's): Angela Claire Louise DUBOIS first, a person born abroad second. */
export const DEFAULT_IDENTITIES = sandboxIdentities()

/** A pairwise-shaped subject (64 hex + `v1`) for a seed, for tests that need one without an OP. */
export function testSub(seed: string): string {
  return pairwiseSub(seed, 'test', 'test')
}
