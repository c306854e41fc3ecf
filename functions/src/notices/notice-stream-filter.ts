/**
 * Which of the table's stream records the notice consumer is given: new notice requests and new deliveries, nothing
 * else. Deployed as the event source mapping's filter (functions/src/deployment.ts → serverless.yml), so Lambda is
 * not even invoked for the rest of the table's writes; the local poller (scripts/lib/stream-poller.ts) applies the
 * same pattern. A delivery's later status changes are MODIFY records and are not seen: they never re-trigger it.
 */
export const NOTICE_ITEM_TYPES = { request: 'NoticeRequest', delivery: 'NoticeDelivery' } as const;

export const noticeStreamFilter = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: [NOTICE_ITEM_TYPES.request, NOTICE_ITEM_TYPES.delivery] } } },
};
