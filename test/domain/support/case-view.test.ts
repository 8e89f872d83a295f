import { caseTimeline } from '../../../cloudfunctions/core/support/case-timeline';
import { dutyLinesByStudent } from '../../../cloudfunctions/core/support/duty-lines';
import { meetingDutyRecords, talkDutyRecord } from '../../../cloudfunctions/core/support/duty-records';
import { nextSteps } from '../../../cloudfunctions/core/support/next-steps';
import { pairingSummary, redactCase } from '../../../cloudfunctions/core/support/redaction';
import { defaultDutyConfig } from '../../../cloudfunctions/core/duties/defaults';
import { ruleCalendar } from '../../../cloudfunctions/core/calendar';
import type { CaseView, MeetingView, PairingView, TalkView } from '../../../types/api/support';
import type { Meeting } from '../../../types/support';

const talk = (id: string, at: string, actorId = 't-c'): TalkView & { firstImpression: string } => ({
  _id: id,
  kind: 'talk',
  actorId,
  actorName: '林老师',
  talkerRole: 'counselor',
  at,
  studentId: 's1',
  studentName: '张三',
  classId: 'c1',
  collegeId: 'life',
  initiatedBy: 'teacher',
  nth: 1,
  mode: 'faceToFace',
  topics: ['academics', 'other'],
  otherTopic: '游戏',
  place: '办公室',
  minutes: 30,
  firstImpression: '很焦虑',
  content: '谈补考',
  measures: '每周汇报',
  confirmedAt: at,
});

const meeting = (
  id: string,
  kind: Meeting['kind'],
  inviteeIds: string[],
  extra: Partial<Meeting> = {},
): MeetingView => ({
  _id: id,
  kind,
  actorId: 't-c',
  actorName: '林老师',
  at: '2026-11-25T10:00:00.000+08:00',
  title: '约谈',
  classId: 'c1',
  collegeId: 'life',
  studentIds: ['s1'],
  inviteeIds,
  plannedMinutes: 30,
  place: '302',
  topics: [],
  remindBeforeMinutes: 1440,
  status: 'scheduled',
  responses: [],
  record: null,
  parentConfirmation: null,
  history: [],
  canRespond: false,
  canConfirm: false,
  isOrganizer: false,
  ...extra,
});

const view: CaseView = {
  audience: 'staff',
  student: { studentId: 's1', name: '张三', classId: 'c1', className: '生工241班', cohort: 2024, studyYear: 3 },
  warning: {
    id: 'w1',
    levelName: '书面警示',
    semester: '2026-2027-1',
    explanation: ['补考后仍不及格 2 门'],
    failedCourses: [],
    publishedAt: '2026-09-15T10:00:00.000+08:00',
    manual: false,
  },
  difficulty: {
    type: 'motivation',
    label: '动力型困难',
    note: '对专业无兴趣',
    at: '2026-10-01T10:00:00.000+08:00',
    byName: '林老师',
  },
  plan: null,
  talks: [talk('t1', '2026-10-01T10:00:00.000+08:00'), talk('t2', '2026-11-01T10:00:00.000+08:00')],
  pairings: [],
  meetings: [
    meeting('m1', 'talk', ['s-s1']),
    meeting('m2', 'parentMeeting', ['p-s1']),
    meeting('m3', 'parentMeeting', ['p-other']),
  ],
  timeline: [],
  duties: [
    {
      title: '谈话',
      role: '辅导员',
      personName: '林老师',
      required: 2,
      progress: 1,
      status: 'due',
      dueAt: '2027-01-18T00:00:00.000+08:00',
    },
  ],
  dutiesNote: null,
  next: [],
  difficultyAction: 'set',
};

describe('case view: redaction by audience', () => {
  it('staff keep everything', () => {
    expect(redactCase(view, 'staff', 't-c')).toEqual(view);
  });

  it('the student loses first impressions, duty lines, the difficulty reasoning and meetings not addressed to them', () => {
    const student = redactCase(view, 'student', 's-s1');
    expect(JSON.stringify(student)).not.toContain('很焦虑');
    expect(JSON.stringify(student)).not.toContain('对专业无兴趣');
    expect(student.duties).toEqual([]);
    expect(student.difficulty?.label).toBe('动力型困难');
    expect(student.meetings.map((m) => m._id)).toEqual(['m1']);
  });

  it('a student in a pairing gets names, status and plan only: no difficulty, reasons, opinions or bank details', () => {
    const pairing: PairingView = {
      _id: 'pr1',
      kind: 'pairing',
      actorId: 't-h',
      at: '2026-10-05T10:00:00.000+08:00',
      helperId: 's1',
      helperName: '张三',
      helpeeIds: ['s2'],
      helpeeNames: ['李四'],
      classId: 'c1',
      collegeId: 'life',
      difficulty: 'holistic',
      reason: '李四挂科五门',
      plan: '每周三次答疑',
      bankName: '中国银行',
      bankAccount: '**** 8901',
      bankAccountMasked: true,
      status: 'classApproved',
      approvals: [
        {
          stage: 'class',
          decision: 'approve',
          opinion: '李四情况严重',
          byId: 't-h',
          byName: '曹老师',
          at: '2026-10-06T10:00:00.000+08:00',
        },
      ],
    };
    const student = redactCase({ ...view, pairings: [pairing] }, 'student', 's-s1');
    expect(student.pairings).toEqual([]);
    const timeline = caseTimeline(student, [], [pairingSummary(pairing)]);
    const text = JSON.stringify(timeline);
    for (const secret of ['整体型困难', '李四挂科五门', '李四情况严重', '8901', '中国银行'])
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    expect(timeline.filter((e) => e.kind === 'pairing')).toEqual([
      {
        at: pairing.at,
        kind: 'pairing',
        title: '朋辈帮扶：张三 帮扶 李四',
        detail: '待院系审核 · 帮扶计划：每周三次答疑',
        refId: 'pr1',
      },
    ]);
  });

  it('a parent sees only the warning and what is addressed to them', () => {
    const parent = redactCase(view, 'parent', 'p-s1');
    expect(parent).toMatchObject({ talks: [], plan: null, difficulty: null, pairings: [], duties: [] });
    expect(parent.meetings.map((m) => m._id)).toEqual(['m2']);
    const timeline = caseTimeline(parent);
    expect(timeline.map((e) => e.kind)).toEqual(['parentContact', 'warning']);
  });
});

