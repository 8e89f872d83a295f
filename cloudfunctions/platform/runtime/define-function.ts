import type { z } from 'zod';
import type { Actor } from '../../../types/domain';
import {
  ErrorCode,
  type Envelope,
  type FunctionContract,
  type OutputOf,
  type ParsedInputOf,
} from '../../../types/envelope';
import { authorize, authorizeList, SELF, type Resource } from '../../core/access/authorize';
import type { Permission } from '../../core/access/permissions';
import { DomainError } from '../../core/errors';
import { chineseMessage } from '../../../types/fields';
import type { Clock } from '../../core/time/clock';
import { toIso } from '../../core/time/shanghai';
import { type Store, VersionConflictError, type WriteContext } from '../store/store';
import { resolveActor } from '../identity/resolve-actor';
import type { FileSource } from '../files/file-source';
import type { PhoneNumberExchange } from '../identity/phone-number';
import { outputChecksByDefault, outputProblem } from './output-check';

/** What the runtime hands a handler: the caller, the store, the time. Nothing comes from the payload. */
export type Env = {
  store: Store;
  clock: Clock;
  openid: string | null;
  files: FileSource;
  /** WeChat's phone proof (getPhoneNumber), in the cloud only: absent locally, where the typed proof is used. */
  phones?: PhoneNumberExchange;
  /** Check each answer against its action's output schema, strictly (output-check.ts); default: in tests. */
  checkOutputs?: boolean;
};

export type Context = Env & {
  actor: Actor;
  /** Audit stamp for writes made by this call. */
  write(): WriteContext;
  nowIso(): string;
};

/** Context of an action that may run before the caller is a known user (e.g. binding as a parent). */
export type PublicContext = Env & { actor: Actor | null; nowIso(): string };

type Spec<C, Ctx> = {
  public?: false;
  /** The permission this action needs; checked by `authorize` before `run`. */
  permission: Permission;
  /**
   * The record being touched, loaded from the input. `'list'` instead: the caller must hold the
   * permission somewhere, and `run` returns only what the caller's scope covers. Omitted: the
   * caller's own records (reach 'self').
   */
  resource?: ((ctx: Ctx, input: ParsedInputOf<C>) => Promise<Resource>) | 'list';
  run: (ctx: Ctx, input: ParsedInputOf<C>) => Promise<OutputOf<C>>;
};

type PublicSpec<C> = { public: true; run: (ctx: PublicContext, input: ParsedInputOf<C>) => Promise<OutputOf<C>> };

export type ActionSpec<C> = Spec<C, Context> | PublicSpec<C>;

export type Handlers<FC extends FunctionContract> = { [K in keyof FC]: ActionSpec<FC[K]> };

/** How an action is reached, as declared: for tests that derive the access matrix from the table. */
export type ActionAccess =
  { public: true } | { public: false; permission: Permission; resource: 'record' | 'list' | 'self' };

export type CloudFunction = {
  name: string;
  actions: string[];
  access: Readonly<Record<string, ActionAccess>>;
  dispatch(event: unknown, env: Env): Promise<Envelope<unknown>>;
};

function fail(code: ErrorCode, message: string, field?: string): Envelope<never> {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, field, message };
}

/** First zod issue as the envelope's field + Chinese message. */
export function inputError(error: z.ZodError): Envelope<never> {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  // Zod's own (English) message where a schema gives none becomes Chinese.
  return fail(ErrorCode.InputInvalid, issue ? chineseMessage(issue) : '输入不正确', field);
}

function isEvent(value: unknown): value is { action: unknown; input?: unknown } {
  return typeof value === 'object' && value !== null && 'action' in value;
}

/**
 * One cloud function = a contract (zod schemas from types/api) + a handler per action.
 * Every call goes: parse → resolve caller → authorize → run; errors become the envelope.
 */
export function defineFunction<FC extends FunctionContract>(
  name: string,
  contract: FC,
  handlers: Handlers<FC>,
): CloudFunction {
  const actions = Object.keys(contract).sort();
  const access: Record<string, ActionAccess> = {};
  for (const key of actions) {
    const spec: ActionSpec<FC[keyof FC]> | undefined = handlers[key];
    if (!spec) continue;
    access[key] =
      spec.public === true
        ? { public: true }
        : {
            public: false,
            permission: spec.permission,
            resource: spec.resource === 'list' ? 'list' : spec.resource ? 'record' : 'self',
          };
  }
  return {
    name,
    actions,
    access,
    async dispatch(event, env) {
      if (!isEvent(event) || typeof event.action !== 'string' || !Object.hasOwn(contract, event.action)) {
        return fail(ErrorCode.ActionUnknown, '不支持的操作', 'action');
      }
      const key: keyof FC = event.action;
      const actionContract = contract[key];
      const spec = handlers[key];
      if (actionContract === undefined || spec === undefined)
        return fail(ErrorCode.ActionUnknown, '不支持的操作', 'action');

      const parsed = actionContract.input.safeParse(event.input ?? {});
      if (!parsed.success) return inputError(parsed.error);
      // The contract's schema parsed it: the handler's input type is that schema's output.
      const input = parsed.data as ParsedInputOf<FC[keyof FC]>;
      const nowIso = () => toIso(env.clock.now());
      const checkOutputs = env.checkOutputs ?? outputChecksByDefault();

      try {
        const actor = env.openid ? await resolveActor(env.store, env.openid) : null;
        const answer = (data: unknown): Envelope<unknown> => {
          const problem = checkOutputs ? outputProblem(actionContract.output, data) : null;
          if (problem === null) return { ok: true, data };
          console.error(`[${name}.${String(key)}] answer does not match its output schema: ${problem}`);
          return fail(ErrorCode.Internal, `${name}.${String(key)} 的返回与输出契约不符：${problem}`);
        };
        if (spec.public === true) return answer(await spec.run({ ...env, actor, nowIso }, input));
        if (actor === null) return fail(ErrorCode.AuthRequired, '请先登录');
        const ctx: Context = { ...env, actor, nowIso, write: () => ({ by: actor.userId, at: nowIso() }) };
        if (spec.resource === 'list') authorizeList(actor, spec.permission);
        else authorize(actor, spec.permission, spec.resource ? await spec.resource(ctx, input) : SELF);
        return answer(await spec.run(ctx, input));
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.message, error.field);
        if (error instanceof VersionConflictError)
          return fail(ErrorCode.VersionConflict, '数据已被他人修改，请刷新后重试');
        console.error(`[${name}.${String(key)}]`, error);
        return fail(ErrorCode.Internal, '服务暂时不可用，请稍后再试');
      }
    },
  };
}
