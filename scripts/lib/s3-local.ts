import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * The local stand-in for S3: s3rver, an S3-compatible server in this process, holding the photo bucket
 * (with the same CORS rules as serverless.yml's PhotoBucket, so the H5 build can upload and show photos).
 * Used by `npm start` (files kept in `.local-data/s3`) and by the tests (a temporary folder).
 */
export interface S3Local {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export async function startS3Local(options: { port: number; bucket: string; directory?: string }): Promise<S3Local> {
  const temporary = options.directory ? undefined : mkdtempSync(join(tmpdir(), 'lianxin-s3-'));
  const directory = options.directory ?? temporary!;
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    silent: true,
    directory,
    // path-style addresses (http://127.0.0.1:port/bucket/key), as the SDK is told to use
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [CORS] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    bucket: options.bucket,
    async stop() {
      server.httpServer?.closeAllConnections();
      await server.close().catch(() => undefined);
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}
