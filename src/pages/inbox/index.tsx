import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { call } from '../../services/api';
import { useLoad } from '../../services/use-call';
import { LoadState } from '../../components/load-state';
import { formatDateTime } from '../../../cloudfunctions/core/time/shanghai';

/**
 * The local inbox: the subscription messages the local sender delivered to me, as WeChat would
 * show them. In the mini-program they arrive in WeChat itself ("服务通知").
 */
export default function Inbox() {
  const weapp = process.env.TARO_ENV === 'weapp';
  const { data, error, loading } = useLoad(() => (weapp ? Promise.resolve([]) : call('notices', 'inbox', {})), [weapp]);
  if (weapp) return <EmptyState description="订阅消息会通过微信“服务通知”送达。" />;
  return (
    <View className="page">
      <View className="page-title">消息</View>
      <View className="muted" style={{ padding: '0 16px 8px' }}>
        本地演示：这里显示发给你的订阅消息（正式小程序中由微信“服务通知”送达）。
      </View>
      <LoadState loading={loading} error={error} empty={data?.length === 0} />
      {data?.map((m) => (
        <View
          key={m._id}
          className="inbox-item"
          style={{ margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' }}
          onClick={() => void Taro.navigateTo({ url: `/${m.page}` })}
        >
          <View style={{ fontWeight: 600 }}>{m.title}</View>
          {m.lines.map((l) => (
            <View key={l.label} style={{ fontSize: '13px' }}>
              <Text className="muted">{l.label}：</Text>
              {l.value}
            </View>
          ))}
          <View className="muted">{formatDateTime(m.deliveredAt)}</View>
        </View>
      ))}
    </View>
  );
}
