/**
 * `npm run size` (`tsx bench/size.ts`): bundle sizes of real usage, the SDK next to openid-client,
 * built the same way in the same run: esbuild, bundle, minify, format esm, platform neutral, target
 * es2022, tree-shaken, `node:*` external. The SDK is the PACKED package (`npm pack` of `dist/`,
 * rebuilt first when older than `src/` or with `--build`), imported as `franceconnect-sdk` the way an
 * app's bundler sees it: its `exports`, its files, its `sideEffects`. Entries are the small files of
 * bench/size-entries/:
 *
 *   (a) sdk-fc-v2               FranceConnect v2 sign-in     vs openid-client-fc-v2
 *   (b) sdk-fc-plus             FranceConnect+ sign-in       vs openid-client-fc-plus
 *   (c) sdk-connector-boursier  the first connector + the HTTP layer
 *   (d) each further connector subpath: the increment of (c) + that connector over (c)
 *   (e) sdk-root-whole          the root entry whole: its metafile must hold nothing from the
 *                               connectors (but their data-only manifests), the sandbox, the
 *                               redis store, nor ky
 *
 * Prints min, gzip (level 9) and brotli (quality 11) sizes with ratios, the heaviest inputs of
 * each SDK bundle, and exits 1 when a budget of bench/size-budgets.json is exceeded or (e) fails.
 * When (a) or (b) is over its budget (or with `--explain`), it also rebuilds them with the modules
 * each proposed change would remove replaced by stubs, and prints what each change would save.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild'
import { packedPackagePlugin, packPackage } from './lib/packed-package.js'
import { machine } from './lib/report.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const entriesDir = join(root, 'bench/size-entries')

interface Budgets {
  entries: Record<string, { brotli: number | string }>
  connectorIncrement: { brotli: number; exceptions?: Record<string, number> }
  /** Goals compared in the table but not enforced (entry → the entry it should not exceed). */
  goals?: Record<string, string>
  rootEntryForbidden: string[]
}
const budgets = JSON.parse(readFileSync(join(root, 'bench/size-budgets.json'), 'utf8')) as Budgets

interface Size {
  min: number
  gzip: number
  brotli: number
  metafile: Metafile
}

const packed = packPackage(root, process.argv.includes('--build'))
const packedPlugin = packedPackagePlugin(packed.resolveDir)

const shared: BuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  treeShaking: true,
  external: ['node:*'],
  // The packed package lives outside the project: its dependencies resolve from the project's.
  nodePaths: [join(root, 'node_modules')],
  metafile: true,
  write: false,
  logLevel: 'silent',
  absWorkingDir: root,
}

function measure(code: Uint8Array, metafile: Metafile): Size {
  return {
    min: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.byteLength },
    }).byteLength,
    metafile,
  }
}

async function bundleFile(file: string, stubs: Record<string, string> = {}): Promise<Size> {
  const result = await build({
    ...shared,
    entryPoints: [join(entriesDir, file)],
    outfile: 'out.js',
    plugins: [stubPlugin(stubs), packedPlugin],
  })
  const output = result.outputFiles?.[0]
  if (!output || !result.metafile) throw new Error(`no output for ${file}`)
  return measure(output.contents, result.metafile)
}

async function bundleSource(contents: string, name: string): Promise<Size> {
  const result = await build({
    ...shared,
    stdin: { contents, resolveDir: entriesDir, sourcefile: name, loader: 'ts' },
    outfile: 'out.js',
    plugins: [packedPlugin],
  })
  const output = result.outputFiles?.[0]
  if (!output || !result.metafile) throw new Error(`no output for ${name}`)
  return measure(output.contents, result.metafile)
}

/** Replaces whole modules (by import specifier) with the given source: the "what if" builds. */
function stubPlugin(stubs: Record<string, string>): Plugin {
  return {
    name: 'stub',
    setup(pluginBuild) {
      const names = Object.keys(stubs)
      if (names.length === 0) return
      const filter = new RegExp(`^(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`)
      pluginBuild.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'stub' }))
      pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({ contents: stubs[args.path] ?? '', loader: 'js' }))
    },
  }
}

