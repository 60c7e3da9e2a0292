/**
 * Hostile data APIs on loopback: one HTTP server that answers every route with the behaviour a test
 * sets (HTML with a 200, truncated JSON, a valid JSON of the wrong shape, a 5 MB array, a one-day
 * `Retry-After`, 503 forever, a reset in the middle of the body…) and counts the requests per path;
 * the ten connectors of `src/apis/` pointed at it; a valid payload for each, made of canary personal
 * data; and each connector's parser (`parsePayload` + its normaliser) for the fuzzer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { AnyConnector } from '../../src/registry/connector.js'
import type { HttpHooks } from '../../src/http/api-request.js'
import { complementaireSanteSolidaire } from '../../src/apis/complementaire-sante-solidaire/index.js'
import { normalizeComplementaireSanteSolidaire } from '../../src/apis/complementaire-sante-solidaire/normalize.js'
import { complementaireSanteSolidaireSchema } from '../../src/apis/complementaire-sante-solidaire/schema.js'
import { droitsAssuranceMaladie } from '../../src/apis/droits-assurance-maladie/index.js'
import { normalizeBeneficiaire, normalizeContrat } from '../../src/apis/droits-assurance-maladie/normalize.js'
import { contratsSchema, personnesSchema } from '../../src/apis/droits-assurance-maladie/schema.js'
import { franceTravailPaiements } from '../../src/apis/france-travail-paiements/index.js'
import { normalizePaiements } from '../../src/apis/france-travail-paiements/normalize.js'
import { paiementsSchema } from '../../src/apis/france-travail-paiements/schema.js'
import { franceTravailStatut } from '../../src/apis/france-travail-statut/index.js'
import { normalizeStatut } from '../../src/apis/france-travail-statut/normalize.js'
import { statutSchema } from '../../src/apis/france-travail-statut/schema.js'
import { impotParticulier } from '../../src/apis/impot-particulier/index.js'
import { normalizeSituationIr } from '../../src/apis/impot-particulier/normalize.js'
import { situationIrSchema } from '../../src/apis/impot-particulier/schema.js'
import { indemnitesJournalieres } from '../../src/apis/indemnites-journalieres/index.js'
import { normalizeIndemnitesJournalieres } from '../../src/apis/indemnites-journalieres/normalize.js'
import { buildIndemnitesJournalieresSchema, resolveMapping } from '../../src/apis/indemnites-journalieres/schema.js'
import { quotientFamilial } from '../../src/apis/quotient-familial/index.js'
import { normalizeQuotientFamilial } from '../../src/apis/quotient-familial/normalize.js'
import { quotientFamilialSchema } from '../../src/apis/quotient-familial/schema.js'
import { revenuSolidariteActive } from '../../src/apis/revenu-solidarite-active/index.js'
import { normalizeRevenuSolidariteActive } from '../../src/apis/revenu-solidarite-active/normalize.js'
import { revenuSolidariteActiveSchema } from '../../src/apis/revenu-solidarite-active/schema.js'
import { parsePayload } from '../../src/apis/shared/run-connector.js'
import { statutEtudiant } from '../../src/apis/statut-etudiant/index.js'
import { normalizeStatutEtudiant } from '../../src/apis/statut-etudiant/normalize.js'
import { statutEtudiantSchema } from '../../src/apis/statut-etudiant/schema.js'
import { statutEtudiantBoursier } from '../../src/apis/statut-etudiant-boursier/index.js'
import { normalizeBoursierV3, normalizeBoursierV4 } from '../../src/apis/statut-etudiant-boursier/normalize.js'
import { boursierV3Schema, boursierV4Schema } from '../../src/apis/statut-etudiant-boursier/schema.js'

/**
 * Runs the garbage collector, as a busy production process does all the time: a timeout that only
 * works while nothing is collected is not a timeout. (`--expose-gc` switched on from inside.)
 */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/** A server behaviour: how to answer one request. */
export type Behaviour = (req: IncomingMessage, res: ServerResponse) => void

export interface HostileApi {
  origin: string
  /** How every request is answered until the next `answer()`; the request counts are reset. */
  answer(behaviour: Behaviour): void
  /** Requests received since the last `answer()`, per path. */
  requests: Map<string, number>
  readonly total: number
  close(): Promise<void>
}

