import { z } from 'zod';

/**
 * A handwritten signature as it reaches the server: in H5 the canvas gives a PNG data URL (kept
 * as is, size-bounded); in WeChat NutUI's Signature gives a temp file, which the app uploads to
 * cloud storage (Taro.cloud.uploadFile) and sends the file id `cloud://…` of.
 */
export const SignatureSigner = z.enum(['student', 'parent']);
export type SignatureSigner = z.infer<typeof SignatureSigner>;

const DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;
/** cloud://<env>.<bucket>/signatures/<notice>/<signer>-<stamp>.png — the path signatureCloudPath makes. */
const FILE_ID =
  /^cloud:\/\/[A-Za-z0-9._-]+\/signatures\/([A-Za-z0-9_-]{1,160})\/(student|parent)-[A-Za-z0-9_-]{1,64}\.png$/;

export const SIGNATURE_MAX_CHARS = 400_000;
/** A canvas with a stroke on it is never this small; an empty or cut image is. */
export const SIGNATURE_MIN_CHARS = 200;

export const signature = z
  .string({ required_error: '请先签名', invalid_type_error: '签名图片格式不正确' })
  .superRefine((value, ctx) => {
    if (value.startsWith('cloud://')) {
      if (value.length > 512 || !FILE_ID.test(value))
        ctx.addIssue({ code: 'custom', message: '签名文件标识格式不正确' });
      return;
    }
    if (!DATA_URL.test(value)) ctx.addIssue({ code: 'custom', message: '签名图片格式不正确' });
    else if (value.length < SIGNATURE_MIN_CHARS) ctx.addIssue({ code: 'custom', message: '请先签名' });
    else if (value.length > SIGNATURE_MAX_CHARS) ctx.addIssue({ code: 'custom', message: '签名图片过大' });
  });

/** A notice id as a storage folder name (ids carry ':' that paths should not). */
function folderOf(noticeId: string): string {
  return noticeId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 160);
}

/** Where the app uploads a signature: one folder per notice, the signer and a unique stamp in the name. */
export function signatureCloudPath(noticeId: string, signer: SignatureSigner, stamp: string): string {
  return `signatures/${folderOf(noticeId)}/${signer}-${stamp.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) || 'sig'}.png`;
}

/** A data URL, or a file id uploaded under this notice's folder for this signer (not another notice's). */
export function signatureBelongsTo(value: string, noticeId: string, signer: SignatureSigner): boolean {
  if (!value.startsWith('cloud://')) return true;
  const match = FILE_ID.exec(value);
  return match !== null && match[1] === folderOf(noticeId) && match[2] === signer;
}
