import tcb from '@cloudbase/node-sdk';

/**
 * In the cloud the caller is whoever WeChat says: the OPENID comes from the invocation
 * context that the platform fills in, never from the event payload.
 */
export function openidFromWechatContext(context: unknown): string | null {
  // The one cast at the SDK boundary: the platform hands the function an untyped context, and
  // the SDK reads only its `environ`/`environment` (it accepts any object, or none).
  const wx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  const openid = wx.WX_OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
}
