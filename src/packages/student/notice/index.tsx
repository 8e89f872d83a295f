import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { StudentNoticeView } from '../../../../types/api/notices';
import { retiredLabel } from '../../../services/notice-state';
import { call } from '../../../services/api';
import { deviceId } from '../../../services/device-id';
import { askSubscribe } from '../../../services/subscribe';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';
import { NoticeCopyView, wallTime } from '../../../components/notice-copy';
import { SignaturePad } from '../../../components/signature-pad';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

const objectionLabel = { open: '异议核实中', confirmed: '已核实：维持原通知', corrected: '已更正，见新版本' } as const;

/** The student's notice: read it, then sign on the canvas, or raise an objection with a reason. */
export default function StudentNotice() {
  const id = useRouteParams({ id: routeId }).id ?? '';
  const list = useLoad(() => (id ? Promise.resolve([]) : call('notices', 'studentNotices', {})), [id]);
  const loaded = useLoad(() => (id ? call('notices', 'studentCopy', { noticeId: id }) : Promise.resolve(null)), [id]);
  const [view, setView] = useState<StudentNoticeView | null>(null);
  const [signature, setSignature] = useState('');
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');
  const { act, refusal, busy } = useAction(undefined, { toastFault: true });
  const notice = view ?? loaded.data;

  if (!id) {
    return (
      <View className="page">
        <View className="page-title">我的学业警示通知</View>
        <LoadState loading={list.loading} error={list.error} empty={list.data?.length === 0} />
        <CellGroup>
          {list.data?.map((n) => (
            <Cell
              key={n.noticeId}
              title={`${n.semester} ${n.levelName}${n.version > 1 ? '（更正）' : ''}`}
              description={
                n.acknowledged
                  ? '已签收'
                  : n.objection === 'open'
                    ? '异议核实中'
                    : n.status === 'superseded'
                      ? retiredLabel(n.ending)
                      : '待签收'
              }
              clickable
              onClick={() =>
                void Taro.navigateTo({ url: pageUrl('/packages/student/notice/index', { id: n.noticeId }) })
              }
            />
          ))}
        </CellGroup>
      </View>
    );
  }

  const run = (work: () => Promise<StudentNoticeView>, done: string) => act(async () => setView(await work()), done);

  const acknowledge = () => {
    if (!notice) return;
    // Consent must be asked on the tap itself (WeChat rule), before any await.
    void askSubscribe(notice.subscribe);
    if (!signature) {
      void Taro.showToast({ title: '请先签名并点“确认签名”', icon: 'none' });
      return;
    }
    void run(
      () => call('notices', 'acknowledge', { noticeId: notice.noticeId, signature, deviceId: deviceId() }),
      '已签收',
    );
  };

  const object = () => {
    if (!notice) return;
    void askSubscribe(notice.subscribe);
    void run(() => call('notices', 'object', { noticeId: notice.noticeId, reason }), '异议已提交');
  };

  return (
    <View className="page">
      <LoadState loading={loaded.loading} error={loaded.error} />
      {notice ? (
        <>
          <View className="page-title">学业警示通知</View>
          {notice.status === 'superseded' && notice.ending !== 'corrected' ? (
            <View className="muted" style={{ padding: '0 16px 8px' }}>
              该通知{retiredLabel(notice.ending)}，无需再签收。
            </View>
          ) : null}
          {notice.status === 'superseded' && notice.ending === 'corrected' ? (
            <CellGroup>
              <Cell
                title="该通知已被更正"
                description="请查看并签收新版本"
                clickable
                onClick={() =>
                  void Taro.redirectTo({
                    url: pageUrl('/packages/student/notice/index', { id: notice.supersededBy ?? '' }),
                  })
                }
              />
            </CellGroup>
          ) : null}
          <NoticeCopyView copy={notice.copy} />
          <View className="section-title">我的确认</View>
          {notice.ack ? (
            <CellGroup>
              <Cell title="已签名确认收到" extra={<Tag type="success">{wallTime(notice.ack.at)}</Tag>} />
            </CellGroup>
          ) : null}
          {notice.objection ? (
            <CellGroup>
              <Cell
                title="我的异议"
                description={notice.objection.reason}
                extra={
                  <Tag type={notice.objection.state === 'open' ? 'warning' : 'primary'}>
                    {notice.objection.state === 'corrected' && notice.status === 'issued'
                      ? '已更正成绩：本通知仍有效'
                      : objectionLabel[notice.objection.state]}
                  </Tag>
                }
              />
              {notice.objection.note ? <Cell title="教学办答复" description={notice.objection.note} /> : null}
            </CellGroup>
          ) : null}
          {!notice.ack && notice.status === 'issued' && notice.objection?.state !== 'open' ? (
            <>
              <View className="muted" style={{ padding: '8px 16px' }}>
                请在下方框内手写签名，点“确认签名”，再点“签收通知”。
              </View>
              <SignaturePad
                canvasId="student-signature"
                noticeId={notice.noticeId}
                signer="student"
                onSigned={setSignature}
                disabled={busy}
              />
              <View style={{ padding: '0 16px' }}>
                <Button block type="primary" loading={busy} onClick={acknowledge} id="acknowledge">
                  签收通知
                </Button>
              </View>
              {!notice.objection ? (
                <View style={{ padding: '12px 16px' }}>
                  {objecting ? (
                    <>
                      <Field name="reason" refusal={refusal}>
                        <TextArea
                          placeholder="请写明异议原因（如：某门课程补考已通过）"
                          value={reason}
                          onChange={setReason}
                          maxLength={300}
                        />
                      </Field>
                      <Button
                        block
                        type="warning"
                        loading={busy}
                        disabled={reason.trim() === ''}
                        onClick={object}
                        style={{ marginTop: '8px' }}
                      >
                        提交异议
                      </Button>
                    </>
                  ) : (
                    <Button block fill="outline" onClick={() => setObjecting(true)}>
                      内容有误，提出异议
                    </Button>
                  )}
                </View>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
