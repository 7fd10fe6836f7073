import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery } from '../../geo/text';

describe('Vietnamese search folding', () => {
  it('drops tone and vowel marks and đ', () => {
    expect(foldVietnamese('Tân An')).toBe('tan an');
    expect(foldVietnamese('Ấp Phước Hòa, xã ĐỨC Mỹ')).toBe('ap phuoc hoa, xa duc my');
    expect(foldVietnamese('Hoà')).toBe(foldVietnamese('Hòa')); // old and new tone placement
  });

  it('matches every word, with or without diacritics, in any order', () => {
    const text = foldVietnamese('Khóm 2, thị trấn Hòa Lợi — điểm bán lẻ');
    expect(matchesQuery(text, 'hoa loi')).toBe(true);
    expect(matchesQuery(text, 'Hòa Lợi')).toBe(true);
    expect(matchesQuery(text, 'loi khom')).toBe(true);
    expect(matchesQuery(text, 'tan an')).toBe(false);
  });
});
