import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { permissions } from '../../cloudfunctions/core/access/permissions';
import { functions } from '../../cloudfunctions/registry';
import { DEMO_OPENID_PREFIX } from '../../scripts/demo/generate';
import { api } from '../../types/api';
import { fillFor, tableAllows, tableHolds, type Caller, type Matrix } from './access-matrix';
import { undeclaredCode } from './declared-errors';
import type { EmptyHarness } from './harness';
import { sampleInput } from './zod-inputs';

/**
 * Property probe of every action: inputs built around its zod schema (a valid input, then fields
 * replaced by wrong types, limits, unicode, odd and impossible dates, prototype keys, huge
 * arrays), sent by a caller the table allows. Each answer must be an envelope (a Chinese message
 * on an error), never INTERNAL, never a throw, and an error answer must leave the store as it was.
 */

/** Every function's contract by name, as plain records of input schemas. */
const contracts: Readonly<Record<string, Readonly<Record<string, { input: z.ZodTypeAny }>>>> = api;

const HUGE = Array.from({ length: 20_000 }, (_, i) => `id-${i}`);

const DATES = [
  '2026-02-30T10:00:00+08:00',
  '2026-11-23T09:00:00+99:99',
  '2026-11-23T09:00:00-23:99',
  '2026-11-23T09:00:00+24:00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '2026-11-23',
  '2026-11-23T24:00:00Z',
  'Invalid Date',
  '1970-01-01T00:00:00Z',
  '2026-11-23T09:00:00.123456789+08:00',
];

/** An object whose own keys are the ones that pollute prototypes when merged carelessly. */
function prototypeKeys(): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const own = (key: string, value: unknown) =>
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  own('__proto__', { polluted: true });
  own('constructor', { prototype: { polluted: true } });
  own('prototype', { polluted: true });
  return o;
}

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -1,
    1.5,
    Number.NaN,
    Infinity,
    -Infinity,
    2 ** 53,
    -0,
    '',
    ' ',
    '\u0000',
    '\uD800',
    '😀'.repeat(200),
    'x'.repeat(65),
    'x'.repeat(5001),
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    'toString',
    [],
    {},
    [null],
  ),
  fc.constantFrom(...DATES),
  fc.string({ maxLength: 80 }),
  fc.fullUnicodeString({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer()), { maxLength: 6 }),
  fc.constant(HUGE),
  fc.constant(0).map(() => prototypeKeys()),
  fc.object({ maxDepth: 2 }),
);

/** Paths into a valid input, up to three levels, for replacing one value at a time. */
function pathsOf(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (depth >= 3 || typeof value !== 'object' || value === null) return [];
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)).slice(0, 2) : Object.keys(value);
  return keys.flatMap((k) => [[...prefix, k], ...pathsOf(Reflect.get(value, k), [...prefix, k], depth + 1)]);
}

function withValue(input: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: unknown = structuredClone(input);
  let node: unknown = copy;
  for (const key of path.slice(0, -1))
    node = typeof node === 'object' && node !== null ? Reflect.get(node, key) : undefined;
  const last = path[path.length - 1] ?? '';
  if (typeof node === 'object' && node !== null)
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A case: the valid input with up to three values replaced, or something else in place of the input. */
function casesFor(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const edits =
    paths.length === 0
      ? fc.constant([])
      : fc.array(fc.tuple(fc.constantFrom(...paths), nasty), { minLength: 1, maxLength: 3 });
  const extra = fc.tuple(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'actorId', 'createdBy', '_id', 'grants'),
    nasty,
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: edits.map((list) =>
        list.reduce<unknown>((input, [path, value]) => withValue(input, path, value), valid),
      ),
    },
    { weight: 2, arbitrary: extra.map(([key, value]) => withValue(valid, [key], value)) },
    { weight: 1, arbitrary: nasty },
  );
}

/** Counts, sums of versions and the last row id of every table: any add, update or removal changes it. */
export function storeFingerprint(db: Database.Database): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all();
  // The store creates a collection's table on first use: an empty table is no write.
  return tables
    .flatMap(({ name }) => {
      const row = db
        .prepare<[], { c: number; v: number; r: number | null }>(
          `SELECT count(*) AS c, total(version) AS v, max(rowid) AS r FROM "${name}"`,
        )
        .get();
      return row && row.c > 0 ? [`${name}:${row.c}:${row.v}:${row.r}`] : [];
    })
    .join('|');
}

export type ProbeFailure = { action: string; input: string; problem: string };
export type ProbeReport = {
  actions: number;
  cases: number;
  errors: number;
  oks: number;
  failures: ProbeFailure[];
  slowest: { action: string; ms: number }[];
  seconds: number;
};

const CJK = /[\u4e00-\u9fff]/;

/** Writes an error answer may make on purpose: a wrong binding code counts toward the lockout. */
const WRITES_ON_ERROR: Readonly<Record<string, readonly string[]>> = {
  'notices.bindParent': ['bindingAttempts', 'bindingCodes'],
};

