import Taro from '@tarojs/taro'
import { ApiError } from './api-error'

/** Photos: a form the API signed (POST /photo-uploads), sent straight to object storage — not through the API. */

export const UPLOAD_FAILED_MESSAGE = '照片没有传上去，请检查网络后重试'

export interface StorageUpload {
  /** From POST /photo-uploads. */
  url: string
  fields: Record<string, string>
  /** The photo on the device (`wxfile://…` on weapp, a `blob:` URL on H5). */
  filePath: string
  /** 0–100, as the bytes go out. */
  onProgress?: (percent: number) => void
  timeout?: number
}

/**
 * POSTs a photo to object storage with the signed form fields (S3 wants the file as the last part, named `file`).
 * No token goes with it: the signature in `fields` is the permission. Fails with an `ApiError` in Chinese.
 */
export async function uploadToStorage(upload: StorageUpload): Promise<void> {
  let res: { statusCode: number }
  try {
    const task = Taro.uploadFile({
      url: upload.url,
      filePath: upload.filePath,
      name: 'file',
      formData: upload.fields,
      timeout: upload.timeout ?? 60_000,
      // H5: a storage server answers CORS with `*`, which a credentialed request may not use
      withCredentials: false,
    } as Taro.uploadFile.Option)
    task.progress?.((p: { progress: number }) => upload.onProgress?.(p.progress))
    res = await task
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, message: UPLOAD_FAILED_MESSAGE })
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    // storage refused it (signature expired, too large, wrong type): the photo has to be chosen again
    throw new ApiError({ code: 'VALIDATION_FAILED', status: res.statusCode, message: '照片没有通过检查（过大、格式不对或已过期），请重新选择' })
  }
}
