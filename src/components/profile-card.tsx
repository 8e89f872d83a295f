import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { StudentProfile } from '../../types/api/identity';

export function ProfileCard({ profile }: { profile: StudentProfile }) {
  return (
    <CellGroup>
      <Cell title="姓名" extra={<span className="student-name">{profile.name}</span>} />
      <Cell title="学号" extra={profile.studentId} />
      <Cell title="班级" extra={profile.className} />
      <Cell title="专业" extra={`${profile.major}（${profile.cohort}级）`} />
      <Cell title="学院" extra={profile.collegeName} />
    </CellGroup>
  );
}
