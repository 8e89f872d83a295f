import { useState } from 'react';
import { newClientId } from '../../../services/client-id';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Dialog, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { BindingCodeIssued, NoticeRecordView, NoticeStatusRow } from '../../../../types/api/notices';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { wallTime } from '../../../components/notice-copy';
import { NoticeRecord } from '../../../components/notice-record';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

const sentLabel: Record<NoticeStatusRow['sent'], string> = {
  pending: '待发送',
  sent: '已发送',
  refused: '未订阅',
  failed: '发送失败',
  none: '无微信',
};
const flagLabel: Record<string, string> = {
  receiptRightAfterAck: '回执与学生签收同一设备且间隔很短',
  parentOfUnrelatedStudents: '该微信绑定了多名无亲属关系的学生',
};
const kindLabel: Record<string, string> = {
  warningIssued: '学生通知',
  receiptDue: '家长回执提醒',
  receiptOverdue: '家长逾期提醒',
  objectionRaised: '异议通知',
  objectionAnswered: '异议答复',
  warningLifted: '解除通知',
  parentContactOverdue: '逾期提醒',
};

function nowLocalIso(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** Tap to call the number on file (staff who handle the student get it unmasked from the server). */
function callParent(phoneNumber: string) {
  void Taro.makePhoneCall({ phoneNumber }).catch(() =>
    Taro.showToast({ title: `请拨打 ${phoneNumber}`, icon: 'none' }),
  );
}

function StatusTags({ row }: { row: NoticeStatusRow }) {
  const tag = (ok: boolean, text: string, warn = false) => (
    <Tag type={ok ? 'success' : warn ? 'danger' : 'default'} style={{ marginRight: '4px', marginBottom: '4px' }}>
      {text}
    </Tag>
  );
  return (
    <View style={{ display: 'flex', flexWrap: 'wrap' }}>
      {tag(row.sent === 'sent', sentLabel[row.sent], row.sent === 'refused' || row.sent === 'failed')}
      {tag(row.read, row.read ? '已读' : '未读')}
      {tag(
        row.answer === 'signed',
        row.answer === 'signed'
          ? '已签收'
          : row.answer === 'objected'
            ? `异议·${row.objection?.state === 'open' ? '核实中' : '已答复'}`
            : '未签收',
        row.answer === 'objected',
      )}
      {tag(row.parentBound, row.parentBound ? '家长已绑定' : '家长未绑定')}
      {tag(
        row.contact !== 'none',
        row.contact === 'receipt' ? '已回执' : row.contact === 'phone' ? '电话已告知' : '家长未告知',
        row.overdue,
      )}
    </View>
  );
}

/**
 * The counselor's list (parents informed within 1 week; rules: 001-2.5): per warned student, message,
 * read, signature or objection, parent binding, receipt or phone contact; overdue in red.
 */
export default function ClassNotices() {
  const classId = useRouteParams({ classId: routeId }).classId ?? '';
  const classes = useLoad(() => (classId ? Promise.resolve([]) : call('campus', 'myClasses', {})), [classId]);
  const status = useLoad(
    () => (classId ? call('notices', 'classStatus', { classId }) : Promise.resolve(null)),
    [classId],
  );
  const [open, setOpen] = useState<string | null>(null);
  const [record, setRecord] = useState<NoticeRecordView | null>(null);
  const [issued, setIssued] = useState<BindingCodeIssued | null>(null);
  const [summary, setSummary] = useState('');
  // One id per phone-contact form: tapping again after a lost answer records it once.
  const [contactId, setContactId] = useState(newClientId);
  const { act: run, busy } = useAction(undefined, { toastFault: true });

  if (!classId) {
    return (
      <View className="page">
        <View className="page-title">警示通知跟踪</View>
        <LoadState loading={classes.loading} error={classes.error} empty={classes.data?.length === 0} />
        <CellGroup>
          {classes.data?.map((c) => (
            <Cell
              key={c.classId}
              title={c.name}
              clickable
              onClick={() =>
                void Taro.navigateTo({ url: pageUrl('/packages/staff/notices/index', { classId: c.classId }) })
              }
            />
          ))}
        </CellGroup>
      </View>
    );
  }

  /** `done` is the toast; null where the result shows on screen (a toast would cover it). */
  const act = (work: () => Promise<unknown>, done: string | null) =>
    run(async () => {
      await work();
      status.reload();
    }, done ?? undefined);

  // 查看通知单与签名: opens (or closes) the filed record of one notice under its row.
  const openRecord = async (noticeId: string) => {
    if (record?.noticeId === noticeId) {
      setRecord(null);
      return;
    }
    await run(async () => setRecord(await call('notices', 'noticeRecord', { noticeId })));
  };

  const rows = status.data?.rows ?? [];
  return (
    <View className="page">
      <View className="page-title">{status.data?.className ?? ''} 警示通知</View>
      <View className="muted" style={{ padding: '0 16px 8px' }}>
        家长须在通知发布后 7 天内告知；逾期标红。共 {rows.length} 人，已告知{' '}
        {rows.filter((r) => r.contact !== 'none').length} 人。
      </View>
      <LoadState loading={status.loading} error={status.error} empty={!status.loading && rows.length === 0} />
      {rows.map((row) => (
        <View
          key={row.noticeId}
          className="notice-row"
          id={`row-${row.studentId}`}
          style={{
            margin: '8px 12px',
            padding: '12px',
            background: '#fff',
            borderRadius: '8px',
            border: row.overdue ? '1px solid #d93025' : '1px solid transparent',
          }}
        >
          <View
            style={{ display: 'flex', justifyContent: 'space-between' }}
            onClick={() => {
              setOpen(open === row.noticeId ? null : row.noticeId);
              setRecord(null);
            }}
          >
            <Text style={{ fontWeight: 600 }}>
              {row.studentName} · {row.semester} {row.levelName}
              {row.version > 1 ? '（更正版）' : ''}
            </Text>
            <Text className={row.overdue ? 'danger' : 'muted'}>
              {row.overdue ? '已逾期' : `截止 ${wallTime(row.parentDeadline).slice(5, 10)}`}
            </Text>
          </View>
          <StatusTags row={row} />
          {row.flags.map((f) => (
            <View key={f} className="danger" style={{ fontSize: '12px' }}>
              ⚠ {flagLabel[f] ?? '绑定异常'}，请电话核实家长身份
            </View>
          ))}
          {row.undelivered.map((u, i) => (
            <View key={i} className="danger" style={{ fontSize: '12px' }}>
              {kindLabel[u.kind] ?? '消息'}未送达（{u.status === 'refused' ? '对方未订阅' : '发送失败'}
              ），请用其他方式联系
            </View>
          ))}
          {open === row.noticeId ? (
            <View style={{ marginTop: '8px' }}>
              {row.parent.phone ? (
                <Cell
                  title={`家长：${row.parent.name || '（未登记姓名）'}`}
                  description={row.parent.phone}
                  extra={
                    row.parent.callable ? (
                      <Button
                        size="small"
                        type="primary"
                        id={`call-parent-${row.studentId}`}
                        onClick={() => callParent(row.parent.phone)}
                      >
                        拨打电话
                      </Button>
                    ) : null
                  }
                />
              ) : (
                <Cell title="家长电话" description="学院未登记家长电话，请先核实家长联系方式" />
              )}
              {row.objection ? (
                <Cell
                  title="学生异议"
                  description={`${row.objection.reason}${row.objection.note ? `；答复：${row.objection.note}` : ''}`}
                />
              ) : null}
              {row.correction ? <Cell title="更正原因" description={row.correction} /> : null}
              {row.receiptMessage ? <Cell title="家长留言" description={row.receiptMessage} /> : null}
              {row.phoneContacts.map((c, i) => (
                <Cell key={i} title={`电话联系 ${wallTime(c.at)}`} description={`${c.byName}：${c.summary}`} />
              ))}
              <View style={{ display: 'flex', gap: '8px', marginTop: '8px', flexWrap: 'wrap' }}>
                <Button
                  size="small"
                  id={`view-record-${row.studentId}`}
                  disabled={busy}
                  onClick={() => void openRecord(row.noticeId)}
                >
                  {record?.noticeId === row.noticeId ? '收起通知单' : '查看通知单与签名'}
                </Button>
                <Button
                  size="small"
                  id={`create-code-${row.studentId}`}
                  disabled={busy}
                  onClick={() =>
                    void act(
                      async () => setIssued(await call('notices', 'createBindingCode', { studentId: row.studentId })),
                      null,
                    )
                  }
                >
                  生成家长绑定码
                </Button>
              </View>
              {record?.noticeId === row.noticeId ? <NoticeRecord record={record} /> : null}
              <View className="muted" style={{ marginTop: '8px', fontSize: '13px' }}>
                电话联系摘要（家长无微信时记录，算作已告知）
              </View>
              <TextArea
                placeholder="例如：已电话告知家长警示情况，家长表示配合"
                value={summary}
                onChange={setSummary}
                maxLength={500}
                style={{ marginTop: '8px' }}
              />
              <Button
                size="small"
                type="primary"
                disabled={busy || summary.trim() === ''}
                onClick={() =>
                  void act(async () => {
                    await call('notices', 'recordPhoneContact', {
                      noticeId: row.noticeId,
                      at: nowLocalIso(),
                      summary,
                      clientId: contactId,
                    });
                    setSummary('');
                    setContactId(newClientId());
                  }, '已记录')
                }
                style={{ marginTop: '8px' }}
              >
                记录电话联系
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <Dialog
        visible={issued !== null}
        title="家长绑定码"
        hideCancelButton
        confirmText="我已告知家长"
        onConfirm={() => setIssued(null)}
        onClose={() => setIssued(null)}
      >
        {issued ? (
          <View id="binding-code-dialog">
            <View
              style={{ fontSize: '24px', fontWeight: 700, letterSpacing: '2px', textAlign: 'center', margin: '8px 0' }}
              id="binding-code"
            >
              {issued.code}
            </View>
            <View>
              请致电或短信发送至学院登记的家长 {issued.parentName}（{issued.parentPhone}），仅此一次显示，
              {wallTime(issued.expiresAt)} 前有效、仅可使用一次。家长绑定时需填写孩子的学号和学院登记的家长姓名。
            </View>
            <View style={{ marginTop: '8px', textAlign: 'center' }}>
              <Button
                size="small"
                type="primary"
                id="call-parent-dialog"
                onClick={() => callParent(issued.parentPhone)}
              >
                拨打 {issued.parentPhone}
              </Button>
            </View>
          </View>
        ) : null}
      </Dialog>
    </View>
  );
}
