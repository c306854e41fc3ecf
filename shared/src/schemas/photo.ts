import { z } from './common';

/**
 * Photos that go with a submission. The phone asks the API for a short-lived signed upload form, sends the
 * photo straight to object storage (S3; a local S3-compatible server under `npm start` and in tests), and
 * then names the uploaded photos in the submission. The API checks each one before it is attached.
 */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];
export const MAX_PHOTOS = 3;
/** WeChat's compressed photos are well under this; an uncompressed 12-megapixel JPEG may be above it. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Seconds a signed upload form stays valid. */
export const PHOTO_UPLOAD_SECONDS = 300;

export const PHOTO_EXTENSIONS: Record<PhotoContentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** A photo's content type from a file name or path (`wxfile://tmp_….jpg`, `photo.PNG`); undefined if not a photo. */
export function photoTypeOfName(name: string): PhotoContentType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name.split('?')[0] ?? '')?.[1]?.toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  if (ext === 'webp') return 'image/webp';
  return undefined;
}

/** POST /photo-uploads — ask for a signed form to upload one photo. */
export const photoUploadRequest = z
  .object({
    contentType: z.enum(PHOTO_CONTENT_TYPES, {
      errorMap: (issue) => ({ message: issue.code === 'invalid_type' && issue.received === 'undefined' ? '请说明照片格式' : '只能上传 JPG、PNG 或 WebP 格式的照片' }),
    }),
    size: z
      .number({ required_error: '请说明照片大小', invalid_type_error: '照片大小应为数字' })
      .int('照片大小应为整数')
      .min(1, '照片是空的，请重新选择')
      .max(MAX_PHOTO_BYTES, '照片不能超过 5 MB，请换一张或截图后再传'),
  })
  .strict();
export type PhotoUploadRequest = z.infer<typeof photoUploadRequest>;

export const photoUploadResponse = z.object({
  /** The photo's name in storage; put it in the submission's `photos`. */
  key: z.string(),
  /** POST a multipart form here: every field of `fields`, then the photo as `file` (last). */
  url: z.string(),
  fields: z.record(z.string()),
  maxBytes: z.number().int(),
  expiresAt: z.string(),
});
export type PhotoUploadResponse = z.infer<typeof photoUploadResponse>;

/** `photos/<user id>/<ULID>.<jpg|png|webp>` — made by the API, never chosen by the phone. */
export const photoKeySchema = z.string().regex(/^photos\/[0-9A-HJKMNP-TV-Z]{26}\/[0-9A-HJKMNP-TV-Z]{26}\.(jpg|png|webp)$/, '照片编号不正确，请重新上传');

export const photoListSchema = z
  .array(photoKeySchema)
  .max(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张照片`)
  .refine((keys) => new Set(keys).size === keys.length, '同一张照片只能添加一次');

/** A photo as shown: a signed address valid for a while. */
export const photoView = z.object({ url: z.string() });
export type PhotoView = z.infer<typeof photoView>;
