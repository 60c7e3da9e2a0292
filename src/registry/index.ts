/**
 * The scope registry: identity scopes and their claims, every data scope of FranceConnect with its
 * French label, provider, connector and fields, and the planner (connectors → scopes → connectors).
 * Data only: importing it pulls in no connector.
 *
 * @module
 */
export { claimsReleased, identityScopes, type IdentityPlatform, type IdentityScope } from './identity-scopes.js'
export {
  dataScopes,
  type ConnectorId,
  type DataScope,
  type DataScopePlatform,
  type DataScopeProvider,
} from './data-scopes.js'
export {
  apisForScopes,
  defaultIdentityScopes,
  describeScope,
  scopesFor,
  type ScopeDescription,
  type ScopedApi,
} from './planner.js'
