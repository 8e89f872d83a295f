import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import type { ArchiveSummary } from '../../../../types/documents';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { formatDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';
import { saveDownload } from '../../../services/save-download';

const go = (url: string) => void Taro.navigateTo({ url });
const card = { margin: '8px 12px', padding: '12px', background: '#fff', borderRadius: '8px' };

/** One archive: its files with their SHA-256 (the manifest), the sample, and the zip download. */
function ArchiveCard({ archive }: { archive: ArchiveSummary }) {
  const { act, busy } = useAction(undefined, { toastFault: true });
  const download = () =>
    act(async () => saveDownload(await call('documents', 'archiveZip', { archiveId: archive.archiveId })), '已下载');
  return (
    <View style={card} className="archive-card">
      <View style={{ fontWeight: 'bold' }}>
        {archive.semester} 学期归档 <Tag type="success">已归档</Tag>{' '}
        {archive.semesterOpen ? <Tag type="warning">归档时学期未结束</Tag> : null}
      </View>
      <View className="muted">
        {archive.createdByName} · {formatDateTime(archive.createdAt)} · 谈话记录抽样 {archive.sample.talks.chosen}/
        {archive.sample.talks.population} 人 · 学习计划抽样 {archive.sample.plans.chosen}/
        {archive.sample.plans.population} 人 · 解除警示 {archive.lifted} 人
      </View>
      {archive.files.map((f) => (
        <View key={f.path} className="archive-file" style={{ fontSize: '12px', marginTop: '4px' }}>
          {f.path}（{f.records} 份，{(f.bytes / 1024).toFixed(0)} KB）SHA-256 {f.sha256.slice(0, 16)}…
        </View>
      ))}
      <Button type="primary" size="small" disabled={busy} style={{ marginTop: '8px' }} onClick={() => void download()}>
        下载归档（zip）
      </Button>
    </View>
  );
}

/** The clerk: choose a semester to archive, or see the archive made. */
function ClerkArchive({ onArchived }: { onArchived: () => void }) {
  const choices = useLoad(() => call('documents', 'archiveChoices', {}), []);
  const { act, busy } = useAction(
    () => {
      choices.reload();
      onArchived();
    },
    { toastFault: true },
  );
  const archive = async (semester: string, ended: boolean) => {
    const sure = await Taro.showModal({
      title: '学期归档',
      content: `归档 ${semester} 学期：座谈会纪要与结对申请表全部归档，谈话记录与学习计划按比例抽样。归档后不能更改。${ended ? '' : '该学期尚未结束，将归档截至现在的记录。'}确定归档？`,
    });
    if (!sure.confirm) return;
    await act(() => call('documents', 'archiveSemester', { semester }), '已归档');
  };
  return (
    <>
      <LoadState loading={choices.loading} error={choices.error} />
      <CellGroup>
        {(choices.data ?? [])
          .filter((c) => !c.archived)
          .map((c) => (
            <Cell
              key={c.semester}
              className="archive-choice"
              title={`${c.name}${c.ended ? '' : '（进行中）'}`}
              extra={
                <Button size="small" type="warning" disabled={busy} onClick={() => void archive(c.semester, c.ended)}>
                  归档 {c.semester}
                </Button>
              }
            />
          ))}
      </CellGroup>
    </>
  );
}

/** The current semester's 查寝 / 查课 registers and compliance report of each class (dates from the school calendar). */
function ClassForms() {
  const calendar = useLoad(() => call('campus', 'calendar', {}), []);
  const classes = useLoad(() => call('campus', 'myClasses', {}), []);
  const current = calendar.data?.schoolYears
    .flatMap((y) => y.semesters)
    .find((s) => s.semesterId === calendar.data?.currentSemesterId);
  if (!current) return <LoadState loading={calendar.loading} error={calendar.error} />;
  const period = { from: current.start, to: current.end };
  const print = (params: Record<string, string>) =>
    go(pageUrl('/packages/documents/print/index', { ...params, ...period }));
  return (
    <>
      <View className="section-title">班级登记表与职责报告（{current.semesterId}）</View>
      <LoadState loading={classes.loading} error={classes.error} empty={classes.data?.length === 0} />
      {(classes.data ?? []).map((c) => (
        <View key={c.classId} style={card} className="class-forms">
          <View style={{ fontWeight: 'bold' }}>{c.name}</View>
          <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', marginTop: '6px' }}>
            <Button
              size="small"
              onClick={() => print({ form: 'dutyRegister', register: 'dormCheck', classId: c.classId })}
            >
              查寝登记表
            </Button>
            <Button
              size="small"
              onClick={() => print({ form: 'dutyRegister', register: 'classCheck', classId: c.classId })}
            >
              查课登记表
            </Button>
            <Button size="small" onClick={() => print({ form: 'compliance', classId: c.classId })}>
              职责完成情况
            </Button>
          </View>
        </View>
      ))}
    </>
  );
}

/** Clerk and leader: the 学院存根 registers to print, the semester archives, and (leader) the export log. */
export default function DocumentsHome() {
  const role = useRouteParams({ role: routeId }).role;
  const clerk = role === 'clerk';
  const archives = useLoad(() => call('documents', 'archives', {}), []);
  const choices = useLoad(() => (clerk ? call('documents', 'archiveChoices', {}) : Promise.resolve([])), [clerk]);
  const semesters = [
    ...new Set([...(choices.data ?? []).map((c) => c.semester), ...(archives.data ?? []).map((a) => a.semester)]),
  ]
    .sort()
    .reverse();
  return (
    <View className="page">
      <View className="page-title">文书打印与学期归档</View>
      {role === 'leader' ? (
        <CellGroup>
          <Cell
            className="link-exports"
            title="导出与下载记录"
            clickable
            onClick={() => go('/packages/documents/exports/index')}
          />
        </CellGroup>
      ) : null}
      {clerk ? (
        <>
          <View className="section-title">学院存根登记簿（按学期）</View>
          <CellGroup>
            {semesters.map((s) => (
              <Cell
                key={s}
                className="register-link"
                title={`${s} 学期学院存根登记簿`}
                clickable
                onClick={() => go(pageUrl('/packages/documents/print/index', { form: 'noticeRegister', semester: s }))}
              />
            ))}
          </CellGroup>
          <View className="muted" style={{ padding: '0 16px' }}>
            在登记簿中点一名学生，打印其通知单（三联，含学生签名与家长回执）。
          </View>
          <View className="section-title">学期归档</View>
          <ClerkArchive onArchived={archives.reload} />
        </>
      ) : null}
      {clerk || role === 'leader' ? <ClassForms /> : null}
      <View className="section-title">已归档的学期</View>
      <LoadState loading={archives.loading} error={archives.error} empty={archives.data?.length === 0} />
      {(archives.data ?? []).map((a) => (
        <ArchiveCard key={a.archiveId} archive={a} />
      ))}
    </View>
  );
}
