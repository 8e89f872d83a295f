import type { RunStatus } from '../../../types/api/warnings';
import type { Policy } from '../../../types/policy';
import { DomainError } from '../errors';
import { presetPolicy } from '../rules';
import type { PublishBlock } from './draft-publishability';

/** A run as far as its state decisions need it. */
export type RunState = { status: RunStatus; publishing: { at: string; by: string } | null };

/** The policy a run was made with; a run whose preset is gone cannot be changed or published. */
export function policyOfRun(run: { policyId: string }): Policy {
  const policy = presetPolicy(run.policyId);
  if (!policy) throw new DomainError('POLICY.UNKNOWN', `警示政策“${run.policyId}”已不存在`);
  return policy;
}

/** Changes are taken only before publishing starts: a resumed publish must write the list it began with. */
export function assertDraft(run: RunState): void {
  if (run.status === 'discarded')
    throw new DomainError('RUN.DISCARDED', '该名单草稿已舍弃，不能再修改；如需调整请重新运行');
  if (run.status !== 'draft') throw new DomainError('RUN.PUBLISHED', '该名单已发布，不能再修改；如需调整请重新运行');
  if (run.publishing !== null)
    throw new DomainError('RUN.PUBLISHING', '该名单正在发布，不能再修改；请等发布完成后重新运行再调整');
}

/**
 * Whether the clerk's discard changes anything: a discarded draft stays as it is (false), a
 * published or publishing one cannot be discarded, a draft can (true).
 */
export function discardChanges(run: RunState): boolean {
  if (run.status === 'discarded') return false;
  if (run.status === 'published') throw new DomainError('RUN.PUBLISHED', '该名单已发布，不能舍弃');
  if (run.publishing !== null) throw new DomainError('RUN.PUBLISHING', '该名单正在发布，不能舍弃；请等发布完成');
  return true;
}

/** A draft that publishBlock holds back is not published: the clerk runs the rules again. */
export function assertPublishable(block: PublishBlock | null): void {
  if (block !== null) throw new DomainError(block.code, block.message);
}
