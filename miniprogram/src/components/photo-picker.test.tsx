import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro, { chosenImages, pendingUpload, resetTaroMock, uploadTask } from '../../test/mocks/taro'
import { networkDown, ok, signInAs, type RequestCall } from '../../test/fixtures'
import { MAX_PHOTO_BYTES } from '@shared/schemas/photo'
import { PhotoPicker, PHOTO_PLACEHOLDER_TEXT, type PickedPhoto } from './photo-picker'

// jest has no stylesheet transform: the picker's CSS is nothing here

const KEY = 'photos/01JD00000000000000000000R1/01JD00000000000000000000P1.png'
const STORAGE_URL = 'http://127.0.0.1:4569/lianxin-photos'
const signed = (key = KEY) => ({
  key,
  url: STORAGE_URL,
  fields: { key, 'Content-Type': 'image/png', Policy: 'cG9saWN5', 'X-Amz-Signature': 'abc' },
  maxBytes: MAX_PHOTO_BYTES,
  expiresAt: '2099-11-20T01:05:00.000Z',
})

/** A photo chosen in a browser (H5): a blob: address and the File. */
const h5Photo = (size = 240_000, type = 'image/png', name = 'street.png') => ({
  path: `blob:http://localhost/${Math.random().toString(36).slice(2)}`,
  size,
  type,
  originalFileObj: { type, name, size },
})

const uploadRequests = () => Taro.request.mock.calls.map((c) => c[0] as RequestCall).filter((c) => c.url.endsWith('/photo-uploads'))
const last = (onChange: jest.Mock) => onChange.mock.calls[onChange.mock.calls.length - 1]?.[0] as PickedPhoto[]

beforeEach(() => {
  resetTaroMock()
  process.env.TARO_ENV = 'h5'
  process.env.TARO_APP_API_BASE = 'http://127.0.0.1:3000'
  signInAs('resident')
})

