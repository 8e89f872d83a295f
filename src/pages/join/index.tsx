import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../services/api';
import { useAction } from '../../services/use-call';
import { FieldInput } from '../../components/field-input';

/**
 * A student or member of staff joins in WeChat: the one-time invite code the college gave them,
 * with their 工号 or 学号 and name as the college imported them (5 wrong tries burn the code).
 */
export default function Join() {
  const [code, setCode] = useState('');
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const { act, fault: error, refusal, busy } = useAction();

  const join = () =>
    act(async () => {
      await call('roster', 'join', { code, number: number.trim(), name: name.trim() });
      void Taro.showToast({ title: '已加入', icon: 'success' });
      void Taro.reLaunch({ url: '/pages/index/index' });
    });

  return (
    <View className="page">
      <View className="page-title">输入邀请码</View>
      <View className="muted" style={{ padding: '0 16px 8px' }}>
        邀请码由学院教学秘书发给本人，一次有效，7 天内使用。请同时填写您的工号（学生填学号）和姓名以核对身份。
      </View>
      <CellGroup>
        <FieldInput
          name="code"
          label="邀请码"
          refusal={refusal}
          id="join-code"
          placeholder="如 ABCD-EFGH"
          value={code}
          onChange={setCode}
          maxLength={12}
        />
        <FieldInput
          name="number"
          label="工号或学号"
          refusal={refusal}
          id="join-number"
          placeholder="如 T1001 或 2024310101"
          value={number}
          onChange={setNumber}
          maxLength={32}
        />
        <FieldInput
          name="name"
          label="姓名"
          refusal={refusal}
          id="join-name"
          placeholder="学院登记的姓名"
          value={name}
          onChange={setName}
          maxLength={32}
        />
      </CellGroup>
      {error ? (
        <View className="danger join-error" style={{ padding: '8px 16px' }}>
          {error}
        </View>
      ) : null}
      <View style={{ padding: '16px' }}>
        <Button
          block
          type="primary"
          id="join-submit"
          disabled={busy || code.trim() === '' || number.trim() === '' || name.trim() === ''}
          onClick={() => void join()}
        >
          加入
        </Button>
      </View>
    </View>
  );
}
