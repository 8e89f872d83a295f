import type { ZodTypeAny } from 'zod';
import { performance } from 'node:perf_hooks';
import { functions } from '../../../cloudfunctions/registry';
import { permissions } from '../../../cloudfunctions/core/access/permissions';
import { DEMO_OPENID_PREFIX } from '../../../scripts/demo/generate';
import { api } from '../../../types/api';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import {
  fillFor,
  ownerAimed,
  pairingFormsIn,
  seedMatrix,
  tableAllows,
  tableHolds,
  targetsIn,
  type Matrix,
} from '../../support/access-matrix';
import { sampleInput } from '../../support/zod-inputs';

/** Every function's contract by name, as plain records of input schemas. */
const contracts: Readonly<Record<string, Readonly<Record<string, { input: ZodTypeAny }>>>> = api;

/**
 * Issue 12 §11: every action × every caller × a record of their own, of another class, of another
 * department and of another college (whose department ids repeat the first's). The expected
 * answer comes from the permission table and the record's owner; one leak fails the test.
 * Record actions: where the table denies, the answer must be ACCESS.DENIED / AUTH.REQUIRED (no
 * data, no domain error that tells the record exists). List and own-records actions: a caller
 * without the permission is denied, and no answer names a target the table keeps from them.
 */
describe('access matrix from the permission table', () => {
  let h: EmptyHarness;
  let m: Matrix;
  beforeAll(async () => {
    h = await openEmptyHarness();
    m = await seedMatrix(h);
  }, 60_000);
  afterAll(() => h.close());

  const DENIALS = new Set(['ACCESS.DENIED', 'AUTH.REQUIRED']);

  it('holds for every cell', async () => {
    const started = performance.now();
    const now = h.clock.now().getTime();
    const leaks: string[] = [];
    const unparsed: string[] = [];
    const internal: string[] = [];
    const counts = {
      cells: 0,
      deniedByTable: 0,
      allowedByTable: 0,
      allowedAnsweredOk: 0,
      answersScanned: 0,
      actions: 0,
      publicActions: 0,
    };
    const fnNames = Object.keys(functions).sort();
    for (const fnName of fnNames) {
      const fn = functions[fnName];
      const contract = Object.hasOwn(contracts, fnName) ? contracts[fnName] : undefined;
      if (!fn || !contract) continue;
      for (const action of fn.actions) {
        const access = fn.access[action];
        const schema = contract[action]?.input;
        if (access?.public) counts.publicActions += 1;
        if (!access || access.public || !schema) continue;
        counts.actions += 1;
        const table = permissions[access.permission];
        const aimed = access.resource === 'record' ? m.targets : m.targets.slice(0, 1);
        for (const target of aimed) {
          const input = sampleInput(schema, fillFor(target, now), now);
          const parsed = schema.safeParse(input);
          if (!parsed.success) {
            unparsed.push(`${fnName}.${action}: ${JSON.stringify(parsed.error.issues[0])}`);
            continue;
          }
          // What the input aims at; nothing of the target: the caller's own records (asked once).
          const owner = access.resource === 'record' ? ownerAimed(input, target) : null;
          if (owner === null && target !== m.targets[0]) continue;
          for (const caller of m.callers) {
            counts.cells += 1;
            const openid = caller.userId === null ? null : DEMO_OPENID_PREFIX + caller.userId;
            const answer = await fn.dispatch(
              { action, input },
              { store: h.store, clock: h.clock, files: h.files, openid },
            );
            const cell = `${fnName}.${action} as ${caller.label} on ${owner ? target.kind : 'own records'}`;
            const allowed =
              caller.userId !== null &&
              (owner ? tableAllows(caller.grants, table, owner) : tableHolds(caller.grants, table));
            if (!allowed) {
              counts.deniedByTable += 1;
              if (answer.ok) leaks.push(`${cell}: answered ok`);
              else if (!DENIALS.has(answer.code)) leaks.push(`${cell}: ${answer.code} instead of a denial`);
              continue;
            }
            counts.allowedByTable += 1;
            if (!answer.ok) {
              if (answer.code === 'INTERNAL') internal.push(`${cell}: ${answer.message}`);
              continue;
            }
            counts.allowedAnsweredOk += 1;
            counts.answersScanned += 1;
            // An answer names only students the permission reaches (own records: those the caller reaches at all).
            const reachOf = owner === null && access.resource !== 'list' ? permissions['student.read'] : table;
            for (const seen of targetsIn(answer.data, m.targets)) {
              if (!tableAllows(caller.grants, reachOf, seen.owner))
                leaks.push(`${cell}: names the ${seen.kind} student ${seen.studentId}`);
            }
            // A pairing form, wherever it appears, only to those the `pairing.read` rule lets read it.
            for (const form of pairingFormsIn(answer.data, m.targets)) {
              if (!tableAllows(caller.grants, permissions['pairing.read'], { ...form.owner, studentId: '' }))
                leaks.push(`${cell}: shows the ${form.kind} pairing form`);
            }
          }
        }
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `access matrix: ${counts.actions} actions (+${counts.publicActions} public), ${m.callers.length} callers, ${m.targets.length} targets → ${counts.cells} cells (${counts.deniedByTable} denied by the table, ${counts.allowedByTable} allowed, ${counts.allowedAnsweredOk} answered ok, ${counts.answersScanned} answers scanned), ${leaks.length} leaks, ${seconds.toFixed(1)} s`,
    );
    expect({ unparsed, leaks, internal }).toEqual({ unparsed: [], leaks: [], internal: [] });
    expect(counts.deniedByTable).toBeGreaterThan(1000);
    expect(counts.allowedAnsweredOk).toBeGreaterThan(100);
  }, 120_000);
});
