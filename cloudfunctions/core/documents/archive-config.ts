import archiveJson from '../../../config/archive.json';
import { ArchiveConfig } from '../../../types/documents';

/** config/archive.json, validated when first imported: a wrong rate stops the function loading, not an archive half made. */
export function parseArchiveConfig(json: unknown): ArchiveConfig {
  const parsed = ArchiveConfig.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `config/archive.json: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

export const archiveConfig = parseArchiveConfig(archiveJson);
