/**
 * Facts read from the SDK's types with the TypeScript checker, so that the guides can be checked
 * against the code rather than against someone's memory: every error class and the `code` values
 * its type allows, and the property names of an exported options interface.
 */
import { join } from 'node:path'
import ts from 'typescript'

/** One error class and the codes its `code` property may take. */
export interface ErrorClassFacts {
  name: string
  /** The string literals of its `code` type (a template literal type is expanded by the checker). */
  codes: string[]
}

const programs = new Map<string, { program: ts.Program; checker: ts.TypeChecker; file: ts.SourceFile }>()

function programFor(root: string, entry: string): { program: ts.Program; checker: ts.TypeChecker; file: ts.SourceFile } {
  const key = join(root, entry)
  const known = programs.get(key)
  if (known) return known
  const built = buildProgram(root, entry)
  programs.set(key, built)
  return built
}

function buildProgram(root: string, entry: string): { program: ts.Program; checker: ts.TypeChecker; file: ts.SourceFile } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  }
  const path = join(root, entry)
  const program = ts.createProgram([path], options)
  const file = program.getSourceFile(path)
  if (!file) throw new Error(`cannot read ${entry}`)
  return { program, checker: program.getTypeChecker(), file }
}

function exportsOf(checker: ts.TypeChecker, file: ts.SourceFile): ts.Symbol[] {
  const moduleSymbol = checker.getSymbolAtLocation(file)
  if (!moduleSymbol) throw new Error(`${file.fileName} is not a module`)
  return checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
}

function stringLiterals(type: ts.Type): string[] {
  const members = type.isUnion() ? type.types : [type]
  return members.filter((member): member is ts.StringLiteralType => member.isStringLiteral()).map((member) => member.value)
}

/**
 * Every error class exported by `src/errors/index.ts` that narrows `code`, with its codes (the base
 * class, whose `code` is the union of them all, is not one of them).
 *
 * @example
 * ```ts
 * errorClasses(process.cwd()).find((c) => c.name === 'AcrError')?.codes // ['acr_missing', 'acr_invalid', 'acr_too_low']
 * ```
 */
export function errorClasses(root: string): ErrorClassFacts[] {
  const { checker, file } = programFor(root, 'src/errors/index.ts')
  const classes: ErrorClassFacts[] = []
  for (const symbol of exportsOf(checker, file)) {
    if (!(symbol.flags & ts.SymbolFlags.Class) || symbol.getName() === 'FranceConnectSdkError') continue
    const instance = checker.getDeclaredTypeOfSymbol(symbol)
    const code = instance.getProperty('code')
    if (!code) continue
    const codes = stringLiterals(checker.getTypeOfSymbol(code))
    if (codes.length > 0) classes.push({ name: symbol.getName(), codes: [...new Set(codes)].sort() })
  }
  return classes.sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * The property names of exported interfaces or object types, each read from its entry point.
 *
 * @example
 * ```ts
 * optionNames(process.cwd(), 'src/index.ts', 'ClientOptions') // ['provider', 'clientId', …]
 * ```
 */
export function optionNames(root: string, entry: string, typeName: string): string[] {
  const { checker, file } = programFor(root, entry)
  const symbol = exportsOf(checker, file).find((candidate) => candidate.getName() === typeName)
  if (!symbol) throw new Error(`${entry} exports no ${typeName}`)
  return checker
    .getDeclaredTypeOfSymbol(symbol)
    .getProperties()
    .map((property) => property.getName())
}