function callerFor(
  m: Matrix,
  permission: keyof typeof permissions,
  resource: 'record' | 'list' | 'self',
): Caller | undefined {
  const table = permissions[permission];
  const own = m.targets[0];
  return m.callers.find(
    (c) =>
      c.userId !== null &&
      (resource === 'record' && own ? tableAllows(c.grants, table, own.owner) : tableHolds(c.grants, table)),
  );
}

function tablesDiffering(a: string, b: string): string[] {
  const byName = (text: string) =>
    new Map(
      text
        .split('|')
        .filter((t) => t !== '')
        .map((t) => [t.split(':')[0] ?? '', t]),
    );
  const before = byName(a);
  const after = byName(b);
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
}

/** Runs the probe over every action of every function with a fixed seed. */
export async function probeInputs(
  h: EmptyHarness,
  m: Matrix,
  options: { numRuns: number; seed: number; only?: (action: string) => boolean },
): Promise<ProbeReport> {
  const started = performance.now();
  const db = new Database(join(h.dir, 'test.sqlite'), { readonly: true, fileMustExist: true });
  const report: ProbeReport = { actions: 0, cases: 0, errors: 0, oks: 0, failures: [], slowest: [], seconds: 0 };
  const now = h.clock.now().getTime();
  const own = m.targets[0];
  if (!own) throw new Error('matrix has no targets');
  try {
    for (const fnName of Object.keys(functions).sort()) {
      const fn = functions[fnName];
      const contract = Object.hasOwn(contracts, fnName) ? contracts[fnName] : undefined;
      if (!fn || !contract) continue;
      for (const action of fn.actions) {
        const name = `${fnName}.${action}`;
        const access = fn.access[action];
        const schema = contract[action]?.input;
        if (!access || !schema || (options.only && !options.only(name))) continue;
        const caller = access.public
          ? m.callers.find((c) => c.label === 'unregistered')
          : callerFor(m, access.permission, access.resource);
        if (!caller || caller.userId === null) continue;
        const openid = DEMO_OPENID_PREFIX + caller.userId;
        const valid = sampleInput(schema, fillFor(own, now), now);
        const allowedTables = new Set(WRITES_ON_ERROR[name] ?? []);
        report.actions += 1;
        const t0 = performance.now();
        await fc.assert(
          fc.asyncProperty(casesFor(valid), async (input) => {
            report.cases += 1;
            const before = storeFingerprint(db);
            let answer: unknown;
            try {
              answer = await fn.dispatch({ action, input }, { store: h.store, clock: h.clock, files: h.files, openid });
            } catch (error) {
              report.failures.push({ action: name, input: preview(input), problem: `threw ${String(error)}` });
              return;
            }
            const problem = envelopeProblem(answer) ?? undeclaredCode(fnName, action, answer);
            if (problem) {
              report.failures.push({ action: name, input: preview(input), problem });
              return;
            }
            if (typeof answer === 'object' && answer !== null && Reflect.get(answer, 'ok') === true) {
              report.oks += 1;
              // An accepted input must not store a time nobody can read (issue 12, defect 1).
              for (const table of tablesDiffering(before, storeFingerprint(db))) {
                if (db.prepare(`SELECT 1 FROM "${table}" WHERE doc LIKE '%Invalid Date%' LIMIT 1`).get())
                  report.failures.push({
                    action: name,
                    input: preview(input),
                    problem: `stored an invalid time in ${table}`,
                  });
              }
              return;
            }
            report.errors += 1;
            const changed = tablesDiffering(before, storeFingerprint(db)).filter((t) => !allowedTables.has(t));
            if (changed.length > 0)
              report.failures.push({
                action: name,
                input: preview(input),
                problem: `error answer wrote to ${changed.join(', ')}`,
              });
          }),
          { numRuns: options.numRuns, seed: options.seed, endOnFailure: false },
        );
        report.slowest.push({ action: name, ms: performance.now() - t0 });
      }
    }
  } finally {
    db.close();
  }
  if (Reflect.get({}, 'polluted') !== undefined)
    report.failures.push({ action: '*', input: '', problem: 'Object.prototype polluted' });
  report.slowest = report.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

function envelopeProblem(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return 'not an envelope';
  const ok: unknown = Reflect.get(answer, 'ok');
  if (ok === true) return Object.hasOwn(answer, 'data') ? null : 'ok without data';
  if (ok !== false) return 'not an envelope';
  const code: unknown = Reflect.get(answer, 'code');
  const message: unknown = Reflect.get(answer, 'message');
  if (typeof code !== 'string' || code === '') return 'error without a code';
  if (code === 'INTERNAL') return `INTERNAL: ${String(message)}`;
  if (typeof message !== 'string' || !CJK.test(message)) return `${code} without a Chinese message: ${String(message)}`;
  return null;
}

function preview(input: unknown): string {
  try {
    const text = JSON.stringify(input) ?? String(input);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(input);
  }
}
