import { MAX_PHOTO_BYTES, PHOTO_EXTENSIONS, PHOTO_UPLOAD_SECONDS, type PhotoContentType, type PhotoUploadRequest, type PhotoUploadResponse, type PhotoView } from '@shared/schemas/photo';
import type { Principal } from '../auth/session-tokens';
import { sniffImageType } from '../adapters/photos/photo-store';
import { ValidationError } from '../errors';
import type { SubmissionsDeps } from './deps';
import { limitAttempts } from '../auth/sessions';

/** Signed photo addresses stay valid this long (the detail page is reopened to renew them). */
export const PHOTO_VIEW_SECONDS = 3600;
const UPLOADS_PER_HOUR = 30;

/**
 * A signed form for one photo, straight to object storage. The key is the API's: `photos/<user>/<new id>.<ext>`,
 * so a phone can only ever write new objects of its own, of the stated type and at most 5 MB (S3 enforces the
 * policy), within 5 minutes.
 */
export async function createPhotoUpload(deps: SubmissionsDeps, principal: Principal, request: PhotoUploadRequest): Promise<PhotoUploadResponse> {
  await limitAttempts(deps, `photo-upload#${principal.userId}`, UPLOADS_PER_HOUR, 3600, '上传照片太频繁了，请过一会儿再试');
  const key = `photos/${principal.userId}/${deps.newId()}.${PHOTO_EXTENSIONS[request.contentType]}`;
  const { url, fields } = await deps.photos.signUpload(key, request.contentType, MAX_PHOTO_BYTES, PHOTO_UPLOAD_SECONDS);
  return { key, url, fields, maxBytes: MAX_PHOTO_BYTES, expiresAt: new Date(deps.now().getTime() + PHOTO_UPLOAD_SECONDS * 1000).toISOString() };
}

const EXPECTED_TYPE: Record<string, PhotoContentType> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Before photos are attached to a submission: each is the caller's own upload, is really there, is not too big,
 * and its bytes are the image type its name says. A photo that fails is deleted and the field named; nothing is saved.
 * Those that pass are tagged attached, so the bucket's rule for abandoned uploads leaves them alone.
 */
export async function checkPhotosOf(deps: SubmissionsDeps, principal: Principal, keys: readonly string[] | undefined): Promise<string[]> {
  if (!keys || keys.length === 0) return [];
  const prefix = `photos/${principal.userId}/`;
  if (keys.some((key) => !key.startsWith(prefix))) throw new ValidationError({ photos: '只能添加您自己上传的照片' });
  const stored = await Promise.all(keys.map((key) => deps.photos.inspect(key)));
  for (const [i, photo] of stored.entries()) {
    const key = keys[i]!;
    if (!photo) throw new ValidationError({ photos: `第 ${i + 1} 张照片还没有上传完成，请重新添加` });
    const expected = EXPECTED_TYPE[key.slice(key.lastIndexOf('.') + 1)];
    if (photo.size > MAX_PHOTO_BYTES || photo.size === 0 || sniffImageType(photo.head) !== expected) {
      await deps.photos.remove(key);
      throw new ValidationError({ photos: photo.size > MAX_PHOTO_BYTES ? `第 ${i + 1} 张照片超过 5 MB，请换一张` : `第 ${i + 1} 张不是有效的照片，请换一张` });
    }
  }
  // Kept from now on (before the submission is stored: a failed store leaves a kept photo, never a lost one).
  await Promise.all(keys.map((key) => deps.photos.markAttached(key)));
  return [...keys];
}

/** Signed addresses to show a submission's photos to its resident or its studio (never on the public board). */
export async function photoViews(deps: SubmissionsDeps, keys: readonly string[] | undefined): Promise<PhotoView[] | undefined> {
  if (!keys || keys.length === 0) return undefined;
  return Promise.all(keys.map(async (key) => ({ url: await deps.photos.viewUrl(key, PHOTO_VIEW_SECONDS) })));
}
