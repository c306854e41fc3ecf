import { demoHoursAt } from './demo-seed';

// China is UTC+8: 01:10Z is 09:10 in China.
describe('today’s demo stand under npm start', () => {
  it('opens from the current half hour until 22:00, so that a newcomer can book whatever the hour', () => {
    expect(demoHoursAt(new Date('2026-12-01T01:10:00Z'))).toEqual({ startTime: '09:00', endTime: '22:00' });
    expect(demoHoursAt(new Date('2026-12-01T06:45:00Z'))).toEqual({ startTime: '14:30', endTime: '22:00' });
    expect(demoHoursAt(new Date('2026-11-30T16:05:00Z'))).toEqual({ startTime: '00:00', endTime: '22:00' });
  });

  it('late in the evening, still leaves at least an hour and a half of slots before midnight (two hours before 22:00, or until 23:59)', () => {
    expect(demoHoursAt(new Date('2026-12-01T12:50:00Z'))).toEqual({ startTime: '20:30', endTime: '23:59' });
    expect(demoHoursAt(new Date('2026-12-01T14:00:00Z'))).toEqual({ startTime: '22:00', endTime: '23:59' });
    expect(demoHoursAt(new Date('2026-12-01T15:50:00Z'))).toEqual({ startTime: '22:30', endTime: '23:59' });
  });
});
