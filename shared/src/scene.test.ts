import { parseVenueScene, venueScene, SCENE_MAX_LENGTH } from './scene';

const VENUE = '01JD3Z8QK7M5N2P4R6T8V0W1XY';

describe('venue scenes', () => {
  it('fits WeChat’s 32-character limit and reads back', () => {
    const scene = venueScene(VENUE);
    expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
    expect(parseVenueScene(scene)).toEqual({ venueId: VENUE });
  });

  it('reads a scene URI-encoded once (WeChat query.scene) or twice (H5 URL of an encoded scene)', () => {
    expect(parseVenueScene(encodeURIComponent(`v=${VENUE}`))).toEqual({ venueId: VENUE });
    expect(parseVenueScene(encodeURIComponent(encodeURIComponent(`v=${VENUE}`)))).toEqual({ venueId: VENUE });
  });

  it.each([undefined, '', 'v=', 'x=01JD3Z8QK7M5N2P4R6T8V0W1XY', `v=${VENUE}0`, 'v=01jd3z8qk7m5n2p4r6t8v0w1xy', '%E0%A4%A'])('rejects %p', (raw) => {
    expect(parseVenueScene(raw)).toBeNull();
  });

  it('refuses to make a scene from something that is not a venue id', () => {
    expect(() => venueScene('not-an-id')).toThrow();
  });
});
