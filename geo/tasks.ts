// Department tasks (seed 002, Nghệ An): tasks handed to departments by a document, followed up against their
// deadlines. Pure rules: a task's state on a day, the follow-up order, and the reminders a department sees.
import { daysBetween, type IsoDate } from './dates';

export const TASK_STATES = ['open', 'overdue', 'done', 'done_late'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface TaskDates {
  deadline: IsoDate;
  /** The day the lead department reported it done; null while not done. */
  completedOn: IsoDate | null;
}

/** Done (on time or late) once completed; before that, overdue the day after its deadline. */
export function taskState(t: TaskDates, today: IsoDate): TaskState {
  if (t.completedOn !== null) return t.completedOn <= t.deadline ? 'done' : 'done_late';
  return today > t.deadline ? 'overdue' : 'open';
}

const RANK: Record<TaskState, number> = { overdue: 0, open: 1, done_late: 2, done: 3 };

/** The follow-up order: overdue first (the longest overdue first), then open by deadline, then done ones. */
export function followUpOrder<T extends TaskDates & { id: number }>(tasks: readonly T[], today: IsoDate): T[] {
  return [...tasks].sort(
    (a, b) =>
      RANK[taskState(a, today)] - RANK[taskState(b, today)] || a.deadline.localeCompare(b.deadline) || a.id - b.id,
  );
}

/** What a department is reminded of when its users sign in: its tasks overdue or due within `days` days. */
export function remindersFor<T extends TaskDates & { id: number; lead: string }>(
  tasks: readonly T[],
  department: string,
  today: IsoDate,
  days = 7,
): T[] {
  return followUpOrder(
    tasks.filter((t) => t.lead === department && t.completedOn === null && daysBetween(today, t.deadline) <= days),
    today,
  );
}
