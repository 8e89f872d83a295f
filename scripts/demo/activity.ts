import { defaultPlaces, placeById, placeOfBuilding } from '../../cloudfunctions/core/checkins/places';
import { fixedClock } from '../../cloudfunctions/core/time/clock';
import { shanghaiLocal, toIso, type Dayjs } from '../../cloudfunctions/core/time/shanghai';
import type { FileSource } from '../../cloudfunctions/platform/files/file-source';
import type { Store } from '../../cloudfunctions/platform/store/store';
import { functions } from '../../cloudfunctions/registry';
import type { Envelope } from '../../types/envelope';
import { DEMO_OPENID_PREFIX, type DemoData } from './generate';
import { seeded } from './random';

/**
 * Weeks of staff work in the current semester for the local demo, recorded through the checkins
 * function as staff would on their phones (fixed clocks, seeded choices): class checks, dorm
 * checks, class meetings, lectures, themed activities and talks. Some staff keep up, some fall
 * behind, so the compliance dashboards have something to show. The weeks are the demo's
 * (timeline.ts): from the semester start up to the week of its clock, never in the future.
 */
export async function recordDemoActivity(
  store: Store,
  files: FileSource,
  demo: DemoData,
  weeks = demo.timeline.activity,
): Promise<number> {
  const { from, until } = weeks;
  const checkins = functions.checkins;
  if (!checkins) throw new Error('checkins function is not registered');
  const random = seeded(4242);
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  // How diligent each person is: the chance they do a given duty when it is due.
  const diligence = new Map<string, number>();
  const keen = (userId: string) => {
    if (!diligence.has(userId)) diligence.set(userId, 0.45 + random() * 0.5);
    return random() < (diligence.get(userId) ?? 0.5);
  };
  let recorded = 0;
  const record = async (userId: string, at: Dayjs, action: string, input: Record<string, unknown>) => {
    const clock = fixedClock(at.toDate());
    const when = toIso(at);
    const result: Envelope<unknown> = await checkins.dispatch(
      { action, input: { clientId: uuid(), deviceAt: when, sentAt: when, ...input } },
      { store, files, clock, openid: DEMO_OPENID_PREFIX + userId },
    );
    if (!result.ok)
      throw new Error(`demo activity: checkins.${action} as ${userId} failed: ${result.code} ${result.message}`);
    recorded++;
  };
  const near = (placeId: string | null) => {
    const place = placeId ? placeById(defaultPlaces, placeId) : null;
    return place
      ? {
          location: {
            latitude: place.latitude + (random() - 0.5) * 0.0004,
            longitude: place.longitude + (random() - 0.5) * 0.0004,
            accuracy: 15 + Math.round(random() * 30),
          },
        }
      : {};
  };

  const end = shanghaiLocal(until);
  for (let week = shanghaiLocal(from), n = 0; week.isBefore(end); week = week.add(7, 'day'), n++) {
    const wednesday = week.add(2, 'day').hour(10);
    for (const cls of demo.classes) {
      const students = demo.students.filter((s) => s.classId === cls._id);
      if (keen(cls.counselorId))
        await record(cls.counselorId, wednesday, 'classCheck', {
          classId: cls._id,
          placeId: 'boxue',
          course: '大学英语',
          late: [],
          absent: [],
          leftEarly: [],
          ...near('boxue'),
        });
      if (n % 2 === 0) {
        for (const dorm of demo.dorms.filter((d) => d.classIds.includes(cls._id))) {
          if (!keen(cls.counselorId)) continue;
          const residents = students
            .filter((s) => s.dormId === dorm._id)
            .map((s) => ({ studentId: s._id, status: random() < 0.97 ? 'present' : 'onLeave' }));
          if (residents.length === 0) continue;
          const place = placeOfBuilding(defaultPlaces, dorm.building);
          await record(cls.counselorId, wednesday.hour(21), 'dormCheck', {
            classId: cls._id,
            dormId: dorm._id,
            hygieneScore: 70 + Math.round(random() * 30),
            hygieneNotes: '',
            residents,
            ...near(place?.id ?? null),
          });
        }
      }
      if (n % 4 === 1 && keen(cls.headTeacherId)) {
        await record(cls.headTeacherId, wednesday.add(1, 'day').hour(16), 'meeting', {
          kind: 'classMeeting',
          classId: cls._id,
          title: '学习方法交流班会',
          topics: ['studyMethods'],
          summary: '分享复习计划与课堂笔记方法，布置学习小组。',
          attendees: students.length - 2,
          minutes: 45,
        });
        await record(cls.headTeacherId, wednesday.hour(8), 'lecture', {
          classId: cls._id,
          placeId: 'mingde',
          course: '高等数学',
          teacherName: '孙立群',
          notes: '课堂秩序良好',
          ...near('mingde'),
        });
      }
      if (cls.assistantId && n % 2 === 1 && keen(cls.assistantId)) {
        await record(cls.assistantId, wednesday.add(2, 'day').hour(19), 'themedActivity', {
          classId: cls._id,
          theme: '考前答疑',
          participants: 20 + Math.round(random() * 15),
          minutes: 90,
          summary: '',
        });
      }
      if (cls.assistantId) {
        const pupil = students[(n * 3) % students.length];
        if (pupil && keen(cls.assistantId))
          await record(cls.assistantId, wednesday.hour(15), 'talk', {
            studentId: pupil._id,
            mode: 'faceToFace',
            minutes: 30 + Math.round(random() * 20),
            notes: '',
          });
      }
      for (const pupil of students.slice((n * 2) % students.length, ((n * 2) % students.length) + 2)) {
        if (keen(cls.counselorId))
          await record(cls.counselorId, wednesday.hour(14), 'talk', {
            studentId: pupil._id,
            mode: 'faceToFace',
            minutes: 20,
            notes: '',
          });
      }
    }
  }
  return recorded;
}
