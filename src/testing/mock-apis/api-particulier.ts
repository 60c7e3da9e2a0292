/**
 * Mock of API Particulier's FranceConnect routes (MESRI statut étudiant, CNOUS boursier v3 and v4,
 * DSS complémentaire santé solidaire, RSA, quotient familial): `Authorization: Bearer <FranceConnect
 * access token>`, `recipient` (a SIRET) required, the `{data, links, meta}` envelope, the
 * `{errors: [{code, title, detail, source, meta}]}` errors, and fields removed when their scope was
 * not granted, as production does.
 *
 * | Status | Code | When |
 * |---|---|---|
 * | 401 | `00101` | no token, or checktoken says inactive (expired, unknown, revoked) |
 * | 403 | `00100` | no scope of the route was granted |
 * | 404 | `25003` MESRI, `26003` CNOUS, `37003` C2S / RSA, `23003` QF | nobody matches, or no data |
 * | 422 | `00203` | `recipient` missing or not a SIRET |
 * | 502 | `00501` | checktoken failed |
 */
import { isValidSiret } from '../../apis/shared/siret.js'
import type { JsonObject, SandboxApiId, SandboxIdentity } from '../types.js'
import {
  bearerToken,
  checkToken,
  pathsFor,
  project,
  sendJson,
  type ApiGuard,
  type MockRequest,
  type TokenCheck,
  type TokenRefusal,
} from './shared.js'

/**
 * The data of the routes whose answer reads a known shape, by API (`SandboxData`); any other route's
 * is its API Particulier `data` object.
 */
export interface ApiParticulierRouteData {
  /** MESRI, API Particulier v3 `data`: `{ admissions: [...] }`. */
  'statut-etudiant': { admissions: JsonObject[] }
}

interface ApiError {
  status: number
  body: unknown
}

function apiError(status: number, code: string, title: string, detail: string, provider: string, parameter?: string): ApiError {
  return {
    status,
    body: { errors: [{ code, title, detail, source: parameter ? { parameter } : null, meta: { provider } }] },
  }
}

interface Route {
  api: SandboxApiId
  provider: string
  /** 404 code and sentence when the provider knows nobody, or nothing. */
  notFound: { code: string; detail: string }
  /** The `data` to answer, from the person's fixture, filtered by the granted scopes; or an error. */
  answer: (fixture: JsonObject, scopes: readonly string[], query: URLSearchParams) => { data: JsonObject } | { error: ApiError }
}

const mesriAdmissionFields: Record<string, string> = {
  mesri_admission_inscrit: 'est_inscrit',
  mesri_admission_regime_formation: 'regime_formation',
  mesri_admission_commune_etudes: 'code_cog_insee_commune',
  mesri_admission_etablissement_etude: 'etablissement_etudes',
  // API Particulier's spelling (docs/apis/statut-etudiant.md): accepted too
  mesri_admission_etablissement_etudes: 'etablissement_etudes',
}

const cnousFields: Record<string, readonly string[]> = {
  cnous_statut_boursier: ['statut_boursier', 'est_boursier'],
  cnous_echelon_bourse: ['echelon_bourse'],
  cnous_email: ['email'],
  cnous_periode_versement: ['periode_versement_bourse'],
  cnous_ville_etudes: ['etablissement_etudes'],
  // cnous_statut_bourse and cnous_identite open nothing in the v3 / v4 payloads
}

const rsaFields: Record<string, readonly string[]> = {
  revenu_solidarite_active: ['est_beneficiaire', 'date_debut_droit'],
  revenu_solidarite_active_majoration: ['avec_majoration'],
}

const qfFields: Record<string, readonly string[]> = {
  cnaf_quotient_familial: ['quotient_familial'],
  cnaf_allocataires: ['allocataires'],
  cnaf_enfants: ['enfants'],
  cnaf_adresse: ['adresse'],
}

function boursierV3(v4: JsonObject): JsonObject {
  const { statut_boursier: statut, ...rest } = v4
  const est = (statut as { est_boursier?: unknown } | undefined)?.est_boursier
  return { ...(est === undefined ? {} : { est_boursier: est }), ...rest }
}

