import { performance } from 'node:perf_hooks';
import type { DocumentAnswer, FormDocument } from '../../../types/documents';
import { talkTopicLabel } from '../../../types/support';
import { talkFormLabels } from '../../../cloudfunctions/core/documents/talk-form';
import { planFormLabels } from '../../../cloudfunctions/core/documents/plan-form';
import { pairingFormLabels } from '../../../cloudfunctions/core/documents/pairing-form';
import { minutesLabels, parentMeetingLabels } from '../../../cloudfunctions/core/documents/meeting-form';
import { noticeRegisterColumns } from '../../../cloudfunctions/core/documents/notice-register';
import { studentLedgerColumns } from '../../../cloudfunctions/core/documents/talk-ledger';
import { wall } from '../../../cloudfunctions/core/documents/form-kit';
import { openEmptyHarness, type EmptyHarness } from '../../support/harness';
import { seedTwoClasses } from '../../support/build/two-classes';
import { makePaperTrail, type PaperTrail } from '../../support/paper-trail';
import { readPdf } from '../../support/pdf-read';
import { fieldRows, readXlsx, tableOf } from '../../support/xlsx-read';

/**
 * Issue 15: each form generated from the records of one warned student (made through the real
 * functions), read back from the xlsx and the PDF, and checked field by field against them.
 */
