import { storedSignature, type UploadFile } from '../../src/components/signature-upload';
import { signature, signatureBelongsTo } from '../../types/signature';
import { SIGNATURE } from '../support/notices-factories';

const NOTICE = 'notice-w:2025-2026-1:2024311001';

function fakeCloud() {
  const calls: { cloudPath: string; filePath: string }[] = [];
  const upload: UploadFile = async (param) => {
    calls.push(param);
    return { fileID: `cloud://prod-7g2k.7072-prod-7g2k-1300000000/${param.cloudPath}` };
  };
  return { calls, upload };
}

/** Issue 9 §10: in WeChat NutUI's Signature yields a temp file path; the app must upload it and send the file id. */
describe('what the signature pad sends', () => {
  it('WeChat: the temp file is uploaded under the notice folder and its file id is what the server accepts for that notice', async () => {
    const cloud = fakeCloud();
    const sent = await storedSignature(
      'http://tmp/wx1234.png',
      { noticeId: NOTICE, signer: 'student', stamp: 'a1b2c3d4-0000' },
      cloud.upload,
    );
    expect(cloud.calls).toEqual([
      {
        cloudPath: 'signatures/notice-w_2025-2026-1_2024311001/student-a1b2c3d4-0000.png',
        filePath: 'http://tmp/wx1234.png',
      },
    ]);
    expect(sent).toMatch(/^cloud:\/\//);
    expect(signature.safeParse(sent).success).toBe(true);
    expect(signatureBelongsTo(sent, NOTICE, 'student')).toBe(true);
    expect(signatureBelongsTo(sent, NOTICE, 'parent')).toBe(false);
    expect(signatureBelongsTo(sent, `${NOTICE}-v2`, 'student')).toBe(false);
  });

  it('H5: the data URL is sent as it is, nothing uploaded', async () => {
    const cloud = fakeCloud();
    expect(await storedSignature(SIGNATURE, { noticeId: NOTICE, signer: 'parent', stamp: 'x' }, cloud.upload)).toBe(
      SIGNATURE,
    );
    expect(cloud.calls).toEqual([]);
    expect(signature.safeParse(SIGNATURE).success).toBe(true);
  });

  it('an upload that returns no cloud file id fails instead of sending a path', async () => {
    await expect(
      storedSignature('wxfile://tmp/1.png', { noticeId: NOTICE, signer: 'student', stamp: 'x' }, async () => ({
        fileID: '',
      })),
    ).rejects.toThrow('签名上传失败');
  });

  it.each([
    ['an empty canvas', 'data:image/png;base64,AAAA', '请先签名'],
    ['a temp path sent as is', 'wxfile://tmp_1.png', '签名图片格式不正确'],
    ['an oversized data URL', `data:image/png;base64,${'A'.repeat(400_001)}`, '签名图片过大'],
    ['a foreign cloud path', 'cloud://env.bucket/other/x.png', '签名文件标识格式不正确'],
  ])('the server refuses %s with a Chinese message', (_name, value, message) => {
    const parsed = signature.safeParse(value);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe(message);
  });
});
