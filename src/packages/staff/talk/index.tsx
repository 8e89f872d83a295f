import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Input, TextArea } from '@nutui/nutui-react-taro';
import { z } from 'zod';
import {
  DifficultyType,
  TalkerRole,
  TalkInitiator,
  TalkMode,
  TalkTopic,
  difficultyLabel,
  talkerRoleLabel,
  talkInitiatorLabel,
  talkModeLabel,
  talkTopicLabel,
} from '../../../../types/support';
import { call } from '../../../services/api';
import { useAction, useLoad } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { LoadState } from '../../../components/load-state';
import { ChoiceChips, labelled } from '../../../components/chips';
import { formatDateTime, parseDateTime } from '../../../../cloudfunctions/core/time/shanghai';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';
import { TalkDetail } from './talk-detail';

type Draft = {
  talkerRole: TalkerRole | null;
  initiatedBy: TalkInitiator;
  mode: TalkMode;
  topics: TalkTopic[];
  otherTopic: string;
  when: string;
  place: string;
  minutes: string;
  firstImpression: string;
  content: string;
  measures: string;
  difficulty: DifficultyType | null;
  confirmed: boolean;
};

const draftKey = (studentId: string) => `talk-draft:${studentId}`;

/** A stored draft is read back through a schema: storage is the phone's, not ours. */
const StoredDraft = z
  .object({
    talkerRole: TalkerRole.nullable(),
    initiatedBy: TalkInitiator,
    mode: TalkMode,
    topics: z.array(TalkTopic),
    otherTopic: z.string(),
    when: z.string(),
    place: z.string(),
    minutes: z.string(),
    firstImpression: z.string(),
    content: z.string(),
    measures: z.string(),
    difficulty: DifficultyType.nullable(),
    confirmed: z.boolean(),
  })
  .partial();

function readDraft(studentId: string): Partial<Draft> | null {
  const parsed = StoredDraft.safeParse(Taro.getStorageSync(draftKey(studentId)));
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : null;
}

/**
 * 谈心谈话登记 on a phone: defaults come from the student and the caller's last talk, every
 * keystroke is kept as a local draft (Taro storage), so closing the app loses nothing.
 */
