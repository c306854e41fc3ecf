export default async function globalTeardown(): Promise<void> {
  const dynamo = (globalThis as { __lianxinDynamo?: { stop(): Promise<void> } }).__lianxinDynamo;
  await dynamo?.stop();
}
