import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { PrivacyConsent } from '../../../components/privacy-consent';
import { Chips } from '../../../components/chips';
import { ClassCheckForm } from './_components/class-form';
import { DormCheckForm } from './_components/dorm-form';
import { locate } from './_components/locate';
import {
  deviceNow,
  flushQueue,
  newClientId,
  readQueue,
  submitCheckin,
  type QueuedAction,
  type Queued,
  type SendOutcome,
} from './_components/offline-queue';
import { OtherRecordForm, otherKinds, type OtherKind } from './_components/other-form';
import { OutcomeView } from './_components/outcome-view';
import { routeId, useRouteParams } from '../../../services/use-route-params';

type Tab = 'dorm' | 'class' | 'other';

/** Which tab and form a duty's "去记录" opens (?kind=dormCheck / classCheck / a record kind). */
function initialOf(kind: string | undefined): { tab: Tab; other: OtherKind } {
  if (kind === 'dormCheck') return { tab: 'dorm', other: 'lecture' };
  if (kind === 'classCheck') return { tab: 'class', other: 'lecture' };
  if (kind === 'lectureAttendance') return { tab: 'other', other: 'lecture' };
  const other = otherKinds.find((k) => k === kind);
  return other ? { tab: 'other', other } : { tab: 'dorm', other: 'lecture' };
}

/**
 * 查寝 / 查课 / other duty records. Location is asked for from the tap (WeChat rule); every
 * record gets a clientId when tapped and waits on the phone until the server has it.
 */
export default function CheckinPage() {
  const params = useRouteParams({ kind: routeId, studentId: routeId, classId: routeId });
  const initial = initialOf(params.kind);
  const [tab, setTab] = useState<Tab>(initial.tab);
  const options = useLoad(() => call('checkins', 'options', {}), []);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  // A refusal of this form's own send names the field to mark (the form stays filled in).
  const refusal = outcome?.kind === 'refused' ? { message: outcome.message, field: outcome.field ?? null } : null;
  const [queue, setQueue] = useState<Queued[]>(() => readQueue());
  const [locating, setLocating] = useState<string | null>(null);
  /** Queued check-ins the server refused on a resend: gone from the queue, so said out loud. */
  const [dropped, setDropped] = useState<Extract<SendOutcome, { kind: 'refused' }>[]>([]);
  /** A new form after each record: nothing of the last one carries into the next. */
  const [formKey, setFormKey] = useState(0);
  /** A second tap while the first is being sent is the same record, not another. */
  const sending = useRef(false);

  const flush = async () => {
    if (readQueue().length === 0) return;
    const outcomes = await flushQueue();
    setQueue(readQueue());
    const sent = outcomes.filter((o) => o.kind === 'sent').length;
    if (sent > 0) void Taro.showToast({ title: `已补交 ${sent} 条`, icon: 'success' });
    // Sent now: the "saved on the phone" banner no longer holds.
    if (sent > 0 && readQueue().length === 0) setOutcome((o) => (o?.kind === 'queued' ? null : o));
    // A queued check-in the server refused is gone from the queue: say which and why.
    const refused = outcomes.flatMap((o) => (o.kind === 'refused' ? [o] : []));
    if (refused.length > 0) setDropped((before) => [...before, ...refused]);
  };

  useDidShow(() => void flush());
  useEffect(() => {
    // Back online: send what waited. (H5: the browser's online event; WeChat: network status.)
    const onChange = (r: { isConnected: boolean }) => r.isConnected && void flush();
    if (process.env.TARO_ENV === 'h5') {
      const online = () => void flush();
      window.addEventListener('online', online);
      return () => window.removeEventListener('online', online);
    }
    Taro.onNetworkStatusChange(onChange);
    return () => Taro.offNetworkStatusChange(onChange);
  }, []);

  /** From the tap: stamp the time and id, ask for the position, queue, send. */
  const record = async (action: QueuedAction, input: Record<string, unknown>, label: string, withLocation: boolean) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setOutcome(null);
    const deviceAt = deviceNow();
    const clientId = newClientId();
    let location = {};
    if (withLocation) {
      setLocating('正在定位…');
      const { fix, error } = await locate();
      setLocating(fix ? null : `未获取到位置（${error ?? '未知原因'}），将不带位置提交并标记`);
      if (fix) location = { location: fix };
    }
    const result = await submitCheckin({
      clientId,
      action,
      label,
      queuedAt: deviceAt,
      input: { ...input, deviceAt, ...location },
    });
    setOutcome(result);
    setQueue(readQueue());
    setBusy(false);
    sending.current = false;
    if (result.kind !== 'refused') setFormKey((k) => k + 1);
    // The answer shows at the top: bring it into view.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  return (
    <View className="page">
      <View className="page-title">签到与记录</View>
      <PrivacyConsent />
      <Chips
        options={[
          { value: 'dorm', label: '查寝' },
          { value: 'class', label: '查课' },
          { value: 'other', label: '听课 / 班会 / 活动 / 谈话' },
        ]}
        value={[tab]}
        onChange={(t) => {
          setTab(t);
          setOutcome(null);
        }}
      />
      {queue.length > 0 ? (
        <CellGroup>
          <Cell
            className="checkin-queue"
            title={`待补交 ${queue.length} 条`}
            description={queue.map((q) => (q.lastError ? `${q.label}（${q.lastError}）` : q.label)).join('；')}
            extra={
              <Button className="queue-flush" size="small" onClick={() => void flush()}>
                立即补交
              </Button>
            }
          />
        </CellGroup>
      ) : null}
      {dropped.length > 0 ? (
        <View
          className="checkin-dropped danger"
          style={{ margin: '12px 16px', padding: '12px', background: '#fff1f0', borderRadius: '8px' }}
        >
          <View>以下待补交记录被拒收，已移出队列，请核对后重新登记：</View>
          {dropped.map((d, i) => (
            <View key={`${d.label}-${i}`}>
              {d.label}：{d.message}
            </View>
          ))}
          <Button size="small" onClick={() => setDropped([])}>
            知道了
          </Button>
        </View>
      ) : null}
      {locating ? (
        <View className="muted" style={{ padding: '4px 16px' }}>
          {locating}
        </View>
      ) : null}
      <OutcomeView outcome={outcome} />
      <LoadState loading={options.loading} error={options.error} empty={options.data?.classes.length === 0} />
      {options.data && options.data.classes.length > 0 ? (
        tab === 'dorm' ? (
          <DormCheckForm
            key={`dorm-${formKey}`}
            options={options.data}
            busy={busy}
            refusal={refusal}
            onSubmit={(form, label) => void record('dormCheck', form, label, true)}
          />
        ) : tab === 'class' ? (
          <ClassCheckForm
            key={`class-${formKey}`}
            options={options.data}
            busy={busy}
            refusal={refusal}
            onSubmit={(form, label) => void record('classCheck', form, label, true)}
          />
        ) : (
          <OtherRecordForm
            key={`other-${formKey}`}
            options={options.data}
            initial={initial.other}
            preset={{ classId: params.classId, studentId: params.studentId }}
            busy={busy}
            refusal={refusal}
            onSubmit={(action, input, label) => void record(action, input, label, action === 'lecture')}
          />
        )
      ) : null}
    </View>
  );
}