function TalkEntry() {
  const params = useRouteParams({ studentId: routeId, meetingId: routeId });
  const studentId = params.studentId ?? '';
  const meetingId = params.meetingId;
  const defaults = useLoad(() => call('support', 'talkDefaults', { studentId }), [studentId]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [restored, setRestored] = useState(false);
  const { act, fault: error, refusal, busy: saving } = useAction();

  useEffect(() => {
    const d = defaults.data;
    if (!d || draft) return;
    const last = d.last;
    const base: Draft = {
      talkerRole: d.talkerRoles[0] ?? null,
      initiatedBy: last?.initiatedBy ?? 'teacher',
      mode: last?.mode ?? 'faceToFace',
      topics: last?.topics ?? ['academics'],
      otherTopic: '',
      when: formatDateTime(Date.now()),
      place: last?.place ?? '',
      minutes: String(last?.minutes ?? 30),
      firstImpression: '',
      content: '',
      measures: '',
      difficulty: null,
      confirmed: false,
    };
    const saved = readDraft(studentId);
    setRestored(saved !== null);
    setDraft({ ...base, ...(saved ?? {}) });
  }, [defaults.data, draft, studentId]);

  const [touched, setTouched] = useState(false);
  const update = (patch: Partial<Draft>) => {
    setTouched(true);
    setDraft((current) => (current ? { ...current, ...patch } : current));
  };
  // Every edit is kept on the phone until the record is saved (only edits: defaults are not a draft).
  useEffect(() => {
    if (draft && touched) Taro.setStorageSync(draftKey(studentId), draft);
  }, [draft, touched, studentId]);

  const submit = async () => {
    if (!draft) return;
    await act(async () => {
      const at = parseDateTime(draft.when);
      if (!at) throw new Error('谈话时间格式应为 2026-11-20 15:00');
      if (!draft.talkerRole) throw new Error('你在该班没有可登记的谈话人身份');
      if (!draft.confirmed) throw new Error('请谈话人确认并签名');
      await call('support', 'recordTalk', {
        studentId,
        talkerRole: draft.talkerRole,
        initiatedBy: draft.initiatedBy,
        mode: draft.mode,
        topics: draft.topics,
        otherTopic: draft.otherTopic,
        at,
        place: draft.place,
        minutes: Number(draft.minutes),
        firstImpression: draft.firstImpression,
        content: draft.content,
        measures: draft.measures,
        confirmed: true,
        ...(draft.difficulty ? { difficulty: draft.difficulty } : {}),
        ...(meetingId ? { meetingId } : {}),
      });
      Taro.removeStorageSync(draftKey(studentId));
      void Taro.showToast({ title: '谈话记录已保存', icon: 'success' });
      void Taro.redirectTo({ url: pageUrl('/packages/staff/case/index', { studentId }) });
    });
  };

  const d = defaults.data;
  return (
    <View className="page">
      <LoadState loading={defaults.loading} error={defaults.error} />
      {d && draft ? (
        <>
          <View className="page-title">谈心谈话登记</View>
          <CellGroup>
            <Cell title="谈话对象" extra={`${d.student.name} · ${d.student.gender} · ${d.student.className}`} />
            <Cell title="约谈次数" extra={`第 ${d.nextNth} 次`} />
            {d.warningLevel ? <Cell title="警示等级" extra={d.warningLevel} /> : null}
          </CellGroup>
          {restored ? (
            <View className="muted" style={{ padding: '4px 16px' }}>
              已恢复上次未提交的草稿
            </View>
          ) : null}

          <View className="section-title">谈话人身份</View>
          <ChoiceChips
            options={labelled(talkerRoleLabel, d.talkerRoles)}
            value={draft.talkerRole ? [draft.talkerRole] : []}
            onChange={([v]) => update({ talkerRole: v ?? null })}
          />
          <View className="section-title">约谈方式</View>
          <ChoiceChips
            options={labelled(talkInitiatorLabel, ['teacher', 'student'])}
            value={[draft.initiatedBy]}
            onChange={([v]) => v && update({ initiatedBy: v })}
          />
          <View className="section-title">谈话方式</View>
          <ChoiceChips
            options={labelled(talkModeLabel, ['faceToFace', 'phone', 'wechatQq', 'group'])}
            value={[draft.mode]}
            onChange={([v]) => v && update({ mode: v })}
          />
          <View className="section-title">谈话主题（可多选）</View>
          <ChoiceChips
            multiple
            options={labelled(talkTopicLabel, [
              'ideology',
              'academics',
              'career',
              'relationships',
              'adaptation',
              'dormFamily',
              'other',
            ])}
            value={draft.topics}
            onChange={(topics) => update({ topics })}
          />
          {draft.topics.includes('other') ? (
            <Input
              className="talk-other"
              placeholder="其他主题"
              value={draft.otherTopic}
              onChange={(v) => update({ otherTopic: v })}
            />
          ) : null}

          <View className="section-title">时间、地点、时长</View>
          <CellGroup>
            <Field name="at" refusal={refusal}>
              <Input
                className="talk-when"
                placeholder="2026-11-20 15:00"
                value={draft.when}
                onChange={(v) => update({ when: v })}
              />
            </Field>
            <Field name="place" refusal={refusal}>
              <Input
                className="talk-place"
                placeholder="谈话地点"
                value={draft.place}
                onChange={(v) => update({ place: v })}
              />
            </Field>
          </CellGroup>
          <ChoiceChips
            options={['15', '30', '45', '60'].map((m) => ({ value: m, label: `${m} 分钟` }))}
            value={[draft.minutes]}
            onChange={([v]) => v && update({ minutes: v })}
          />

          <View className="section-title">初步印象（仅教师可见）</View>
          <Field name="firstImpression" refusal={refusal}>
            <TextArea
              className="talk-impression"
              placeholder="学生状态、情绪等"
              maxLength={500}
              value={draft.firstImpression}
              onChange={(v) => update({ firstImpression: v })}
            />
          </Field>
          <View className="section-title">谈话主要内容</View>
          <Field name="content" refusal={refusal}>
            <TextArea
              className="talk-content"
              placeholder="谈了什么"
              maxLength={2000}
              value={draft.content}
              onChange={(v) => update({ content: v })}
            />
          </Field>
          <View className="section-title">措施及效果</View>
          <Field name="measures" refusal={refusal}>
            <TextArea
              className="talk-measures"
              placeholder="采取的措施、约定与效果"
              maxLength={1000}
              value={draft.measures}
              onChange={(v) => update({ measures: v })}
            />
          </Field>

          {d.talkerRoles.some((r) => r === 'counselor' || r === 'headTeacher') ? (
            <>
              <View className="section-title">
                学习困难类型（可选，当前：{d.difficulty ? difficultyLabel[d.difficulty] : '未认定'}）
              </View>
              <ChoiceChips
                options={labelled(difficultyLabel, ['temporary', 'ability', 'motivation', 'holistic', 'adaptation'])}
                value={draft.difficulty ? [draft.difficulty] : []}
                onChange={([v]) => update({ difficulty: v === draft.difficulty ? null : (v ?? null) })}
              />
            </>
          ) : null}

          <View style={{ padding: '12px 16px' }}>
            <ChoiceChips
              options={[{ value: 'yes', label: '我确认以上记录属实（谈话人签名）' }]}
              value={draft.confirmed ? ['yes'] : []}
              onChange={() => update({ confirmed: !draft.confirmed })}
            />
            {error ? (
              <View className="danger" style={{ padding: '8px 0' }}>
                {error}
              </View>
            ) : null}
            <Button type="primary" block loading={saving} disabled={saving} onClick={() => void submit()}>
              保存谈话记录
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}

/** ?talkId= opens a saved talk; otherwise the 谈心谈话登记表 for ?studentId=. */
export default function TalkPage() {
  const { talkId } = useRouteParams({ talkId: routeId });
  return talkId ? <TalkDetail talkId={talkId} /> : <TalkEntry />;
}
