import { z } from 'zod';

/**
 * Places where staff check in (dorm buildings, teaching buildings), as configuration
 * (config/places.json). Coordinates are GCJ-02, what Taro.getLocation({ type: 'gcj02' }) returns
 * in WeChat, so a check-in is compared with the place in the same system.
 */
export const PlaceKind = z.enum(['dorm', 'teaching'], { errorMap: () => ({ message: '地点类型应为宿舍楼或教学楼' }) });
export type PlaceKind = z.infer<typeof PlaceKind>;

export const Place = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '地点编号应为小写字母、数字和连字符'),
    /** For a dorm building, exactly Dorm.building (e.g. 西区3号楼): that is how a dorm finds its place. */
    name: z.string().trim().min(1, '缺少地点名称').max(40, '地点名称过长'),
    kind: PlaceKind,
    latitude: z.number().min(-90, '纬度超出范围').max(90, '纬度超出范围'),
    longitude: z.number().min(-180, '经度超出范围').max(180, '经度超出范围'),
    radiusMeters: z.number().int('半径应为整数').min(10, '半径至少 10 米').max(2000, '半径最多 2000 米'),
  })
  .strict();
export type Place = z.infer<typeof Place>;

/** How far a check-in may stray before it is flagged (never rejected). */
export const CheckinLimits = z
  .object({
    /** Device clock vs server clock, seconds. */
    maxClockSkewSeconds: z.number().int().positive(),
    /** Reported location accuracy, metres: worse than this and the position proves little. */
    maxAccuracyMeters: z.number().positive(),
    /** A check-in queued offline may be sent this much later; beyond it the skew flag is raised anyway. */
    maxOfflineHours: z.number().positive(),
  })
  .strict();
export type CheckinLimits = z.infer<typeof CheckinLimits>;

export const PlacesConfig = z
  .object({
    version: z.number().int().positive(),
    coordinateSystem: z.literal('gcj02'),
    limits: CheckinLimits,
    places: z.array(Place).min(1, '至少一个地点'),
  })
  .strict()
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    config.places.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['places', i, 'id'], message: `地点编号重复：${p.id}` });
      if (names.has(p.name))
        ctx.addIssue({ code: 'custom', path: ['places', i, 'name'], message: `地点名称重复：${p.name}` });
      ids.add(p.id);
      names.add(p.name);
    });
  });
export type PlacesConfig = z.infer<typeof PlacesConfig>;
