import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { EmptyState } from '../../components/empty-state';
import { roleLabel, type Role } from '../../../types/domain';
import type { Me } from '../../../types/api/identity';
import { call } from '../../services/api';
import { homeOf } from '../../services/roles';
import { ApiError } from '../../services/transport';
import { Errors } from '../../../types/errors';
import { sessionToken } from '../../services/session';
import { messageOf } from '../../services/use-call';

/** Entry: find out who the caller is, then go to their role's home (or let them choose). */
export default function Index() {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unknown, setUnknown] = useState(false);

  useDidShow(() => {
    call('identity', 'me', {})
      .then((value) => {
        setMe(value);
        const roles = [...new Set(value.roles)];
        const only = roles[0];
        if (roles.length === 1 && only) void Taro.redirectTo({ url: homeOf[only] });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === Errors.common.AuthRequired) {
          // In H5 with no session: sign in. With a session of a WeChat nobody registered yet
          // (the demo's "new WeChat"), show what WeChat would: the parent-binding entry.
          if (process.env.TARO_ENV === 'h5' && sessionToken() === null)
            void Taro.redirectTo({ url: '/pages/login/index' });
          else setUnknown(true);
          return;
        }
        setError(messageOf(e));
      });
  });

  if (unknown) {
    return (
      <View className="page">
        <EmptyState description="你的微信尚未开通。学生和教职工由学院导入；家长请使用辅导员发送的绑定码。" />
        <View style={{ padding: '16px' }}>
          <Button block type="primary" onClick={() => void Taro.navigateTo({ url: '/packages/parent/bind/index' })}>
            我是家长，输入绑定码
          </Button>
          <Button
            block
            className="join-invite"
            style={{ marginTop: '12px' }}
            onClick={() => void Taro.navigateTo({ url: '/pages/join/index' })}
          >
            我是学生或教职工，输入邀请码
          </Button>
          {process.env.TARO_ENV === 'h5' ? (
            <Button
              block
              style={{ marginTop: '12px' }}
              onClick={() => void Taro.redirectTo({ url: '/pages/login/index' })}
            >
              切换演示账号
            </Button>
          ) : null}
        </View>
      </View>
    );
  }
  if (error) return <EmptyState status="error" description={error} />;
  if (!me) return <View className="page" />;
  const roles = [...new Set(me.roles)];
  return (
    <View className="page">
      <View className="page-title">你好，{me.name}</View>
      <Text className="section-title">选择身份</Text>
      <CellGroup>
        {roles.map((role: Role) => (
          <Cell
            key={role}
            title={roleLabel[role]}
            clickable
            onClick={() => void Taro.navigateTo({ url: homeOf[role] })}
          />
        ))}
      </CellGroup>
      {process.env.TARO_ENV === 'h5' ? (
        <View style={{ padding: '16px' }}>
          <Button block onClick={() => void Taro.redirectTo({ url: '/pages/login/index' })}>
            切换演示账号
          </Button>
        </View>
      ) : null}
    </View>
  );
}
