import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell } from '@nutui/nutui-react-taro';
import type { DutyItemView } from '../../../../types/api/duties';
import { pageUrl } from '../../../services/use-route-params';

const statusTag = { done: { color: '#188038', text: '已完成' }, due: { color: '#e37400', text: '待完成' }, overdue: { color: '#d93025', text: '已逾期' } } as const;

/** One duty: what, for whom, by when, how far; one tap opens the form that records it. */
export function DutyRow({ item }: { item: DutyItemView }) {
  const tag = statusTag[item.status];
  const amount = item.measure === 'minutes' ? `${item.progress}/${item.required} 分钟` : `${item.progress}/${item.required} 次`;
  const kind = item.kinds[0];
  return (
    <Cell
      className={`duty-row duty-${item.status}`}
      title={
        <View>
          <span className="duty-title">{item.title}</span>{' '}
          <Text className="duty-status" style={{ marginLeft: '4px', padding: '0 6px', borderRadius: '4px', fontSize: '12px', color: '#fff', background: tag.color }}>
            {tag.text}
          </Text>
        </View>
      }
      description={`${item.unit.label} · ${item.window.start.slice(0, 10)} 至 ${item.window.lastDay} · ${amount}`}
      extra={
        item.status !== 'done' && kind ? (
          <Button size="small" type="primary" onClick={() => Taro.navigateTo({ url: pageUrl('/packages/staff/checkin/index', { kind }) })}>
            去记录
          </Button>
        ) : null
      }
    />
  );
}
