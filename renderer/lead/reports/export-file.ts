/**
 * Report export files (CSV / XLSX) fetched through the api and handed to the browser as a
 * download. The bytes travel over the IPC channel `server.download` (`{report, format, query}` →
 * `{fileName, contentType, base64}`); main builds the file's address from the validated query.
 */
import type { Api, Req } from '../../../shared/ipc/contract';
import { ApiCallError, call } from '../../app/api-context';

/** A downloaded file. */
export interface ExportFile { fileName: string; contentType: string; bytes: Uint8Array }

/** Decodes base64 into bytes. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Fetches the operators report (or the buffer export) as a CSV or XLSX file; throws ApiCallError on failure. */
export async function fetchExport(api: Api, format: 'csv' | 'xlsx', query: Req<'server.download'>['query'], report: Req<'server.download'>['report'] = 'operators'): Promise<ExportFile> {
  const file = await call(api, 'server.download', { report, format, query });
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(file.base64);
  } catch {
    throw new ApiCallError('bad_response', 'Неожиданный ответ сервера на выгрузку.');
  }
  return { fileName: file.fileName, contentType: file.contentType, bytes };
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
