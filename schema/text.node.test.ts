import { describe, expect, it } from 'vitest';
import { plainText, textProblem } from './text.ts';

// The one text rule (schema/text.ts) on its own: what is refused, what is kept, what is normalised.
describe('the text rule', () => {
  const name = plainText('名称').min(1).max(20);
  const notes = plainText('说明', { multiline: true });

  it('normalises to NFC: e + combining acute is stored as é', () => {
    expect(name.parse('Caf\u0065\u0301')).toBe('Caf\u00e9');
    expect(name.parse('  Café  ')).toBe('Café');
  });

  it('refuses a lone surrogate and U+FFFD with a Chinese message naming the field', () => {
    for (const bad of ['坏\ud800字', '坏\udc00字', '乱码\ufffd']) {
      const r = name.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('名称含有无法识别的字符（乱码），请删除后重新输入');
    }
  });

  it('keeps a well-formed surrogate pair (an emoji, a rare Han character beyond the BMP)', () => {
    expect(name.parse('社区😀')).toBe('社区😀');
    expect(name.parse('𠀀村')).toBe('𠀀村');
  });

  it('refuses NUL and control characters; a multi-line field keeps line feeds, carriage returns and tabs', () => {
    expect(name.safeParse('名\u0000称').error!.issues[0]!.message).toBe('名称不能含有控制字符或换行');
    expect(name.safeParse('名\n称').success).toBe(false);
    expect(name.safeParse('名\u0085称').success).toBe(false);
    expect(name.safeParse('名\u007f称').success).toBe(false);
    expect(notes.parse('第一行\r\n第二行\t完')).toBe('第一行\r\n第二行\t完');
    expect(notes.safeParse('第一行\u0000').error!.issues[0]!.message).toBe('说明不能含有控制字符');
    expect(notes.safeParse('响铃\u0007').success).toBe(false);
  });

  it('textProblem is null for ordinary Chinese text', () => {
    expect(textProblem('铁南街道长青社区党委', '名称')).toBeNull();
  });
});
