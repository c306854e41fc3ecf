import { noticeStreamFilter } from '../../functions/src/notices/notice-stream-filter';
import { matchesPattern } from './stream-poller';

// The local stand-in for the event source mapping's filter must select what the deployed filter selects.
describe('matchesPattern (the stream filter, locally)', () => {
  const recordOf = (eventName: string, type?: string) => ({ eventName, dynamodb: { Keys: {}, NewImage: type ? { type: { S: type } } : {} } });

  it('lets through new notice requests and deliveries only', () => {
    expect(matchesPattern(noticeStreamFilter, recordOf('INSERT', 'NoticeRequest'))).toBe(true);
    expect(matchesPattern(noticeStreamFilter, recordOf('INSERT', 'NoticeDelivery'))).toBe(true);
    expect(matchesPattern(noticeStreamFilter, recordOf('MODIFY', 'NoticeDelivery'))).toBe(false); // a status change
    expect(matchesPattern(noticeStreamFilter, recordOf('INSERT', 'Submission'))).toBe(false);
    expect(matchesPattern(noticeStreamFilter, recordOf('INSERT'))).toBe(false);
    expect(matchesPattern(noticeStreamFilter, { eventName: 'REMOVE', dynamodb: { Keys: {} } })).toBe(false);
  });

  it('understands exists', () => {
    expect(matchesPattern({ a: [{ exists: true }] }, { a: 1 })).toBe(true);
    expect(matchesPattern({ a: [{ exists: false }] }, { a: 1 })).toBe(false);
    expect(matchesPattern({ a: [{ exists: false }] }, {})).toBe(true);
  });
});
