import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import type { ConcernView } from '../../../../types/api/teaching';
import { Chips } from '../../../components/chips';
import { LoadState } from '../../../components/load-state';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { routeId, useRouteParams } from '../../../services/use-route-params';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

function Concern({ c, children }: { c: ConcernView; children?: ReactNode }) {
  return (
    <View style={card} className={`concern concern-${c.studentId}`}>
      <View style={{ display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap' }}>
        <Text>
          {c.studentName}（{c.className}）
        </Text>
        <Tag type={c.status === 'open' ? 'warning' : 'success'}>{c.status === 'open' ? '待处理' : '已处理'}</Tag>
      </View>
      <View className="muted">
        {c.courseName} · {c.teacherName}老师 · {formatDateTime(c.at)} · {c.kindLabel}
      </View>
      <View>{c.note}</View>
      {c.outcome ? (
        <View className="concern-outcome">
          处理结果（{c.closedByName}）：{c.outcome}
        </View>
      ) : null}
      {children}
    </View>
  );
}

/**
 * Course teachers' concerns: the counselor's queue (open, then handled), each closed with an
 * outcome the teacher is told; `view=mine` is the teacher's own list with the outcomes.
 */
export default function Concerns() {
  const mine = useRouteParams({ view: routeId }).view === 'mine';
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = useLoad(
    () => (mine ? call('teaching', 'myConcerns', {}) : call('teaching', 'queue', { status })),
    [mine, status],
  );
  const [closing, setClosing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');

  const { act, refusal } = useAction(list.reload, { toastFault: true });
  const close = (id: string) =>
    act(async () => {
      await call('teaching', 'close', { concernId: id, outcome });
      setClosing(null);
      setOutcome('');
    }, '已处理，已通知任课教师');

  return (
    <View className="page">
      <View className="page-title">{mine ? '我反映的情况' : '任课教师反映'}</View>
      {!mine ? (
        <Chips
          options={[
            { value: 'open', label: '待处理' },
            { value: 'closed', label: '已处理' },
          ]}
          value={[status]}
          onChange={setStatus}
        />
      ) : null}
      <LoadState loading={list.loading} error={list.error} empty={list.data?.length === 0} />
      {(list.data ?? []).map((c) => (
        <Concern key={c._id} c={c}>
          {!mine && c.status === 'open' ? (
            closing === c._id ? (
              <View className="close-form">
                <Field name="outcome" refusal={refusal}>
                  <TextArea
                    className="concern-outcome-input"
                    placeholder="处理结果（将通知任课教师）"
                    value={outcome}
                    onChange={(v: string) => setOutcome(v)}
                    maxLength={300}
                  />
                </Field>
                <Button
                  size="small"
                  type="primary"
                  className="concern-close"
                  disabled={outcome.trim() === ''}
                  onClick={() => void close(c._id)}
                >
                  处理完毕
                </Button>
              </View>
            ) : (
              <Button size="small" className="concern-handle" onClick={() => setClosing(c._id)}>
                处理…
              </Button>
            )
          ) : null}
        </Concern>
      ))}
    </View>
  );
}
