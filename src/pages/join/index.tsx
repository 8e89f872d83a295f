import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { call } from '../../services/api';
import { useAction } from '../../services/use-call';
import { Field } from '../../components/field';

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
        {/* A Cell's children replace its title, so each label is written above its input. */}
        <Field name="code" refusal={refusal}>
          <Cell>
            <View style={{ width: '100%' }}>
              <View className="muted">邀请码</View>
              <Input
                id="join-code"
                placeholder="如 ABCD-EFGH"
                value={code}
                onChange={(v: string) => setCode(v)}
                maxLength={12}
              />
            </View>
          </Cell>
        </Field>
        <Field name="number" refusal={refusal}>
          <Cell>
            <View style={{ width: '100%' }}>
              <View className="muted">工号或学号</View>
              <Input
                id="join-number"
                placeholder="如 T1001 或 2024310101"
                value={number}
                onChange={(v: string) => setNumber(v)}
                maxLength={32}
              />
            </View>
          </Cell>
        </Field>
        <Field name="name" refusal={refusal}>
          <Cell>
            <View style={{ width: '100%' }}>
              <View className="muted">姓名</View>
              <Input
                id="join-name"
                placeholder="学院登记的姓名"
                value={name}
                onChange={(v: string) => setName(v)}
                maxLength={32}
              />
            </View>
          </Cell>
        </Field>
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
