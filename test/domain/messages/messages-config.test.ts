import raw from '../../../config/messages.json';
import { messagesConfig } from '../../../cloudfunctions/core/messages/config';
import { displayLines, toWechatData } from '../../../cloudfunctions/core/messages/wechat-data';
import { MessagesConfig } from '../../../types/messages-config';

const noticeKinds = [
  'warningIssued',
  'receiptDue',
  'receiptOverdue',
  'objectionRaised',
  'parentContactOverdue',
] as const;

describe('config/messages.json', () => {
  it('parses, and every notice message kind has a template with its env var', () => {
    for (const kind of noticeKinds) expect(messagesConfig.templates[kind]?.templateIdEnv).toMatch(/^WX_TMPL_/);
    const envs = Object.values(messagesConfig.templates).map((t) => t?.templateIdEnv);
    expect(new Set(envs).size).toBe(envs.length);
  });

  it('rejects a field whose WeChat key does not match its type', () => {
    const bad = structuredClone(raw);
    const first = bad.templates.warningIssued.fields[0];
    if (first) first.type = 'name';
    const parsed = MessagesConfig.safeParse(bad);
    expect(parsed.success).toBe(false);
  });

  it('rejects more than 5 fields (WeChat shows at most 5)', () => {
    const bad = structuredClone(raw);
    const f = bad.templates.warningIssued.fields;
    bad.templates.warningIssued.fields = [...f, ...f].map((x, i) => ({
      ...x,
      wechatKey: `thing${i + 10}`,
      type: 'thing',
    }));
    expect(MessagesConfig.safeParse(bad).success).toBe(false);
  });

  it('builds the WeChat data object and the inbox lines from outbox data', () => {
    const tpl = messagesConfig.templates.receiptDue;
    if (!tpl) throw new Error('receiptDue template missing');
    const data = {
      student: '张三',
      level: '学业警示通知（书面警示）',
      deadline: '2026-11-30T09:00:00.000+08:00',
      note: '请阅读家长联并填写回执',
    };
    expect(toWechatData(tpl, data)).toEqual({
      name1: { value: '张三' },
      thing2: { value: '学业警示通知（书面警示）' },
      time3: { value: '2026年11月30日 09:00' },
      thing4: { value: '请阅读家长联并填写回执' },
    });
    expect(displayLines(tpl, data).map((l) => l.label)).toEqual(['学生姓名', '通知事项', '回执截止', '温馨提示']);
  });
});
