import { View } from '@tarojs/components';
import { Button, Checkbox, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { CourseTaskView } from '../../../../types/api/reports';
import { call } from '../../../services/api';
import { useAction } from '../../../services/use-call';

/** The department head's analysis and measures for one flagged course or teacher (rules: 003-3). */
export function TaskForm({ task, onSaved }: { task: CourseTaskView; onSaved: () => void }) {
  const [analysis, setAnalysis] = useState(task.analysis);
  const [measures, setMeasures] = useState(task.measures);
  const [done, setDone] = useState(task.state === 'done');
  const { act, fault } = useAction(onSaved);
  return (
    <View className="task-form" style={{ padding: '8px 16px' }}>
      <TextArea
        className="task-analysis"
        placeholder="原因分析"
        maxLength={2000}
        value={analysis}
        onChange={setAnalysis}
      />
      <TextArea
        className="task-measures"
        placeholder="改进措施"
        maxLength={2000}
        value={measures}
        onChange={setMeasures}
      />
      <Checkbox className="task-done" checked={done} onChange={setDone} label="已完成分析并落实改进措施" />
      <Button
        className="task-save"
        type="primary"
        size="small"
        onClick={() =>
          void act(
            () => call('reports', 'writeCourseTask', { taskId: task.taskId, analysis, measures, done }),
            '已保存',
          )
        }
      >
        保存
      </Button>
      {fault ? <View className="error-text">{fault}</View> : null}
    </View>
  );
}
