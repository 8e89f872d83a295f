import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { WorkbenchKey } from '../../../../types/api/duties';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

/** The list behind one workbench count: the same rows it counts, each one tap from its screen. */
export default function TodoPage() {
  const key = WorkbenchKey.safeParse(useRouteParams({ key: routeId }).key);
  const list = useLoad(
    () => (key.success ? call('duties', 'workbenchList', { key: key.data }) : Promise.resolve(null)),
    [key.success ? key.data : ''],
  );
  const rows = list.data?.rows ?? [];
  return (
    <View className="page">
      <View className="page-title">{list.data?.label ?? '待办'}</View>
      <LoadState loading={list.loading} error={list.error} empty={list.data !== null && rows.length === 0} />
      <CellGroup>
        {rows.map((r) => (
          <Cell
            key={r.id}
            className="todo-row"
            title={r.title}
            description={r.detail}
            clickable
            onClick={() => void Taro.navigateTo({ url: pageUrl(r.page, r.params) })}
          />
        ))}
      </CellGroup>
    </View>
  );
}
