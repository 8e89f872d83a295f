import { assistantSettings, dataChecks, verdictOf } from '../../../cloudfunctions/core/assistants';
import type { GraduateProfile } from '../../../types/assistant';

const profile = (over: Partial<GraduateProfile> = {}): GraduateProfile => ({
  graduateId: '2025201001',
  collegeId: 'life',
  degree: 'master',
  fullTime: true,
  enrolled: true,
  partTimeCounselor: false,
  major: '生物工程',
  entryYear: 2025,
  record: [
    { courseName: '高级生物化学', semester: '2025-2026-1', score: '88', attempt: 'regular' },
    { courseName: '现代仪器分析', semester: '2025-2026-1', score: '及格', attempt: 'regular' },
  ],
  ...over,
});
const okAll = assistantSettings.judgedItems.map((i) => ({ item: i.id, ok: true, note: '' }));
const failed = (p: GraduateProfile) =>
  dataChecks(p)
    .filter((c) => !c.ok)
    .map((c) => c.item);

describe('assistant eligibility (rules: 000-1.1, 000-1.2, 000-4)', () => {
  it('a full-time enrolled graduate with a clean record and every required item ticked is eligible', () => {
    expect(failed(profile())).toEqual([]);
    expect(verdictOf(dataChecks(profile()), okAll, assistantSettings)).toMatchObject({ eligible: true, reasons: [] });
  });

  it('refuses part-time or not enrolled (000-1.1) and a part-time counselor (000-1.2)', () => {
    expect(failed(profile({ fullTime: false }))).toEqual(['fullTimeGraduate']);
    expect(failed(profile({ enrolled: false }))).toEqual(['fullTimeGraduate']);
    expect(failed(profile({ partTimeCounselor: true }))).toEqual(['notCounselor']);
  });

  it('a make-up exam, a failed course or a retake each refuse, named in the note (000-4.4)', () => {
    const record = (score: string, attempt: 'regular' | 'makeup' | 'retake') =>
      profile({ record: [{ courseName: '分子生物学进展', semester: '2025-2026-2', score, attempt }] });
    expect(dataChecks(record('72', 'retake')).find((c) => c.item === 'cleanRecord')).toMatchObject({
      ok: false,
      note: '重修：分子生物学进展（2025-2026-2）',
    });
    expect(dataChecks(record('65', 'makeup')).find((c) => c.item === 'cleanRecord')?.note).toContain('补考');
    expect(dataChecks(record('59', 'regular')).find((c) => c.item === 'cleanRecord')?.note).toContain('不及格');
    expect(dataChecks(record('不及格', 'regular')).find((c) => c.item === 'cleanRecord')?.ok).toBe(false);
    expect(dataChecks(record('60', 'regular')).find((c) => c.item === 'cleanRecord')?.ok).toBe(true);
  });

  it('a required judged item not met, or not answered, refuses; the preference item (000-4.7) never does', () => {
    const noLeague = okAll.map((a) => (a.item === 'league' ? { ...a, ok: false, note: '非优秀共青团员' } : a));
    const verdict = verdictOf(dataChecks(profile()), noLeague, assistantSettings);
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons[0]).toContain('000-4.3');
    expect(
      verdictOf(
        dataChecks(profile()),
        okAll.filter((a) => a.item !== 'fitness'),
        assistantSettings,
      ).eligible,
    ).toBe(false);
    const noNeed = okAll.map((a) => (a.item === 'financialNeed' ? { ...a, ok: false } : a));
    expect(verdictOf(dataChecks(profile()), noNeed, assistantSettings).eligible).toBe(true);
  });
});
