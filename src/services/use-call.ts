import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { ApiError } from './transport';

/** Load data for a screen: the value, the Chinese error to show, and a reload. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load()
      .then((value) => {
        if (!live) return;
        setData(value);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(messageOf(e));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on (deps); `load` is a new closure each render
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return '出错了，请稍后再试';
}

/** Why an action failed: the Chinese message and, when the server named one, the input field it is about. */
export type ActionFault = { message: string; field: string | null };

export function faultOf(e: unknown): ActionFault {
  return { message: messageOf(e), field: e instanceof ApiError ? (e.field ?? null) : null };
}

type ActionOptions = {
  /** Also toast the refusal (the person's eyes are on the button); ms on screen, or true for the default. */
  toastFault?: boolean | number;
};

export type Action = {
  /** Runs the tap; resolves to its result, or undefined when it was refused. `done` is toasted on success. */
  act: <T>(what: () => Promise<T>, done?: string) => Promise<T | undefined>;
  /** The Chinese reason of the last refusal, for the screen to show next to the action. */
  fault: string | null;
  /** The last refusal with the field it names, for the form to mark that field (`<Field>`). */
  refusal: ActionFault | null;
  busy: boolean;
};

/**
 * A tap that changes something: run it (busy meanwhile), toast `done` on success and call
 * `onDone` (usually a reload), or keep the refusal in `fault` / `refusal` for the screen to show
 * next to the action and at the field the server named.
 */
export function useAction(onDone: () => void = () => undefined, options: ActionOptions = {}): Action {
  const [refusal, setRefusal] = useState<ActionFault | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async <T>(what: () => Promise<T>, done?: string): Promise<T | undefined> => {
    setRefusal(null);
    setBusy(true);
    try {
      const value = await what();
      if (done) void Taro.showToast({ title: done, icon: 'success' });
      onDone();
      return value;
    } catch (e) {
      const fault = faultOf(e);
      setRefusal(fault);
      const { toastFault } = options;
      if (toastFault)
        void Taro.showToast({
          title: fault.message,
          icon: 'none',
          ...(typeof toastFault === 'number' ? { duration: toastFault } : {}),
        });
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { act, fault: refusal?.message ?? null, refusal, busy };
}
