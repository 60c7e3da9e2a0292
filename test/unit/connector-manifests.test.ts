import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { camelCase, connectorFolders, outOfStep } from '../../scripts/sync-connectors.js'
import { apiParticulierHosts } from '../../src/apis/shared/api-particulier.js'
import { connectorManifests } from '../../src/registry/connector-manifests.js'
import type { ConnectorManifest } from '../../src/registry/manifest.js'
import { dataScopes } from '../../src/registry/data-scopes.js'
import { connectorSandboxes } from '../../src/testing/connector-sandboxes.js'
import { entries } from '../../tsup.config.js'

const root = new URL('../../', import.meta.url)

describe('connector manifests', () => {
  it('one per folder of src/apis/, named after it', () => {
    expect(connectorManifests.map(({ id }) => id).sort()).toEqual(connectorFolders().sort())
    for (const manifest of connectorManifests) expect(manifest.factory).toBe(camelCase(manifest.id))
  })

  it('are data only: a manifest imports nothing but types', () => {
    for (const { id } of connectorManifests) {
      const source = readFileSync(new URL(`src/apis/${id}/manifest.ts`, root), 'utf8')
      const imports = source.split('\n').filter((line) => /^\s*(import|export)\b.*\bfrom\b/.test(line))
      for (const line of imports) expect(line, id).toMatch(/^import type /)
    }
  })

  it('give each connector its factory and its scope lists', async () => {
    for (const manifest of connectorManifests) {
      const module = (await import(new URL(`src/apis/${manifest.id}/index.ts`, root).href)) as Record<string, unknown>
      expect(typeof module[manifest.factory], manifest.id).toBe('function')
      const scopes = [...manifest.scopes]
      expect(Object.keys(manifest.scopeDetails), manifest.id).toEqual(scopes)
      expect(module[`${manifest.factory}Scopes`], manifest.id).toEqual(scopes)
      if ('defaultScopes' in manifest) {
        expect(module[`${manifest.factory}DefaultScopes`], manifest.id).toEqual(manifest.defaultScopes)
        for (const scope of manifest.defaultScopes) expect(scopes, manifest.id).toContain(scope)
      }
    }
  })

  it('give the registry its rows: every manifest scope once, naming its connector', () => {
    const connected = dataScopes.filter((row) => row.api !== undefined)
    expect(connected.length).toBe(connectorManifests.reduce((sum, manifest) => sum + manifest.scopes.length, 0))
    for (const manifest of connectorManifests as readonly ConnectorManifest[]) {
      for (const scope of manifest.scopes) {
        expect(
          dataScopes.filter((row) => row.scope === scope),
          scope,
        ).toEqual([
          expect.objectContaining({
            ...manifest.scopeDetails[scope],
            scope,
            provider: manifest.provider,
            api: manifest.id,
          }),
        ])
      }
    }
  })

  it('state the hosts the connectors use', async () => {
    const cnam = await import('../../src/apis/droits-assurance-maladie/index.js')
    expect(cnam.droitsAssuranceMaladieHosts).toEqual(
      connectorManifests.find(({ id }) => id === 'droits-assurance-maladie')?.hosts,
    )
    for (const id of [
      'statut-etudiant',
      'statut-etudiant-boursier',
      'complementaire-sante-solidaire',
      'revenu-solidarite-active',
      'quotient-familial',
    ]) {
      expect(connectorManifests.find((manifest) => manifest.id === id)?.hosts, id).toEqual(apiParticulierHosts)
    }
  })

  it('say beside them how the sandbox serves each API, out of the manifest object the root entry reads', async () => {
    for (const manifest of connectorManifests) {
      const module = (await import(new URL(`src/apis/${manifest.id}/manifest.ts`, root).href)) as Record<string, unknown>
      expect(module.sandbox, manifest.id).toEqual(connectorSandboxes[manifest.id])
      expect(manifest, manifest.id).not.toHaveProperty('sandbox')
    }
    expect(Object.keys(connectorSandboxes)).toEqual(connectorManifests.map(({ id }) => id))
  })

  it('give the build one entry each', () => {
    for (const { id } of connectorManifests) expect(entries[`apis/${id}/index`]).toBe(`src/apis/${id}/index.ts`)
  })

  it('keep package.json exports and the generated lists in step (`npm run sync:connectors` fixes them)', () => {
    expect(outOfStep()).toEqual([])
  })
})
