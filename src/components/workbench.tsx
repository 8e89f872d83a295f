import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../services/api';
import { useLoad } from '../services/use-call';
import { pageUrl } from '../services/use-route-params';
import { askSubscribe } from '../services/subscribe';

/**
 * 待办 (issue 11): what needs the caller now, one call, counts first; one tap opens the list of
 * exactly what a count counts. Shown above each home's menu.
 */
export function Workbench() {
  const bench = useLoad(() => call('duties', 'workbench', {}), []);
  useDidShow(() => bench.reload());
  const counts = bench.data?.counts ?? [];
  if (counts.length === 0) return null;
  return (
    <View className="workbench">
      <View className="section-title">待办</View>
      <CellGroup>
        {counts.map((c) => (
          <Cell
            key={c.key}
            className={`workbench-${c.key}`}
            title={c.label}
            extra={<span className={c.count > 0 ? 'workbench-count danger' : 'workbench-count muted'}>{c.count}</span>}
            clickable
            onClick={() => {
              // A natural tap: ask consent for the messages this role receives (WeChat refuses them otherwise).
              void askSubscribe(bench.data?.subscribe ?? []);
              void Taro.navigateTo({ url: pageUrl('/packages/staff/todo/index', { key: c.key }) });
            }}
          />
        ))}
      </CellGroup>
    </View>
  );
}
