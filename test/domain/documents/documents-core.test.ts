import type { Notice } from '../../../types/notice';
import { parseArchiveConfig } from '../../../cloudfunctions/core/documents/archive-config';
import { archiveSeed, sampleSize, sampleStudents } from '../../../cloudfunctions/core/documents/archive-sample';
import { inPeriod } from '../../../cloudfunctions/core/documents/compliance-report';
import { ticks } from '../../../cloudfunctions/core/documents/form-kit';
import { noticeRegister } from '../../../cloudfunctions/core/documents/notice-register';

const ids = Array.from({ length: 40 }, (_, i) => `20253110${String(i + 1).padStart(2, '0')}`);

describe('archive sample (rules: 002-4.2.4.2)', () => {
  it('takes the configured share, at least the minimum, never more than there are', () => {
    expect(sampleSize(40, 0.3, 2)).toBe(12);
    expect(sampleSize(3, 0.3, 2)).toBe(2);
    expect(sampleSize(1, 0.3, 2)).toBe(1);
    expect(sampleSize(0, 0.3, 2)).toBe(0);
    expect(sampleSize(10, 1, 0)).toBe(10);
    expect(sampleSize(10, 0.3, 0)).toBe(3);
  });

  it('is reproducible and does not depend on the order the records were read in', () => {
    const seed = archiveSeed('lifesci', '2026-2027-1');
    const a = sampleStudents(ids, 0.3, 2, seed, 'talks');
    const b = sampleStudents([...ids].reverse().concat(ids.slice(0, 5)), 0.3, 2, seed, 'talks');
    expect(a).toEqual(b);
    expect(a.population).toHaveLength(40);
    expect(a.chosen).toHaveLength(12);
    expect(a.chosen.every((id) => ids.includes(id))).toBe(true);
  });

  it('draws differently per semester and per stream (talks vs plans)', () => {
    const one = sampleStudents(ids, 0.3, 2, archiveSeed('lifesci', '2026-2027-1'), 'talks').chosen;
    expect(sampleStudents(ids, 0.3, 2, archiveSeed('lifesci', '2026-2027-2'), 'talks').chosen).not.toEqual(one);
    expect(sampleStudents(ids, 0.3, 2, archiveSeed('lifesci', '2026-2027-1'), 'plans').chosen).not.toEqual(one);
  });

  it('config/archive.json is validated: a rate outside 0–1 is refused with the field named', () => {
    expect(parseArchiveConfig({ talkSampleRate: 0.3, planSampleRate: 0.5, minimumSample: 2 })).toEqual({
      talkSampleRate: 0.3,
      planSampleRate: 0.5,
      minimumSample: 2,
    });
    expect(() => parseArchiveConfig({ talkSampleRate: 1.5, planSampleRate: 0.5, minimumSample: 2 })).toThrow(
      /talkSampleRate 抽样比例不能大于 1/,
    );
    expect(() => parseArchiveConfig({ talkSampleRate: 0.3, minimumSample: 2 })).toThrow(/planSampleRate/);
  });
});

describe('form kit', () => {
  it('ticks every option of the paper form in its order', () => {
    expect(ticks(['面谈', '电话', '微信/QQ', '集体座谈'], ['电话'])).toBe('☐ 面谈　☑ 电话　☐ 微信/QQ　☐ 集体座谈');
  });

  it('a duty window belongs to a period it overlaps', () => {
    expect(
      inPeriod({ windowStart: '2026-10-26T00:00:00.000+08:00', lastDay: '2026-11-01' }, '2026-11-01', '2026-11-30'),
    ).toBe(true);
    expect(
      inPeriod({ windowStart: '2026-12-01T00:00:00.000+08:00', lastDay: '2026-12-07' }, '2026-11-01', '2026-11-30'),
    ).toBe(false);
    expect(
      inPeriod({ windowStart: '2026-10-19T00:00:00.000+08:00', lastDay: '2026-10-25' }, '2026-11-01', '2026-11-30'),
    ).toBe(false);
  });
});

describe('学院存根 register: how each notice stands', () => {
  const base: Omit<Notice, '_id' | 'studentId' | 'status'> = {
    version: 1,
    correction: null,
    copies: {
      college: { title: '', paragraphs: [] },
      student: { title: '', paragraphs: [] },
      parent: { title: '', paragraphs: [] },
    },
    issuedAt: '2026-03-03T10:00:00.000+08:00',
    issuedBy: 't-clerk',
    parentDeadline: '2026-03-10T10:00:00.000+08:00',
    readAt: null,
    ack: null,
    objection: null,
    parentReadAt: null,
    receipt: null,
    phoneContacts: [],
    flags: [],
    warningId: 'w1',
    studentName: '甲',
    classId: 'c1',
    collegeId: 'k',
    semester: '2025-2026-1',
    level: 'oral',
    levelName: '口头警示',
    levelRank: 1,
  };
  it('prints 有效, 已更正, 已解除 and 已撤销 from the record, never from ids alone', () => {
    const rows = noticeRegister({
      collegeName: '学院',
      semester: '2025-2026-1',
      classNames: new Map([['c1', '一班']]),
      notices: [
        { ...base, _id: 'n1', studentId: '1', status: 'issued' },
        { ...base, _id: 'n2', studentId: '2', status: 'superseded', supersededBy: 'n2-v2', endedAs: 'corrected' },
        { ...base, _id: 'n3', studentId: '3', status: 'superseded', endedAs: 'lifted' },
        { ...base, _id: 'n4', studentId: '4', status: 'superseded', endedAs: 'withdrawn' },
      ],
    });
    const table = rows.pages[0]?.blocks[0];
    expect(table?.kind === 'table' ? table.rows.map((r) => r[9]) : []).toEqual(['有效', '已更正', '已解除', '已撤销']);
  });
});
