import { hasPersonalDetails, maskPersonalDetails as mask } from './mask';

describe('maskPersonalDetails: mobile numbers', () => {
  it('masks a mobile number in a resident’s sentence, keeping the first 3 and last 4 digits', () => {
    expect(mask('我是三组的老王，电话13800138000，门口18号的路灯坏了三个月了。')).toBe(
      '我是三组的老王，电话138****8000，门口18号的路灯坏了三个月了。',
    );
  });

  it('masks numbers grouped with spaces or dashes, dropping the grouping', () => {
    expect(mask('有事打138 0013 8000或者138-0013-8000找我')).toBe('有事打138****8000或者138****8000找我');
    expect(mask('手机：139－1234－5678')).toBe('手机：139****5678');
    expect(mask('手机 1391234 5678')).toBe('手机 139****5678');
    expect(mask('手机：151\u30001234\u30005678。')).toBe('手机：151****5678。');
  });

  it('keeps a +86 / 0086 / 86 / 0 prefix as written and masks the number after it', () => {
    expect(mask('在外地的儿子电话+86 139 1234 5678')).toBe('在外地的儿子电话+86 139****5678');
    expect(mask('+8613912345678')).toBe('+86139****5678');
    expect(mask('联系0086-13912345678')).toBe('联系0086-139****5678');
    expect(mask('号码8613912345678')).toBe('号码86139****5678');
    expect(mask('打013912345678也行')).toBe('打0139****5678也行');
    expect(mask('(+86)13912345678')).toBe('(+86)139****5678');
  });

  it('masks full-width digits, keeping the kept digits full-width', () => {
    expect(mask('联系电话：１３８００１３８０００，谢谢')).toBe('联系电话：１３８****８０００，谢谢');
    expect(mask('＋８６ １５０ ２０２６ １１２２')).toBe('＋８６ １５０****１１２２');
  });

  it('masks every number in a list', () => {
    expect(mask('13800138000/13900139000、15012345678')).toBe('138****8000/139****9000、150****5678');
    expect(mask('13800138000 13900139000')).toBe('138****8000 139****9000');
  });

  it('leaves 11-digit numbers that are not mobiles, and mobiles inside longer numbers of 12–14 digits', () => {
    expect(mask('编号12345678901')).toBe('编号12345678901'); // starts 12
    expect(mask('流水号913800138000')).toBe('流水号913800138000'); // 12 digits, a mobile after the 9
    expect(mask('单号20261122138001380')).toBe('单号*************1380'); // 17 digits: masked as a long number
  });
});

describe('maskPersonalDetails: landlines', () => {
  it('keeps the area code and masks the local number', () => {
    expect(mask('村委会电话0571-87654321，工作日打。')).toBe('村委会电话0571-********，工作日打。');
    expect(mask('北京的亲戚010-62345678')).toBe('北京的亲戚010-********');
    expect(mask('座机：0755-2345678')).toBe('座机：0755-*******');
    expect(mask('座机 0571 8765 4321')).toBe('座机 0571-********');
  });

  it('masks landlines in brackets and without separators', () => {
    expect(mask('电话（0571）8765 4321')).toBe('电话0571-********');
    expect(mask('电话(021)62345678')).toBe('电话021-********');
    expect(mask('电话057187654321')).toBe('电话0571-********');
    expect(mask('电话02162345678')).toBe('电话021-********');
    expect(mask('电话０５７１－８７６５４３２１')).toBe('电话０５７１-********');
  });

  it('masks a bracketed landline right after another number', () => {
    expect(mask('13800138000(0571)87654321')).toBe('138****8000' + '0571-********');
  });

  it('leaves an extension visible', () => {
    expect(mask('0571-87654321-802')).toBe('0571-********-802');
  });
});

