import { GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { ulid } from 'ulid';
import { LOCAL_S3_CREDENTIALS } from '../adapters/photos/photo-store';
import { MAX_PHOTO_BYTES } from '@shared/schemas/photo';
import { createPhotoUpload } from './photos.use-case';
import { getMySubmission, submit } from './submissions.use-case';
import { acceptSubmission, getBoard, getInbox, getStudioSubmission, replyToSubmission } from './submission-desk.use-case';
import { submitOnBehalf } from './submission-reports.use-case';
import { bookingFixture } from '../../../test/support/booking-fixture';
import { failureOf } from '../../../test/support/failure';
import { invoke, loadHandlers } from '../../../test/support/invoke';
import { jpegOfSize, postToStorage, TINY_PNG } from '../../../test/support/photos';
import { testEnv, testS3Endpoint } from '../../../test/support/tables';
import { TEST_PHOTO_BUCKET } from '../../../test/support/global-setup';

const s3 = () => new S3Client({ region: 'local', endpoint: testS3Endpoint(), forcePathStyle: true, credentials: LOCAL_S3_CREDENTIALS });
const tagsOf = async (key: string) => (await s3().send(new GetObjectTaggingCommand({ Bucket: TEST_PHOTO_BUCKET, Key: key }))).TagSet;

// Photos go from the phone straight to object storage (the local S3-compatible server, s3rver) with a signed form;
// the API checks each one before it is attached, and shows them only to the resident and the studio.
describe('photos of a submission (DynamoDB Local + local S3)', () => {
  const base = (studioId: string) => ({ studioId, category: '道路交通', text: '村口的路灯坏了三盏，晚上看不清路', place: '前进村村口', public: true });

  it('uploads with a signed form, attaches the photo, and shows it to the resident and the studio but not on the board', async () => {
    const f = await bookingFixture();
    const [resident] = await f.newResidents(1);
    const form = await createPhotoUpload(f.deps, resident, { contentType: 'image/png', size: TINY_PNG.length });
    expect(form.key).toMatch(new RegExp(`^photos/${resident.userId}/[0-9A-Z]{26}\\.png$`));
    expect(form.fields).toMatchObject({ key: form.key, 'Content-Type': 'image/png' });
    // what S3 will hold the upload to: this key, this type, 1 byte to 5 MB, tagged pending (abandoned ones expire)
    const policy = JSON.parse(Buffer.from(form.fields.Policy!, 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['content-length-range', 1, MAX_PHOTO_BYTES], ['eq', '$Content-Type', 'image/png'], ['eq', '$tagging', form.fields.tagging], { key: form.key }]),
    );
    expect(form.fields.tagging).toContain('<Key>lianxin-photo</Key><Value>pending</Value>');
    expect(await postToStorage(form, TINY_PNG, 'image/png')).toBe(204);

    const view = await submit(f.deps, resident, { ...base(f.seed.studioId), photos: [form.key], requestId: ulid() });
    expect(view.photos).toHaveLength(1);
    // attached: the lifecycle rule for abandoned uploads leaves it alone
    expect(await tagsOf(form.key)).toEqual([{ Key: 'lianxin-photo', Value: 'attached' }]);
    // the signed address serves the very bytes that were uploaded
    const shown = await fetch(view.photos![0].url);
    expect(shown.status).toBe(200);
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(TINY_PNG);
    expect((await getMySubmission(f.deps, resident, view.id)).photos).toHaveLength(1);
    // a signed address (s3rver does not check V4 query signatures; S3 does — the bucket blocks all public access)
    expect(new URL(view.photos![0].url).searchParams.get('X-Amz-Expires')).toBe('3600');

    const rep = f.principalOf('rep1');
    expect((await getInbox(f.deps, rep, f.seed.studioId, { group: 'new' })).items.find((i) => i.id === view.id)?.photoCount).toBe(1);
    expect((await getStudioSubmission(f.deps, rep, f.seed.studioId, view.id)).photos).toHaveLength(1);
    await acceptSubmission(f.deps, rep, view.id, { triage: 'minor' });
    await replyToSubmission(f.deps, rep, view.id, { text: '路灯已经报修，三天内修好。', public: true });
    const board = await getBoard(f.deps, f.seed.studioId);
    expect(board.items.map((i) => i.id)).toEqual([view.id]);
    expect(JSON.stringify(board)).not.toContain('photos/');
  }, 60_000);

  it('refuses photos that are not the caller’s, not uploaded, not images or too big — naming the field and saving nothing', async () => {
    const f = await bookingFixture();
    const [resident, neighbour] = await f.newResidents(2);
    const theirs = await createPhotoUpload(f.deps, neighbour, { contentType: 'image/png', size: TINY_PNG.length });
    await postToStorage(theirs, TINY_PNG, 'image/png');
    const attempt = (photos: string[]) => failureOf(submit(f.deps, resident, { ...base(f.seed.studioId), photos, requestId: ulid() }));

    expect(await attempt([theirs.key])).toMatchObject({ code: 'VALIDATION_FAILED', fields: { photos: '只能添加您自己上传的照片' } });

    const never = await createPhotoUpload(f.deps, resident, { contentType: 'image/jpeg', size: 1000 });
    expect(await attempt([never.key])).toMatchObject({ fields: { photos: '第 1 张照片还没有上传完成，请重新添加' } });

    // a text file sent with an image type: the local server stores it; the API looks at the bytes and deletes it
    const fake = await createPhotoUpload(f.deps, resident, { contentType: 'image/jpeg', size: 20 });
    await postToStorage(fake, Buffer.from('this is not a photo'), 'image/jpeg');
    expect(await attempt([fake.key])).toMatchObject({ fields: { photos: '第 1 张不是有效的照片，请换一张' } });
    expect(await f.deps.photos.inspect(fake.key)).toBeUndefined();

    // S3 refuses a file over the signed limit; the local server does not, so the API checks the size again
    const big = await createPhotoUpload(f.deps, resident, { contentType: 'image/jpeg', size: MAX_PHOTO_BYTES });
    await postToStorage(big, jpegOfSize(MAX_PHOTO_BYTES + 1), 'image/jpeg');
    const good = await createPhotoUpload(f.deps, resident, { contentType: 'image/png', size: TINY_PNG.length });
    await postToStorage(good, TINY_PNG, 'image/png');
    expect(await attempt([good.key, big.key])).toMatchObject({ fields: { photos: '第 2 张照片超过 5 MB，请换一张' } });

    // an empty file (S3 refuses it by the signed policy; the local server stores it): refused, not a 500
    const empty = await createPhotoUpload(f.deps, resident, { contentType: 'image/png', size: 1 });
    await postToStorage(empty, new Uint8Array(), 'image/png');
    expect(await attempt([empty.key])).toMatchObject({ fields: { photos: '第 1 张不是有效的照片，请换一张' } });

    expect((await f.deps.submissions.listOfResident(resident.userId))).toEqual([]);
    // the good photo is still there to be used
    expect((await submit(f.deps, resident, { ...base(f.seed.studioId), photos: [good.key], requestId: ulid() })).photos).toHaveLength(1);
  }, 60_000);

  it('checks the upload request and the photo list at the edge, and limits how often a phone may ask', async () => {
    const f = await bookingFixture();
    const api = loadHandlers(testEnv(f.tableName));
    const token = (await invoke(api.signInAsPersona, 'signInAsPersona', { body: { persona: 'resident' } })).body.token;
    const ask = (body: unknown) => invoke(api.createPhotoUpload, 'createPhotoUpload', { token, body });

    expect((await invoke(api.createPhotoUpload, 'createPhotoUpload', { body: { contentType: 'image/png', size: 10 } })).status).toBe(401);
    expect((await ask({ contentType: 'image/gif', size: 10 })).body.error.fields).toEqual({ contentType: '只能上传 JPG、PNG 或 WebP 格式的照片' });
    expect((await ask({ contentType: 'image/png', size: MAX_PHOTO_BYTES + 1 })).body.error.fields).toEqual({ size: '照片不能超过 5 MB，请换一张或截图后再传' });
    expect((await ask({ contentType: 'image/png', size: 10, key: 'photos/x/evil.png' })).status).toBe(400);

    const form = await ask({ contentType: 'image/png', size: TINY_PNG.length });
    expect(form.status).toBe(201);
    const submitWith = (photos: unknown) => invoke(api.submit, 'submit', { token, body: { ...base(f.seed.studioId), photos, requestId: ulid() } });
    const four = await submitWith([form.body.key, form.body.key.replace(/\w{4}\.png$/, 'AAAA.png'), form.body.key.replace(/\w{4}\.png$/, 'BBBB.png'), form.body.key.replace(/\w{4}\.png$/, 'CCCC.png')]);
    expect(four.body.error.fields).toEqual({ photos: '最多 3 张照片' });
    expect((await submitWith([form.body.key, form.body.key])).body.error.fields).toEqual({ photos: '同一张照片只能添加一次' });
    expect((await submitWith(['../../etc/passwd'])).body.error.fields).toEqual({ 'photos.0': '照片编号不正确，请重新上传' });

    // 30 forms an hour per person (including the two above)
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await ask({ contentType: 'image/png', size: 10 })).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(29);
    expect(statuses.at(-1)).toBe(429);
  }, 90_000);

  it('lets staff attach a photo of a paper opinion form to a submission entered on a resident’s behalf (代填)', async () => {
    const f = await bookingFixture();
    const staff = f.principalOf('staff1');
    const form = await createPhotoUpload(f.deps, staff, { contentType: 'image/jpeg', size: 4096 });
    await postToStorage(form, jpegOfSize(4096), 'image/jpeg');
    const { studioId, ...fields } = base(f.seed.studioId);
    const view = await submitOnBehalf(f.deps, staff, studioId, { ...fields, sourceNote: '纸质意见征询表', photos: [form.key], requestId: ulid() });
    expect(view.photos).toHaveLength(1);
    expect(view.source).toBe('on_behalf');
  }, 60_000);
});
