/**
 * The root entry, two connectors and the data provider under Bun, the runtime of the `bun`
 * devDependency (its binary from the `@oven/bun-<platform>` optional dependency `npm ci` installs):
 * `test/e2e/runtimes/sign-in-and-data.ts` runs as a Bun child process and does a whole FranceConnect
 * sign-in against the sandbox this test starts, two data API calls and a checktoken; only the
 * person's clicks at the sandbox's pages happen here, in Node.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../src/testing/index.js'

const root = new URL('../../', import.meta.url).pathname
const script = new URL('./runtimes/sign-in-and-data.ts', import.meta.url).pathname

/**
 * Bun's binary: the platform package's own (it is there even if an install skipped bun's
 * postinstall, which only links it into node_modules/.bin), else node_modules/.bin/bun.
 */
function bunBinary(): string {
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch
  const candidates = [
    `node_modules/@oven/bun-${process.platform}-${arch}/bin/bun`,
    `node_modules/@oven/bun-${process.platform}-${arch}-musl/bin/bun`,
    'node_modules/.bin/bun',
  ].map((path) => `${root}${path}`)
  const found = candidates.find((path) => existsSync(path))
  if (!found) throw new Error(`Bun is missing: none of ${candidates.join(', ')} exists. Run npm ci.`)
  return found
}

describe('on Bun', () => {
  let sandbox: Sandbox
  let bun: string
  beforeAll(async () => {
    bun = bunBinary()
    sandbox = await startSandbox()
  }, 60_000)
  afterAll(() => sandbox?.close())

  it('is the Bun of the devDependency', () => {
    const version = spawnSync(bun, ['--version'], { encoding: 'utf8' })
    expect(version.status, version.stderr).toBe(0)
    expect(version.stdout.trim()).toMatch(/^1\.\d+\.\d+$/)
  })

  it('signs in, binds the callback to its cookie, calls two connectors, and a data provider checks the token', {
    timeout: 60_000,
  }, async () => {
    const config = {
      issuer: sandbox.issuer,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      redirectUri: sandbox.redirectUri,
      apiParticulier: sandbox.apis['statut-etudiant-boursier'],
      recipient: sandbox.credentials.apiParticulier.recipient,
      params: sandbox.allDataParams,
      dataProvider: {
        clientId: sandbox.dataProvider.clientId,
        clientSecret: sandbox.dataProvider.clientSecret,
        decryptionKeys: sandbox.dataProvider.decryptionKeys,
      },
    }
    const child = spawn(bun, [script, JSON.stringify(config)], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk)
    })
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
    const nextLine = async (): Promise<Record<string, unknown>> => {
      const line = await lines.next()
      if (line.done) throw new Error(`Bun exited early (code ${await exited}): ${stderr}`)
      return JSON.parse(line.value) as Record<string, unknown>
    }
    try {
      const started = (await nextLine()) as { runtime: string; url: string; cookie: string }
      expect(started.runtime).toMatch(/^bun 1\./)
      expect(started.url.startsWith(`${sandbox.issuer}/authorize?`)).toBe(true)
      child.stdin.write(`${await sandbox.signIn(started.url)}\n`)
      expect(await nextLine()).toEqual({
        refused: 'binding_missing',
        givenName: 'Angela Claire Louise',
        apis: ['quotient-familial:fulfilled', 'statut-etudiant-boursier:fulfilled'],
        boursier: true,
        dataProvider: { accepted: 'DUBOIS', missingScope: 403, noToken: 401, keyed: true, deleted: [true, false] },
      })
      expect(await exited, stderr).toBe(0)
    } finally {
      child.kill()
    }
  })
})
