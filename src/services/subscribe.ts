import Taro from '@tarojs/taro';

/**
 * Ask for subscription consent (WeChat only, from a tap, ≤ 5 one-time templates). The ids come
 * from the server's configuration; none configured or H5: nothing to ask. Never blocks the tap's
 * real work: a refusal only means WeChat will answer 43101 and the counselor sees it.
 */
export async function askSubscribe(templateIds: string[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || templateIds.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: templateIds.slice(0, 5), entityIds: [] });
  } catch {
    // The person closed the dialog or the template ids are stale: carry on.
  }
}