describe('case view: timeline', () => {
  it('orders newest first and names the talk, its n-th count and the other topic', () => {
    const entries = caseTimeline(view, [
      { at: '2026-09-16T09:00:00.000+08:00', title: '学业警示通知单已下达', detail: '', refId: 'n1' },
    ]);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort().reverse());
    expect(entries.find((e) => e.refId === 't1')?.detail).toContain('学业、游戏');
    expect(entries.at(-1)?.kind).toBe('warning');
    expect(entries.some((e) => e.kind === 'notice')).toBe(true);
  });
});

describe('case view: duty lines from the duty evaluator', () => {
  const warning = {
    _id: 'w1',
    studentId: 's1',
    classId: 'c1',
    status: 'active' as const,
    publishedAt: '2026-09-15T10:00:00.000+08:00',
    policyId: 'lzut-life',
    level: 'written',
  };
  const staff = [
    { personId: 't-c', role: 'counselor' as const, name: '林老师' },
    { personId: 't-h', role: 'headTeacher' as const, name: '曹老师' },
  ];
  const settings = {
    rules: defaultDutyConfig.rules,
    calendar: ruleCalendar(2025, 2027),
    now: '2026-11-23T09:00:00.000+08:00',
  };

  it.each([
    [0, 'due'],
    [1, 'due'],
    [2, 'done'],
  ] as const)('%i counselor talks this semester → the twice-a-semester line is %s', (n, status) => {
    const records = [talk('a', '2026-10-01T10:00:00.000+08:00'), talk('b', '2026-11-01T10:00:00.000+08:00')]
      .slice(0, n)
      .map(talkDutyRecord);
    const { lines } = dutyLinesByStudent([{ classId: 'c1', staff, warnings: [warning] }], records, settings);
    const line = lines.get('s1')?.find((l) => l.title.includes('每学期不少于 2 次'));
    expect(line).toMatchObject({ progress: n, required: 2, status, personName: '林老师' });
  });

  it('a month without a head-teacher talk is overdue; a talk by someone else does not count', () => {
    const byCounselor = [talk('a', '2026-10-10T10:00:00.000+08:00')].map(talkDutyRecord);
    const { lines } = dutyLinesByStudent([{ classId: 'c1', staff, warnings: [warning] }], byCounselor, settings);
    const monthly = (lines.get('s1') ?? []).filter((l) => l.personName === '曹老师' && l.title.includes('每月'));
    expect(monthly.filter((l) => l.status === 'overdue').length).toBeGreaterThanOrEqual(2);
  });

  it('a held parent meeting counts as the parent contact; a scheduled one does not', () => {
    const m: Meeting = { ...meeting('pm', 'parentMeeting', ['p-s1']), at: '2026-09-18T10:00:00.000+08:00' };
    expect(meetingDutyRecords(m)).toEqual([]);
    const held = meetingDutyRecords({
      ...m,
      status: 'held',
      record: { summary: '面谈', minutes: 40, presentIds: [], at: m.at },
    });
    expect(held).toMatchObject([{ kind: 'parentContact', studentId: 's1', actorId: 't-c' }]);
    const { lines } = dutyLinesByStudent([{ classId: 'c1', staff, warnings: [warning] }], held, settings);
    // Issue 11: a one-off deadline stays on the case however it ended (here done in time).
    expect(lines.get('s1')?.find((l) => l.title.includes('1 周内'))).toMatchObject({ status: 'done', progress: 1 });
  });

  it('a calendar that does not cover today gives a note instead of lines', () => {
    const result = dutyLinesByStudent([{ classId: 'c1', staff, warnings: [warning] }], [], {
      ...settings,
      now: '2020-01-01T00:00:00.000+08:00',
    });
    expect(result.lines.size).toBe(0);
    expect(result.note).toMatch(/^职责暂无法计算：/);
  });
});

describe('next steps', () => {
  const base = {
    hasWarning: true,
    planStatus: 'none' as const,
    planReported: false,
    reviewerRole: null,
    talks: 0,
    duties: [],
    meetings: [],
    now: '2026-11-23T09:00:00.000+08:00',
  };
  it.each([
    ['staff', base, ['尚无谈话记录，请尽快约谈', '督促学生填写学习计划']],
    [
      'staff',
      { ...base, talks: 1, planStatus: 'submitted' as const, reviewerRole: 'headTeacher' as const },
      ['学习计划待班主任审核'],
    ],
    ['student', base, ['请填写个人学习计划']],
    ['student', { ...base, planStatus: 'returned' as const }, ['学习计划被退回，请修改后重新提交']],
    ['student', { ...base, planStatus: 'approved' as const }, ['学期末请提交学习计划执行情况']],
    ['parent', base, []],
  ] as const)('%s: %j', (audience, input, expected) => {
    expect(nextSteps({ ...input, audience })).toEqual(expected);
  });
});
