import type { PhotoUploadResponse } from '@shared/schemas/photo';

/** A real 1×1 PNG (what a phone's photo starts with is all the API looks at, besides its size). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The start of a JPEG followed by `size` bytes in all. */
export function jpegOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(bytes);
  return bytes;
}

/** Does what the phone does with a signed form: POST the fields, then the file, to object storage. */
export async function postToStorage(form: PhotoUploadResponse, bytes: Uint8Array, contentType: string): Promise<number> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'photo');
  const res = await fetch(form.url, { method: 'POST', body });
  await res.arrayBuffer();
  return res.status;
}
