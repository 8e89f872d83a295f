import { View } from '@tarojs/components';
import { roleLabel, Role } from '../../../../types/domain';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ClassList } from '../../../components/class-list';
import { Workbench } from '../../../components/workbench';
import { routeId, useRouteParams } from '../../../services/use-route-params';
import { LinkCells, linksFor } from '../../../components/link-cells';
import { adminLinks } from './links';

/** Clerk / leader / department head home: the college's classes. */
export default function AdminHome() {
  const role = Role.safeParse(useRouteParams({ role: routeId }).role);
  const me = useLoad(() => call('identity', 'me', {}), []);
  const schoolLevel = role.success && role.data === 'studentAffairs';
  const classes = useLoad(() => (schoolLevel ? Promise.resolve([]) : call('campus', 'myClasses', {})), [schoolLevel]);
  return (
    <View className="page">
      {me.data ? (
        <View className="page-title">
          {me.data.name} · {role.success ? roleLabel[role.data] : '学院'}
        </View>
      ) : null}
      <Workbench />
      {linksFor(adminLinks, role.success ? role.data : null).map((group) => (
        <LinkCells key={group.map((l) => l.key).join(' ')} links={group} />
      ))}
      {/* 学工部 works at school level: no college class list. */}
      {schoolLevel ? null : (
        <>
          <View className="section-title">学院班级</View>
          <LoadState loading={classes.loading} error={classes.error} empty={classes.data?.length === 0} />
          {classes.data ? <ClassList classes={classes.data} /> : null}
        </>
      )}
    </View>
  );
}
