import { View, Text } from '@tarojs/components';
import type { NoticeCopy } from '../../types/notice';
import { formatDateTime } from '../../cloudfunctions/core/time/shanghai';

/** Shanghai wall time of a stored instant (stored with +08:00, so its prefix is the local time). */
export function wallTime(iso: string | null | undefined): string {
  return iso ? formatDateTime(iso) : '—';
}

/** One copy of 学业警示通知单, as issued. */
export function NoticeCopyView({ copy }: { copy: NoticeCopy }) {
  return (
    <View
      className="notice-copy"
      style={{ margin: '0 12px', padding: '16px', background: '#fff', borderRadius: '8px', lineHeight: '1.7' }}
    >
      <View style={{ textAlign: 'center', fontWeight: 600, fontSize: '16px', marginBottom: '8px' }}>{copy.title}</View>
      {copy.paragraphs.map((p, i) => (
        <View key={i} style={{ marginTop: '4px' }}>
          <Text>{p}</Text>
        </View>
      ))}
    </View>
  );
}
