// One cold start, in a fresh Node process: load a bundle, answer one request (the context wires its dependencies on
// its first request), print how long that took and the memory held. The floor bundle only creates the DynamoDB
// document client, which every function needs anyway.
const started = process.hrtime.bigint();
const bundle = require(process.argv[2]);
const routeKey = process.argv[3];
const finish = () => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ ms, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed }));
};
if (routeKey) {
  // A signed-in route without a token: the router wires the context, then answers 401 — no network involved.
  bundle
    .handler({ version: '2.0', routeKey, rawPath: '/', headers: {}, requestContext: { http: { method: routeKey.split(' ')[0] } }, isBase64Encoded: false })
    .then((answer) => {
      if (answer.statusCode !== 401) throw new Error(`expected 401 from ${routeKey}, got ${answer.statusCode}`);
      finish();
    });
} else {
  finish();
}
