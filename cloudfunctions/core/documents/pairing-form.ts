import type { FormDocument, FormField } from '../../../types/documents';
import { difficultyLabel, type Pairing, type PairingApproval, type PairingStage } from '../../../types/support';
import { cnDate, fileStem } from './form-kit';

/** The form's own headings, in its order (rules: 002-A2). */
export const pairingFormLabels = [
  '帮扶人姓名',
  '学院',
  '学号',
  '中国银行账号',
  '专业',
  '被帮扶人姓名',
  '被帮扶人数',
  '学业困难原因',
  '帮扶计划',
  '班级评议意见',
  '院系审核意见',
  '学校审核意见',
] as const;

/** A pairing as a form is printed from: the bank account already opened or masked for this reader. */
export type PairingForPrint = Omit<Pairing, 'bankAccountSealed' | 'bankAccountLast4'> & {
  bankAccount: string;
  bankAccountMasked: boolean;
};

const signer: Record<PairingStage, string> = { class: '班主任', college: '评审小组负责人签章', school: '（学校公章）' };

function approvalText(p: PairingForPrint, stage: PairingStage): string {
  const a: PairingApproval | undefined = [...p.approvals].reverse().find((x) => x.stage === stage);
  if (!a) return `${signer[stage]}：　　${cnDate(null)}`;
  const seal = stage === 'college' ? '　学院公章' : '';
  return `${a.decision === 'approve' ? '同意' : '不同意'}：${a.opinion}　${signer[stage]}：${a.byName}${seal}　${cnDate(a.at)}`;
}

/**
 * 朋辈帮扶申请表 (rules: 002-A2), the seed's fields in order. The account is printed as the
 * reader may see it: in clear only in the school approver's copy, `**** 1234` everywhere else.
 */
export function pairingForm(p: PairingForPrint, facts: { collegeName: string; helperMajor: string }): FormDocument {
  const values = [
    p.helperName,
    facts.collegeName,
    p.helperId,
    `${p.bankName === '中国银行' ? '' : `${p.bankName} `}${p.bankAccount}${p.bankAccountMasked ? '（仅学校审核人可见完整账号）' : ''}`,
    facts.helperMajor,
    p.helpeeNames.join('、'),
    String(p.helpeeIds.length),
    `${difficultyLabel[p.difficulty]}：${p.reason}`,
    p.plan,
    approvalText(p, 'class'),
    approvalText(p, 'college'),
    approvalText(p, 'school'),
  ];
  const fields: FormField[] = pairingFormLabels.map((label, i) => ({ label, value: values[i] ?? '' }));
  return {
    kind: 'pairing',
    title: `朋辈帮扶申请表 · ${p.helperName}`,
    fileStem: fileStem('朋辈帮扶申请表', p.helperId, p.helperName, p._id.slice(-6)),
    pages: [{ title: '朋辈帮扶申请表', subtitle: facts.collegeName, blocks: [{ kind: 'fields', fields }] }],
  };
}
