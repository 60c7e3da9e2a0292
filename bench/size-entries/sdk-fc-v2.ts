// (a) FranceConnect v2 sign-in with the SDK, as an app writes it: the client, authorize, callback,
// logout and its return.
import { createClient, franceConnect, type Session } from 'franceconnect-sdk'

const fc = createClient({
  provider: franceConnect({ env: 'sandbox' }),
  clientId: 'client-id',
  clientSecret: 'client-secret',
  redirectUri: 'https://demarche.example.fr/callback',
  postLogoutRedirectUri: 'https://demarche.example.fr/logged-out',
})

export const signIn = () => fc.authorize()
export const completeSignIn = (callbackUrl: string, cookie: string) => fc.callback(callbackUrl, { cookie })
export const signOut = (session: Session) => fc.logout(session)
export const completeSignOut = (returnUrl: string, cookie: string) => fc.logoutCallback(returnUrl, { cookie })
