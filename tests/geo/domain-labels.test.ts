// One table of labels (geo/domain-labels.ts) for the UI, the exports and the server's messages: the web's
// dictionaries show what it says, in both languages, with the plans' Vietnamese wording.
import { describe, expect, it } from 'vitest';
import { en, vi } from '../../web/i18n/messages';

describe('the labels of the domain', () => {
  it('read the same in the Vietnamese and English dictionaries as the plans write them', () => {
    expect(vi.status).toEqual({
      drug_free: 'Không có tệ nạn ma túy',
      complex: 'Trọng điểm, phức tạp',
      transformed: 'Đã chuyển hóa',
      relapsed: 'Tái phức tạp',
      none: 'Chưa có dữ liệu',
    });
    expect(en.status.drug_free).toBe('Drug-free');
    expect([vi.hs.kinds, en.hs.kinds]).toEqual([
      { diem: 'Điểm', tu_diem: 'Tụ điểm' },
      { diem: 'Point', tu_diem: 'Gathering place' },
    ]);
    expect(vi.hs.activities).toEqual({
      selling: 'Mua bán',
      organising_use: 'Tổ chức sử dụng',
      harbouring: 'Chứa chấp',
      using: 'Sử dụng',
    });
    // The exports wrote "Tái hình thành" and the panel "Hình thành lại" for the same event: one wording now.
    expect([vi.hd.eventKinds.reformed, en.hd.eventKinds.reformed]).toEqual(['Tái hình thành', 'Re-formed']);
    expect(vi.hotspotStatus).toEqual({ active: 'Đang hoạt động', eliminated: 'Đã triệt xóa' });
  });
});