describe('documents: every seed form from the records, read back', () => {
  let h: EmptyHarness;
  let t: PaperTrail;
  let counselor: string;
  let headTeacher: string;

  beforeAll(async () => {
    h = await openEmptyHarness();
    // 孙一鸣 of 生工251班 (2025, second year: the head teacher reviews plans), parent bound; two more
    // classmates make five, so the trail's 座谈会 invites four and three attend; 学工部 approves the
    // pairing at school level.
    const p = await seedTwoClasses(h.store, '2026-09-01T08:00:00.000+08:00', (b, c) => {
      b.student(c.firstClass, { id: '2025311004', name: '周四维', gender: '女' });
      b.student(c.firstClass, { id: '2025311005', name: '吴五洲' });
      b.studentAffairs('t-affairs', '学工部');
    });
    const cls = p.firstClass;
    const student = p.student;
    t = await makePaperTrail(h, p.built, student);
    counselor = cls.counselorId;
    headTeacher = cls.headTeacherId;
  }, 60_000);
  afterAll(() => h.close());

  const both = async (userId: string, action: string, input: Record<string, unknown>) => {
    const view = await h.callAs(userId, 'documents', action as 'noticeForm', { ...input, format: 'view' });
    const xlsx = await h.callAs(userId, 'documents', action as 'noticeForm', { ...input, format: 'xlsx' });
    const pdf = await h.callAs(userId, 'documents', action as 'noticeForm', { ...input, format: 'pdf' });
    if (!view.ok || !xlsx.ok || !pdf.ok)
      throw new Error(`${action}: ${JSON.stringify([view, xlsx, pdf].find((e) => !e.ok))}`);
    if (!xlsx.data.file || !pdf.data.file) throw new Error(`${action}: no file`);
    return {
      doc: view.data.document,
      sheets: await readXlsx(xlsx.data.file.base64),
      pdf: readPdf(Buffer.from(pdf.data.file.base64, 'base64')),
      answer: pdf.data,
    };
  };
  const fieldValue = (doc: FormDocument, page: number, label: string) => {
    for (const b of doc.pages[page]?.blocks ?? [])
      if (b.kind === 'fields') for (const f of b.fields) if (f.label === label) return f.value;
    return undefined;
  };
  const flat = (text: string) => text.replace(/\s+/g, '');

  it('学业警示通知单: three copies as issued, the student signature and the signed receipt, in xlsx and PDF', async () => {
    const { doc, sheets, pdf } = await both(counselor, 'noticeForm', { noticeId: t.notice._id });
    expect(doc.pages.map((p) => p.title)).toEqual([
      t.notice.copies.college.title,
      t.notice.copies.student.title,
      t.notice.copies.parent.title,
    ]);
    expect(sheets).toHaveLength(3);
    // Every stored paragraph of each copy is on its sheet and its PDF page, in order.
    (['college', 'student', 'parent'] as const).forEach((kind, i) => {
      const rows = (sheets[i]?.rows ?? []).map((r) => r[0]);
      const paragraphs = t.notice.copies[kind].paragraphs;
      const at = paragraphs.map((p) => rows.indexOf(p));
      expect(at.every((x) => x >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(flat(pdf.text.join('\n'))).toContain(flat(paragraphs[1] ?? ''));
    });
    const college = fieldRows(sheets[0]!);
    expect(college.find((f) => f.label === '学生签名')?.value).toBe(`${t.student.name}（已签名）`);
    expect(college.find((f) => f.label === '签收时间')?.value).toBe(wall(t.notice.ack?.at));
    expect(college.find((f) => f.label === '家长签名')?.value).toBe(`${t.notice.receipt?.parentName}（已签名）`);
    expect(college.find((f) => f.label === '家长意见')?.value).toBe('已与孩子沟通，会督促其按计划重修');
    // The signature images travel with the form (the print view shows them; the PDF draws them).
    const images = doc.pages[0]?.blocks.flatMap((b) =>
      b.kind === 'fields' ? b.fields.filter((f) => f.image).map((f) => f.label) : [],
    );
    expect(images).toEqual(['学生签名', '家长签名']);
    expect([...pdf.objects.values()].filter((o) => o.dict.includes('/Subtype /Image')).length).toBeGreaterThanOrEqual(
      1,
    );
    expect(pdf.pageCount).toBe(3);
    expect(pdf.fontName).toMatch(/^[A-Z]{6}\+WenQuanYiZenHei$/);
    // A subset: a few hundred glyphs, not the font's tens of thousands.
    expect(pdf.subsetGlyphs).toBeGreaterThan(50);
    expect(pdf.subsetGlyphs).toBeLessThan(2000);
  });

  it('学院存根 register of the semester lists the notice with its signature and receipt', async () => {
    const { sheets, pdf } = await both('t-clerk', 'noticeRegister', { semester: t.notice.semester });
    const rows = tableOf(sheets[0]!, noticeRegisterColumns);
    const row = rows.find((r) => r[1] === t.student._id);
    expect(row).toEqual([
      expect.any(String),
      t.student._id,
      t.student.name,
      expect.any(String),
      t.notice.levelName,
      '1',
      wall(t.notice.issuedAt),
      `已签收 ${wall(t.notice.ack?.at)}`,
      '已回执',
      '有效',
    ]);
    expect(flat(pdf.text.join(''))).toContain(t.student.name);
  });

  it('谈心谈话登记表 (002-A3): the annex fields in order, 第 n 次 per talker', async () => {
    const first = t.talks[0]!;
    const { doc, sheets, pdf } = await both(counselor, 'talkForm', { talkId: first._id });
    expect(doc.pages[0]?.title).toBe('生命科学与工程学院辅导员谈心谈话登记表');
    const fields = fieldRows(sheets[0]!).filter((f) => (talkFormLabels as readonly string[]).includes(f.label));
    expect(fields.map((f) => f.label)).toEqual([...talkFormLabels]);
    const value = (l: string) => fields.find((f) => f.label === l)?.value;
    expect(value('谈话对象')).toContain(`姓名：${t.student.name}　性别：${t.student.gender}`);
    expect(value('谈话人')).toBe(`姓名：${first.actorName}`);
    expect(value('约谈方式')).toBe('☐ 学生主动约谈　☑ 老师约谈');
    expect(value('约谈次数')).toBe('第 1 次');
    expect(value('谈话方式')).toBe('☑ 面谈　☐ 电话　☐ 微信/QQ　☐ 集体座谈');
    expect(value('谈话主题')).toContain(`☑ ${talkTopicLabel.academics}`);
    expect(value('谈话主题')).toContain('其他：作息');
    expect(value('谈话地点')).toBe(first.place);
    expect(value('初步印象')).toBe(first.firstImpression);
    expect(value('谈话主要内容')).toBe(first.content);
    expect(value('措施及效果')).toBe(first.measures);
    expect(flat(pdf.text.join(''))).toContain(flat(first.content));
  });

  it("the student talk ledger: every talk in time order, then each 登记表; the counselor's second talk is 第 2 次", async () => {
    const { doc, sheets, pdf } = await both(counselor, 'studentTalkLedger', { studentId: t.student._id });
    const rows = tableOf(sheets[0]!, studentLedgerColumns);
    expect(rows.map((r) => r[1])).toEqual(t.talks.map((x) => wall(x.at)));
    expect(rows.map((r) => r[4])).toEqual(['第 1 次', '第 1 次', '第 2 次']);
    expect(rows.map((r) => r[9])).toEqual(t.talks.map((x) => x.content));
    expect(doc.pages).toHaveLength(1 + t.talks.length);
    expect(sheets).toHaveLength(1 + t.talks.length);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(1 + t.talks.length);
  });

  it("the class talk ledger for a period holds the class's talks in it, and none outside", async () => {
    const inside = await both(counselor, 'classTalkLedger', {
      classId: t.student.classId,
      period: { from: '2026-11-01', to: '2026-11-30' },
    });
    const rows = inside.sheets[0]!.rows.filter((r) => r[1] === t.student._id);
    expect(rows).toHaveLength(t.talks.length);
    const before = await both(counselor, 'classTalkLedger', {
      classId: t.student.classId,
      period: { from: '2026-09-01', to: '2026-09-30' },
    });
    expect(before.sheets[0]!.rows.filter((r) => r[1] === t.student._id)).toHaveLength(0);
  });

  it('学习计划表 (002-A4): fields in order, every owed course, the signature and the review', async () => {
    const { doc, sheets, pdf } = await both(headTeacher, 'planForm', { planId: t.plan._id });
    expect(doc.pages[0]?.title).toBe('生命科学与工程学院学业预警学生学习计划表（大一、大二）');
    const fields = fieldRows(sheets[0]!);
    const labels = fields.map((f) => f.label).filter((l) => (planFormLabels as readonly string[]).includes(l));
    expect(labels).toEqual([...planFormLabels]);
    const plan = fields.find((f) => f.label.startsWith('学习计划'))?.value ?? '';
    for (const c of t.plan.failedCourses)
      expect(plan).toContain(`${c.name}（${c.code}，${c.credits} 学分）：${c.name}：随下一级重修`);
    expect(fields.find((f) => f.label === '学生签名')?.value).toBe(
      `${t.student.name}（${wall(t.plan.signature?.at)} 签名）`,
    );
    expect(fields.find((f) => f.label === '帮扶教师意见')?.value).toBe('同意：计划具体可行，同意');
    expect(fields.find((f) => f.label === '帮扶教师签名')?.value).toBe(`${t.plan.review?.byName}（班主任）`);
    expect(fieldValue(doc, 0, '学号')).toBe(t.student._id);
    expect(flat(pdf.text.join(''))).toContain('计划具体可行');
  });

  it("朋辈帮扶申请表 (002-A2): fields in order; the account in clear only in the school approver's copy", async () => {
    const school = await both('t-affairs', 'pairingForm', { pairingId: t.pairing._id });
    const fields = fieldRows(school.sheets[0]!);
    expect(fields.map((f) => f.label)).toEqual([...pairingFormLabels]);
    expect(fields.find((f) => f.label === '中国银行账号')?.value).toBe(t.bankAccount);
    expect(fields.find((f) => f.label === '被帮扶人姓名')?.value).toBe(t.student.name);
    expect(fields.find((f) => f.label === '被帮扶人数')?.value).toBe('1');
    expect(fields.find((f) => f.label === '班级评议意见')?.value).toContain('同意结对');
    expect(flat(school.pdf.text.join(''))).toContain(t.bankAccount);
    for (const reader of [counselor, 't-leader']) {
      const copy = await both(reader, 'pairingForm', { pairingId: t.pairing._id });
      expect(fieldRows(copy.sheets[0]!).find((f) => f.label === '中国银行账号')?.value).toBe(
        '**** 4567（仅学校审核人可见完整账号）',
      );
      expect(JSON.stringify(copy.answer.document)).not.toContain(t.bankAccount);
      expect(flat(copy.pdf.text.join(''))).not.toContain(t.bankAccount);
    }
  });

  it('座谈会纪要 and the parent face-to-face record signed by the parent', async () => {
    const forum = await both(counselor, 'meetingForm', { meetingId: t.forum._id });
    const fields = fieldRows(forum.sheets[0]!).filter((f) => (minutesLabels as readonly string[]).includes(f.label));
    expect(fields.map((f) => f.label)).toEqual([...minutesLabels]);
    expect(fields.find((f) => f.label === '座谈主要内容')?.value).toBe(t.forum.record?.summary);
    expect(fields.find((f) => f.label === '实到学生')?.value).toMatch(/^3 人：/);
    expect(forum.sheets[0]!.rows.some((r) => r[0] === '生命科学与工程学院(章)')).toBe(true);
    const parent = await both(counselor, 'meetingForm', { meetingId: t.parentMeeting._id });
    const pf = fieldRows(parent.sheets[0]!);
    expect(pf.map((f) => f.label)).toEqual([...parentMeetingLabels]);
    expect(pf.find((f) => f.label === '面谈时间')?.value).toBe(wall(t.parentMeeting.at));
    expect(pf.find((f) => f.label === '家长确认签字')?.value).toBe(
      `${t.parentMeeting.parentConfirmation?.name}（${wall(t.parentMeeting.parentConfirmation?.at)} 在微信上确认签字）`,
    );
  });

  it('refuses a bad input with the field named and writes no export row', async () => {
    const before = await h.store.count('documentExports');
    const bad = await h.callAs(counselor, 'documents', 'noticeForm', { noticeId: t.notice._id, format: 'docx' });
    expect(bad).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'format' });
    const period = await h.callAs(counselor, 'documents', 'classTalkLedger', {
      classId: t.student.classId,
      period: { from: '2026-11-30', to: '2026-11-01' },
    });
    expect(period).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
      field: 'period.to',
      message: '结束日期不能早于开始日期',
    });
    expect(await h.store.count('documentExports')).toBe(before);
  });

  it('times each form for this class of five (figures printed, not asserted)', async () => {
    const figures: string[] = [];
    const time = async (label: string, userId: string, action: string, input: Record<string, unknown>) => {
      for (const format of ['xlsx', 'pdf'] as const) {
        const started = performance.now();
        const r = await h.callAs(userId, 'documents', action as 'noticeForm', { ...input, format });
        const ms = performance.now() - started;
        const answer: DocumentAnswer | null = r.ok ? r.data : null;
        figures.push(
          `${label.padEnd(18)} ${format.padEnd(4)} ${String(answer?.file?.bytes ?? 0).padStart(8)} B ${ms.toFixed(0).padStart(5)} ms`,
        );
      }
    };
    await time('通知单', counselor, 'noticeForm', { noticeId: t.notice._id });
    await time('学院存根登记簿', 't-clerk', 'noticeRegister', { semester: t.notice.semester });
    await time('谈话登记表', counselor, 'talkForm', { talkId: t.talks[0]!._id });
    await time('谈话台账(学生)', counselor, 'studentTalkLedger', { studentId: t.student._id });
    await time('谈话台账(班级)', counselor, 'classTalkLedger', {
      classId: t.student.classId,
      period: { from: '2026-09-01', to: '2026-11-30' },
    });
    await time('学习计划表', headTeacher, 'planForm', { planId: t.plan._id });
    await time('朋辈帮扶申请表', 't-affairs', 'pairingForm', { pairingId: t.pairing._id });
    await time('座谈会纪要', counselor, 'meetingForm', { meetingId: t.forum._id });
    await time('家长面谈记录', counselor, 'meetingForm', { meetingId: t.parentMeeting._id });
    process.stdout.write(`[documents] one warned student of a class of five\n${figures.join('\n')}\n`);
    expect(figures).toHaveLength(18);
  });
});
