import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { api } from '../../types/api';
import type { FunctionContract } from '../../types/envelope';
import { allErrorCodes, Errors, type ErrorCode } from '../../types/errors';
import { assertDeclaredCode } from '../support/declared-errors';
import { codesIn, sourceClosure } from '../support/error-code-scan';

/**
 * The catalogue (types/errors.ts) is the one list of codes: every code any function, the local
 * server or the app can give is in it, none of it is dead, and a code an action declares in its
 * contract is one its function can really give. (That an action answers only what it declares is
 * checked on every call in the functions tests: test/support/declared-errors.ts.)
 */
const ROOT = join(__dirname, '../..');
const CATALOGUE = join(ROOT, 'types/errors.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && path !== CATALOGUE ? [path] : [];
  });
}

const functionNames = readdirSync(join(ROOT, 'cloudfunctions'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !['core', 'platform', 'application'].includes(e.name))
  .map((e) => e.name);

function entryOf(fn: string): string {
  const folder = readdirSync(join(ROOT, 'cloudfunctions', fn));
  return join(ROOT, 'cloudfunctions', fn, folder.includes('function.ts') ? 'function.ts' : 'index.ts');
}

function codesOfFiles(files: string[]): { codes: Set<string>; strays: string[] } {
  const codes = new Set<string>();
  const strays: string[] = [];
  for (const file of files.filter((f) => f !== CATALOGUE)) {
    for (const use of codesIn(readFileSync(file, 'utf8'))) {
      if (use.known && allErrorCodes.has(use.code)) codes.add(use.code);
      else strays.push(`${relative(ROOT, file)}: ${use.code}`);
    }
  }
  return { codes, strays };
}

describe('error-code catalogue', () => {
  it('the scan finds written-out and named codes, and flags a name not in the catalogue', () => {
    const text =
      "throw new DomainError('RUN.OUTDATED', '…'); fail(ErrorCode.AccessDenied); x(Errors.support.MeetingNotScheduled); y(Errors.support.Nope); z('NOT_FOUND')\n/** Errors.warnings.RunStale */\n  // 'RUN.STALE'\nreadFile('cloud://x'); w('FILE.NOT_FOUND')";
    expect(codesIn(text)).toEqual([
      { code: 'RUN.OUTDATED', known: true },
      { code: 'NOT_FOUND', known: true },
      { code: 'FILE.NOT_FOUND', known: true },
      { code: 'ACCESS.DENIED', known: true },
      { code: 'MEETING.NOT_SCHEDULED', known: true },
      { code: 'Errors.support.Nope', known: false },
    ]);
    expect(codesOfFiles([]).strays).toEqual([]);
  });

  it('lists each code once', () => {
    const values = Object.values(Errors).flatMap((group) => Object.values(group));
    expect(values.length).toBe(allErrorCodes.size);
  });

  it.each(functionNames)('holds every code the %s function can give', (fn) => {
    const { codes, strays } = codesOfFiles(sourceClosure(entryOf(fn)));
    expect(strays).toEqual([]);
    expect(codes.size).toBeGreaterThan(0);
  });

  it('holds every code in the app, the local server and the contracts, and none that nothing gives', () => {
    const files = ['cloudfunctions', 'src', 'scripts', 'types'].flatMap((dir) => sources(join(ROOT, dir)));
    const { codes, strays } = codesOfFiles(files);
    expect(strays).toEqual([]);
    expect([...allErrorCodes].filter((code) => !codes.has(code))).toEqual([]);
  });

  it('declares per action only codes its function can give, and none of the common ones', () => {
    const contracts: Record<string, FunctionContract> = api;
    const common = new Set<string>(Object.values(Errors.common));
    const wrong: string[] = [];
    // The file source comes with the runtime's environment (ctx.files), not through an import.
    const environment = ['local-files.ts', 'cloudbase-files.ts'].map((f) =>
      join(ROOT, 'cloudfunctions/platform/files', f),
    );
    for (const [fn, contract] of Object.entries(contracts)) {
      const { codes } = codesOfFiles([...sourceClosure(entryOf(fn)), ...environment]);
      for (const [action, c] of Object.entries(contract)) {
        for (const code of c.errors ?? [])
          if (!codes.has(code) || common.has(code)) wrong.push(`${fn}.${action}: ${code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets an action answer only its declared codes and the common ones', () => {
    const failure = (code: ErrorCode) => ({ ok: false as const, code, message: '—' });
    expect(() => assertDeclaredCode('roster', 'join', failure(Errors.roster.InviteUsed))).not.toThrow();
    expect(() => assertDeclaredCode('roster', 'join', failure(Errors.common.AuthRequired))).not.toThrow();
    expect(() => assertDeclaredCode('roster', 'join', { ok: true, data: null })).not.toThrow();
    expect(() => assertDeclaredCode('roster', 'join', failure(Errors.warnings.RunOutdated))).toThrow(
      /roster\.join answered RUN\.OUTDATED/,
    );
  });
});
