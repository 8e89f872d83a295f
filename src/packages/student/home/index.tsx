import { View } from '@tarojs/components';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ProfileCard } from '../../../components/profile-card';
import { Workbench } from '../../../components/workbench';
import { LinkCells, type PageLink } from '../../../components/link-cells';

const studentLinks: readonly PageLink[] = [
  { key: 'plan', title: '我的学习计划', url: '/packages/student/plan/index' },
  { key: 'case', title: '我的帮扶与约谈', url: '/packages/student/case/index' },
  { key: 'notices', title: '学业警示通知', url: '/packages/student/notice/index' },
  { key: 'inbox', title: '消息', url: '/pages/inbox/index' },
];

/** A student's home: their own profile (and, as the product grows, their notices and plan). */
export default function StudentHome() {
  const { data, error, loading } = useLoad(() => call('identity', 'me', {}), []);
  return (
    <View className="page">
      <LoadState loading={loading} error={error} empty={!loading && !data?.student} />
      {data?.student ? (
        <>
          <View className="page-title">你好，{data.student.name}</View>
          <Workbench />
          <View className="section-title">我的信息</View>
          <ProfileCard profile={data.student} />
          <View className="section-title">学业帮扶</View>
          <LinkCells links={studentLinks} />
        </>
      ) : null}
    </View>
  );
}
