import { z } from 'zod';

/** CloudBase's limits for a function (cloudbaserc.json): timeout 1–60 s, these memory sizes. */
export const CLOUDBASE_TIMEOUT_MAX_S = 60;
export const CLOUDBASE_MEMORY_SIZES = [128, 256, 512, 1024, 2048] as const;

const Timeout = z.number().int().min(1).max(CLOUDBASE_TIMEOUT_MAX_S);
const MemorySize = z.union(
  CLOUDBASE_MEMORY_SIZES.map((size) => z.literal(size)) as [
    z.ZodLiteral<128>,
    z.ZodLiteral<256>,
    ...z.ZodLiteral<number>[],
  ],
);

/** A timer trigger: 7 cron fields (second minute hour day month weekday year), in UTC+8. */
export const TimerTrigger = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/),
  config: z.string().refine((cron) => cron.trim().split(/\s+/).length === 7, '定时触发器需要 7 段 cron 表达式'),
});

export const FunctionDeployment = z
  .object({
    timeout: Timeout.optional(),
    memorySize: MemorySize.optional(),
    // CloudBase allows one trigger per function: a single optional trigger, not a list.
    trigger: TimerTrigger.optional(),
    openapi: z.array(z.enum(['subscribeMessage.send', 'phonenumber.getPhoneNumber'])).default([]),
    // Secrets this function reads from its environment (least privilege: only where used).
    secrets: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).default([]),
    // Whether it needs the subscription template ids (to send, or to ask the app for consent).
    templates: z.boolean().default(false),
  })
  .strict();

export const Deployment = z
  .object({
    runtime: z.string().regex(/^Nodejs\d+\.\d+$/),
    defaults: z.object({ timeout: Timeout, memorySize: MemorySize }).strict(),
    functions: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), FunctionDeployment),
  })
  .strict();

export type Deployment = z.infer<typeof Deployment>;
export type FunctionDeployment = z.infer<typeof FunctionDeployment>;
