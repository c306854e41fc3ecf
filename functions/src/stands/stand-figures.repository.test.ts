import { deltaOfChange, deltaOfNewEntry, figuresWrites } from './stand-figures.repository';

describe('what an entry adds to its studio’s month', () => {
  it('counts a booking when it is taken (a walk-in is no booking), and an entry made served or 未到', () => {
    expect(deltaOfNewEntry('booking', 'booked')).toEqual({ bookings: 1 });
    expect(deltaOfNewEntry('walk_in', 'checked_in')).toEqual({});
    expect(deltaOfNewEntry('booking', 'served')).toEqual({ bookings: 1, served: 1 });
  });

  it('counts served and 未到 as the entry is now: 未到 checked in late is 未到 no more', () => {
    expect(deltaOfChange('called', 'served')).toEqual({ served: 1 });
    expect(deltaOfChange('booked', 'no_show')).toEqual({ noShows: 1 });
    expect(deltaOfChange('no_show', 'checked_in')).toEqual({ noShows: -1 });
    expect(deltaOfChange('no_show', 'served')).toEqual({ served: 1, noShows: -1 });
    // a note added to an entry already recorded, a call, a cancellation: nothing moves
    expect(deltaOfChange('served', 'served')).toEqual({});
    expect(deltaOfChange('checked_in', 'called')).toEqual({});
    expect(deltaOfChange('booked', 'cancelled')).toEqual({});
  });

  it('adds to the month of the stand’s date, and writes nothing when nothing moves', () => {
    const [write] = figuresWrites('T', { studioId: 'S1', date: '2026-11-30' }, { served: 1, noShows: -1 });
    expect(write!.Update).toMatchObject({ Key: { PK: 'STUDIO#S1#FIGURES', SK: 'MONTH#2026-11' }, ExpressionAttributeValues: { ':served': 1, ':noShows': -1, ':month': '2026-11' } });
    expect(write!.Update!.UpdateExpression).toMatch(/ADD served :served, noShows :noShows$/);
    expect(figuresWrites('T', { studioId: 'S1', date: '2026-11-30' }, {})).toEqual([]);
  });
});
