// Vietnamese UI text (default language).
export const vi = {
  title: 'Bản đồ phòng, chống ma túy',
  demo: 'DỮ LIỆU MINH HỌA — không phải số liệu thật',
  asOf: 'Tính đến ngày',
  loading: 'Đang tải…',
  apiDown: 'Không kết nối được máy chủ',
  status: {
    drug_free: 'Không có tệ nạn ma túy',
    complex: 'Trọng điểm, phức tạp',
    transformed: 'Đã chuyển hóa',
    relapsed: 'Tái phức tạp',
    none: 'Chưa có dữ liệu',
  },
} as const;
