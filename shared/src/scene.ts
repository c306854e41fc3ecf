/**
 * The scene carried by a venue's permanent QR code. WeChat limits a scene to 32 visible characters and hands
 * it to the page URI-encoded as `query.scene`; on H5 the same scene travels in the URL query.
 * Format: `v=<venueId>` (28 characters for a ULID).
 */
export const SCENE_MAX_LENGTH = 32;
const VENUE_SCENE = /^v=([0-9A-HJKMNP-TV-Z]{26})$/;

export function venueScene(venueId: string): string {
  const scene = `v=${venueId}`;
  if (scene.length > SCENE_MAX_LENGTH || !VENUE_SCENE.test(scene)) throw new Error('venue id does not fit a scene');
  return scene;
}

/** Decodes a raw scene (possibly URI-encoded once or twice) into the venue it points at, or null. */
export function parseVenueScene(raw: string | undefined | null): { venueId: string } | null {
  if (!raw) return null;
  let scene = String(raw);
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(scene); i += 1) {
    try {
      scene = decodeURIComponent(scene);
    } catch {
      return null;
    }
  }
  if (scene.length > SCENE_MAX_LENGTH) return null;
  const match = VENUE_SCENE.exec(scene.trim());
  return match ? { venueId: match[1] } : null;
}
