import { useEffect, useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, SearchBar, Tabs } from '@nutui/nutui-react-taro';
import { EmptyState } from '../../components/empty-state';
import { roleLabel, type Role } from '../../../types/domain';
import { listDemoUsers, signInAs, type DemoUser } from '../../services/demo';
import { saveSession } from '../../services/session';
import { messageOf, useAction } from '../../services/use-call';

const groups: { title: string; roles: Role[] }[] = [
  { title: '学生', roles: ['student', 'graduate'] },
  { title: '家长', roles: ['parent'] },
  { title: '教师', roles: ['counselor', 'headTeacher', 'assistant', 'courseTeacher'] },
  { title: '学院', roles: ['clerk', 'leader', 'departmentHead', 'studentAffairs'] },
];

/**
 * Local demo sign-in: in the browser there is no WeChat to say who you are, so you pick a seeded
 * person and the local server issues a signed, expiring session for them.
 */
export default function Login() {
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | number>(0);
  const [keyword, setKeyword] = useState('');

  useEffect(() => {
    listDemoUsers()
      .then(setUsers)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);

  const grouped = useMemo(
    () =>
      groups.map((g) => ({
        ...g,
        users: users.filter(
          (u) =>
            u.roles.some((r) => g.roles.includes(r)) &&
            (keyword === '' || u.name.includes(keyword) || u.userId.includes(keyword) || u.detail.includes(keyword)),
        ),
      })),
    [users, keyword],
  );

  const { act } = useAction(undefined, { toastFault: true });

  const choose = (user: DemoUser) =>
    act(async () => {
      saveSession(await signInAs({ userId: user.userId }));
      void Taro.reLaunch({ url: '/pages/index/index' });
    });

  const asNewWechat = () =>
    act(async () => {
      saveSession(await signInAs({ newWechat: true }));
      void Taro.reLaunch({ url: '/pages/index/index' });
    });

  if (error) return <EmptyState status="error" description={error} />;
  return (
    <View className="page">
      <View className="page-title">演示登录</View>
      <View className="muted" style={{ padding: '0 16px 8px' }}>
        本地演示环境：选择一位演示用户登录。正式小程序中由微信身份自动识别。
      </View>
      <View style={{ padding: '0 16px 8px' }}>
        <Button className="new-wechat" size="small" onClick={() => void asNewWechat()}>
          以一个新微信进入（体验家长绑定）
        </Button>
      </View>
      <SearchBar placeholder="搜索姓名或学号" value={keyword} onChange={(value: string) => setKeyword(value.trim())} />
      <Tabs value={tab} onChange={setTab}>
        {grouped.map((g) => (
          <Tabs.TabPane key={g.title} title={g.title}>
            <CellGroup>
              {g.users.slice(0, 50).map((u) => (
                <View key={u.userId} id={`demo-user-${u.userId}`}>
                  <Cell
                    title={u.name}
                    description={`${u.roles.map((r) => roleLabel[r]).join('、')} · ${u.detail}`}
                    clickable
                    onClick={() => void choose(u)}
                  />
                </View>
              ))}
              {g.users.length > 50 ? (
                <View className="muted" style={{ padding: '8px 16px' }}>
                  仅显示前 50 位，请搜索
                </View>
              ) : null}
            </CellGroup>
          </Tabs.TabPane>
        ))}
      </Tabs>
    </View>
  );
}
