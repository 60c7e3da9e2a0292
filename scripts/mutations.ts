/**
 * The checks `npm run mutate` removes one at a time (scripts/mutation-test.ts): the ID token and
 * userinfo checks the SDK keeps beside oauth4webapi's, the binding of a callback to its browser and
 * client, endpoint pinning, the key set's selection rules, the data calls' session checks and the
 * data provider's scope check. `find` must occur exactly once in `file`; `tests` are the files that
 * should fail without the check. `accepted` says why a survivor is tolerated (docs/security.md).
 */
export interface Mutation {
  id: string
  what: string
  file: string
  find: string
  replace: string
  tests: string[]
  accepted?: string
}

const signIn = [
  'test/adversarial/hostile-op.test.ts',
  'test/integration/callback-negative.test.ts',
  'test/adversarial/secure-by-default.test.ts',
  'test/integration/real-cores.test.ts',
]
const binding = ['test/adversarial/secure-by-default.test.ts', 'test/adversarial/login-csrf.test.ts', ...signIn.slice(0, 2)]
const dataProvider = ['test/integration/data-provider.test.ts', 'test/unit/data-provider']

const jwt = 'src/client/verify-provider-jwt.ts'
const idToken = 'src/client/verify-id-token.ts'
const tokens = 'src/client/exchange-code.ts'

