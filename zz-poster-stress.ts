import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { renderVenuePoster } from './functions/src/posters/venue-poster';
import { demoPosterInput } from './scripts/venue-poster';
(async () => {
  const base = await demoPosterInput();
  const rgba = await QRCode.toBuffer('https://example.invalid/x', { width: 430, margin: 1, color: { light: '#0000' } });
  const stress = {
    ...base,
    studioName: '无锡市惠山区洛社镇新开河村与石塘湾村联合党代表工作室（第二联络组）',
    venueName: '洛社镇新开河村、石塘湾村、杨市农贸集市及周边早市流动服务点（东区入口）',
    address: '江苏省无锡市惠山区洛社镇人民路与新开河路交叉口向东二百米农贸市场东门北侧停车场旁边的空地上',
    services: Array.from({ length: 13 }, (_, i) => ({ name: `服务项目名称很长的第${i + 1}项服务`, description: '这里是一段比较长的服务说明文字，用来测试两行以内的截断效果，超出部分会被省略号代替，不会挤到下一页去。' })),
    scheduleText: '农历逢三六九以及每月第一个星期六上午 08:00–11:30，下午 14:00–16:30（雨天顺延）',
    nextDays: ['11月24日 周二（十月十六）', '11月27日 周五（十月十九）', '12月1日 周二（十月廿三）', '12月4日 周五（十月廿六）', '12月7日 周一（十月廿九）', '12月11日 周五（冬月初三）'],
    qrPng: rgba,
  };
  writeFileSync('/tmp/poster/stress.pdf', await renderVenuePoster(stress));
  writeFileSync('/tmp/poster/empty.pdf', await renderVenuePoster({ ...base, services: [], nextDays: [] }));
  writeFileSync('/tmp/poster/five.pdf', await renderVenuePoster({ ...base, services: [...base.services, { name: '法律咨询', description: '' }] }));
  writeFileSync('/tmp/poster/six.pdf', await renderVenuePoster({ ...base, services: [...base.services, { name: '法律咨询', description: '律师解答邻里、家事纠纷' }, { name: '代办服务', description: '帮老人代办社保认证等' }] }));
  writeFileSync('/tmp/poster/eight.pdf', await renderVenuePoster({ ...base, services: [...base.services, ...base.services.map(s => ({...s, name: s.name + '（二）'}))] }));
})();
