import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import type { KpiImportResult } from '../../../../types/api/reports';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Chips } from '../../../components/chips';
import { pickAndUpload, type Uploaded } from '../../admin/import/_components/pick-upload';

/** The clerk imports the college's own KPI sheet (学号, 深造, 四六级, 双证, 获奖): preview with row errors, then import. */
export default function KpiImportPage() {
  const runs = useLoad(() => call('warnings', 'runs', {}), []);
  const semesters = useMemo(() => [...new Set((runs.data ?? []).map((r) => r.semester))].sort().reverse(), [runs.data]);
  const [semester, setSemester] = useState<string | null>(null);
  const chosen = semester ?? semesters[0] ?? null;
  const [file, setFile] = useState<Uploaded | null>(null);
  const [result, setResult] = useState<KpiImportResult | null>(null);
  const [imported, setImported] = useState(false);
  const { act, fault } = useAction(() => undefined);
  const pick = () =>
    act(async () => {
      if (!chosen) throw new Error('请先选择学期');
      const uploaded = await pickAndUpload();
      if (!uploaded) return;
      setFile(uploaded);
      setImported(false);
      setResult(await call('reports', 'kpiPreview', { fileId: uploaded.fileId, semester: chosen }));
    }, '已读取');
  const run = () =>
    act(async () => {
      if (!file || !chosen) return;
      setResult(await call('reports', 'kpiImport', { fileId: file.fileId, semester: chosen }));
      setImported(true);
    }, '已导入');
  return (
    <View className="page">
      <View className="page-title">导入班级指标</View>
      <View className="muted" style={{ padding: '0 16px' }}>
        表格需有“学号”列，以及“深造”“四六级”“双证”（是/否，通过/未通过）和“获奖”（次数）中的若干列。
      </View>
      <Chips
        options={semesters.map((s) => ({ value: s, label: `${s} 学期` }))}
        value={chosen ? [chosen] : []}
        onChange={setSemester}
      />
      <View style={{ padding: '8px 16px' }}>
        <Button className="kpi-pick" type="primary" block onClick={() => void pick()}>
          选择表格并预览
        </Button>
        {fault ? <View className="error-text">{fault}</View> : null}
      </View>
      {result ? (
        <CellGroup title={imported ? '导入结果' : '预览'}>
          <Cell
            className="kpi-summary"
            title={`${file?.name ?? ''}：共 ${result.rows} 行，可导入 ${result.accepted} 行，有误 ${result.errors.length} 处${imported ? `，已写入 ${result.written} 行` : ''}`}
          />
          {result.errors.map((e) => (
            <Cell
              key={`${e.row}-${e.column ?? ''}`}
              className="kpi-error"
              title={`第 ${e.row} 行${e.column ? ` · ${e.column}` : ''}`}
              description={e.message}
            />
          ))}
        </CellGroup>
      ) : null}
      {result && !imported && result.accepted > 0 ? (
        <View style={{ padding: '8px 16px' }}>
          <Button className="kpi-import" type="primary" block onClick={() => void run()}>
            导入 {result.accepted} 行
          </Button>
        </View>
      ) : null}
    </View>
  );
}
