import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { ApiError } from './transport';

/** Load data for a screen: the value, the Chinese error to show, and a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return '出错了，请稍后再试';
}

/**
 * A tap that changes something: run it, toast `done` on success and call `onDone` (usually a
 * reload), or keep the Chinese error in `fault` for the screen to show next to the action.
 */
export function useAction(onDone: () => void): { act: (what: () => Promise<unknown>, done: string) => Promise<void>; fault: string | null } {
  const [fault, setFault] = useState<string | null>(null);
  const act = async (what: () => Promise<unknown>, done: string) => {
    setFault(null);
    try {
      await what();
      Taro.showToast({ title: done, icon: 'success' });
      onDone();
    } catch (e) {
      setFault(messageOf(e));
    }
  };
  return { act, fault };
}
