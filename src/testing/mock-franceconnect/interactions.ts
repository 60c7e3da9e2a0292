/**
 * The identity provider's pages of the mock: `/interaction/{uid}` shows the login page (pick a person
 * and, where the platform offers several, a level), `/interaction/{uid}/login` takes its form,
 * `/interaction/{uid}/consent` shows and takes the consent page, which grants everything requested.
 * "Annuler" on either ends the sign-in with `access_denied` ("user authentication aborted").
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ExpiringMap } from './expiring-map.js'
import { readForm, redirect, send, sendHtml } from './http.js'
import type { OidcInteraction, OidcProvider } from './load-oidc-provider.js'
import { agentSummary, consentPage, describeBirth, errorPage, loginPage } from './pages.js'
import { defaultAcrFor, proConnectInteractionAcr } from './rules/acr.js'
import { grantedClaims } from './rules/grant.js'
import type { OpSetup } from './setup.js'
import type { MockIdentity } from './types.js'

/** The login choice of an interaction, kept between the login page and the consent page. */
interface PendingLogin {
  identityId: string
  acr: string | undefined
}

/** "Annuler": the sign-in ends with access_denied. */
const USER_ABORT = { error: 'access_denied', error_description: 'user authentication aborted' }

/** One interaction request, with what oidc-provider knows of it. */
interface Step {
  req: IncomingMessage
  res: ServerResponse
  uid: string
  params: OidcInteraction['params']
  /** `/interaction/{uid}` */
  base: string
  /** The service's name, as the pages show it. */
  shownName: string
}

/** Handles `/interaction/{uid}` and its `login` / `consent` steps. */
export type InteractionHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  step: string | undefined,
) => Promise<void>

class Interactions {
  private readonly pending = new ExpiringMap<PendingLogin>()

  constructor(
    private readonly provider: OidcProvider,
    private readonly setup: OpSetup,
    private readonly askedAcrs: ExpiringMap<string>,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, uid: string, step: string | undefined): Promise<void> {
    let details: OidcInteraction
    try {
      details = await this.provider.interactionDetails(req, res)
    } catch (error) {
      this.pageError(res, 400, error instanceof Error ? error.message : String(error))
      return
    }
    if (details.uid !== uid) {
      this.pageError(res, 400, 'interaction mismatch')
      return
    }
    const { params } = details
    const { client } = this.setup
    const shownName = params.client_id === client.clientId ? client.clientName : (params.client_id ?? '')
    const current: Step = { req, res, uid, params, base: `/interaction/${uid}`, shownName }
    const method = req.method ?? 'GET'
    if (step === undefined && method === 'GET') return this.showLogin(current)
    if (step === 'login' && method === 'POST') return this.takeLogin(current)
    if (step === 'consent') return this.consent(current, method)
    send(res, 405, 'text/plain', 'method not allowed')
  }

  private pageError(res: ServerResponse, status: number, description: string): void {
    const code = this.setup.profile.strictAuthorize ? 'Y040001' : undefined
    sendHtml(res, status, errorPage({ code, error: 'invalid_request', description }))
  }

  private defaultAcr(params: OidcInteraction['params']): string | undefined {
    return defaultAcrFor(this.setup.profile.acr, params)
  }

  private showLogin({ res, uid, base, shownName, params }: Step): void {
    const { profile, identities } = this.setup
    const page = loginPage({
      uid,
      action: `${base}/login`,
      clientName: shownName,
      identities,
      describe: profile.variant === 'proconnect' ? agentSummary : describeBirth,
      // a level to pick only where the platform offers several (FC v2 always answers eidas1)
      acrChoices: profile.acr.allowed.length > 1 ? profile.acr.ranked : [],
      defaultAcr: this.defaultAcr(params),
    })
    sendHtml(res, 200, page)
  }

  private async takeLogin(step: Step): Promise<void> {
    const { req, res, uid, params, base } = step
    const form = await readForm(req)
    if (form.get('action') === 'cancel') return this.finish(step, { ...USER_ABORT })
    const { identities, profile } = this.setup
    // an untouched form carries the pre-selected (first) person
    const identityId = form.get('identity') ?? identities[0]?.id
    const identity = identities.find((candidate) => candidate.id === identityId)
    if (!identity) {
      this.pageError(res, 400, 'unknown identity')
      return
    }
    const chosenAcr = form.get('acr') || this.defaultAcr(params)
    const acr = profile.acr.exactMatch ? proConnectInteractionAcr(chosenAcr, params.claims) : chosenAcr
    if (profile.acr.exactMatch && !acr) {
      return this.finish(step, { error: 'access_denied', error_description: 'requested ACRs could not be satisfied' })
    }
    this.pending.set(uid, { identityId: identity.id, acr }, profile.ttl.Interaction * 1000)
    redirect(res, `${base}/consent`)
  }

  private async consent(step: Step, method: string): Promise<void> {
    const { res, uid, base, shownName, params } = step
    const chosen = this.pending.get(uid)
    const identity = chosen && this.setup.identity(chosen.identityId)
    if (!chosen || !identity) {
      redirect(res, base)
      return
    }
    if (method === 'GET') {
      const page = consentPage({ uid, action: `${base}/consent`, clientName: shownName, identity, scope: params.scope ?? '' })
      sendHtml(res, 200, page)
      return
    }
    if (method === 'POST') return this.takeConsent(step, chosen, identity)
    send(res, 405, 'text/plain', 'method not allowed')
  }

  /** Consents to everything requested: every scope and the claims the platform grants. */
  private async takeConsent(step: Step, chosen: PendingLogin, identity: MockIdentity): Promise<void> {
    const form = await readForm(step.req)
    if (form.get('action') === 'cancel') return this.finish(step, { ...USER_ABORT })
    this.pending.delete(step.uid)
    const { profile } = this.setup
    const { params } = step
    const grant = new this.provider.Grant({ accountId: identity.id, clientId: params.client_id ?? '' })
    if (params.scope) grant.addOIDCScope(params.scope)
    const claims = grantedClaims(params.claims, profile.variant)
    if (claims.length) grant.addOIDCClaims(claims)
    const grantId = await grant.save()
    const asked = profile.variant === 'proconnect' ? chosen.acr : params.acr_values
    if (asked) this.askedAcrs.set(grantId, asked, (profile.ttl.Grant + profile.ttl.AccessToken) * 1000)
    await this.finish(step, {
      login: { accountId: identity.id, remember: true, amr: profile.amr, ...(chosen.acr ? { acr: chosen.acr } : {}) },
      consent: { grantId },
    })
  }

  /** Ends the interaction with a result (or an error), forgetting its pending login. */
  private async finish({ req, res, uid }: Step, result: object): Promise<void> {
    this.pending.delete(uid)
    await this.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false })
  }
}

/**
 * The interaction routes of a mock. `askedAcrs` receives, by grant id, the level each consented
 * authorization request asked (checktoken reports it).
 *
 * @example
 * ```ts
 * const handle = createInteractions(provider, setup, askedAcrs)
 * await handle(req, res, uid, 'login')
 * ```
 */
export function createInteractions(provider: OidcProvider, setup: OpSetup, askedAcrs: ExpiringMap<string>): InteractionHandler {
  const interactions = new Interactions(provider, setup, askedAcrs)
  return (req, res, uid, step) => interactions.handle(req, res, uid, step)
}