/** Bytes each package (or SDK folder) puts in the bundle, heaviest first. */
function breakdown(metafile: Metafile): [string, number][] {
  const byPart = new Map<string, number>()
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input)
      let part: string
      if (pkg) {
        const [, name, rest] = pkg
        // jose and oauth4webapi by module: that is what a deep import can leave out; the SDK's
        // dist files are named after the src/ modules they come from.
        if (name === 'franceconnect-sdk') part = `src/${(rest ?? '').replace(/^dist\//, '').replace(/\.js$/, '')}`
        else
          part = name === 'jose' ? `jose/${(rest ?? '').replace(/^dist\/webapi\//, '').replace(/\.js$/, '')}` : (name as string)
      } else {
        part = input.replace(/^src\//, 'src/').replace(/\.ts$/, '')
      }
      byPart.set(part, (byPart.get(part) ?? 0) + bytesInOutput)
    }
  }
  return [...byPart.entries()].sort((a, b) => b[1] - a[1])
}

function groupTotals(metafile: Metafile): [string, number][] {
  const groups = new Map<string, number>()
  for (const [part, bytes] of breakdown(metafile)) {
    const group = part.startsWith('jose/')
      ? 'jose'
      : part.startsWith('src/')
        ? `src/${part.split('/')[1]}`
        : part.startsWith('bench/')
          ? 'entry'
          : part
    groups.set(group, (groups.get(group) ?? 0) + bytes)
  }
  return [...groups.entries()].sort((a, b) => b[1] - a[1])
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
const signedKB = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${kB(Math.abs(bytes))}`
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`

function table(header: string[], lines: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)))
  const render = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n')
}

const { cpu, cores, node } = machine()
console.log('franceconnect-sdk bundle sizes: tsx bench/size.ts')
console.log(
  `machine: ${cpu}, ${cores} cores, Node ${node}; esbuild bundle+minify, esm, platform neutral, es2022, node:* external; gzip -9, brotli q11`,
)
console.log(`SDK: the packed package (npm pack of dist/${packed.built ? ', rebuilt first' : ''}), imported as franceconnect-sdk`)
console.log('')

const sizes = new Map<string, Size>()
for (const file of readdirSync(entriesDir)
  .filter((name) => name.endsWith('.ts'))
  .sort()) {
  sizes.set(file.replace(/\.ts$/, ''), await bundleFile(file))
}
const get = (name: string): Size => {
  const size = sizes.get(name)
  if (!size) throw new Error(`entry ${name} missing from bench/size-entries/`)
  return size
}

const failures: string[] = []
const budgetOf = (name: string): number | undefined => {
  const budget = budgets.entries[name]?.brotli
  if (budget === undefined) return undefined
  return typeof budget === 'number' ? budget : get(budget).brotli
}
const budgetText = (name: string): string => {
  const budget = budgets.entries[name]?.brotli
  if (budget === undefined) return ''
  return typeof budget === 'number' ? `≤ ${kB(budget)} br` : `≤ ${budget} (${kB(get(budget).brotli)} br)`
}
const check = (name: string, size: Size): string => {
  const budget = budgetOf(name)
  if (budget === undefined) return ''
  if (size.brotli > budget) {
    failures.push(`${name}: ${kB(size.brotli)} brotli > budget ${kB(budget)}`)
    return 'OVER'
  }
  return 'ok'
}

// Side by side: (a) and (b).
const pairs = [
  ['(a) FC v2 sign-in', 'sdk-fc-v2', 'openid-client-fc-v2'],
  ['(b) FC+ sign-in', 'sdk-fc-plus', 'openid-client-fc-plus'],
] as const
console.log(
  table(
    [
      'scenario',
      'SDK min',
      'SDK gzip',
      'SDK brotli',
      'openid-client min',
      'gzip',
      'brotli',
      'ratio min / gzip / brotli',
      'budget (brotli)',
      'holds',
    ],
    pairs.map(([label, mine, theirs]) => {
      const a = get(mine)
      const b = get(theirs)
      const verdict = check(mine, a)
      return [
        label,
        kB(a.min),
        kB(a.gzip),
        kB(a.brotli),
        kB(b.min),
        kB(b.gzip),
        kB(b.brotli),
        `${ratio(a.min, b.min)} / ${ratio(a.gzip, b.gzip)} / ${ratio(a.brotli, b.brotli)}`,
        budgetText(mine),
        verdict,
      ]
    }),
  ),
)
console.log('')