export async function startHostileApi(): Promise<HostileApi> {
  let behaviour: Behaviour = (_req, res) => res.writeHead(404).end()
  const requests = new Map<string, number>()
  const open = new Set<ServerResponse>()
  const server = createServer((req, res) => {
    open.add(res)
    res.on('close', () => open.delete(res))
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requests.set(path, (requests.get(path) ?? 0) + 1)
    behaviour(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    get total() {
      return [...requests.values()].reduce((sum, n) => sum + n, 0)
    },
    answer(next) {
      for (const res of open) res.destroy()
      requests.clear()
      behaviour = next
    },
    async close() {
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

const oneDaySec = 86_400

/** The hostile behaviours every connector meets, by name. */
export const hostileBehaviours = {
  /** 200 with an HTML page (a portal, a maintenance page, a WAF). */
  'html-with-200': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Maintenance</body></html>')
  },
  /** 200 JSON cut in the middle. */
  'truncated-json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"est_beneficiaire": tr')
  },
  /** 200 with valid JSON whose every field any connector reads has the wrong type. */
  'valid-json-of-the-wrong-shape': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        data: 'oui',
        rfr: 'beaucoup',
        nir: 5,
        etatCivil: 1,
        statutInscription: 'oui',
        paiements: { montant: 1 },
      }),
    )
  },
  /** 200 with a 5 MB JSON array, streamed without Content-Length. */
  'enormous-array': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    const item = Buffer.from(`${JSON.stringify({ data: { est_beneficiaire: true, nom: 'X'.repeat(200) } })},`)
    let sent = 0
    const target = 5 * 1024 * 1024
    res.write('[')
    const pump = () => {
      while (sent < target && !res.destroyed) {
        sent += item.length
        if (!res.write(item)) return void res.once('drain', pump)
      }
      if (!res.destroyed) res.end('{}]')
    }
    pump()
  },
  /** 302 to another host (same server under another name): following it would hand it the tokens. */
  'redirect-to-another-host': (req, res) => {
    const port = (req.headers.host ?? '').split(':')[1] ?? '80'
    res.writeHead(302, { location: `http://localhost:${port}/stolen`, 'content-type': 'text/plain' }).end('moved')
  },
  /** 503 asking to come back in a day. */
  'retry-after-one-day-503': (_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': String(oneDaySec) }).end('{"error":"maintenance"}')
  },
  /** 429 asking to come back in a day, as an HTTP date. */
  'retry-after-one-day-429-http-date': (_req, res) => {
    res
      .writeHead(429, {
        'content-type': 'application/json',
        'retry-after': new Date(Date.now() + oneDaySec * 1000).toUTCString(),
      })
      .end('{"errors":[{"code":"00429","title":"Too many requests"}]}')
  },
  /** 503, every time. */
  'unavailable-forever': (_req, res) => {
    res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>')
  },
  /** 200 announcing 8 KiB, 100 bytes sent, then the connection reset. */
  'reset-mid-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '8192' })
    res.write(`{"data":{"est_beneficiaire":true,"x":"${'y'.repeat(60)}`)
    setTimeout(() => res.socket?.destroy(), 20)
  },
} satisfies Record<string, Behaviour>

export type HostileBehaviourName = keyof typeof hostileBehaviours

/** Answers with `payloads[path]` as JSON (200), 404 elsewhere. */
export function serve(payloads: Record<string, unknown>): Behaviour {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (!(path in payloads)) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}')
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payloads[path]))
  }
}

/** Canary personal data the valid payloads are made of. */
export const canaryPerson = {
  nom: 'CANARDIERE',
  prenom: 'ZEPHYRINE',
  dateNaissance: '1947-02-19',
  email: 'zephyrine.canardiere@canary.example',
  nir: '247027510700042',
  telephone: '0699887766',
}

/** Canary secrets a connector is configured with. */
export const canarySecrets = {
  apiKey: 'APIKEY-CANARY-9f8e7d6c5b4a',
  gatewayToken: 'GATEWAY-CANARY-1a2b3c4d5e6f',
  idTeleservice: 'TELESERVICE-CANARY-77',
}