describe('PhotoPicker', () => {
  it('opens the album or camera straight from the tap, for the photos still allowed; a cancelled choice does nothing', async () => {
    const onChange = jest.fn()
    const { container } = render(<PhotoPicker onChange={onChange} />)
    expect(container.querySelector('.photo-add')?.textContent).toContain('添加照片（最多 3 张，可不传）')
    await act(async () => {
      fireEvent.click(container.querySelector('.photo-add') as Element)
    })
    expect(Taro.chooseMedia).toHaveBeenCalledWith({ count: 3, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    expect(container.querySelectorAll('.photo-tile')).toHaveLength(0)
    expect(container.querySelector('.photo-notice')).toBeNull()
    expect(onChange).not.toHaveBeenCalled()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('on WeChat picks through chooseMedia (images only; chooseImage is retired there) and uploads what was chosen', async () => {
    process.env.TARO_ENV = 'weapp'
    Taro.request.mockImplementation((() => ok(signed(), 201)) as never)
    Taro.uploadFile.mockReturnValueOnce(uploadTask(Promise.resolve({ statusCode: 204 }), [100]))
    Taro.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp_a.jpg', size: 120_000, fileType: 'image' }], type: 'image', errMsg: 'chooseMedia:ok' })
    const onChange = jest.fn()
    const { container } = render(<PhotoPicker onChange={onChange} />)
    fireEvent.click(container.querySelector('.photo-add') as Element)

    await waitFor(() => expect(container.querySelector('.photo-tile--done')).not.toBeNull())
    expect(Taro.chooseMedia).toHaveBeenCalledWith({ count: 3, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    expect(uploadRequests()[0].data).toEqual({ contentType: 'image/jpeg', size: 120_000 })
    expect(last(onChange)).toEqual([expect.objectContaining({ state: 'done', key: KEY })])
  })

  it('refuses a photo over 5 MB on the phone, with a message, and uploads nothing', async () => {
    Taro.chooseMedia.mockResolvedValueOnce(chosenImages([{ path: 'wxfile://tmp_big.jpg', size: MAX_PHOTO_BYTES + 1 }]))
    const onChange = jest.fn()
    const { container } = render(<PhotoPicker onChange={onChange} />)
    fireEvent.click(container.querySelector('.photo-add') as Element)
    await waitFor(() => expect(container.querySelector('.photo-notice')?.textContent).toBe('照片不能超过 5 MB，请换一张或截图后再传'))
    expect(container.querySelectorAll('.photo-tile')).toHaveLength(0)
    expect(Taro.request).not.toHaveBeenCalled()
    expect(Taro.uploadFile).not.toHaveBeenCalled()
    expect(onChange).not.toHaveBeenCalled()
  })

  it('refuses a file that is not a JPG, PNG or WebP photo (by its type on H5)', async () => {
    Taro.chooseMedia.mockResolvedValueOnce(chosenImages([h5Photo(30_000, 'image/heic', 'IMG_0001.HEIC')]))
    const { container } = render(<PhotoPicker />)
    fireEvent.click(container.querySelector('.photo-add') as Element)
    await waitFor(() => expect(container.querySelector('.photo-notice')?.textContent).toBe('只能上传 JPG、PNG 或 WebP 格式的照片'))
    expect(container.querySelectorAll('.photo-tile')).toHaveLength(0)
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('asks for a signed form with the type and size, uploads the file with its fields, shows progress, then the photo', async () => {
    const upload = pendingUpload()
    Taro.request.mockImplementation((() => ok(signed(), 201)) as never)
    Taro.uploadFile.mockReturnValueOnce(upload.task)
    const photo = h5Photo(240_000, 'image/png')
    Taro.chooseMedia.mockResolvedValueOnce(chosenImages([photo]))
    const onChange = jest.fn()
    const { container } = render(<PhotoPicker onChange={onChange} />)
    fireEvent.click(container.querySelector('.photo-add') as Element)

    await waitFor(() => expect(Taro.uploadFile).toHaveBeenCalled())
    expect(uploadRequests()).toHaveLength(1)
    expect(uploadRequests()[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:3000/photo-uploads', data: { contentType: 'image/png', size: 240_000 } })
    expect(uploadRequests()[0].header?.Authorization).toBe('Bearer t')
    expect(Taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: STORAGE_URL, filePath: photo.path, name: 'file', formData: signed().fields, withCredentials: false }),
    )

    act(() => upload.report(45))
    expect(container.querySelector('.photo-tile--uploading .photo-progress')?.textContent).toBe('上传中 45%')
    expect(last(onChange)).toEqual([expect.objectContaining({ state: 'uploading', progress: 45, preview: photo.path })])

    await act(async () => {
      upload.finish(204)
    })
    await waitFor(() => expect(container.querySelector('.photo-tile.photo-tile--done')).not.toBeNull())
    expect((container.querySelector('.photo-tile--done img') as HTMLImageElement).src).toBe(photo.path)
    expect(container.querySelector('.photo-progress')).toBeNull()
    expect(last(onChange)).toEqual([expect.objectContaining({ state: 'done', key: KEY, preview: photo.path })])
    // still room for two more
    expect(container.querySelector('.photo-add')).not.toBeNull()
  })

  it('a failed upload stays as a tile with the message and 重试 / 删除; 重试 uploads it again with a new form', async () => {
    const keys = [KEY, KEY.replace('P1', 'P2')]
    Taro.request.mockImplementation((() => ok(signed(keys.shift()), 201)) as never)
    Taro.uploadFile
      .mockReturnValueOnce(uploadTask(networkDown() as never))
      .mockReturnValueOnce(uploadTask(Promise.resolve({ statusCode: 204 }), [100]))
    Taro.chooseMedia.mockResolvedValueOnce(chosenImages([{ path: 'wxfile://tmp_a.jpg', size: 120_000 }]))
    const onChange = jest.fn()
    const { container } = render(<PhotoPicker onChange={onChange} />)
    fireEvent.click(container.querySelector('.photo-add') as Element)

    await waitFor(() => expect(container.querySelector('.photo-tile--failed')).not.toBeNull())
    const tile = container.querySelector('.photo-tile--failed') as Element
    expect(tile.querySelector('.photo-tile-error')?.textContent).toBe('照片没有传上去，请检查网络后重试')
    expect(tile.querySelector('.photo-retry')?.textContent).toBe('重试')
    expect(tile.querySelector('.photo-remove')?.textContent).toBe('删除')
    expect(uploadRequests()[0].data).toEqual({ contentType: 'image/jpeg', size: 120_000 })
    expect(last(onChange)[0]).toMatchObject({ state: 'failed', error: '照片没有传上去，请检查网络后重试' })

    fireEvent.click(tile.querySelector('.photo-retry') as Element)
    await waitFor(() => expect(container.querySelector('.photo-tile--done')).not.toBeNull())
    expect(uploadRequests()).toHaveLength(2)
    expect(last(onChange)).toEqual([expect.objectContaining({ state: 'done', key: KEY.replace('P1', 'P2') })])
  })

  it('a photo the API refuses shows its message and only 删除; 删除 takes a failed photo away at once', async () => {
    Taro.request.mockImplementation((() =>
      Promise.resolve({ statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '内容需要修改', fields: { size: '照片不能超过 5 MB，请换一张或截图后再传' } } } })) as never)
    Taro.chooseMedia.mockResolvedValueOnce(chosenImages([{ path: 'wxfile://tmp_a.jpg', size: 120_000 }]))
    const onChange = jest.fn()
    const { container } = render(<PhotoPicker onChange={onChange} />)
    fireEvent.click(container.querySelector('.photo-add') as Element)
    await waitFor(() => expect(container.querySelector('.photo-tile--failed .photo-tile-error')?.textContent).toBe('照片不能超过 5 MB，请换一张或截图后再传'))
    expect(container.querySelector('.photo-retry')).toBeNull()
    expect(Taro.uploadFile).not.toHaveBeenCalled()
    fireEvent.click(container.querySelector('.photo-remove') as Element)
    expect(container.querySelectorAll('.photo-tile')).toHaveLength(0)
    expect(last(onChange)).toEqual([])
  })

  it('keeps at most 3: only the photos that fit are added, and the add tile goes at 3', async () => {
    Taro.request.mockImplementation((() => ok(signed(), 201)) as never)
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 })))
    Taro.chooseMedia.mockResolvedValueOnce(chosenImages([h5Photo(), h5Photo()]))
    const { container } = render(<PhotoPicker initial={[{ key: KEY, preview: 'blob:http://localhost/old' }]} />)
    fireEvent.click(container.querySelector('.photo-add') as Element)
    expect(Taro.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 2 }))
    await waitFor(() => expect(container.querySelectorAll('.photo-tile--done')).toHaveLength(3))
    expect(container.querySelector('.photo-add')).toBeNull()
  })

  it('H5 may let more be picked than asked for: the extra ones are left out, with a word why', async () => {
    Taro.request.mockImplementation((() => ok(signed(), 201)) as never)
    Taro.uploadFile.mockImplementation(() => uploadTask(Promise.resolve({ statusCode: 204 })))
    Taro.chooseMedia.mockResolvedValueOnce(chosenImages([h5Photo(), h5Photo(), h5Photo(), h5Photo()]))
    const { container } = render(<PhotoPicker />)
    fireEvent.click(container.querySelector('.photo-add') as Element)
    await waitFor(() => expect(container.querySelectorAll('.photo-tile--done')).toHaveLength(3))
    expect(container.querySelector('.photo-notice')?.textContent).toContain('最多 3 张照片')
    expect(uploadRequests()).toHaveLength(3)
  })

  it('an uploaded photo whose preview no longer loads shows “照片已上传”; 删除 asks first', async () => {
    const onChange = jest.fn()
    const { container } = render(<PhotoPicker initial={[{ key: KEY, preview: 'blob:http://localhost/gone' }]} onChange={onChange} />)
    expect(container.querySelector('.photo-tile.photo-tile--done')).not.toBeNull()
    fireEvent.error(container.querySelector('.photo-tile img') as Element)
    expect(container.querySelector('.photo-tile img')).toBeNull()
    expect(container.querySelector('.photo-tile-placeholder')?.textContent).toContain(PHOTO_PLACEHOLDER_TEXT)

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    await act(async () => {
      fireEvent.click(container.querySelector('.photo-remove') as Element)
    })
    expect(container.querySelectorAll('.photo-tile')).toHaveLength(1)
    await act(async () => {
      fireEvent.click(container.querySelector('.photo-remove') as Element)
    })
    expect(container.querySelectorAll('.photo-tile')).toHaveLength(0)
    expect(last(onChange)).toEqual([])
  })

  it('tapping an uploaded photo opens it full screen', async () => {
    const { container } = render(<PhotoPicker initial={[{ key: KEY, preview: 'wxfile://tmp_a.jpg' }]} />)
    fireEvent.click(container.querySelector('.photo-tile-frame') as Element)
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['wxfile://tmp_a.jpg'], current: 'wxfile://tmp_a.jpg' })
  })

  it('disabled: the photos are shown but cannot be added, removed or retried', () => {
    const { container } = render(<PhotoPicker disabled initial={[{ key: KEY, preview: 'wxfile://tmp_a.jpg' }]} />)
    expect(container.querySelectorAll('.photo-tile--done')).toHaveLength(1)
    expect(container.querySelector('.photo-add')).toBeNull()
    expect(container.querySelector('.photo-remove')).toBeNull()
  })

  it('beforeChoose can stop the choice (e.g. sign in first)', () => {
    const beforeChoose = jest.fn(() => false)
    const { container } = render(<PhotoPicker beforeChoose={beforeChoose} />)
    fireEvent.click(container.querySelector('.photo-add') as Element)
    expect(beforeChoose).toHaveBeenCalled()
    expect(Taro.chooseMedia).not.toHaveBeenCalled()
  })
})
