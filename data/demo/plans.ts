// The two provincial plans of the demo province, their targets (PRODUCT.md defaults) and selection rounds.
import { DEFAULT_TARGETS } from '../../geo/indicators';
import type { DatasetInput } from '../format';
import { REPORTED } from './reported';

type PlanInput = NonNullable<DatasetInput['plans']>[number];

export const PLANS: PlanInput[] = [
  {
    id: '2021-2025',
    title: 'Chương trình phòng, chống ma túy giai đoạn 2021–2025',
    legalRef: '45/CTr-UBND ngày 15/3/2021',
    start: '2021-01-01',
    end: '2025-12-31',
    targets: DEFAULT_TARGETS,
    reported: REPORTED,
  },
  {
    id: '2026-2030',
    title: 'Kế hoạch phòng, chống và kiểm soát ma túy giai đoạn 2026–2030',
    legalRef: '28/KH-UBND ngày 20/02/2026',
    start: '2026-01-01',
    end: '2030-12-31',
    targets: {
      ...DEFAULT_TARGETS,
      H1: { op: 'gte', value: 0.85, projection: 'linear' },
      T1: { op: 'gte', value: 0.7, projection: 'linear' },
      T2: { op: 'gte', value: 0.9, projection: 'none' },
    },
    reported: REPORTED,
  },
];

/** A round in which complex communes are selected for transformation under a plan. */
export interface SelectionRound {
  planId: string;
  date: string;
  count: number;
  /** Relapsed communes may be selected again (2026–2030 plan). */
  includeRelapsed: boolean;
  note: string;
}

export const SELECTION_ROUNDS: SelectionRound[] = [
  {
    planId: '2021-2025',
    date: '2021-04-12',
    count: 13,
    includeRelapsed: false,
    note: 'Chọn chuyển hóa theo Chương trình 45/CTr-UBND ngày 15/3/2021',
  },
  {
    planId: '2021-2025',
    date: '2022-03-08',
    count: 8,
    includeRelapsed: false,
    note: 'Bổ sung địa bàn chuyển hóa năm 2022',
  },
  {
    planId: '2021-2025',
    date: '2023-10-16',
    count: 9,
    includeRelapsed: false,
    note: 'Chọn chuyển hóa theo Kế hoạch 3220/KH-UBND ngày 25/9/2023',
  },
  {
    planId: '2026-2030',
    date: '2026-03-23',
    count: 15,
    includeRelapsed: true,
    note: 'Chọn chuyển hóa theo Kế hoạch 28/KH-UBND ngày 20/02/2026',
  },
];
