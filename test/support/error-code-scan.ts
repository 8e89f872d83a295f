import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Errors } from '../../types/errors';

/**
 * Which error codes a piece of source can answer, read from the text: a code written out
 * ('RUN.OUTDATED', 'NOT_FOUND') or named through the catalogue (Errors.warnings.RunOutdated,
 * ErrorCode.AccessDenied). A scan, not a type check: it also sees codes in places the compiler
 * cannot tie to the catalogue (a code kept in a variable, a plain object answer).
 */
const LITERAL = /'([A-Z]+(?:_[A-Z]+)*\.[A-Z]+(?:_[A-Z]+)*|NOT_FOUND|INTERNAL)'/g;
const NAMED = /\bErrors\.(\w+)\.(\w+)\b|\bErrorCode\.(\w+)\b/g;

export type CodeUse = { code: string; known: boolean };

function named(group: string, key: string): string | undefined {
  const entries: Record<string, Record<string, string>> = Errors;
  return entries[group]?.[key];
}

/** Block comments and whole-line comments only: a `//` inside a string ('cloud://…') stays. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

export function codesIn(source: string): CodeUse[] {
  const text = withoutComments(source);
  const found: CodeUse[] = [];
  for (const m of text.matchAll(LITERAL)) if (m[1]) found.push({ code: m[1], known: true });
  for (const m of text.matchAll(NAMED)) {
    const code = m[3] !== undefined ? named('common', m[3]) : named(m[1] ?? '', m[2] ?? '');
    found.push(code === undefined ? { code: m[0], known: false } : { code, known: true });
  }
  return found;
}

const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

function resolveImport(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** The entry file and every .ts file it reaches through relative imports. */
export function sourceClosure(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [resolve(entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const next = m[1] ? resolveImport(file, m[1]) : null;
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return [...seen].sort();
}
