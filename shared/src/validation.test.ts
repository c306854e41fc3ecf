import { z } from './zod-zh';
import { fieldErrorsFrom, parseWith } from './validation';

describe('field errors', () => {
  const schema = z.object({ name: z.string().min(2, '名称至少 2 个字') }).strict();

  it('names an unknown field even when it is called __proto__ or constructor', () => {
    const input = JSON.parse('{"name":"好的","__proto__":{"admin":true},"constructor":1,"toString":2}');
    const result = parseWith(schema, input);
    expect(result.ok).toBe(false);
    const fields = (result as { fields: Record<string, string> }).fields;
    expect(Object.keys(fields).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(JSON.parse(JSON.stringify(fields))).toEqual(JSON.parse('{"__proto__":"不允许提交此字段","constructor":"不允许提交此字段","toString":"不允许提交此字段"}'));
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
  });

  it('keeps the first message of each field, with its path', () => {
    const nested = z.object({ items: z.array(z.object({ n: z.number().max(3, '太大') })) });
    const parsed = nested.safeParse({ items: [{ n: 1 }, { n: 9 }] });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsFrom((parsed as { error: z.ZodError }).error)).toEqual({ 'items.1.n': '太大' });
  });
});
