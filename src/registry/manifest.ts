/**
 * The manifest of a connector: what the SDK knows of one data API as pure data (its id, the
 * FranceConnect scopes it asks with their labels and the fields they open, its hosts, its
 * parameters). Each connector folder holds one (`src/apis/<id>/manifest.ts`), importing nothing but
 * types, so that the scope registry reads them all without pulling any connector code into the root
 * entry. The registry rows, the `ConnectorId` type, each connector's scope list, the `exports` of
 * package.json and the build entries all come from the manifests (docs/architecture.md, "How to add
 * an API"). Beside its manifest, each `manifest.ts` exports `sandbox` ({@link ConnectorSandbox}): how
 * `franceconnect-sdk/testing` serves and configures the API.
 *
 * @module
 */

/** The platforms a data scope can be asked on. */
export type DataScopePlatform = 'franceconnect' | 'franceconnect-plus'

/** Who owns a data scope, as FranceConnect's scope registry groups them. */
export type DataScopeProvider =
  | 'DGFiP'
  | 'CNAM'
  | 'CNOUS'
  | 'MESRI'
  | 'MI'
  | 'France Travail'
  | 'DSS'
  | 'DSNJ'
  | 'CNAF/MSA'
  | 'ANTS'
  | 'ASC'

/** What a manifest says of one FranceConnect scope its connector asks. */
export interface ManifestScopeDetail {
  /** Its French label, for consent screens and logs. */
  readonly label: string
  /** `reference`: the label of the APIs reference; `derived`: written from the scope's name. */
  readonly labelSource: 'reference' | 'derived'
  /** The raw response fields it unlocks; empty when not known (see `fieldsNote`). */
  readonly fields: readonly string[]
  /** Why `fields` is empty, or how sure the mapping is. */
  readonly fieldsNote?: string
  /** Platforms that offer it: FranceConnect+ maps only the CNAM, CNOUS and DGFiP scopes. */
  readonly platforms: readonly DataScopePlatform[]
}

/** One parameter a connector's `read` takes (`fc.getData`'s third argument), for documentation and tooling. */
export interface ManifestParameter {
  /** Its name in the params object, e.g. `annee`. */
  readonly name: string
  /** What it is, in one line. */
  readonly description: string
  /** Whether the call needs it. */
  readonly required: boolean
}

/** A connector as data: everything the registry, the build and the docs need, no runtime code. */
export interface ConnectorManifest {
  /** The connector's id: its folder `src/apis/<id>/`, its subpath `franceconnect-sdk/apis/<id>`. */
  readonly id: string
  /** The factory `src/apis/<id>/index.ts` exports, e.g. `quotientFamilial`. */
  readonly factory: string
  /** The name of the API, in French as its provider writes it. */
  readonly label: string
  /** Who owns its scopes in FranceConnect's registry. */
  readonly provider: DataScopeProvider
  /** Every FranceConnect scope the connector may ask, in the registry's order (the manifest's `scopeNames`). */
  readonly scopes: readonly string[]
  /** Each scope's label, fields and platforms, by scope. */
  readonly scopeDetails: Readonly<Record<string, ManifestScopeDetail>>
  /** What it asks when the app gives no `scopes`; every scope when absent. */
  readonly defaultScopes?: readonly string[]
  /** Its hosts by environment (`env`); empty when the app must give `baseUrl`. */
  readonly hosts: Readonly<Record<string, string>>
  /** The parameters of its `read`. */
  readonly parameters: readonly ManifestParameter[]
}

/**
 * The mocks of the sandbox (`franceconnect-sdk/testing`, `src/testing/mock-apis/`), each under its own
 * path of the mock APIs' origin: API Particulier's FranceConnect routes, the DGFiP gateway, the CNAM's
 * droits and IJ APIs, France Travail's partner routes.
 */
export type SandboxMock = 'api-particulier' | 'dgfip' | 'cnam-droits' | 'cnam-ij' | 'france-travail'

/**
 * A credential of the sandbox, named as the connector factory's option that takes it: API
 * Particulier's `recipient`, the CNAM's `apiKey`, the DGFiP gateway's `gatewayToken` and
 * `idTeleservice` (`sandbox.credentials` holds them by provider).
 */
export type SandboxCredentialOption = 'recipient' | 'apiKey' | 'gatewayToken' | 'idTeleservice'

/** A value the sandbox knows for a `read` parameter: `incomeYear`, the year of income its people have data for. */
export type SandboxParamValue = 'incomeYear'

/**
 * How the sandbox serves and configures a connector's API: the `sandbox` export of its `manifest.ts`,
 * beside the manifest object and not in it, so that the root entry, which reads every manifest,
 * leaves it out. `franceconnect-sdk/testing` derives from it the connector's `sandbox.apis` entry, its
 * `sandbox.connectorOptions` (value and type), the data provider whose token checks it shares, and
 * its `sandbox.allDataParams` entry.
 */
export interface ConnectorSandbox {
  /** The mock that serves the API: the connector's `baseUrl` in the sandbox is that mock's. */
  readonly mock: SandboxMock
  /** The sandbox credentials its factory takes besides `baseUrl`, in the order they are given. */
  readonly options: readonly SandboxCredentialOption[]
  /** Its `getAllData` params in the sandbox, each parameter's value by name; absent when it needs none. */
  readonly params?: Readonly<Record<string, SandboxParamValue>>
}