const routes: Record<string, Route> = {
  '/v3/mesri/statut_etudiant/france_connect': {
    api: 'statut-etudiant',
    provider: 'MESRI',
    notFound: { code: '25003', detail: 'Aucun étudiant ne correspond à cette identité dans la base du MESRI.' },
    answer(fixture, scopes) {
      if (!scopes.includes('mesri_admissions')) return { data: {} }
      const kept = new Set(
        scopes.map((scope) => mesriAdmissionFields[scope]).filter((field): field is string => field !== undefined),
      )
      const admissions = (fixture.admissions as JsonObject[] | undefined) ?? []
      return { data: { admissions: admissions.map((admission) => project(admission, ['date_debut', 'date_fin', ...kept])) } }
    },
  },
  '/v4/cnous/etudiant_boursier/france_connect': {
    api: 'statut-etudiant-boursier',
    provider: 'CNOUS',
    notFound: { code: '26003', detail: 'Aucun étudiant boursier ne correspond à cette identité dans la base du CNOUS.' },
    answer: (fixture, scopes) => ({ data: project(fixture, pathsFor(scopes, cnousFields)) }),
  },
  '/v3/cnous/etudiant_boursier/france_connect': {
    api: 'statut-etudiant-boursier',
    provider: 'CNOUS',
    notFound: { code: '26003', detail: 'Aucun étudiant boursier ne correspond à cette identité dans la base du CNOUS.' },
    answer: (fixture, scopes) => ({ data: project(boursierV3(fixture), pathsFor(scopes, cnousFields)) }),
  },
  '/v3/dss/complementaire_sante_solidaire/france_connect': {
    api: 'complementaire-sante-solidaire',
    provider: 'CNAV',
    notFound: { code: '37003', detail: 'Aucun dossier allocataire ne correspond à cette identité.' },
    answer: (fixture) => ({ data: fixture }),
  },
  '/v3/dss/revenu_solidarite_active/france_connect': {
    api: 'revenu-solidarite-active',
    provider: 'CNAV',
    notFound: { code: '37003', detail: 'Aucun dossier allocataire ne correspond à cette identité.' },
    answer: (fixture, scopes) => ({ data: project(fixture, pathsFor(scopes, rsaFields)) }),
  },
  '/v3/dss/quotient_familial/france_connect': {
    api: 'quotient-familial',
    provider: 'CNAF',
    notFound: { code: '23003', detail: 'Aucun dossier allocataire ne correspond à cette identité à la CNAF ni à la MSA.' },
    answer(fixture, scopes, query) {
      const annee = query.get('annee')
      const mois = query.get('mois')
      let data = fixture
      if (annee !== null || mois !== null) {
        // Each may come alone: the one left out keeps the fixture's value.
        const qf = fixture.quotient_familial as JsonObject | undefined
        const year = annee === null ? Number(qf?.annee) : Number(annee)
        const month = mois === null ? Number(qf?.mois) : Number(mois)
        const badYear = annee !== null && !Number.isInteger(year)
        const badMonth = mois !== null && (!Number.isInteger(month) || month < 1 || month > 12)
        if (badYear || badMonth) {
          return {
            error: apiError(
              400,
              '00366',
              'Paramètres invalides',
              'annee doit être une année, mois de 1 à 12.',
              'API Particulier',
              badMonth ? 'mois' : 'annee',
            ),
          }
        }
        if (qf) data = { ...fixture, quotient_familial: { ...qf, annee: year, mois: month } }
      }
      return { data: project(data, pathsFor(scopes, qfFields)) }
    },
  },
}

/**
 * Answers a request below API Particulier's base URL; false when the path is not one of its
 * FranceConnect routes.
 */
export async function handleApiParticulier(
  request: MockRequest,
  guard: ApiGuard,
  identities: readonly SandboxIdentity[],
): Promise<boolean> {
  const route = routes[request.path]
  if (!route) return false
  const { res } = request
  if (request.method !== 'GET') {
    sendJson(res, 405, {
      errors: [{ code: '00405', title: 'Méthode non autorisée', detail: 'Seul GET est accepté.', source: null, meta: {} }],
    })
    return true
  }
  guard.count(route.api)
  const recipient = request.query.get('recipient')
  if (recipient === null || !isValidSiret(recipient)) {
    const error = apiError(
      422,
      '00203',
      'Paramètre recipient invalide',
      'recipient doit être le numéro SIRET de l’administration destinataire des données.',
      'API Particulier',
      'recipient',
    )
    sendJson(res, error.status, error.body)
    return true
  }
  const check: TokenCheck = await checkToken(bearerToken(request.req), guard.verifier, guard.scopesOf(route.api), identities)
  const fixture = check.ok ? (check.identity.data?.[route.api] as JsonObject | undefined) : undefined
  if (!check.ok || !fixture) {
    const error = refusal(check.ok ? 'unknown_person' : check.reason, route)
    sendJson(res, error.status, error.body)
    return true
  }
  const answer = route.answer(structuredClone(fixture), check.scopes, request.query)
  if ('error' in answer) sendJson(res, answer.error.status, answer.error.body)
  else sendJson(res, 200, { data: answer.data, links: {}, meta: {} })
  return true
}

function refusal(reason: TokenRefusal, route: Route): ApiError {
  switch (reason) {
    case 'absent':
    case 'inactive':
      return apiError(
        401,
        '00101',
        'Jeton invalide',
        'Le jeton FranceConnect est absent, inconnu, expiré ou révoqué.',
        'API Particulier',
      )
    case 'insufficient_scope':
      return apiError(
        403,
        '00100',
        'Privilèges insuffisants',
        'Aucun scope de cette route n’a été accordé à ce jeton FranceConnect.',
        'API Particulier',
      )
    case 'checktoken_failed':
      return apiError(
        502,
        '00501',
        'Erreur de FranceConnect',
        'La vérification du jeton auprès de FranceConnect a échoué.',
        'FranceConnect',
      )
    case 'unknown_person':
      return apiError(404, route.notFound.code, 'Dossier non trouvé', route.notFound.detail, route.provider)
  }
}
