/**
 * Report export files (CSV / XLSX) fetched through the api and handed to the browser as a
 * download. The bytes travel over the proposed additive IPC channel `server.download`
 * (`{path}` → `{fileName, contentType, base64}`), since `server.request` carries JSON only.
 */
import { z } from 'zod';
import type { Api, IpcReply } from '../../../shared/ipc/contract';
import { ApiCallError } from '../../app/api-context';

/** The answer of `server.download`. */
export const DownloadReply = z.object({
  fileName: z.string().min(1).max(200),
  contentType: z.string().max(200),
  base64: z.string(),
});

/** A downloaded file. */
export interface ExportFile { fileName: string; contentType: string; bytes: Uint8Array }

type DownloadFn = (req: { path: string }) => Promise<IpcReply<unknown>>;

/** The `server.download` channel of the api, or null while the contract lacks it. */
export function downloadChannel(api: Api): DownloadFn | null {
  const fn = (api as unknown as Record<string, unknown>)['server.download'];
  return typeof fn === 'function' ? (req) => (fn as DownloadFn).call(api, req) : null;
}

/** Decodes base64 into bytes. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Fetches an export file (`/reports/operators.csv?…`); throws ApiCallError on failure. */
export async function fetchExport(api: Api, path: string): Promise<ExportFile> {
  const download = downloadChannel(api);
  if (!download) throw new ApiCallError('unsupported', 'Выгрузка файлов недоступна в этой сборке (нет канала server.download).');
  let reply: IpcReply<unknown>;
  try {
    reply = await download({ path });
  } catch (e) {
    throw new ApiCallError('offline', e instanceof Error ? e.message : String(e));
  }
  if (!reply.ok) throw new ApiCallError(reply.error.code, reply.error.message);
  const parsed = DownloadReply.safeParse(reply.value);
  if (!parsed.success) throw new ApiCallError('bad_response', 'Неожиданный ответ сервера на выгрузку.');
  return { fileName: parsed.data.fileName, contentType: parsed.data.contentType, bytes: base64ToBytes(parsed.data.base64) };
}

/** Offers the file to the user as a download (Blob + a temporary link). */
export function saveFile(file: ExportFile): void {
  const blob = new Blob([file.bytes as BlobPart], { type: file.contentType || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
