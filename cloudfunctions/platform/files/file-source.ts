/**
 * Uploaded files (grade exports) as the functions see them: an id from the upload (a CloudBase
 * `cloud://…` fileID in WeChat, `local:<name>` on the local server) resolved to a local path
 * that can be streamed. Large files are never read into memory whole.
 */
export interface FileSource {
  /** A readable local path for the file; throws a Chinese message when it does not exist. */
  localPath(fileId: string): Promise<string>;
}
