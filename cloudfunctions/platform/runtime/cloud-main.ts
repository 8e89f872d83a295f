import { systemClock } from '../../core/time/clock';
import { openidFromWechatContext } from '../identity/wechat-context';
import { cloudbaseFiles } from '../files/cloudbase-files';
import type { FileSource } from '../files/file-source';
import { openCloudbaseStore } from '../store/cloudbase-store';
import type { Store } from '../store/store';
import type { CloudFunction } from './define-function';
import { loadPhoneNumberApi, wechatPhoneExchange, type PhoneNumberExchange } from '../identity/phone-number';

let store: Store | null = null;
let files: FileSource | null = null;
// The SDK is loaded on the first exchange only, so functions that never prove a phone never load it.
const phones: PhoneNumberExchange = wechatPhoneExchange(loadPhoneNumberApi);

/**
 * The CloudBase entry of a function: the store is opened once per warm instance, and the caller
 * is whoever the WeChat context names, whatever the event says.
 */
export function cloudMain(fn: CloudFunction) {
  return async (event: unknown, context: unknown) => {
    store ??= openCloudbaseStore();
    files ??= cloudbaseFiles();
    return fn.dispatch(event, { store, files, phones, clock: systemClock, openid: openidFromWechatContext(context) });
  };
}
