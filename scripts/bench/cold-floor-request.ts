// The second floor: the DynamoDB document client and its first request (one GetItem, answered by the bench's
// stand-in on 127.0.0.1). Any function's first request to AWS pays this once per container — the SDK's credentials,
// signing and HTTP agent — whether that request goes to DynamoDB or, as the HTTP functions' does now, to SSM.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }), { marshallOptions: { removeUndefinedValues: true } });

export const handler = async () => {
  await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'BENCH', sk: 'FLOOR' } }));
  return { statusCode: 401 };
};
