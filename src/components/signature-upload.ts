import { signatureCloudPath, type SignatureSigner } from '../../types/signature';

/** The one cloud call this needs (Taro.cloud.uploadFile in WeChat), passed in so it can be tested. */
export type UploadFile = (param: { cloudPath: string; filePath: string }) => Promise<{ fileID: string }>;

export type SignatureTarget = { noticeId: string; signer: SignatureSigner; stamp: string };

/**
 * What the app sends as the signature. H5's canvas gives a PNG data URL: sent as it is. WeChat's
 * NutUI Signature gives a temp file path: uploaded under the notice's folder, and its cloud file
 * id is sent (the server accepts only ids under that folder, types/signature.ts).
 */
export async function storedSignature(path: string, target: SignatureTarget, upload: UploadFile): Promise<string> {
  if (path.startsWith('data:image/png;base64,')) return path;
  const { fileID } = await upload({
    cloudPath: signatureCloudPath(target.noticeId, target.signer, target.stamp),
    filePath: path,
  });
  if (!fileID.startsWith('cloud://')) throw new Error('签名上传失败，请重签');
  return fileID;
}
