import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { roleLabel, Role } from '../../../../types/domain';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { ClassList } from '../../../components/class-list';
import { Workbench } from '../../../components/workbench';
import { routeId, useRouteParams } from '../../../services/use-route-params';
import { isAdminRole, linksOf } from './links';

/** Clerk / leader / department head home: the college's classes. */
export default function AdminHome() {
  const role = Role.safeParse(useRouteParams({ role: routeId }).role);
  const me = useLoad(() => call('identity', 'me', {}), []);
  const schoolLevel = role.success && role.data === 'studentAffairs';
  const adminRole = role.success && isAdminRole(role.data) ? role.data : null;
  const classes = useLoad(() => (schoolLevel ? Promise.resolve([]) : call('campus', 'myClasses', {})), [schoolLevel]);
  return (
    <View className="page">
      {me.data ? (
        <View className="page-title">
          {me.data.name} · {role.success ? roleLabel[role.data] : '学院'}
        </View>
      ) : null}
      <Workbench />
      {adminRole
        ? linksOf(adminRole).map((group) => (
            <CellGroup key={group.map((l) => l.key).join(' ')}>
              {group.map((l) => (
                <Cell
                  key={l.key}
                  className={`link-${l.key}`}
                  title={l.title}
                  clickable
                  onClick={() => void Taro.navigateTo({ url: l.url })}
                />
              ))}
            </CellGroup>
          ))
        : null}
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
