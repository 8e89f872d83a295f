import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../../../services/api';
import { useAction, useLoad } from '../../../../services/use-call';
import { formatDateTime } from '../../../../../cloudfunctions/core/time/shanghai';

/** Absences without leave found at dorm checks, waiting for the counselor; closed once followed up. */
export function FollowUps() {
  const list = useLoad(() => call('checkins', 'followUps', { status: 'open' }), []);
  const { act, fault: error } = useAction(list.reload);
  if (!list.data || list.data.length === 0) return null;
  const close = (followUpId: string) => act(() => call('checkins', 'closeFollowUp', { followUpId }));
  return (
    <View className="follow-ups">
      <View className="section-title danger">待跟进（{list.data.length}）：查寝缺勤、学习困难反映</View>
      {error ? (
        <View className="danger" style={{ padding: '0 16px' }}>
          {error}
        </View>
      ) : null}
      <CellGroup>
        {list.data.map((f) => (
          <Cell
            key={f.followUpId}
            className="follow-up-row"
            title={f.reason === 'dormAbsence' ? `${f.studentName} · ${f.dormLabel}` : f.studentName}
            description={`${f.reportedByName} ${f.summary} · ${formatDateTime(f.at)}`}
            extra={
              <Button size="small" onClick={() => void close(f.followUpId)}>
                已跟进
              </Button>
            }
          />
        ))}
      </CellGroup>
    </View>
  );
}
