import { View } from '@tarojs/components';
import { roleLabel, Role } from '../../../../types/domain';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ClassList } from '../../../components/class-list';
import { Workbench } from '../../../components/workbench';
import { routeId, useRouteParams } from '../../../services/use-route-params';
import { LinkCells, visibleTo } from '../../../components/link-cells';
import { dutyLinks, supportLinks } from './links';

/** Counselor / head teacher / assistant home: the classes they serve. */
export default function StaffHome() {
  const role = Role.safeParse(useRouteParams({ role: routeId }).role);
  const who = role.success ? role.data : null;
  const me = useLoad(() => call('identity', 'me', {}), []);
  const classes = useLoad(() => call('campus', 'myClasses', {}), []);
  return (
    <View className="page">
      {me.data ? (
        <View className="page-title">
          {me.data.name} · {role.success ? roleLabel[role.data] : '教师'}
        </View>
      ) : null}
      <Workbench />
      <View className="section-title">学业帮扶</View>
      <LinkCells links={visibleTo(supportLinks, who)} />
      <View className="section-title">到岗与职责</View>
      <LinkCells links={visibleTo(dutyLinks, who)} />
      <View className="section-title">我的班级</View>
      <LoadState loading={classes.loading} error={classes.error} empty={classes.data?.length === 0} />
      {classes.data ? <ClassList classes={classes.data} /> : null}
    </View>
  );
}
