import { View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { EmptyState } from './empty-state';

/** Loading, error and empty states, the same on every screen. */
export function LoadState({ loading, error, empty }: { loading: boolean; error: string | null; empty?: boolean }) {
  if (loading) {
    return (
      <View style={{ padding: '32px', textAlign: 'center' }}>
        <Loading>加载中…</Loading>
      </View>
    );
  }
  if (error) return <EmptyState status="error" description={error} />;
  if (empty) return <EmptyState description="暂无数据" />;
  return null;
}
