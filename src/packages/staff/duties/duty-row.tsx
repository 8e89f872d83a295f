import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell } from '@nutui/nutui-react-taro';
import type { DutyItemView } from '../../../../types/api/duties';
import { pageUrl } from '../../../services/use-route-params';
import { dueDateText, dutyStatusLabel } from '../../../../types/duty';

const statusColor = { done: '#188038', due: '#e37400', overdue: '#d93025', lateDone: '#b06000' } as const;

/** The form that records progress on a duty, with its student (and class) already chosen. */
function recordUrl(item: DutyItemView, kind: string): string {
  if (kind === 'studyPlan') return '/packages/staff/plan-review/index';
  const forStudent = item.unit.kind === 'warnedStudent' || item.unit.kind === 'student';
  return pageUrl('/packages/staff/checkin/index', {
    kind,
    ...(forStudent ? { studentId: item.unit.id, classId: item.unit.classIds[0] } : {}),
  });
}

/** One duty: what, for whom, by when, how far; one tap opens the form that records it. */
export function DutyRow({ item }: { item: DutyItemView }) {
  const tag = { color: statusColor[item.status], text: dutyStatusLabel[item.status] };
  const amount =
    item.measure === 'minutes' ? `${item.progress}/${item.required} 分钟` : `${item.progress}/${item.required} 次`;
  const kind = item.kinds[0];
  return (
    <Cell
      className={`duty-row duty-${item.status}`}
      title={
        <View>
          <span className="duty-title">{item.title}</span>{' '}
          <Text
            className="duty-status"
            style={{
              marginLeft: '4px',
              padding: '0 6px',
              borderRadius: '4px',
              fontSize: '12px',
              color: '#fff',
              background: tag.color,
            }}
          >
            {tag.text}
          </Text>
        </View>
      }
      description={`${item.unit.label} · ${item.window.start.slice(0, 10)} 起 · ${dueDateText(item.dueAt)} · ${amount}`}
      extra={
        item.status !== 'done' && item.status !== 'lateDone' && kind ? (
          <Button size="small" type="primary" onClick={() => void Taro.navigateTo({ url: recordUrl(item, kind) })}>
            去记录
          </Button>
        ) : null
      }
    />
  );
}
