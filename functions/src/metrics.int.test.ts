import { ulid } from 'ulid';
import { bookingFixture } from '../../test/support/booking-fixture';
import { failureOf } from '../../test/support/failure';
import { RecordingMetrics } from './metrics';
import { bookSlot } from './stands/bookings.use-case';
import { checkIn } from './stands/stand-desk.use-case';
import { submit } from './submissions/submissions.use-case';

// What the service counts, from the use cases that know (DynamoDB Local; an in-memory recorder instead of CloudWatch).
describe('metrics (DynamoDB Local)', () => {
  it('counts bookings made and refused for a full slot, check-ins, submissions and the ones held for review', async () => {
    const f = await bookingFixture();
    const metrics = new RecordingMetrics();
    const deps = { ...f.deps, metrics };
    const { stand, slot } = await f.standWithSlot(2);
    const [a, b, c] = await f.newResidents(3);
    const book = (resident: typeof a) => bookSlot(deps, resident!, { standId: stand.id, serviceId: slot.serviceId, startTime: slot.startTime, requestId: ulid() });

    const first = await book(a);
    await book(b);
    expect(await failureOf(book(c))).toMatchObject({ code: 'CONFLICT', message: '这个时段已约满' });
    expect(metrics.total('BookingsMade')).toBe(2);
    expect(metrics.total('BookingsFull')).toBe(1);

    await checkIn(deps, f.principalOf('staff1'), stand.id, { code: first.code! });
    expect(metrics.total('CheckIns')).toBe(1);

    await submit(deps, a!, { requestId: ulid(), studioId: f.seed.studioId, category: '其他', text: '路灯坏了三盏，晚上很黑', public: false });
    await submit(deps, b!, { requestId: ulid(), studioId: f.seed.studioId, category: '其他', text: '我要投诉书记，村里的账目不公开', public: true });
    expect(metrics.total('Submissions')).toBe(2);
    expect(metrics.total('ContentChecksHeld')).toBe(1);
  }, 60_000);
});
