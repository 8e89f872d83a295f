import { expect } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { action, type FunctionContract } from '../../types/envelope';
import { api } from '../../types/api';
import { fixedClock } from '../../cloudfunctions/core/time/clock';
import { defineFunction } from '../../cloudfunctions/platform/runtime/define-function';
import { outputChecksByDefault, outputProblem } from '../../cloudfunctions/platform/runtime/output-check';
import { openSqliteStore } from '../../cloudfunctions/platform/store/sqlite-store';
import { localFiles } from '../../cloudfunctions/platform/files/local-files';

const Row = z.object({ id: z.string(), note: z.string().optional(), tags: z.array(z.object({ name: z.string() })) });

describe('outputProblem: the answer is exactly what the schema describes', () => {
  it('accepts an exact answer, absent optionals and undefined values (JSON drops them)', () => {
    expect(outputProblem(Row, { id: 'a', tags: [{ name: 'x' }] })).toBeNull();
    expect(outputProblem(Row, { id: 'a', note: undefined, tags: [] })).toBeNull();
  });

  it('names a wrong type with its path', () => {
    expect(outputProblem(Row, { id: 1, tags: [] })).toMatch(/^id: /);
  });

  it('names a key the schema does not describe, however deep (a plain parse would strip it)', () => {
    expect(outputProblem(Row, { id: 'a', tags: [], extra: 1 })).toBe('extra: 输出契约未描述此字段');
    expect(outputProblem(z.array(Row), [{ id: 'a', tags: [{ name: 'x', colour: 'red' }] }])).toBe(
      '0.tags.0.colour: 输出契约未描述此字段',
    );
  });

  it('reads the answer as the wire carries it: a Date is a string there, not an object', () => {
    expect(outputProblem(z.object({ at: z.string() }), { at: new Date('2026-11-23T01:00:00Z') })).toBeNull();
  });

  it('is on in tests and when asked, off in the cloud', () => {
    expect(outputChecksByDefault({ NODE_ENV: 'test' })).toBe(true);
    expect(outputChecksByDefault({ XUEYE_CHECK_OUTPUTS: '1' })).toBe(true);
    expect(outputChecksByDefault({ NODE_ENV: 'production' })).toBe(false);
  });
});

describe('the runtime checks every answer against its action', () => {
  const contract = {
    exact: action(z.object({})).returns(z.object({ id: z.string() })),
    extraField: action(z.object({})).returns(z.object({ id: z.string() })),
    wrongType: action(z.object({})).returns(z.object({ id: z.string() })),
  };
  const fn = defineFunction('probe', contract, {
    exact: { public: true, run: async () => ({ id: 'a' }) },
    // What the handler returns is wider than its schema: only the runtime's check can see it.
    extraField: { public: true, run: async () => Object.assign({ id: 'a' }, { secret: 'b' }) },
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- the point: an answer of the wrong type that the compiler cannot see
    wrongType: { public: true, run: async () => JSON.parse('{"id": 3}') },
  });
  let dir = '';
  const env = () => {
    const store = openSqliteStore(join(dir, 'probe.sqlite'));
    return { store, clock: fixedClock('2026-11-23T09:00:00+08:00'), files: localFiles(dir), openid: null };
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xueye-output-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes an exact answer through unchanged', async () => {
    const e = env();
    await expect(fn.dispatch({ action: 'exact' }, { ...e, checkOutputs: true })).resolves.toEqual({
      ok: true,
      data: { id: 'a' },
    });
    await e.store.close();
  });

  it('turns an answer with an undescribed field or a wrong type into an internal error naming the field', async () => {
    const e = env();
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const extra = await fn.dispatch({ action: 'extraField' }, { ...e, checkOutputs: true });
    const wrong = await fn.dispatch({ action: 'wrongType' }, e);
    spy.mockRestore();
    expect(extra).toMatchObject({ ok: false, code: 'INTERNAL', message: expect.stringContaining('secret') });
    expect(wrong).toMatchObject({ ok: false, code: 'INTERNAL', message: expect.stringContaining('id') });
    await e.store.close();
  });

  it('lets the cloud skip the check', async () => {
    const e = env();
    await expect(fn.dispatch({ action: 'extraField' }, { ...e, checkOutputs: false })).resolves.toMatchObject({
      ok: true,
    });
    await e.store.close();
  });
});

describe('every action of every function names a real output schema', () => {
  const contracts: Record<string, FunctionContract> = api;
  const actions = Object.entries(contracts).flatMap(([fn, contract]) =>
    Object.entries(contract).map(([name, c]) => ({ name: `${fn}.${name}`, output: c.output })),
  );

  it('none answers z.any, z.unknown or an unchecked z.custom (which would check nothing)', () => {
    expect(actions.length).toBeGreaterThanOrEqual(149);
    const unchecked = actions.filter(
      ({ output }) =>
        output instanceof z.ZodAny || output instanceof z.ZodUnknown || output.safeParse(Symbol('anything')).success,
    );
    expect(unchecked.map((a) => a.name)).toEqual([]);
  });
});
