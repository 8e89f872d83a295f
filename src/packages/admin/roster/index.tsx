import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import type { RosterApplied, RosterPreview } from '../../../../types/api/roster';
import { rosterKindLabel, type RosterChange, type RosterKind } from '../../../../types/roster';
import { Chips, labelled } from '../../../components/chips';
import { call } from '../../../services/api';
import { useAction } from '../../../services/use-call';
import { pickAndUpload, type Uploaded } from '../import/_components/pick-upload';

const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };
const kinds: RosterKind[] = ['staff', 'classes', 'students', 'timetable'];
const hints: Record<RosterKind, string> = {
  staff: '工号、姓名、角色（辅导员、班主任、学业助理、任课教师、教学秘书、系主任、学院领导）、手机、部门',
  classes: '班级、专业、年级、系、辅导员、班主任、学业助理（后三列填工号；请先导入教职工名单）',
  students: '学号、姓名、性别、班级、专业、年级、宿舍楼、宿舍房间、家长姓名、家长电话（一个或两个，用 / 分隔）',
  timetable: '学期、课程代码、课程名称、任课教师工号、上课班级（多个班用、分隔）',
};
const changeLabel = { added: '新增', changed: '变更', missing: '文件中没有' } as const;

function Change({ c }: { c: RosterChange }) {
  return (
    <View
      className={`roster-change roster-${c.change}`}
      style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <View style={{ display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap' }}>
        <Tag type={c.change === 'added' ? 'success' : c.change === 'changed' ? 'warning' : 'danger'}>
          {changeLabel[c.change]}
        </Tag>
        <Text>{c.label}</Text>
      </View>
      {c.change === 'changed'
        ? c.fields.map((f) => (
            <View key={f.field} className="muted">
              {f.field}：{f.before || '（空）'} → {f.after || '（空）'}
            </View>
          ))
        : null}
    </View>
  );
}

/** The clerk brings the college's own files in: pick the kind, upload, read what changes, apply in one go. */
export default function RosterImport() {
  const [kind, setKind] = useState<RosterKind>('staff');
  const [file, setFile] = useState<Uploaded | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [applied, setApplied] = useState<RosterApplied | null>(null);
  const [removeMissing, setRemoveMissing] = useState(false);
  const { act, busy } = useAction(undefined, { toastFault: true });

  const choose = () =>
    act(async () => {
      const uploaded = await pickAndUpload();
      if (!uploaded) return;
      setFile(uploaded);
      setApplied(null);
      setPreview(await call('roster', 'preview', { kind, fileId: uploaded.fileId }));
    });

  const apply = async () => {
    if (!file) return;
    await act(
      async () => setApplied(await call('roster', 'apply', { kind, fileId: file.fileId, removeMissing })),
      '导入完成',
    );
  };

  return (
    <View className="page">
      <View className="page-title">名册导入</View>
      <View className="muted" style={{ padding: '0 16px' }}>
        学院自己的 xlsx 或 csv
        文件，第一行为表头。导入前先显示新增、变更和文件中没有的人员；同一文件重复导入不会重复记录，移出的人员只做标记，记录保留。
      </View>
      <Chips
        className="roster-kinds"
        options={labelled(rosterKindLabel, kinds)}
        value={[kind]}
        onChange={(k) => {
          setKind(k);
          setFile(null);
          setPreview(null);
          setApplied(null);
        }}
      />
      <View className="muted" style={{ padding: '0 16px' }}>
        表头：{hints[kind]}
      </View>
      <View style={{ padding: '12px 16px' }}>
        <Button className="choose-roster-file" type="primary" block disabled={busy} onClick={() => void choose()}>
          选择{rosterKindLabel[kind]}文件
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
          <CellGroup>
            {preview.columns.map((c) => (
              <Cell
                key={c.index}
                title={c.header}
                extra={c.fieldLabel ? <Tag type="success">{c.fieldLabel}</Tag> : <Tag>忽略</Tag>}
              />
            ))}
          </CellGroup>
          <View className="section-title roster-counts">
            共 {preview.rows} 行：新增 {preview.added} · 变更 {preview.changed} · 不变 {preview.unchanged} · 文件中没有{' '}
            {preview.missing} · 有问题 {preview.bad}
          </View>
          {preview.changes.length > 0 ? (
            <View style={card}>
              {preview.changes.map((c) => (
                <Change key={`${c.change}-${c.key}`} c={c} />
              ))}
            </View>
          ) : null}
          {preview.errors.length > 0 ? (
            <View style={card} className="import-errors">
              <View className="danger">有问题的行不会导入：</View>
              {preview.errors.map((e, i) => (
                <View key={`${e.row}-${i}`} className="muted import-error">
                  第 {e.row} 行{e.column ? ` · ${e.column}` : ''}：{e.message}
                </View>
              ))}
            </View>
          ) : null}
          {preview.missing > 0 && !applied ? (
            <Chips
              className="remove-missing"
              options={[
                { value: 'keep', label: '文件中没有的保持不变' },
                { value: 'remove', label: '标记为已离开（记录保留）' },
              ]}
              value={[removeMissing ? 'remove' : 'keep']}
              onChange={(v) => setRemoveMissing(v === 'remove')}
            />
          ) : null}
          {!applied ? (
            <View style={{ padding: '12px 16px' }}>
              <Button
                className="apply-roster"
                type="primary"
                block
                disabled={
                  busy || (preview.added === 0 && preview.changed === 0 && !(removeMissing && preview.missing > 0))
                }
                onClick={() => void apply()}
              >
                确认导入
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
      {applied ? (
        <View style={card} className="roster-applied">
          <View style={{ fontWeight: 600 }}>导入完成</View>
          <View>
            新增 {applied.added} · 变更 {applied.changed} · 不变 {applied.unchanged} · 标记离开 {applied.removed} ·
            有问题 {applied.errors}
          </View>
          <Button
            className="go-people"
            size="small"
            style={{ marginTop: '8px' }}
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/people/index' })}
          >
            人员与邀请码
          </Button>
        </View>
      ) : null}
    </View>
  );
}
