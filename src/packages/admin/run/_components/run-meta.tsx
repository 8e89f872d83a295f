import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { RunSummary } from '../../../../../types/api/warnings';
import { call } from '../../../../services/api';
import { useAction } from '../../../../services/use-call';
import { wallTime } from '../../../../components/notice-copy';

/** When and by whom the run was made (and published or discarded), in words. */
export function runMetaText(run: RunSummary): string {
  const made = `生成于 ${wallTime(run.createdAt)} · ${run.createdByName || '教学秘书'}`;
  if (run.status === 'published')
    return `${made}；发布于 ${wallTime(run.publishedAt)}${run.publishedByName ? ` · ${run.publishedByName}` : ''}`;
  if (run.status === 'discarded')
    return `${made}；已于 ${wallTime(run.discardedAt)} 舍弃${run.discardedByName ? ` · ${run.discardedByName}` : ''}`;
  return made;
}

export function RunStatusTag({ run }: { run: RunSummary }) {
  if (run.status === 'published') return <Tag type="success">已发布</Tag>;
  if (run.status === 'discarded') return <Tag>已舍弃</Tag>;
  return run.publishBlock ? <Tag>已过期</Tag> : <Tag type="warning">草稿</Tag>;
}

/** The run's date line (`#run-meta-<runId>`), and why a draft can no longer be published. */
export function RunMeta({ run }: { run: RunSummary }) {
  return (
    <View>
      <View id={`run-meta-${run.runId}`} className="muted run-meta">
        {runMetaText(run)}
      </View>
      {run.publishBlock ? (
        <View id={`run-block-${run.runId}`} className="danger run-block">
          {run.publishBlock.message}
        </View>
      ) : null}
    </View>
  );
}

/** 舍弃草稿 (`#discard-draft-<runId>`): asks first; the draft stays on record but leaves the list. */
export function DiscardDraft({ run, onDone }: { run: RunSummary; onDone: () => void }) {
  const { act } = useAction(onDone, { toastFault: true });
  const discard = async () => {
    const sure = await Taro.showModal({
      title: '舍弃草稿',
      content: `舍弃 ${run.semester} 的这份名单草稿？舍弃后不能再修改或发布（记录会保留）。`,
    });
    if (!sure.confirm) return;
    await act(() => call('warnings', 'discardRun', { runId: run.runId }), '已舍弃');
  };
  return (
    <Button
      id={`discard-draft-${run.runId}`}
      className="discard-draft"
      size="small"
      fill="outline"
      type="danger"
      onClick={() => void discard()}
    >
      舍弃草稿
    </Button>
  );
}
