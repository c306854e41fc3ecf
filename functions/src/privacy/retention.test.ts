import { bookingContactKeptUntil, contactStillKept, submissionContactAfterStep, ttlOf } from './retention';

const AT = '2026-03-01T02:00:00.000Z';
const LATER = '2026-08-28T02:00:00.000Z'; // AT + 180 days

describe('how long a phone left with a submission is kept', () => {
  it('has nothing to do when no phone was left', () => {
    expect(submissionContactAfterStep({}, 'resolved', AT, 180)).toEqual({ fields: {} });
  });

  it('keeps it with no end while the matter is open', () => {
    expect(submissionContactAfterStep({ hasContact: true }, 'accepted', AT, 180)).toEqual({ fields: { contactKeptUntil: undefined } });
  });

  it('starts the clock when the matter is resolved, and does not restart it on a rating', () => {
    expect(submissionContactAfterStep({ hasContact: true }, 'resolved', AT, 180)).toEqual({ fields: { contactKeptUntil: LATER }, change: { keptUntil: LATER } });
    expect(submissionContactAfterStep({ hasContact: true, contactKeptUntil: LATER }, 'resolved', '2026-03-05T00:00:00.000Z', 180)).toEqual({ fields: { contactKeptUntil: LATER } });
  });

  it('keeps it again with no end when the matter is reopened in time', () => {
    expect(submissionContactAfterStep({ hasContact: true, contactKeptUntil: LATER }, 'reopened', '2026-04-01T00:00:00.000Z', 180)).toEqual({ fields: { contactKeptUntil: undefined }, change: {} });
  });

  it('lets it go for good once its time is up (TTL deletes the item; no later step touches it)', () => {
    expect(submissionContactAfterStep({ hasContact: true, contactKeptUntil: LATER }, 'reopened', LATER, 180)).toEqual({ fields: { hasContact: undefined } });
  });
});

describe('how long a home visit’s address and phone are kept', () => {
  it('through the stand’s day and N days more, to midnight China time', () => {
    expect(bookingContactKeptUntil('2026-03-01', 180)).toBe('2026-08-28T16:00:00.000Z'); // 2026-08-29 00:00 in China
    expect(bookingContactKeptUntil('2026-03-01', 1)).toBe('2026-03-02T16:00:00.000Z');
  });
});

describe('reading a contact', () => {
  it('shows it before its end, not from its end on, and always while the matter is open', () => {
    expect(contactStillKept(undefined, new Date(LATER))).toBe(true);
    expect(contactStillKept(LATER, new Date(Date.parse(LATER) - 1))).toBe(true);
    expect(contactStillKept(LATER, new Date(LATER))).toBe(false);
  });

  it('gives DynamoDB’s TTL in epoch seconds', () => {
    expect(ttlOf('1970-01-02T00:00:00.500Z')).toBe(86_400);
  });
});
