import { View } from '@tarojs/components';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ProfileCard } from '../../../components/profile-card';
import { Workbench } from '../../../components/workbench';
import { LinkCells, type PageLink } from '../../../components/link-cells';

/** Shown once a child is bound. */
const childLinks: readonly PageLink[] = [
  { key: 'notices', title: '学业警示通知与回执', url: '/packages/parent/notice/index' },
  { key: 'meetings', title: '面谈与会谈', url: '/packages/parent/meeting/index' },
];
const parentLinks: readonly PageLink[] = [
  { key: 'bind', title: '绑定另一个孩子', url: '/packages/parent/bind/index' },
  { key: 'inbox', title: '消息', url: '/pages/inbox/index' },
];

/** A parent's home: only the children bound to this WeChat. */
export default function ParentHome() {
  const { data, error, loading } = useLoad(() => call('identity', 'me', {}), []);
  return (
    <View className="page">
      <LoadState loading={loading} error={error} empty={!loading && (data?.children.length ?? 0) === 0} />
      {data ? <View className="page-title">{data.name}，您好</View> : null}
      {data && data.children.length > 0 ? <Workbench /> : null}
      {data && data.children.length > 0 ? <LinkCells links={childLinks} /> : null}
      <LinkCells links={parentLinks} />
      {data?.children.map((child) => (
        <View key={child.studentId}>
          <View className="section-title">我的孩子</View>
          <ProfileCard profile={child} />
        </View>
      ))}
    </View>
  );
}
