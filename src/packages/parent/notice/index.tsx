import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Checkbox, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { ParentNoticeView } from '../../../../types/api/notices';
import { retiredLabel } from '../../../services/notice-state';
import { call } from '../../../services/api';
import { deviceId } from '../../../services/device-id';
import { askSubscribe } from '../../../services/subscribe';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { NoticeCopyView, wallTime } from '../../../components/notice-copy';
import { SignaturePad } from '../../../components/signature-pad';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

/** 家长联 and 家长回执: read the parent copy, confirm, optionally leave a message, sign. */
export default function ParentNotice() {
  const id = useRouteParams({ id: routeId }).id ?? '';
  const list = useLoad(() => (id ? Promise.resolve([]) : call('notices', 'childNotices', {})), [id]);
  const loaded = useLoad(() => (id ? call('notices', 'parentCopy', { noticeId: id }) : Promise.resolve(null)), [id]);
  const [view, setView] = useState<ParentNoticeView | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState('');
  const [signature, setSignature] = useState('');
  const { act, busy } = useAction(undefined, { toastFault: true });
  const notice = view ?? loaded.data;

  if (!id) {
    return (
      <View className="page">
        <View className="page-title">孩子的学业警示通知</View>
        <LoadState loading={list.loading} error={list.error} empty={list.data?.length === 0} />
        <CellGroup>
          {list.data
            ?.filter((n) => n.status === 'issued')
            .map((n) => (
              <Cell
                key={n.noticeId}
                title={`${n.studentName} · ${n.semester} ${n.levelName}`}
                description={n.receiptReturned ? '已回执' : '待回执'}
                clickable
                onClick={() =>
                  void Taro.navigateTo({ url: pageUrl('/packages/parent/notice/index', { id: n.noticeId }) })
                }
              />
            ))}
        </CellGroup>
      </View>
    );
  }

  const submit = async () => {
    if (!notice) return;
    void askSubscribe(notice.subscribe);
    if (!confirmed || !signature) {
      void Taro.showToast({ title: !confirmed ? '请勾选“已知悉”' : '请先签名并点“确认签名”', icon: 'none' });
      return;
    }
    await act(
      async () =>
        setView(
          await call('notices', 'returnReceipt', {
            noticeId: notice.noticeId,
            message,
            signature,
            deviceId: deviceId(),
          }),
        ),
      '回执已提交',
    );
  };

  return (
    <View className="page">
      <LoadState loading={loaded.loading} error={loaded.error} />
      {notice ? (
        <>
          <View className="page-title">{notice.studentName} 的学业警示通知</View>
          <NoticeCopyView copy={notice.copy} />
          <View className="section-title">家长回执</View>
          {notice.receipt ? (
            <CellGroup>
              <Cell title="已回执" extra={<Tag type="success">{wallTime(notice.receipt.at)}</Tag>} />
              {notice.receipt.message ? <Cell title="给辅导员的留言" description={notice.receipt.message} /> : null}
            </CellGroup>
          ) : notice.status !== 'issued' ? (
            <View className="muted" style={{ padding: '8px 16px' }}>
              {notice.ending === 'corrected'
                ? '该通知已被更正，请查看新版本。'
                : `该通知${retiredLabel(notice.ending)}，无需回执。`}
            </View>
          ) : (
            <>
              <View className="muted" style={{ padding: '0 16px 8px' }}>
                请在 {wallTime(notice.parentDeadline)} 前回执。
              </View>
              <CellGroup>
                <Cell>
                  <Checkbox
                    checked={confirmed}
                    onChange={setConfirmed}
                    label="我已知悉孩子的学业警示情况，将配合学院督促孩子学习"
                  />
                </Cell>
              </CellGroup>
              <View style={{ padding: '8px 16px' }}>
                <View className="muted" style={{ paddingBottom: '4px' }}>
                  给辅导员的留言（选填）
                </View>
                <TextArea
                  placeholder="例如：已和孩子谈过，会督促按计划重修"
                  value={message}
                  onChange={setMessage}
                  maxLength={300}
                />
              </View>
              <View className="muted" style={{ padding: '0 16px 8px' }}>
                家长签名：
              </View>
              <SignaturePad
                canvasId="parent-signature"
                noticeId={notice.noticeId}
                signer="parent"
                onSigned={setSignature}
                disabled={busy}
              />
              <View style={{ padding: '0 16px' }}>
                <Button block type="primary" loading={busy} onClick={() => void submit()} id="receipt-submit">
                  提交回执
                </Button>
              </View>
            </>
          )}
        </>
      ) : null}
    </View>
  );
}