const recipient = '13002526500013'
const lastYear = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date())) - 1
const ijMapping = resolveMapping('indemnites-journalieres', undefined)
const ijSchema = buildIndemnitesJournalieresSchema('indemnites-journalieres', ijMapping)

/** One connector of `src/apis/`, ready to be pointed at a server, fuzzed and fed valid payloads. */
export interface ConnectorCase {
  id: string
  make(baseUrl: string, extra?: { hooks?: HttpHooks; timeoutMs?: number; retries?: number }): AnyConnector
  params?: unknown
  /** The valid 200 payload of each path the connector calls. */
  payloads: Record<string, unknown>
  /** The payloads again, one field broken (wrong type or format), the personal data left in: a schema error must not quote them. */
  broken: Record<string, unknown>
  /** The body the parser of {@link ConnectorCase.parse} reads (for the multi-route CNAM API: all answers together). */
  validBody: unknown
  /** `parsePayload` with the connector's schema, then its normaliser: what a 200 body goes through. */
  parse(body: unknown): unknown
}

const boursierV4 = {
  data: {
    statut_boursier: { est_boursier: true, est_radie: false, date_radiation: null },
    periode_versement_bourse: { date_rentree: '2024-09-02', duree: 10 },
    etablissement_etudes: { nom_commune: 'Périgueux', nom_etablissement: 'Lycée des Canaris' },
    echelon_bourse: { echelon: '0bis', echelon_bourse_regionale_provisoire: true },
    email: canaryPerson.email,
  },
  links: {},
  meta: {},
}
const statutEtudiantPayload = {
  data: {
    admissions: [
      {
        date_debut: '2024-09-01',
        date_fin: '2025-08-31',
        est_inscrit: true,
        regime_formation: { code: 'RF2', libelle: 'formation continue' },
        code_cog_insee_commune: '24322',
        etablissement_etudes: { uai: '0240024A', nom: 'Université des Canaris' },
      },
    ],
  },
  links: {},
  meta: {},
}
const cssPayload = {
  data: { est_beneficiaire: true, avec_participation: null, date_debut_droit: '2024-01-01' },
  links: {},
  meta: {},
}
const rsaPayload = {
  data: { est_beneficiaire: true, avec_majoration: false, date_debut_droit: '2023-05-01' },
  links: {},
  meta: {},
}
const personQf = {
  nom_naissance: canaryPerson.nom,
  nom_usage: null,
  prenoms: canaryPerson.prenom,
  date_naissance: canaryPerson.dateNaissance,
  sexe: 'F',
}
const qfPayload = {
  data: {
    quotient_familial: { fournisseur: 'CNAF', valeur: 640, annee: lastYear, mois: 11, annee_calcul: lastYear, mois_calcul: 10 },
    allocataires: [personQf],
    enfants: [],
    adresse: {
      destinataire: `Madame ${canaryPerson.nom}`,
      complement_information: null,
      complement_information_geographique: null,
      numero_libelle_voie: '3 impasse des Canaris',
      lieu_dit: null,
      code_postal_ville: '24000 PERIGUEUX',
      pays: 'FRANCE',
    },
  },
  links: {},
  meta: {},
}
const ftStatutPayload = {
  etatCivil: {
    civilite: 'MME',
    nom: canaryPerson.nom,
    nomUsage: null,
    prenom: canaryPerson.prenom,
    sexe: 'F',
    dateNaissance: `${canaryPerson.dateNaissance}T00:00:00+01:00`,
    codeCertificationCNAV: null,
  },
  modalitesContact: { telephone: canaryPerson.telephone, email: canaryPerson.email, codeValiditeEmail: 'V' },
  adresse: {
    ligneNom: `MME ${canaryPerson.prenom} ${canaryPerson.nom}`,
    codePostal: '24000',
    localite: 'PERIGUEUX',
    inseecommune: '24322',
  },
  situationInscription: {
    dateInscription: '2024-01-08T09:00:00+01:00',
    categorieInscription: 'A',
    libellecategorieInscription: null,
  },
}
const ftPaiementsPayload = {
  statutInscription: true,
  listePaiement: [
    { date_paiement: '2025-02-03T04:00:00+01:00', montant_paiement: 987.65, allocations: 987.65, aides: 0, autres_paiements: 0 },
  ],
}
const impotPayload = {
  rfr: 23456,
  sitFam: 'C',
  nbPart: 1,
  nmNaiDec1: canaryPerson.nom,
  prnmDec1: canaryPerson.prenom,
  dateNaisDec1: { jour: '19', mois: '02', annee: '1947' },
  aft: '3 IMPASSE DES CANARIS 24000 PERIGUEUX',
}
const damMe = {
  nir: canaryPerson.nir,
  nom_famille: canaryPerson.nom,
  prenom: canaryPerson.prenom,
  date_naissance: canaryPerson.dateNaissance,
  qualite: 'assure',
  rang_naissance: 1,
}
const damContrat = {
  date_debut: '2020-01-01',
  date_fin: '2030-12-31',
  nature_assurance: 'AMO',
  periodes_droits: [{ date_debut: '2020-01-01', date_fin: '2030-12-31' }],
}
const ijPayload = {
  paiements: [
    {
      date_debut: '2025-03-03',
      date_fin: '2025-03-09',
      montant_journalier: 31.4,
      nombre_jours: 7,
      montant_csg: 14.1,
      montant_crds: 1.1,
      date_paiement: '2025-03-14',
    },
  ],
}

