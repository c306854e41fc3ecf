import { slotWindows } from './stand-schedule.use-case';

describe('slot windows', () => {
  it('cuts opening hours into half-hour windows', () => {
    expect(slotWindows('08:00', '09:30')).toEqual([
      { startTime: '08:00', endTime: '08:30' },
      { startTime: '08:30', endTime: '09:00' },
      { startTime: '09:00', endTime: '09:30' },
    ]);
  });

  it('keeps a last shorter window of at least a quarter hour, and drops a shorter one', () => {
    expect(slotWindows('23:00', '23:59')).toEqual([
      { startTime: '23:00', endTime: '23:30' },
      { startTime: '23:30', endTime: '23:59' },
    ]);
    expect(slotWindows('08:00', '08:40')).toEqual([{ startTime: '08:00', endTime: '08:30' }]);
  });
});
