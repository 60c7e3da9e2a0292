/**
 * `franceconnect-sdk sandbox`: credentials that survive a restart (derived from a seed, or given
 * with --client-id / --client-secret), and the ProConnect variant.
 */
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './run-cli.js'

const envOf = (out: string) =>
  Object.fromEntries([...out.matchAll(/^([A-Z_]+)=(.*)$/gm)].map(([, name = '', value = '']) => [name, value]))

async function printedEnv(args: string[]): Promise<Record<string, string>> {
  const running = await startCli(['sandbox', ...args], 'Ctrl-C to stop')
  const env = envOf(running.output.stdout)
  expect((await running.stop('SIGTERM')).code).toBe(0)
  return env
}

describe('franceconnect-sdk sandbox credentials', () => {
  it('prints the same client id and secret at every start (default seed), others with --seed', async () => {
    const first = await printedEnv([])
    const second = await printedEnv([])
    expect(second.FC_CLIENT_ID).toBe(first.FC_CLIENT_ID)
    expect(second.FC_CLIENT_SECRET).toBe(first.FC_CLIENT_SECRET)
    expect(second.CNAM_API_KEY).toBe(first.CNAM_API_KEY)
    const seeded = await printedEnv(['--seed', 'my-laptop'])
    expect(seeded.FC_CLIENT_ID).toMatch(/^[0-9a-f]{64}$/)
    expect(seeded.FC_CLIENT_ID).not.toBe(first.FC_CLIENT_ID)
  })

  it('registers --client-id and --client-secret, and runs ProConnect with --variant proconnect', async () => {
    const running = await startCli(
      ['sandbox', '--variant', 'proconnect', '--client-id', 'my-app', '--client-secret', 's'.repeat(40)],
      'Ctrl-C to stop',
    )
    const out = running.output.stdout
    expect(out).toContain('ProConnect sandbox running')
    expect(out).toMatch(/^ {2}0 {2}marie-lambert +Marie LAMBERT$/m)
    const env = envOf(out)
    expect(env).toMatchObject({ FC_PROVIDER: 'proconnect', FC_CLIENT_ID: 'my-app', FC_CLIENT_SECRET: 's'.repeat(40) })
    const discovery = (await (await fetch(`${env.FC_ISSUER}/.well-known/openid-configuration`)).json()) as { issuer: string }
    expect(discovery.issuer).toBe(env.FC_ISSUER)
    expect((await running.stop('SIGTERM')).code).toBe(0)
  })

  it('refuses a short --client-secret, and --userinfo without ProConnect (exit 2)', async () => {
    const short = await runCli(['sandbox', '--client-secret', 'short'])
    expect(short.code).toBe(2)
    expect(short.stderr).toContain('--client-secret must be at least 32 characters')
    const userinfo = await runCli(['sandbox', '--userinfo', 'json'])
    expect(userinfo.code).toBe(2)
    expect(userinfo.stderr).toContain('--userinfo goes with --variant proconnect')
  })
})
