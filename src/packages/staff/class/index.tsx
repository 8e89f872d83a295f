import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { call } from '../../../services/api';
import { useLoad } from '../../../services/use-call';
import { LoadState } from '../../../components/load-state';
import { pageUrl, routeId, useRouteParams } from '../../../services/use-route-params';

/** A class roster, each student opening their detail. */
export default function ClassRoster() {
  const classId = useRouteParams({ classId: routeId }).classId ?? '';
  const { data, error, loading } = useLoad(() => call('campus', 'classStudents', { classId }), [classId]);
  return (
    <View className="page">
      <LoadState loading={loading} error={error} />
      {data ? (
        <>
          <View className="page-title">{data.className}</View>
          <View className="section-title">共 {data.students.length} 人</View>
          <CellGroup>
            {data.students.map((s) => (
              <Cell
                key={s.studentId}
                title={s.name}
                description={`${s.studentId} · ${s.gender} · ${s.dormLabel}`}
                clickable
                onClick={() =>
                  void Taro.navigateTo({ url: pageUrl('/packages/staff/student/index', { studentId: s.studentId }) })
                }
              />
            ))}
          </CellGroup>
        </>
      ) : null}
    </View>
  );
}
