/**
 * Which exports of the public entry points lack a JSDoc comment, and which exported functions lack
 * an `@example`. Prints one line per finding and a summary; exits non-zero when there is one.
 *
 * `npx tsx test/docs/jsdoc-audit.ts` (`--all`: ask an `@example` of every export, not only of
 * functions; `--json` for machine output)
 */
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** One export that misses documentation. */
export interface JsdocFinding {
  /** The subpath it is exported from (`franceconnect-sdk`, `franceconnect-sdk/apis/…`). */
  entry: string
  name: string
  kind: 'function' | 'class' | 'interface' | 'type' | 'variable' | 'enum' | 'namespace'
  /** `src/…:line` of its declaration. */
  at: string
  missing: 'jsdoc' | 'example'
}

/** The public entry points, as `[subpath, file]`. */
export function entryPoints(root: string): [string, string][] {
  const apis = readdirSync(join(root, 'src/apis'), { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && dirent.name !== 'shared')
    .map((dirent): [string, string] => [`franceconnect-sdk/apis/${dirent.name}`, `src/apis/${dirent.name}/index.ts`])
  return [
    ['franceconnect-sdk', 'src/index.ts'],
    ['franceconnect-sdk/data-provider', 'src/data-provider/index.ts'],
    ['franceconnect-sdk/testing', 'src/testing/index.ts'],
    ['franceconnect-sdk/stores/redis', 'src/stores/redis-store.ts'],
    ...apis.sort(),
  ]
}

function kindOf(declaration: ts.Declaration, checker: ts.TypeChecker): JsdocFinding['kind'] {
  if (ts.isFunctionDeclaration(declaration)) return 'function'
  if (ts.isClassDeclaration(declaration)) return 'class'
  if (ts.isInterfaceDeclaration(declaration)) return 'interface'
  if (ts.isTypeAliasDeclaration(declaration)) return 'type'
  if (ts.isEnumDeclaration(declaration)) return 'enum'
  if (ts.isModuleDeclaration(declaration)) return 'namespace'
  if (ts.isVariableDeclaration(declaration)) {
    const init = declaration.initializer
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return 'function'
    return checker.getTypeAtLocation(declaration).getCallSignatures().length > 0 && !init ? 'function' : 'variable'
  }
  return 'variable'
}

/** The JSDoc nodes of a declaration (a variable's live on its statement). */
function jsdocOf(declaration: ts.Declaration): ts.JSDoc[] {
  const host = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration
  return ((host as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []).filter((doc) => doc.comment !== undefined || (doc.tags?.length ?? 0) > 0)
}

/**
 * Audits every export of every public entry point.
 *
 * @example
 * ```ts
 * const findings = auditJsdoc(process.cwd())
 * findings.filter((finding) => finding.missing === 'example') // functions without @example
 * ```
 */
export function auditJsdoc(root: string, options: { examplesEverywhere?: boolean } = {}): JsdocFinding[] {
  const entries = entryPoints(root)
  const program = ts.createProgram(
    entries.map(([, file]) => join(root, file)),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    },
  )
  const checker = program.getTypeChecker()
  const findings: JsdocFinding[] = []
  const seen = new Set<ts.Declaration>()
  for (const [entry, file] of entries) {
    const source = program.getSourceFile(join(root, file))
    const moduleSymbol = source && checker.getSymbolAtLocation(source)
    if (!moduleSymbol) throw new Error(`cannot read ${file}`)
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      for (const declaration of symbol.declarations ?? []) {
        if (seen.has(declaration)) continue
        seen.add(declaration)
        const sourceFile = declaration.getSourceFile()
        if (sourceFile.isDeclarationFile) continue // re-exported from a dependency
        // the implementation of an overloaded function is not part of the public signature
        if (ts.isFunctionDeclaration(declaration) && declaration.body && (symbol.declarations?.length ?? 0) > 1) continue
        const { line } = sourceFile.getLineAndCharacterOfPosition(declaration.getStart())
        const at = `${relative(root, sourceFile.fileName).split('\\').join('/')}:${line + 1}`
        const kind = kindOf(declaration, checker)
        const docs = jsdocOf(declaration)
        const overload = ts.isFunctionDeclaration(declaration) && !declaration.body && (symbol.declarations?.length ?? 0) > 2
        const base = { entry, name: overload ? `${exported.getName()} (overload)` : exported.getName(), kind, at }
        if (docs.length === 0) findings.push({ ...base, missing: 'jsdoc' })
        else if (
          (kind === 'function' || options.examplesEverywhere) &&
          !docs.some((doc) => doc.tags?.some((tag) => tag.tagName.text === 'example'))
        ) {
          findings.push({ ...base, missing: 'example' })
        }
      }
    }
  }
  return findings
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
  // --all: an @example is asked of every export (classes, types, constants), not only of functions
  const findings = auditJsdoc(process.cwd(), { examplesEverywhere: process.argv.includes('--all') })
  if (process.argv.includes('--json')) console.log(JSON.stringify(findings, null, 2))
  else {
    for (const finding of findings) {
      console.log(
        `${finding.missing === 'jsdoc' ? 'no JSDoc   ' : 'no @example'}  ${finding.kind.padEnd(9)} ${finding.name.padEnd(36)} ${finding.at}  (${finding.entry})`,
      )
    }
    const noDoc = findings.filter((finding) => finding.missing === 'jsdoc').length
    const what = process.argv.includes('--all') ? 'exports' : 'functions'
    console.log(`jsdoc audit: ${noDoc} exports without JSDoc, ${findings.length - noDoc} ${what} without @example`)
  }
  if (findings.length > 0) process.exitCode = 1
}
