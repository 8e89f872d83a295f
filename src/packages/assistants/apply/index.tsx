import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro';
import type { ApplicationForm } from '../../../../types/assistant';
import { call } from '../../../services/api';
import { useAction } from '../../../services/use-call';
import { Field } from '../../../components/field';
import { routeId, useRouteParams } from '../../../services/use-route-params';
import { ChoiceChips } from '../../../components/chips';

const statuses = ['中共党员', '中共预备党员', '共青团员', '群众'] as const;

/** 学业助理信息申报表 (rules: 000-A1): the fields the college verifies (申报要求, 聘任要求). */
export default function Apply() {
  const { callId } = useRouteParams({ callId: routeId });
  const [gender, setGender] = useState<'男' | '女'>('女');
  const [politicalStatus, setStatus] = useState<ApplicationForm['politicalStatus']>('共青团员');
  const [phone, setPhone] = useState('');
  const [undergraduateMajor, setMajor] = useState('');
  const [experience, setExperience] = useState('');
  const [reason, setReason] = useState('');
  const [financialNeed, setNeed] = useState(false);
  const { act, fault, refusal, busy } = useAction();
  const submit = () =>
    act(async () => {
      const result = await call('assistants', 'apply', {
        callId: callId ?? '',
        form: { gender, politicalStatus, phone, undergraduateMajor, experience, reason, financialNeed },
      });
      void Taro.showToast({ title: `已提交：${result.statusLabel}`, icon: 'none' });
      void Taro.navigateBack();
    });
  return (
    <View className="page">
      <View className="page-title">学业助理信息申报表</View>
      <View className="section-title">性别</View>
      <ChoiceChips
        options={[
          { value: '男', label: '男' },
          { value: '女', label: '女' },
        ]}
        value={[gender]}
        onChange={(v) => v[0] && setGender(v[0])}
      />
      <View className="section-title">政治面貌</View>
      <ChoiceChips
        options={statuses.map((s) => ({ value: s, label: s }))}
        value={[politicalStatus]}
        onChange={(v) => v[0] && setStatus(v[0])}
      />
      <CellGroup>
        <Field name="form.phone" refusal={refusal}>
          <Cell title="联系电话">
            <Input className="field-phone" placeholder="8–11 位数字" type="number" value={phone} onChange={setPhone} />
          </Cell>
        </Field>
        <Cell title="本科专业">
          <Input
            className="field-undergraduate-major"
            placeholder="选填"
            value={undergraduateMajor}
            onChange={setMajor}
          />
        </Cell>
      </CellGroup>
      <View className="section-title">主要经历与表现（社会实践、志愿服务、学生工作、外语与科研）</View>
      <Field name="form.experience" refusal={refusal}>
        <TextArea
          className="field-experience"
          placeholder="请填写"
          value={experience}
          onChange={setExperience}
          maxLength={500}
        />
      </Field>
      <View className="section-title">申请理由</View>
      <Field name="form.reason" refusal={refusal}>
        <TextArea className="field-reason" placeholder="请填写" value={reason} onChange={setReason} maxLength={300} />
      </Field>
      <View style={{ padding: '12px 16px' }}>
        <Checkbox checked={financialNeed} onChange={setNeed} label="家庭经济困难（同等条件下优先考虑）" />
      </View>
      {fault ? (
        <View className="form-error" style={{ color: '#d93025', padding: '0 16px' }}>
          {fault}
        </View>
      ) : null}
      <View style={{ padding: '16px' }}>
        <Button block type="primary" disabled={busy} onClick={() => void submit()}>
          提交申报
        </Button>
      </View>
    </View>
  );
}