describe('maskPersonalDetails: identity numbers and long numbers', () => {
  it('masks an 18-character identity number, keeping the first 3 and last 4', () => {
    expect(mask('身份证号：110101199003071234，请核实。')).toBe('身份证号：110***********1234，请核实。');
    expect(mask('身份证11010119900307123X')).toBe('身份证110***********123X');
    expect(mask('身份证11010119900307123x。')).toBe('身份证110***********123x。');
    expect(mask('身份证 110101 19900307 123X')).toBe('身份证 110***********123X');
    expect(mask('身份证：１１０１０１１９９００３０７１２３Ｘ')).toBe('身份证：１１０***********１２３Ｘ');
  });

  it('masks bank cards and other long numbers, keeping the last 4', () => {
    expect(mask('补贴打到卡号6222021234567890123')).toBe('补贴打到卡号***************0123');
    expect(mask('卡号 6222 0212 3456 7890 里')).toBe('卡号 ************7890 里');
    expect(mask('老身份证110101900307123')).toBe('老身份证***********7123');
  });
});

describe('maskPersonalDetails: e-mail, WeChat and QQ ids, where a home is', () => {
  it('keeps an e-mail address’s first character and its domain', () => {
    expect(mask('有事发邮件到li.xiuying@qq.com或者Wang_1990@163.com.cn。')).toBe('有事发邮件到l***@qq.com或者W***@163.com.cn。');
  });

  it('masks a WeChat or QQ id written after its name, with or without a colon', () => {
    expect(mask('加我微信：lixiuying_58，或者微信号 wxid-abc123，VX:Laowang2026')).toBe('加我微信：l***********，或者微信号 w**********，VX:L**********');
    expect(mask('QQ：12345678，扣扣号１２３４５６')).toBe('QQ：12******，扣扣号１２****');
    // a word that is not an id after it, and an id too short to be one, stay
    expect(mask('我没有微信，用QQ也不方便；微信：abc')).toBe('我没有微信，用QQ也不方便；微信：abc');
  });

  it('masks a flat’s unit and room and a village house number, not the building, street or group', () => {
    expect(mask('我住3栋2单元1801室，楼道灯坏了')).toBe('我住3栋*单元****室，楼道灯坏了');
    expect(mask('12号楼1单元502的水管漏水')).toBe('12号楼*单元***的水管漏水');
    expect(mask('对门1801室养狗扰民')).toBe('对门****室养狗扰民');
    expect(mask('六组23号门前的水沟堵了，5队7号也是')).toBe('六组**号门前的水沟堵了，5队*号也是');
    expect(mask('老街18号、18号院和3号楼门口、第5组的路')).toBe('老街18号、18号院和3号楼门口、第5组的路');
  });
});

describe('maskPersonalDetails: what is left alone', () => {
  it('does not touch dates, times, amounts, house numbers, postcodes or counts', () => {
    const text =
      '2026-11-22上午九点到11:30，在18号院门口；修路花了12000元（1,380.50元材料费），' +
      '共收集意见107条，答复92条。3号楼门口，邮编311200。1990-03-07出生，2026年11月22日反映。' +
      '逢三六九赶集，10:30-11:30量血压，2025-2026年度。';
    expect(mask(text)).toBe(text);
    expect(hasPersonalDetails(text)).toBe(false);
  });

  it('does not touch text without digits, or an empty string', () => {
    expect(mask('希望在村口装个路灯，晚上太黑了。')).toBe('希望在村口装个路灯，晚上太黑了。');
    expect(mask('')).toBe('');
  });
});

describe('maskPersonalDetails: a whole submission', () => {
  it('masks everything personal in one go and leaves the rest', () => {
    const text =
      '我叫李秀英，住5组18号，身份证330106195805121234，手机138 0013 8000，家里座机0571-87654321。' +
      '11月22日赶集时反映：村口到集市的路有个大坑，修一下大概要3000元。';
    expect(mask(text)).toBe(
      '我叫李秀英，住5组**号，身份证330***********1234，手机138****8000，家里座机0571-********。' +
        '11月22日赶集时反映：村口到集市的路有个大坑，修一下大概要3000元。',
    );
    expect(hasPersonalDetails(text)).toBe(true);
  });

  it('is idempotent', () => {
    const text = '电话+86 138-0013-8000，身份证11010119900307123X，座机（0571）87654321，卡号6222021234567890123，邮箱li.xiuying@qq.com，微信：lixiuying_58，QQ 12345678，住3栋2单元1801室、5组18号';
    const once = mask(text);
    expect(mask(once)).toBe(once);
    expect(hasPersonalDetails(once)).toBe(false);
  });
});
