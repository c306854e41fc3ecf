import { needed, type Config } from '../../config';
import { LocalVenueQrCodes, WechatVenueQrCodes, type VenueQrCodes } from '../../adapters/wechat/venue-qr-code';
import { wechatTokensOf } from '../wechat';

/** A venue's code opens the version of the mini-program its stage names (`env_version`: release, trial or develop). */
export function venueQrCodesOf(cfg: Config): VenueQrCodes {
  const wechatTokens = wechatTokensOf(cfg);
  return wechatTokens
    ? new WechatVenueQrCodes({ apiBase: cfg.wechat.apiBase, envVersion: needed(cfg.wechat.qrEnvVersion, 'wechatQrEnvVersion') }, wechatTokens)
    : new LocalVenueQrCodes({ h5Base: cfg.localH5Base });
}
