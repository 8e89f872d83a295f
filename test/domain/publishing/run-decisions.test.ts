import { DomainError } from '../../../cloudfunctions/core/errors';
import {
  assertManualAccepted,
  assertManualAdditions,
  requirePolicy,
} from '../../../cloudfunctions/core/publishing/manual-change';
import {
  assertDraft,
  assertPublishable,
  discardChanges,
  policyOfRun,
} from '../../../cloudfunctions/core/publishing/run-state';
import { presets } from '../../../cloudfunctions/core/rules';

/** The code a decision refuses with, or 'OK'. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'OK';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const lzut = presets['lzut-life'];
const gxu = presets['gxu-ee'];
if (!lzut || !gxu) throw new Error('presets');
const publishing = { at: '2026-11-25T10:00:00.000+08:00', by: 't-clerk' };

describe('a run’s state decides what may still happen to it', () => {
  it.each([
    ['a draft', { status: 'draft', publishing: null }, 'OK'],
    ['a draft being published', { status: 'draft', publishing }, 'RUN.PUBLISHING'],
    ['a published run', { status: 'published', publishing }, 'RUN.PUBLISHED'],
    ['a discarded draft', { status: 'discarded', publishing: null }, 'RUN.DISCARDED'],
  ] as const)('changing %s: %s', (_name, run, expected) => {
    expect(codeOf(() => assertDraft(run))).toBe(expected);
  });

  it.each([
    ['a draft is discarded', { status: 'draft', publishing: null }, 'true'],
    ['a discarded draft again changes nothing', { status: 'discarded', publishing: null }, 'false'],
    ['a published run is refused', { status: 'published', publishing }, 'RUN.PUBLISHED'],
    ['a draft being published is refused', { status: 'draft', publishing }, 'RUN.PUBLISHING'],
  ] as const)('%s', (_name, run, expected) => {
    let out = '';
    const code = codeOf(() => (out = String(discardChanges(run))));
    expect(code === 'OK' ? out : code).toBe(expected);
  });

  it('a held-back draft is refused with the block’s own code and words; no block publishes', () => {
    expect(codeOf(() => assertPublishable(null))).toBe('OK');
    expect(() =>
      assertPublishable({ code: 'RUN.STALE', message: '此名单生成后又发布过其他名单，请重新运行后再发布' }),
    ).toThrow('此名单生成后又发布过其他名单');
    expect(codeOf(() => assertPublishable({ code: 'RUN.STALE', message: '…' }))).toBe('RUN.STALE');
  });

  it('the run’s policy, or a refusal naming the preset that is gone', () => {
    expect(policyOfRun({ policyId: 'lzut-life' }).id).toBe('lzut-life');
    expect(codeOf(() => policyOfRun({ policyId: 'gone' }))).toBe('POLICY.UNKNOWN');
    expect(() => policyOfRun({ policyId: 'gone' })).toThrow('“gone”已不存在');
  });
});

describe('manual changes to the list', () => {
  it('a run needs a policy: the asked one named when it is unknown, the college told when it has none', () => {
    expect(requirePolicy(lzut, 'lzut-life')).toBe(lzut);
    expect(() => requirePolicy(null, 'nope')).toThrow('没有这个警示政策：nope');
    expect(() => requirePolicy(undefined, undefined)).toThrow('本学院尚未配置警示政策');
    try {
      requirePolicy(null, undefined);
    } catch (e) {
      expect(e).toMatchObject({ code: 'POLICY.UNKNOWN', field: 'policyId' });
    }
  });

  it('additions by hand only where the policy allows them', () => {
    expect(codeOf(() => assertManualAdditions(lzut))).toBe('MANUAL.NOT_ALLOWED');
    expect(codeOf(() => assertManualAdditions(gxu))).toBe('OK');
  });

  it('the rules engine’s refusal of a manual entry reaches the caller on the reason field', () => {
    expect(codeOf(() => assertManualAccepted(undefined))).toBe('OK');
    try {
      assertManualAccepted({ message: '该政策没有这个补充原因' });
      throw new Error('not refused');
    } catch (e) {
      expect(e).toMatchObject({ code: 'MANUAL.REJECTED', field: 'reason', message: '该政策没有这个补充原因' });
    }
  });
});