export const mutations: Mutation[] = [
  {
    id: 'jwt.not-encrypted',
    what: 'FranceConnect+ refuses a signed-only token',
    file: jwt,
    find: "if (context.provider.encryption?.required && raw.split('.').length === 3) {",
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'jwt.header-members',
    what: 'jku / x5u / jwk header members refused',
    file: jwt,
    find: '  checkHeaderMembers(header, kind)\n',
    replace: '\n',
    tests: signIn,
  },
  {
    id: 'jwt.signature',
    what: 'the signature is checked with the provider key',
    file: jwt,
    find: '  else await verifyWithProviderKey(',
    replace: '  else if (false) await verifyWithProviderKey(',
    tests: signIn,
  },
  {
    id: 'jwt.hmac',
    what: 'HS256 (FranceConnect v1) signature',
    file: jwt,
    find: '  if (!valid) throw',
    replace: '  if (false) throw',
    tests: signIn,
  },
  {
    id: 'jwt.trusted-audiences',
    what: 'extra audiences only among trustedAudiences',
    file: jwt,
    find: 'if (Array.isArray(aud) && aud.some((other) => other !== audience && !trusted.includes(other))) {',
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'jwt.azp',
    what: 'azp is the client whenever present',
    file: jwt,
    find: 'if (azp !== undefined && azp !== audience) {',
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'jwt.sub-non-empty',
    what: 'the ID token has a non-empty sub',
    file: jwt,
    find: "if (kind === 'id_token' && (typeof claims.sub !== 'string' || claims.sub.length === 0)) {",
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'jwt.iat-in-future',
    what: 'iat not in the future (oauth4webapi checks only its type)',
    file: jwt,
    find: 'if (iat - context.clockToleranceSec > Math.floor(Date.now() / 1000)) {',
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'jwt.max-length',
    what: 'a token over 64 KiB refused before any parsing',
    file: jwt,
    find: '  if (raw.length > maxTokenLength) throw',
    replace: '  if (false) throw',
    tests: signIn,
  },
  {
    id: 'callback.iss-required',
    what: 'FranceConnect always sends iss to the callback: one without it refused (RFC 9207)',
    file: 'src/client/oauth.ts',
    find: '      provider.callbackIssRequired || metadata.authorization_response_iss_parameter_supported === true,',
    replace: '      false,',
    tests: signIn,
  },
  {
    id: 'callback.iss-codes',
    what: "oauth4webapi's iss refusals mapped to iss_missing / iss_mismatch",
    file: 'src/client/oauth-errors.ts',
    find: "  if (error.message.includes('\"iss\"')) return new CallbackError('iss_mismatch'",
    replace: "  if (false) return new CallbackError('iss_mismatch'",
    tests: signIn,
  },
  {
    id: 'tokens.nonce',
    what: 'the ID token nonce is this sign-in’s (given to oauth4webapi)',
    file: tokens,
    find: '      expectedNonce: nonce,\n',
    replace: '',
    tests: signIn,
  },
  {
    id: 'tokens.bearer',
    what: 'token_type Bearer only',
    file: tokens,
    find: "if (result.token_type !== 'bearer')",
    replace: 'if (false)',
    tests: signIn,
  },
  {
    id: 'tokens.expires-in',
    what: 'expires_in sane (0 < s ≤ 1 day)',
    file: tokens,
    find: 'if (!Number.isFinite(expiresIn) || expiresIn <= 0 || expiresIn > maxExpiresInSec) {',
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'tokens.loose-types',
    what: 'a string expires_in refused',
    file: tokens,
    find: "  if (expiresIn !== undefined && typeof expiresIn !== 'number') {",
    replace: '  if (false) {',
    tests: signIn,
  },
  {
    id: 'id-token.acr',
    what: 'the level returned meets the one asked and the client floor',
    file: idToken,
    find: '  checkAcr(context, payload.acr, transaction.acr)\n',
    replace: '',
    tests: signIn,
  },
  {
    id: 'id-token.amr',
    what: 'amr is an array of strings',
    file: idToken,
    find: 'if (payload.amr !== undefined && !(',
    replace: 'if (false && !(',
    tests: signIn,
  },
  {
    id: 'id-token.at-hash',
    what: 'at_hash matches the access token',
    file: idToken,
    find: 'if (payload.at_hash !== undefined && payload.at_hash !==',
    replace: 'if (false && payload.at_hash !==',
    tests: signIn,
  },
  {
    id: 'id-token.c-hash',
    what: 'c_hash matches the code',
    file: idToken,
    find: 'if (payload.c_hash !== undefined && (',
    replace: 'if (false && (',
    tests: signIn,
  },
  {
    id: 'oauth.alg-allow-list',
    what: "the preset's algorithms replace the advertised ones",
    file: 'src/client/oauth.ts',
    find: '    id_token_signing_alg_values_supported: [...provider.signingAlgorithms],\n',
    replace: '',
    tests: signIn,
  },
  {
    id: 'userinfo.sub',
    what: "userinfo's sub is the ID token's",
    file: 'src/client/fetch-userinfo.ts',
    find: 'if (claims.sub !== expectedSub) {',
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'userinfo.signed',
    what: 'a JSON userinfo refused where a JWT is due',
    file: 'src/client/fetch-userinfo.ts',
    find: 'if (!expectJson && !isJwt) {',
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'refresh.same-subject',
    what: 'a refreshed ID token is about the same subject',
    file: 'src/client/refresh.ts',
    find: 'if (sub !== session.sub) {',
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'refresh.acr-floor',
    what: "a refreshed ID token's level meets the client floor",
    file: 'src/client/refresh.ts',
    find: '    checkAcr(context, acr, undefined)\n',
    replace: '',
    tests: signIn,
  },
  {
    id: 'revoke.secret',
    what: 'FranceConnect revocation refused without the client secret',
    file: 'src/client/revoke.ts',
    find: "if (method === 'client_secret_post' && context.options.clientSecret === undefined) {",
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'binding.missing',
    what: 'a callback without its binding refused',
    file: 'src/client/transaction.ts',
    find: 'if (expectedState === undefined && !hasCookie) {',
    replace: 'if (false) {',
    tests: binding,
  },
  {
    id: 'binding.other-browser',
    what: "a callback with another browser's cookie refused",
    file: 'src/client/transaction.ts',
    find: 'if (cookieHash !== undefined && cookieHash !== transaction.binding) {',
    replace: 'if (false) {',
    tests: binding,
  },
  {
    id: 'binding.other-client',
    what: 'a transaction of another client (issuer, client_id, redirect_uri) refused',
    file: 'src/client/transaction.ts',
    find: 'if (transaction.client !== expectedClient || transaction.kind !== kind) {',
    replace: 'if (false) {',
    tests: binding,
  },
  {
    id: 'discovery.issuer',
    what: "the discovery document's issuer is the configured one",
    file: 'src/oidc/discovery.ts',
    find: 'if (provider.discovery && document.issuer !== provider.issuer) {',
    replace: 'if (false) {',
    tests: signIn,
  },
  {
    id: 'pinning.host',
    what: "endpoints on the issuer's host (or listed ones)",
    file: 'src/http/secure-url.ts',
    find: '  if (!onIssuerHost) {',
    replace: '  if (false) {',
    tests: signIn,
  },
  {
    id: 'key-set.duplicates',
    what: 'two keys under one kid and alg refused',
    file: 'src/oidc/key-set.ts',
    find: '  if (candidates.length > 1) {',
    replace: '  if (false) {',
    tests: signIn,
  },
  {
    id: 'key-set.key-ops',
    what: 'keys whose key_ops exclude verify are not verification keys',
    file: 'src/oidc/key-set.ts',
    find: "    return keyOps === undefined || (Array.isArray(keyOps) && keyOps.includes('verify'))",
    replace: '    return true',
    tests: signIn,
    accepted:
      "oauth4webapi's key selection also skips a key whose key_ops exclude verify, so a sign-in still fails with kid_unknown; the SDK's filter is what protects the data provider's checktoken, which does not go through oauth4webapi",
  },
  {
    id: 'fetch.scope',
    what: 'client.getData refuses a session without the scope, before any request',
    file: 'src/client/get-data.ts',
    find: '  if (missing.length > 0) {',
    replace: '  if (false) {',
    tests: ['test/unit/get-data.test.ts'],
  },
  {
    id: 'fetch.expiry',
    what: 'client.getData refuses an expired access token, before any request',
    file: 'src/client/get-data.ts',
    find: '  if (session.expiresAt <= Math.floor(Date.now() / 1000)) {',
    replace: '  if (false) {',
    tests: ['test/unit/get-data.test.ts'],
  },
  {
    id: 'data-provider.scopes',
    what: 'the data provider answers 403 without the scope',
    file: 'src/data-provider/require-scopes.ts',
    find: '  if (missing.length > 0 || !result.active) throw',
    replace: '  if (false) throw',
    tests: dataProvider,
  },
]