// (c) and (d).
const first = get('sdk-connector-boursier')
const firstSource = readFileSync(join(entriesDir, 'sdk-connector-boursier.ts'), 'utf8')
const connectorLines: string[][] = [
  [
    '(c) statut-etudiant-boursier + HTTP layer',
    kB(first.min),
    kB(first.gzip),
    kB(first.brotli),
    budgetText('sdk-connector-boursier'),
    check('sdk-connector-boursier', first),
  ],
]
const apisDir = join(root, 'src/apis')
const subpaths = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: object }).exports)
for (const dir of readdirSync(apisDir).sort()) {
  if (dir === 'statut-etudiant-boursier' || !subpaths.includes(`./apis/${dir}`)) continue
  const source = readFileSync(join(apisDir, dir, 'index.ts'), 'utf8')
  const factory = dir.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
  const usage = new RegExp(`export (?:async )?function ${factory}\\b`).test(source)
    ? `export { ${factory} } from 'franceconnect-sdk/apis/${dir}'`
    : `export * from 'franceconnect-sdk/apis/${dir}'`
  let label = `(d) + ${dir}`
  try {
    const both = await bundleSource(`${firstSource}\n${usage}\n`, `${dir}.ts`)
    const increment = { min: both.min - first.min, gzip: both.gzip - first.gzip, brotli: both.brotli - first.brotli }
    let verdict = 'ok'
    const incrementBudget = budgets.connectorIncrement.exceptions?.[dir] ?? budgets.connectorIncrement.brotli
    if (increment.brotli > incrementBudget) {
      verdict = 'OVER'
      // What the increment is made of (bytes in the minified output, before compression).
      const before = new Map(breakdown(first.metafile))
      const added = breakdown(both.metafile)
        .map(([part, bytes]): [string, number] => [part, bytes - (before.get(part) ?? 0)])
        .filter(([, bytes]) => bytes > 50)
        .map(([part, bytes]) => `${part} ${signedKB(bytes)}`)
      failures.push(`${dir}: increment ${kB(increment.brotli)} brotli > ${kB(incrementBudget)} (min: ${added.join(', ')})`)
    }
    if (!usage.includes('{')) label += ' (export *: no factory named ' + factory + ')'
    connectorLines.push([
      label,
      signedKB(increment.min),
      signedKB(increment.gzip),
      signedKB(increment.brotli),
      `≤ ${kB(incrementBudget)} br`,
      verdict,
    ])
  } catch (error) {
    // A connector being written may not build yet: say so, do not fail the others.
    connectorLines.push([`${label}: does not build (${(error as Error).message.split('\n')[0]})`, '', '', '', '', 'skipped'])
  }
}
console.log(table(['connectors', 'min', 'gzip', 'brotli', 'budget', 'holds'], connectorLines))
console.log('')

// (e) the root entry whole.
const whole = get('sdk-root-whole')
const inputs = Object.keys(whole.metafile.inputs)
// The connectors' manifests (`dist/apis/<id>/manifest.js`) are data the scope registry reads; they
// import nothing but types (test/unit/connector-manifests.test.ts), so they are no connector code.
const manifestFile = /dist\/apis\/[^/]+\/manifest\.js$/
const leaks = budgets.rootEntryForbidden.flatMap((needle) =>
  inputs.filter((input) => input.includes(needle) && !manifestFile.test(input)).map((input) => `${needle}: ${input}`),
)
if (leaks.length > 0) failures.push(`the root entry pulls in ${leaks.join(', ')}`)
console.log(
  table(
    [
      '(e) root entry imported whole',
      'min',
      'gzip',
      'brotli',
      'inputs',
      `holds nothing from ${budgets.rootEntryForbidden.join(', ')}`,
    ],
    [
      [
        'sdk-root-whole',
        kB(whole.min),
        kB(whole.gzip),
        kB(whole.brotli),
        String(inputs.length),
        leaks.length === 0 ? 'yes' : `NO: ${leaks.join(', ')}`,
      ],
    ],
  ),
)
console.log('')

