import { procurementStages, type ProcurementStage } from './vocabulary';

/**
 * The figures of a city's procurement dashboard, from its processes: how
 * many are in each stage, the average days spent in each stage (over the
 * processes that reached it; the current stage counts up to today), and how
 * many have at least one gender-responsive criterion. Pure, so the numbers
 * the charts and their tables show are tested once.
 */
export interface DashboardProcess {
  stage: ProcurementStage;
  genderResponsive: boolean;
  days: Record<'plan' | 'market' | 'evaluation' | 'delivery', number | null>;
}

export interface DashboardFigures {
  byStage: { stage: ProcurementStage; count: number }[];
  averageDays: {
    stage: 'plan' | 'market' | 'evaluation' | 'delivery';
    days: number | null;
    processes: number;
  }[];
  genderResponsive: number;
  total: number;
}

export function dashboardFigures(processes: readonly DashboardProcess[]): DashboardFigures {
  const timed = ['plan', 'market', 'evaluation', 'delivery'] as const;
  return {
    byStage: procurementStages.map((stage) => ({
      stage,
      count: processes.filter((p) => p.stage === stage).length,
    })),
    averageDays: timed.map((stage) => {
      const spans = processes.map((p) => p.days[stage]).filter((d): d is number => d !== null);
      return {
        stage,
        days:
          spans.length === 0 ? null : Math.round(spans.reduce((a, b) => a + b, 0) / spans.length),
        processes: spans.length,
      };
    }),
    genderResponsive: processes.filter((p) => p.genderResponsive).length,
    total: processes.length,
  };
}
