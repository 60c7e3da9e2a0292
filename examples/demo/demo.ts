/**
 * `npm run demo`: the whole sign-in and a data fetch, on this machine, with nothing registered.
 *
 * Until the embedded sandbox lands, this runs against the loopback test provider (oidc-provider with
 * FranceConnect's rules) and a loopback stand-in for API Particulier's CNOUS route.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { statutEtudiantBoursier } from '../../src/apis/statut-etudiant-boursier/index.js'
import { createClient, franceConnect, isFranceConnectSdkError } from '../../src/index.js'
import { startOidcOp } from '../../test/support/oidc-op.js'

const step = (label: string, detail = '') => console.log(`✔ ${label}${detail ? `  ${detail}` : ''}`)

async function startBoursierApi(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const authorized = /^Bearer .{20,}$/.test(req.headers.authorization ?? '')
    if (!authorized || url.pathname !== '/v4/cnous/etudiant_boursier/france_connect' || !url.searchParams.get('recipient')) {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ code: '00101', title: 'Jeton invalide', detail: 'Jeton invalide' }] }))
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        data: {
          statut_boursier: { est_boursier: true, est_radie: false, date_radiation: null },
          periode_versement_bourse: { date_rentree: '2025-09-01', duree: 10 },
          etablissement_etudes: { nom_commune: 'Bordeaux', nom_etablissement: 'Université de Bordeaux' },
          echelon_bourse: { echelon: '5', echelon_bourse_regionale_provisoire: false },
          email: 'wossewodda-3728@yopmail.com',
        },
        links: {},
        meta: {},
      }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

async function main(): Promise<void> {
  const op = await startOidcOp({ variant: 'v2' })
  const api = await startBoursierApi()
  try {
    step('FranceConnect (loopback)', op.issuer)
    const boursier = statutEtudiantBoursier({ recipient: '13002526500013', baseUrl: api.baseUrl })
    const fc = createClient({
      provider: franceConnect({ issuer: op.issuer }),
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      redirectUri: op.redirectUri,
      postLogoutRedirectUri: op.postLogoutRedirectUri,
      apis: [boursier],
    })

    const { url } = await fc.authorize()
    step('authorize', `scope=${new URL(url).searchParams.get('scope')}`)
    const callbackUrl = await op.authorize(url)
    step('the citizen signs in and consents', '(Angela Claire Louise DUBOIS)')
    const session = await fc.callback(callbackUrl)
    step('callback verified', `acr=${session.acr} sub=${session.sub.slice(0, 12)}…`)
    console.log('  identity:', JSON.stringify(session.claims, null, 2).replace(/\n/g, '\n  '))

    const result = await fc.fetch(boursier, session)
    step(`data from ${result.provider}`, `(${result.api}, scopes ${result.scopes.join(' ')})`)
    console.log('  data:', JSON.stringify(result.data, null, 2).replace(/\n/g, '\n  '))

    await fc.revoke(session)
    step('access token revoked')
    const { url: logoutUrl } = await fc.logout(session)
    await fc.logoutCallback(await op.logout(logoutUrl))
    step('logged out at FranceConnect, logout state verified')
  } catch (error) {
    console.error(isFranceConnectSdkError(error) ? `✘ ${error.code}: ${error.message}` : error)
    process.exitCode = 1
  } finally {
    await api.close()
    await op.close()
  }
}

await main()
