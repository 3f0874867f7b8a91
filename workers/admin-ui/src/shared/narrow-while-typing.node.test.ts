import { describe, expect, it } from 'vitest';
import { narrowWhileTyping } from './narrow-while-typing.ts';

const alliances = [
  { value: 'all_1', label: '红山区西屯街道党建联合体' },
  { value: 'all_2', label: '红山区永巨街道党建联合体' },
  { value: 'all_3', label: '西屯社区共建联盟' },
];

describe('a searching select between a keystroke and the server’s answer', () => {
  it('keeps only the names that contain what is now typed', () => {
    expect(narrowWhileTyping(alliances, '西屯', '').map((o) => o.value)).toEqual(['all_1', 'all_3']);
    expect(narrowWhileTyping(alliances, ' 永巨 ', '红山').map((o) => o.value)).toEqual(['all_2']);
  });

  it('shows the server’s answer as given once it is for the typed text, even names that do not contain it', () => {
    // The server may match on more than the name (a lead organization's name, say).
    expect(narrowWhileTyping(alliances, '西屯', '西屯').map((o) => o.value)).toEqual(['all_1', 'all_2', 'all_3']);
  });

  it('narrows nothing while the box is empty', () => {
    expect(narrowWhileTyping(alliances, '  ', '西屯')).toHaveLength(3);
  });
});
