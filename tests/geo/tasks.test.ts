// Department tasks by hand: states from the dates, the follow-up order, reminders.
import { describe, expect, it } from 'vitest';
import { followUpOrder, remindersFor, taskState } from '../../geo/tasks';

const task = (id: number, lead: string, deadline: string, completedOn: string | null = null) => ({
  id,
  lead,
  deadline,
  completedOn,
});

describe('department tasks', () => {
  it('are open until the deadline, overdue the day after, done on time or late', () => {
    expect(taskState(task(1, 'CA', '2026-06-30'), '2026-06-30')).toBe('open');
    expect(taskState(task(1, 'CA', '2026-06-30'), '2026-07-01')).toBe('overdue');
    expect(taskState(task(1, 'CA', '2026-06-30', '2026-06-30'), '2026-12-01')).toBe('done');
    expect(taskState(task(1, 'CA', '2026-06-30', '2026-07-02'), '2026-12-01')).toBe('done_late');
  });

  it('follow up overdue ones first, the longest overdue first, then open by deadline, then done', () => {
    const tasks = [
      task(1, 'SYT', '2026-12-31'),
      task(2, 'CA', '2026-09-30', '2026-09-01'),
      task(3, 'SYT', '2026-10-15'),
      task(4, 'CA', '2026-08-31'),
      task(5, 'SGDDT', '2026-12-10'),
      task(6, 'CA', '2026-09-30', '2026-10-05'),
    ];
    expect(followUpOrder(tasks, '2026-12-03').map((t) => t.id)).toEqual([4, 3, 5, 1, 6, 2]);
  });

  it('remind a department of its tasks overdue or due within a week', () => {
    const tasks = [
      task(1, 'SYT', '2026-12-10'),
      task(2, 'SYT', '2026-12-11'),
      task(3, 'SYT', '2026-11-30'),
      task(4, 'CA', '2026-12-04'),
    ];
    expect(remindersFor(tasks, 'SYT', '2026-12-03').map((t) => t.id)).toEqual([3, 1]);
    expect(remindersFor(tasks, 'CA', '2026-12-03').map((t) => t.id)).toEqual([4]);
  });
});
