import type { Config } from '../../config';
import { LocalVenueQrCodes, WechatVenueQrCodes, type VenueQrCodes } from '../../adapters/wechat/venue-qr-code';
import { wechatTokensOf } from '../wechat';

export function venueQrCodesOf(cfg: Config): VenueQrCodes {
  const wechatTokens = wechatTokensOf(cfg);
  return wechatTokens ? new WechatVenueQrCodes({ apiBase: cfg.wechat.apiBase }, wechatTokens) : new LocalVenueQrCodes({ h5Base: cfg.localH5Base });
}
