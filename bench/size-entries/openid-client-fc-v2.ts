// openid-client's equivalent of (a) (anchors §6.2): discovery, buildAuthorizationUrl,
// authorizationCodeGrant, fetchUserInfo, state/nonce/PKCE helpers, buildEndSessionUrl,
// enableNonRepudiationChecks, client_secret_post.
import * as client from 'openid-client'

const config = client.discovery(
  new URL('https://fcp-low.sbx.dev-franceconnect.fr/api/v2'),
  'client-id',
  { id_token_signed_response_alg: 'ES256', userinfo_signed_response_alg: 'ES256' },
  client.ClientSecretPost('client-secret'),
  { execute: [client.enableNonRepudiationChecks] },
)

export async function signIn() {
  const state = client.randomState()
  const nonce = client.randomNonce()
  const codeVerifier = client.randomPKCECodeVerifier()
  const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier)
  const url = client.buildAuthorizationUrl(await config, {
    redirect_uri: 'https://demarche.example.fr/callback',
    scope: 'openid identite_pivot',
    acr_values: 'eidas1',
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  })
  return { url: url.href, state, nonce, codeVerifier }
}

export async function completeSignIn(
  callbackUrl: string,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<{ tokens: client.TokenEndpointResponse; userinfo: client.UserInfoResponse }> {
  const tokens = await client.authorizationCodeGrant(await config, new URL(callbackUrl), {
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    pkceCodeVerifier: expected.codeVerifier,
    idTokenExpected: true,
  })
  const claims = tokens.claims()
  const userinfo = await client.fetchUserInfo(await config, tokens.access_token, claims?.sub ?? '')
  return { tokens, userinfo }
}

export async function signOut(idToken: string) {
  const state = client.randomState()
  const url = client.buildEndSessionUrl(await config, {
    id_token_hint: idToken,
    state,
    post_logout_redirect_uri: 'https://demarche.example.fr/logged-out',
  })
  return { url: url.href, state }
}