// What costs most, in the SDK bundles and in openid-client's for comparison (bytes in the minified output, before compression).
for (const name of ['sdk-fc-v2', 'openid-client-fc-v2', 'sdk-fc-plus', 'openid-client-fc-plus', 'sdk-connector-boursier']) {
  const size = get(name)
  const groups = groupTotals(size.metafile)
  console.log(`${name}: ${groups.map(([group, bytes]) => `${group} ${kB(bytes)}`).join(', ')}`)
  const top = breakdown(size.metafile).slice(0, 8)
  console.log(`  heaviest inputs: ${top.map(([part, bytes]) => `${part} ${kB(bytes)}`).join(', ')}`)
}
console.log('')

// What would shrink (a) and (b): the same entries rebuilt with one dependency path replaced by a
// stub standing for the proposed change in src/ (printed when (a) or (b) is over its budget, or with --explain).
const overSignIn = ['sdk-fc-v2', 'sdk-fc-plus'].some((name) => get(name).brotli > (budgetOf(name) ?? Infinity))
if (overSignIn || process.argv.includes('--explain')) {
  const whatIfs: { label: string; change: string; stubs: Record<string, string>; entries: string[] }[] = [
    // Done in issue 15 and so no longer stubbed: JWE decryption only for FC+ (franceConnectPlus() supplies
    // it), private_key_jwt without jose's SignJWT (oauth4webapi signs), identity claims without valibot.
    {
      label: 'JOSE on WebCrypto directly (no jose)',
      change:
        'src/oidc/verify-jwt.ts, key-set.ts, encryption-keys.ts: crypto.subtle importKey/verify for ES256/RS256/PS256 and, for FC+, ECDH-ES (Concat KDF) / RSA-OAEP + AES-GCM decrypt (~70 lines, as oauth4webapi does for JWS) instead of jose',
      stubs: {
        'bench-webcrypto-jose': [
          'const decode = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))',
          'const encode = (b) => btoa(String.fromCharCode(...b)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "")',
          'const text = new TextEncoder()',
          'const decodeProtectedHeader = (t) => JSON.parse(new TextDecoder().decode(decode(t.split(".")[0])))',
          'const params = (alg, jwk) => alg === "ECDH-ES" ? { name: "ECDH", namedCurve: jwk.crv } : alg.startsWith("RSA-OAEP") ? { name: "RSA-OAEP", hash: alg === "RSA-OAEP" ? "SHA-1" : "SHA-" + alg.slice(9) } : alg.startsWith("ES") ? { name: "ECDSA", namedCurve: "P-" + alg.slice(2), hash: "SHA-" + alg.slice(2) } : alg.startsWith("PS") ? { name: "RSA-PSS", hash: "SHA-" + alg.slice(2), saltLength: +alg.slice(2) / 8 } : alg.startsWith("HS") ? { name: "HMAC", hash: "SHA-" + alg.slice(2) } : { name: "RSASSA-PKCS1-v1_5", hash: "SHA-" + alg.slice(2) }',
          'const usage = (alg) => alg === "ECDH-ES" ? ["deriveBits"] : alg.startsWith("RSA-OAEP") ? ["decrypt"] : ["verify"]',
          'const importJWK = (jwk, alg) => crypto.subtle.importKey("jwk", jwk, params(alg, jwk), false, usage(alg))',
          'async function compactVerify(jws, key, options) {',
          '  const [h, p, s] = jws.split("."); const header = decodeProtectedHeader(jws)',
          '  if (!options.algorithms.includes(header.alg)) throw Object.assign(new Error("alg"), { code: "ERR_JOSE_ALG_NOT_ALLOWED" })',
          '  if (key instanceof Uint8Array) key = await crypto.subtle.importKey("raw", key, params(header.alg), false, ["verify"])',
          '  if (!(await crypto.subtle.verify(params(header.alg), key, decode(s), text.encode(h + "." + p)))) throw Object.assign(new Error("signature"), { code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" })',
          '  return { payload: decode(p), protectedHeader: header }',
          '}',
          'const u32 = (n) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]',
          'async function compactDecrypt(jwe, key, options) {',
          '  const [h, ek, iv, ct, tag] = jwe.split("."); const header = decodeProtectedHeader(jwe)',
          '  if (!options.keyManagementAlgorithms.includes(header.alg) || !options.contentEncryptionAlgorithms.includes(header.enc)) throw new Error("alg")',
          '  const bits = { A128GCM: 128, A192GCM: 192, A256GCM: 256 }[header.enc]',
          '  let cek',
          '  if (header.alg === "ECDH-ES") {',
          '    const epk = await crypto.subtle.importKey("jwk", header.epk, { name: "ECDH", namedCurve: header.epk.crv }, false, [])',
          '    const z = new Uint8Array(await crypto.subtle.deriveBits({ name: "ECDH", public: epk }, key, 256)); const enc = text.encode(header.enc)',
          '    cek = new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array([0, 0, 0, 1, ...z, ...u32(enc.length), ...enc, 0, 0, 0, 0, 0, 0, 0, 0, ...u32(bits)]))).slice(0, bits / 8)',
          '  } else cek = new Uint8Array(await crypto.subtle.decrypt({ name: "RSA-OAEP" }, key, decode(ek)))',
          '  const aes = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, ["decrypt"])',
          '  const plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: decode(iv), additionalData: text.encode(h) }, aes, new Uint8Array([...decode(ct), ...decode(tag)])))',
          '  return { plaintext, protectedHeader: header }',
          '}',
          'export { decode, encode, decodeProtectedHeader, importJWK, compactVerify, compactDecrypt }',
        ].join('\n'),
        'jose/jws/compact/verify': 'export { compactVerify } from "bench-webcrypto-jose"',
        'jose/jwe/compact/decrypt': 'export { compactDecrypt } from "bench-webcrypto-jose"',
        'jose/key/import': 'export { importJWK } from "bench-webcrypto-jose"',
        'jose/decode/protected_header': 'export { decodeProtectedHeader } from "bench-webcrypto-jose"',
        'jose/base64url': 'export { encode, decode } from "bench-webcrypto-jose"',
      },
      entries: ['sdk-fc-v2', 'sdk-fc-plus'],
    },
    {
      label: 'client methods not called are not bundled',
      change:
        'createClient returns every method, so refresh, revoke, fetch/getAllData are always in: standalone functions (or a subpath) for refresh/revoke/fetch would let an app that does not call them drop them',
      stubs: {
        './refresh.js': 'export async function refresh() {}',
        './revoke.js': 'export async function revoke() {}',
        './get-data.js': 'export async function getData() {}\nexport async function getAllData() {}',
      },
      entries: ['sdk-fc-v2', 'sdk-fc-plus'],
    },
  ]
  const lines: string[][] = []
  for (const entry of ['sdk-fc-v2', 'sdk-fc-plus']) {
    const actual = get(entry)
    const budget = budgetOf(entry) ?? Infinity
    const applicable = whatIfs.filter((whatIf) => whatIf.entries.includes(entry))
    for (const whatIf of applicable) {
      const size = await bundleFile(`${entry}.ts`, whatIf.stubs)
      lines.push([
        entry,
        whatIf.label,
        kB(size.brotli),
        signedKB(size.brotli - actual.brotli),
        size.brotli <= budget ? 'yes' : 'no',
      ])
    }
    // Earlier changes win where two stub the same module (v2: no decryption at all beats a small one).
    const all = await bundleFile(
      `${entry}.ts`,
      Object.assign({}, ...[...applicable].reverse().map((whatIf) => whatIf.stubs)) as Record<string, string>,
    )
    lines.push([
      entry,
      'all of the above',
      kB(all.brotli),
      signedKB(all.brotli - actual.brotli),
      all.brotli <= budget ? 'yes' : 'no',
    ])
  }
  console.log('what would shrink the sign-in bundles (each change stubbed out in a rebuild; brotli):')
  console.log(table(['entry', 'what if', 'brotli', 'vs now', 'within budget'], lines))
  for (const whatIf of whatIfs) console.log(`  - ${whatIf.label}: ${whatIf.change}`)
  console.log('')
}

if (failures.length > 0) {
  console.log(`size budgets exceeded:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`)
  process.exitCode = 1
} else {
  console.log('all size budgets hold')
}
