export default async function globalTeardown(): Promise<void> {
  const { __lianxinDynamo: dynamo, __lianxinS3: s3 } = globalThis as { __lianxinDynamo?: { stop(): Promise<void> }; __lianxinS3?: { stop(): Promise<void> } };
  await s3?.stop();
  await dynamo?.stop();
}
