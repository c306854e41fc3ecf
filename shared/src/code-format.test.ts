import { codeProblem, describeAlphabet, normaliseCode } from './code-format';
import { TICKET_CODE_ALPHABET } from './ticket-code';

describe('ticket and invite codes as people type them', () => {
  it('forgives case, spaces, dashes and full-width characters from a Chinese input method', () => {
    expect(normaliseCode(' acd-3 4７ ')).toBe('ACD347');
    expect(normaliseCode('ＡＣＤ３４７')).toBe('ACD347');
  });

  it('says which characters a code is made of', () => {
    expect(describeAlphabet(TICKET_CODE_ALPHABET)).toBe('字母（不含 B、I、L、O、S、Z）或数字 3、4、6、7、9');
  });

  it('names the first character no code has (a 0 read as O, a 1 read as I), then the length', () => {
    expect(codeProblem('ZZZZZZ', '预约码', 6, TICKET_CODE_ALPHABET)).toBe('预约码里不会有「Z」，请核对：预约码由字母（不含 B、I、L、O、S、Z）或数字 3、4、6、7、9组成');
    expect(codeProblem('ACD34', '预约码', 6, TICKET_CODE_ALPHABET)).toContain('应为 6 位（您输入了 5 位）');
    expect(codeProblem('ACD347', '预约码', 6, TICKET_CODE_ALPHABET)).toBeUndefined();
  });
});
