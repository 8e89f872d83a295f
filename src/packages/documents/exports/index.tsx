import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';

const size = (bytes: number) =>
  bytes === 0
    ? ''
    : bytes < 1024 * 1024
      ? ` · ${(bytes / 1024).toFixed(0)} KB`
      : ` · ${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The college leader's list of what left the system: who printed or downloaded which form, when. */
export default function ExportsPage() {
  const log = useLoad(() => call('documents', 'exportLog', {}), []);
  return (
    <View className="page">
      <View className="page-title">导出与下载记录</View>
      <View className="muted" style={{ padding: '0 16px' }}>
        每一次打印预览、导出和下载都记录在此（最近 500 条）。
      </View>
      <LoadState loading={log.loading} error={log.error} empty={log.data?.length === 0} />
      <CellGroup>
        {(log.data ?? []).map((r) => (
          <Cell
            key={r.exportId}
            className="export-row"
            title={`${r.byName} · ${r.kindLabel} · ${r.formatLabel}`}
            description={`${formatDateTime(r.at)} · ${r.title}${size(r.bytes)}`}
          />
        ))}
      </CellGroup>
    </View>
  );
}