const damBase = '/droits'
const impotPath = `/impotparticulier/1.0/situations/ir/assiettes/annrev/${lastYear}`

/** The ten connectors. */
export const connectorCases: ConnectorCase[] = [
  {
    id: 'statut-etudiant-boursier',
    make: (baseUrl, extra) => statutEtudiantBoursier({ recipient, baseUrl, ...extra }),
    payloads: { '/v4/cnous/etudiant_boursier/france_connect': boursierV4 },
    broken: { '/v4/cnous/etudiant_boursier/france_connect': { ...boursierV4, data: { ...boursierV4.data, email: 42 } } },
    validBody: boursierV4,
    parse: (body) => {
      const v4 = normalizeBoursierV4(parsePayload('statut-etudiant-boursier', boursierV4Schema, body))
      const v3 = normalizeBoursierV3(parsePayload('statut-etudiant-boursier', boursierV3Schema, body))
      return { v4, v3 }
    },
  },
  {
    id: 'statut-etudiant',
    make: (baseUrl, extra) => statutEtudiant({ recipient, baseUrl, ...extra }),
    payloads: { '/v3/mesri/statut_etudiant/france_connect': statutEtudiantPayload },
    broken: {
      '/v3/mesri/statut_etudiant/france_connect': {
        data: { admissions: [{ ...statutEtudiantPayload.data.admissions[0], date_fin: '31/08/2025' }] },
      },
    },
    validBody: statutEtudiantPayload,
    parse: (body) => normalizeStatutEtudiant(parsePayload('statut-etudiant', statutEtudiantSchema, body)),
  },
  {
    id: 'complementaire-sante-solidaire',
    make: (baseUrl, extra) => complementaireSanteSolidaire({ recipient, baseUrl, ...extra }),
    payloads: { '/v3/dss/complementaire_sante_solidaire/france_connect': cssPayload },
    broken: {
      '/v3/dss/complementaire_sante_solidaire/france_connect': { data: { ...cssPayload.data, date_debut_droit: '01/01/2024' } },
    },
    validBody: cssPayload,
    parse: (body) =>
      normalizeComplementaireSanteSolidaire(
        parsePayload('complementaire-sante-solidaire', complementaireSanteSolidaireSchema, body),
      ),
  },
  {
    id: 'revenu-solidarite-active',
    make: (baseUrl, extra) => revenuSolidariteActive({ recipient, baseUrl, ...extra }),
    payloads: { '/v3/dss/revenu_solidarite_active/france_connect': rsaPayload },
    broken: { '/v3/dss/revenu_solidarite_active/france_connect': { data: { ...rsaPayload.data, est_beneficiaire: 'oui' } } },
    validBody: rsaPayload,
    parse: (body) =>
      normalizeRevenuSolidariteActive(parsePayload('revenu-solidarite-active', revenuSolidariteActiveSchema, body)),
  },
  {
    id: 'quotient-familial',
    make: (baseUrl, extra) => quotientFamilial({ recipient, baseUrl, ...extra }),
    payloads: { '/v3/dss/quotient_familial/france_connect': qfPayload },
    broken: {
      '/v3/dss/quotient_familial/france_connect': { data: { ...qfPayload.data, allocataires: [{ ...personQf, sexe: 'X' }] } },
    },
    validBody: qfPayload,
    parse: (body) => normalizeQuotientFamilial(parsePayload('quotient-familial', quotientFamilialSchema, body)),
  },
  {
    id: 'france-travail-statut',
    make: (baseUrl, extra) => franceTravailStatut({ baseUrl, ...extra }),
    payloads: { '/partenaire/fc-statutaugmente/v1/statut': ftStatutPayload },
    broken: {
      '/partenaire/fc-statutaugmente/v1/statut': {
        ...ftStatutPayload,
        etatCivil: { ...ftStatutPayload.etatCivil, dateNaissance: 'le 19 février 1947' },
      },
    },
    validBody: ftStatutPayload,
    parse: (body) => normalizeStatut(parsePayload('france-travail-statut', statutSchema, body)),
  },
  {
    id: 'france-travail-paiements',
    make: (baseUrl, extra) => franceTravailPaiements({ baseUrl, ...extra }),
    payloads: { '/partenaire/fc-liste-paiements/v1/': ftPaiementsPayload },
    broken: {
      '/partenaire/fc-liste-paiements/v1/': {
        statutInscription: true,
        listePaiement: [{ ...ftPaiementsPayload.listePaiement[0], montant_paiement: '987,65' }],
      },
    },
    validBody: ftPaiementsPayload,
    parse: (body) => normalizePaiements(parsePayload('france-travail-paiements', paiementsSchema, body)),
  },
  {
    id: 'impot-particulier',
    make: (baseUrl, extra) =>
      impotParticulier({
        baseUrl,
        gatewayToken: canarySecrets.gatewayToken,
        idTeleservice: canarySecrets.idTeleservice,
        ...extra,
      }),
    params: { annee: lastYear },
    payloads: { [impotPath]: impotPayload },
    broken: { [impotPath]: { ...impotPayload, nbPart: 'un' } },
    validBody: impotPayload,
    parse: (body) => normalizeSituationIr(parsePayload('impot-particulier', situationIrSchema, body), lastYear),
  },
  {
    id: 'droits-assurance-maladie',
    make: (baseUrl, extra) => droitsAssuranceMaladie({ baseUrl: `${baseUrl}${damBase}`, apiKey: canarySecrets.apiKey, ...extra }),
    payloads: {
      [`${damBase}/me`]: damMe,
      [`${damBase}/me/beneficiaires`]: [damMe],
      [`${damBase}/contrats`]: [damContrat],
    },
    broken: { [`${damBase}/me`]: { ...damMe, qualite: 'inconnue' }, [`${damBase}/me/beneficiaires`]: [damMe] },
    validBody: { me: damMe, beneficiaires: [damMe], contrats: [[damContrat]] },
    parse: (body) => {
      const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
      const personnes = parsePayload('droits-assurance-maladie', personnesSchema, {
        me: record.me,
        beneficiaires: record.beneficiaires,
      })
      const { contrats } = parsePayload('droits-assurance-maladie', contratsSchema, { contrats: record.contrats })
      return {
        assure: normalizeBeneficiaire(personnes.me, contrats[0]),
        beneficiaires: personnes.beneficiaires.map((b, i) => normalizeBeneficiaire(b, contrats[i + 1])),
        contrats: contrats.flat().map(normalizeContrat),
      }
    },
  },
  {
    id: 'indemnites-journalieres',
    make: (baseUrl, extra) => indemnitesJournalieres({ baseUrl, apiKey: canarySecrets.apiKey, ...extra }),
    payloads: { '/paiements': ijPayload },
    broken: { '/paiements': { paiements: [{ ...ijPayload.paiements[0], nombre_jours: 7.5 }] } },
    validBody: ijPayload,
    parse: (body) => normalizeIndemnitesJournalieres(parsePayload('indemnites-journalieres', ijSchema, body), ijMapping),
  },
]
