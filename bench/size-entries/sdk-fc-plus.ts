// (b) FranceConnect+ sign-in with the SDK: (a) with the FC+ preset, the client's decryption keys and
// the public JWKS to serve.
import { createClient, franceConnectPlus, type EncryptionKey, type Session } from 'franceconnect-sdk'

const fc = createClient({
  provider: franceConnectPlus({ env: 'integration' }),
  clientId: 'client-id',
  clientSecret: 'client-secret',
  redirectUri: 'https://demarche.example.fr/callback',
  postLogoutRedirectUri: 'https://demarche.example.fr/logged-out',
  encryptionKeys: [JSON.parse(globalThis.process?.env.FC_ENC_KEY ?? '{}') as EncryptionKey],
})

export const jwks = () => fc.jwks()
export const signIn = () => fc.authorize({ acr: 'eidas2' })
export const completeSignIn = (callbackUrl: string, cookie: string) => fc.callback(callbackUrl, { cookie })
export const signOut = (session: Session) => fc.logout(session)
export const completeSignOut = (returnUrl: string, cookie: string) => fc.logoutCallback(returnUrl, { cookie })
