import fc from 'fast-check';
import { fitField } from '../../../cloudfunctions/core/messages/field-limits';
import { fitTemplateData, toWechatData } from '../../../cloudfunctions/core/messages/wechat-data';
import { meetingReminders } from '../../../cloudfunctions/core/support/meeting-reminders';
import { messagesConfig } from '../../../cloudfunctions/core/messages/config';
import { wechatFieldLimit, WechatFieldType } from '../../../types/messages-config';

const OPEN = /[（(【[《〈「『“‘{]/;

/** True when some opening bracket in `text` is not closed after it. */
function hasOpenBracket(text: string): boolean {
  const pairs: Record<string, string> = {
    '（': '）',
    '(': ')',
    '【': '】',
    '[': ']',
    '《': '》',
    '〈': '〉',
    '「': '」',
    '『': '』',
    '“': '”',
    '‘': '’',
    '{': '}',
  };
  const stack: string[] = [];
  for (const ch of text) {
    if (pairs[ch]) stack.push(pairs[ch]);
    else if (stack[stack.length - 1] === ch) stack.pop();
  }
  return stack.length > 0;
}

describe('one fit for every template field (code points, type limits, whole words)', () => {
  it.each([
    // The meeting title of issue 9: cut mid-bracket before.
    ['thing', '学业警示、学籍处理、纪律处分学生谈话（每季度）', '学业警示、学籍处理、纪律处分学生谈话…'],
    // A list is cut between its items, not inside one.
    ['thing', '高等数学A（上）、大学物理、有机化学、普通生物学实验', '高等数学A（上）、大学物理、有机化学…'],
    ['thing', '补考后仍不及格 2 门：高等数学A（上）、大学物理、有机化学', '补考后仍不及格 2 门：高等数学A…'],
    // An ASCII word (a course code) is never split.
    ['thing', '请重修课程：普通生物化学与分子生物学 BIO20451', '请重修课程：普通生物化学与分子生物学…'],
    // A value someone else cut before (slice) with an open bracket is repaired.
    ['thing', '学业警示、学籍处理、纪律处分学生谈话（', '学业警示、学籍处理、纪律处分学生谈话…'],
    // Characters outside the BMP count once (code points, not UTF-16 units).
    ['thing', '𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋', '𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋'],
    ['name', '李建国（李明家长）', '李建国（李明家长）'],
    ['name', '欧阳建国（欧阳娜娜家长）', '欧阳建国…'],
    ['time', '2026-11-30 09:00', '2026年11月30日 09:00'],
    ['date', '2026-11-30T09:00:00.000+08:00', '2026年11月30日'],
    ['number', '共 25 人', '25'],
    ['phone_number', '188 1234 5678', '18812345678'],
    ['character_string', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012...'],
  ] as const)('%s %s → %s', (type, value, expected) => {
    expect(fitField(type, value)).toBe(expected);
  });

  it('never leaves an open bracket, never exceeds the limit, never empties a field', () => {
    const pieces = fc.constantFrom(
      '学业',
      '警示',
      '（',
      '）',
      '、',
      '高等数学',
      'A',
      'MA1011',
      ' ',
      '谈话',
      '《',
      '》',
      '𠀋',
      '2026',
    );
    fc.assert(
      fc.property(fc.constantFrom(...WechatFieldType.options), fc.array(pieces, { maxLength: 30 }), (type, parts) => {
        const out = fitField(type, parts.join(''));
        expect([...out].length).toBeLessThanOrEqual(wechatFieldLimit[type]);
        expect(out.length).toBeGreaterThan(0);
        expect(hasOpenBracket(out)).toBe(false);
        expect(fitField(type, out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('an ellipsis marks every cut of a text field', () => {
    const out = fitField('thing', '这是一段明显超过二十个字的说明文字，需要被截短后再发送');
    expect(out.endsWith('…')).toBe(true);
    expect(OPEN.test(out)).toBe(false);
  });

  it('fitTemplateData fits every field of a template by its type (what toWechatData sends)', () => {
    const tpl = messagesConfig.templates.meetingScheduled;
    if (!tpl) throw new Error('meetingScheduled template missing');
    const data = {
      thing1: '学业警示、学籍处理、纪律处分学生谈话（每季度）',
      time2: '2026-12-01T14:30:00.000+08:00',
      thing3: '学生事务中心三楼辅导员办公室（312 室）旁会议室',
    };
    const fitted = fitTemplateData(tpl, data);
    expect(fitted).toEqual({
      thing1: '学业警示、学籍处理、纪律处分学生谈话…',
      time2: '2026年12月1日 14:30',
      thing3: '学生事务中心三楼辅导员办公室…',
    });
    expect(toWechatData(tpl, data)).toEqual({
      thing1: { value: fitted.thing1 },
      time2: { value: fitted.time2 },
      thing3: { value: fitted.thing3 },
    });
  });

  it('meeting reminders hand the whole title and place to the fit (no slicing of their own)', () => {
    const meeting = {
      _id: 'm1',
      actorId: 't-c',
      at: '2026-12-01T14:30:00.000+08:00',
      title: '学业警示、学籍处理、纪律处分学生谈话（每季度）',
      place: '学生事务中心三楼辅导员办公室（312 室）旁会议室',
      remindBeforeMinutes: 60,
    };
    const [reminder] = meetingReminders(
      meeting,
      [{ userId: 's-1', openid: 'o1', parent: false }],
      '2026-11-30T09:00:00.000+08:00',
    );
    const tpl = messagesConfig.templates.meetingScheduled;
    if (!reminder || !tpl) throw new Error('no reminder');
    expect(toWechatData(tpl, reminder.data).thing1?.value).toBe('学业警示、学籍处理、纪律处分学生谈话…');
    expect(toWechatData(tpl, reminder.data).time2?.value).toBe('2026年12月1日 14:30');
  });
});
