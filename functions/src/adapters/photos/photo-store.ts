import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** A signed form the phone POSTs a photo with: every field, then the file as `file`. */
export interface SignedUpload {
  url: string;
  fields: Record<string, string>;
}

/** What the store holds under a key: its size, declared type and first bytes (to tell what it really is). */
export interface StoredPhoto {
  size: number;
  contentType?: string;
  head: Uint8Array;
}

/** Object storage for submission photos. */
export interface PhotoStore {
  /** A form that can upload exactly this key, of this type, of at most `maxBytes`, for `expiresSeconds`. */
  signUpload(key: string, contentType: string, maxBytes: number, expiresSeconds: number): Promise<SignedUpload>;
  /** Marks an upload as part of a submission: it is kept (pending uploads expire after a day, see serverless.yml). */
  markAttached(key: string): Promise<void>;
  /** Undefined when nothing has been uploaded under the key. */
  inspect(key: string): Promise<StoredPhoto | undefined>;
  /** An address to show the photo, valid for `expiresSeconds`. */
  viewUrl(key: string, expiresSeconds: number): Promise<string>;
  remove(key: string): Promise<void>;
}

export interface S3PhotoStoreSettings {
  bucket: string;
  region: string;
  /** A local S3-compatible server (s3rver) under `npm start` and in tests; AWS itself when absent. */
  endpoint?: string;
}

/** The credentials s3rver accepts; only ever used with a local endpoint. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

const HEAD_BYTES = 16;

/** The tag an upload starts with; the bucket's lifecycle rule deletes objects still tagged pending after a day. */
export const PHOTO_STATE_TAG = 'lianxin-photo';
const taggingXml = (state: 'pending' | 'attached') => `<Tagging><TagSet><Tag><Key>${PHOTO_STATE_TAG}</Key><Value>${state}</Value></Tag></TagSet></Tagging>`;

/**
 * S3 — in production, and against the local S3-compatible server under `npm start` and in tests (same code,
 * another endpoint). The signed POST policy makes S3 itself refuse other keys, other types and bigger files;
 * `inspect` lets the API check again before a photo is attached (the local server does not enforce policies).
 */
export class S3PhotoStore implements PhotoStore {
  private readonly client: S3Client;

  constructor(private readonly settings: S3PhotoStoreSettings) {
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true, credentials: LOCAL_S3_CREDENTIALS } : {}),
    });
  }

  async signUpload(key: string, contentType: string, maxBytes: number, expiresSeconds: number): Promise<SignedUpload> {
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.settings.bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 1, maxBytes],
        ['eq', '$Content-Type', contentType],
        ['eq', '$tagging', taggingXml('pending')],
      ],
      // a photo nobody attaches (the form abandoned) is deleted by the bucket's lifecycle rule
      Fields: { 'Content-Type': contentType, tagging: taggingXml('pending') },
      Expires: expiresSeconds,
    });
    return { url, fields };
  }

  async markAttached(key: string): Promise<void> {
    await this.client.send(
      new PutObjectTaggingCommand({ Bucket: this.settings.bucket, Key: key, Tagging: { TagSet: [{ Key: PHOTO_STATE_TAG, Value: 'attached' }] } }),
    );
  }

  async inspect(key: string): Promise<StoredPhoto | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key, Range: `bytes=0-${HEAD_BYTES - 1}` }));
      const head = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      // `bytes 0-15/48213` → the whole object's size
      const total = /\/(\d+)$/.exec(out.ContentRange ?? '')?.[1];
      return { size: total ? Number(total) : (out.ContentLength ?? head.length), contentType: out.ContentType, head: head.slice(0, HEAD_BYTES) };
    } catch (error) {
      const name = (error as { name?: string; $metadata?: { httpStatusCode?: number } }).name;
      if (name === 'NoSuchKey' || name === 'NotFound' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      // An empty object cannot satisfy a range: S3 answers 416 InvalidRange, s3rver drops the connection. Either way
      // (or any other failure of the ranged read) the object's own size decides; an empty photo is refused, not a 500.
      const size = await this.sizeOf(key).catch(() => undefined);
      if (name === 'InvalidRange' || size === 0) return { size: 0, head: new Uint8Array() };
      throw error;
    }
  }

  private async sizeOf(key: string): Promise<number | undefined> {
    const out = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
    return out.ContentLength;
  }

  viewUrl(key: string, expiresSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }), { expiresIn: expiresSeconds });
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }
}

/** What the first bytes say the file is — JPEG, PNG or WebP — whatever its name or declared type claims. */
export function sniffImageType(head: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  const b = head;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.slice(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}
