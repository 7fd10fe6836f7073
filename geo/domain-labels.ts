// The names of the domain's values in Vietnamese (as the plans write them) and English: one table for the UI, the
// exports and the server's messages.
import type { HotspotActivity, HotspotEventKind, HotspotKind, HotspotStatus } from './hotspots';
import type { ChangeGroup } from './changes';
import type { IndicatorId } from './indicators';
import type { CommuneStatus } from './status';

export type Lang = 'vi' | 'en';
type Named<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

export const COMMUNE_STATUS_LABELS: Named<CommuneStatus> = {
  drug_free: { vi: 'Không có tệ nạn ma túy', en: 'Drug-free' },
  complex: { vi: 'Trọng điểm, phức tạp', en: 'Complex' },
  transformed: { vi: 'Đã chuyển hóa', en: 'Transformed' },
  relapsed: { vi: 'Tái phức tạp', en: 'Relapsed' },
};

export const HOTSPOT_KIND_LABELS: Named<HotspotKind> = {
  diem: { vi: 'Điểm', en: 'Point' },
  tu_diem: { vi: 'Tụ điểm', en: 'Gathering place' },
};

export const HOTSPOT_ACTIVITY_LABELS: Named<HotspotActivity> = {
  selling: { vi: 'Mua bán', en: 'Selling' },
  organising_use: { vi: 'Tổ chức sử dụng', en: 'Organising use' },
  harbouring: { vi: 'Chứa chấp', en: 'Harbouring' },
  using: { vi: 'Sử dụng', en: 'Using' },
};

export const HOTSPOT_EVENT_LABELS: Named<HotspotEventKind> = {
  detected: { vi: 'Phát hiện', en: 'Detected' },
  eliminated: { vi: 'Triệt xóa', en: 'Eliminated' },
  reformed: { vi: 'Tái hình thành', en: 'Re-formed' },
};

export const HOTSPOT_STATUS_LABELS: Named<HotspotStatus> = {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  eliminated: { vi: 'Đã triệt xóa', en: 'Eliminated' },
};

export const INDICATOR_LABELS: Named<IndicatorId> = {
  H1: { vi: 'Điểm, tụ điểm đã triệt xóa', en: 'Hotspots eliminated' },
  H2: { vi: 'Thay đổi số điểm hoạt động trong năm', en: 'Yearly change in active hotspots' },
  H3: { vi: 'Điểm, tụ điểm tái hình thành', en: 'Re-formed hotspots' },
  T1: { vi: 'Địa bàn đã chuyển hóa', en: 'Areas transformed' },
  T2: { vi: 'Địa bàn chuyển hóa không tái phức tạp', en: 'Transformed areas not relapsed' },
  C1: { vi: 'Xã không có tệ nạn ma túy', en: 'Drug-free communes' },
};

export const CHANGE_GROUP_LABELS: Named<ChangeGroup> = {
  became_complex: { vi: 'Trở thành trọng điểm, phức tạp', en: 'Became complex' },
  transformed: { vi: 'Đã chuyển hóa', en: 'Transformed' },
  relapsed: { vi: 'Tái phức tạp', en: 'Relapsed' },
  became_drug_free: { vi: 'Trở thành xã không có tệ nạn ma túy', en: 'Became drug-free' },
};

/** One language's column of a table: { key: text }. */
/** The line every printed page of the meeting carries (the brief's footer, the dashboard printed from the browser). */
export const CLASSIFICATION = 'TÀI LIỆU LƯU HÀNH NỘI BỘ — phục vụ họp Ban Chỉ đạo, không phổ biến ra ngoài';

export function labelsIn<K extends string>(table: Named<K>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, (v as Record<Lang, string>)[lang]])) as Record<
    K,
    string
  >;
}
