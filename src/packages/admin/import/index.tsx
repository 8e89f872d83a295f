import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import type { GradePreview, ImportError, ImportJobView } from '../../../../types/api/grades';
import { call } from '../../../services/api';
import { useAction } from '../../../services/use-call';
import { GradeChanges } from './_components/grade-changes';
import { pickAndUpload, type Uploaded } from './_components/pick-upload';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

function Errors({ errors, total }: { errors: ImportError[]; total: number }) {
  if (total === 0) return null;
  return (
    <View style={card} className="import-errors">
      <View className="danger" style={{ marginBottom: '6px' }}>
        有问题的行 {total} 处{errors.length < total ? `（显示前 ${errors.length} 处）` : ''}
        ：这些行不会导入，其余行照常导入
      </View>
      {errors.slice(0, 200).map((e, i) => (
        <View key={`${e.row}-${i}`} className="muted import-error">
          第 {e.row} 行{e.column ? ` · ${e.column}` : ''}：{e.message}
        </View>
      ))}
    </View>
  );
}

/** The clerk imports the academic system's grade export: upload → preview → import in chunks. */
export default function ImportGrades() {
  const [file, setFile] = useState<Uploaded | null>(null);
  const [preview, setPreview] = useState<GradePreview | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const { act, busy } = useAction(undefined, { toastFault: true });

  const choose = () =>
    act(async () => {
      const uploaded = await pickAndUpload();
      if (!uploaded) return;
      setFile(uploaded);
      setJob(null);
      setPreview(await call('grades', 'preview', { fileId: uploaded.fileId }));
    });

  const start = async () => {
    if (!file) return;
    await act(async () => {
      // Each call imports chunks for a few seconds and returns; a failed call is simply repeated.
      let current = await call('grades', 'importChunk', { fileId: file.fileId });
      setJob(current);
      while (current.status === 'running') {
        current = await call('grades', 'importChunk', { fileId: file.fileId, jobId: current.jobId });
        setJob(current);
      }
      void Taro.showToast({
        title: current.status === 'done' ? '导入完成' : '导入失败',
        icon: current.status === 'done' ? 'success' : 'none',
      });
    });
  };

  return (
    <View className="page">
      <View className="page-title">导入成绩</View>
      <View className="muted" style={{ padding: '0 16px' }}>
        教务系统导出的 xlsx 或
        csv，第一行为表头（学号、姓名、课程代码、课程名称、学分、成绩、考试性质、学期）。同一文件重复导入不会重复记录。
      </View>
      <View style={{ padding: '12px 16px' }}>
        <Button className="choose-file" type="primary" block disabled={busy} onClick={() => void choose()}>
          {file ? '重新选择文件' : '选择成绩文件'}
        </Button>
      </View>
      {file ? <View className="section-title">文件：{file.name}</View> : null}

      {preview?.fatal ? (
        <View style={card} className="danger preview-fatal">
          {preview.fatal}
        </View>
      ) : null}
      {preview && !preview.fatal ? (
        <>
          <View className="section-title">表头识别</View>
          <CellGroup>
            {preview.columns.map((c) => (
              <Cell
                key={c.index}
                title={c.header}
                extra={c.fieldLabel ? <Tag type="success">{c.fieldLabel}</Tag> : <Tag>忽略</Tag>}
              />
            ))}
          </CellGroup>
          <View className="section-title preview-counts">
            预览前 {preview.scanned} 行{preview.more ? '（文件更长）' : ''}：可导入 {preview.good} 行，有问题{' '}
            {preview.bad} 行{preview.changed > 0 ? `，其中更正已有成绩 ${preview.changed} 行` : ''}
            {preview.voided > 0 ? `；成绩作废 ${preview.voided} 行不导入` : ''}
          </View>
          {!job ? <GradeChanges changes={preview.changes} total={preview.changed} /> : null}
          {preview.rows.slice(0, 5).map((r) => (
            <View key={`${r.studentId}-${r.courseCode}-${r.semester}-${r.attempt}`} style={card}>
              <Text>
                {r.studentId} {r.studentName ?? ''} · {r.courseName}（{r.courseCode}）
              </Text>
              <View className="muted">
                {r.semester} · {r.credits} 学分 · 成绩 {r.score} ·{' '}
                {r.attempt === 'regular' ? '正考' : r.attempt === 'makeup' ? '补考' : '重修'}
              </View>
            </View>
          ))}
          {!job ? <Errors errors={preview.errors} total={preview.errors.length} /> : null}
          {!job ? (
            <View style={{ padding: '12px 16px' }}>
              <Button
                className="start-import"
                type="primary"
                block
                disabled={busy || preview.good === 0}
                onClick={() => void start()}
              >
                开始导入
              </Button>
            </View>
          ) : null}
        </>
      ) : null}

      {job ? (
        <View style={card} className="import-result">
          <View style={{ fontWeight: 600 }}>
            {job.status === 'running' ? '正在导入…' : job.status === 'done' ? '导入完成' : '导入失败'}
            {job.message ? `：${job.message}` : ''}
          </View>
          <View className="import-figures">
            已处理 {job.rows} 行 · 新增 {job.inserted} · 已存在 {job.alreadyPresent} · 更正 {job.updated} · 问题{' '}
            {job.errorCount}
          </View>
        </View>
      ) : null}
      {job ? <Errors errors={job.errors} total={job.errorCount} /> : null}
      {job?.status === 'done' ? (
        <View style={{ padding: '12px 16px' }}>
          <Button className="go-run" block onClick={() => void Taro.navigateTo({ url: '/packages/admin/run/index' })}>
            去运行警示规则
          </Button>
        </View>
      ) : null}
    </View>
  );
}
