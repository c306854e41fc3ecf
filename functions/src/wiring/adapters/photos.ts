import type { Config } from '../../config';
import { S3PhotoStore, type PhotoStore } from '../../adapters/photos/photo-store';

export function photoStoreOf(cfg: Config): PhotoStore {
  return new S3PhotoStore({ bucket: cfg.photoBucket, region: cfg.region, endpoint: cfg.s3Endpoint });
}
